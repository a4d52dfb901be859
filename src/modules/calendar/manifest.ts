import type { ModuleManifest } from '../../platform/module.ts';
import { calendarApi } from './api.ts';
import { calendarCommands } from './cli.ts';
import { CALENDAR_ERRORS } from './errors.ts';
import { loadBundledYears } from './service.ts';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  errors: CALENDAR_ERRORS,
  commands: calendarCommands,
  api: calendarApi,
  reference: loadBundledYears,
};
