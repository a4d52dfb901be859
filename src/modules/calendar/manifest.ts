import type { ModuleManifest } from '../../platform/module.ts';
import { calendarApi } from './api.ts';
import { CALENDAR_ERRORS } from './errors.ts';
import { loadBundledYears } from './service.ts';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  errors: CALENDAR_ERRORS,
  api: calendarApi,
  reference: loadBundledYears,
};
