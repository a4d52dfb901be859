import type { ModuleManifest } from '../../platform/module.ts';
import { calendarApi } from './api.ts';
import { loadBundledYears } from './service.ts';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  api: calendarApi,
  reference: loadBundledYears,
};
