import type { ModuleManifest } from '../../platform/module.ts';
import { calendarApi } from './api.ts';
import { CALENDAR_AUDIT_LABELS } from './audit.ts';
import { calendarCommands } from './cli.ts';
import { CALENDAR_ERRORS } from './errors.ts';
import { loadBundledYears } from './service.ts';

export const calendarModule: ModuleManifest = {
  name: 'calendar',
  errors: CALENDAR_ERRORS,
  auditLabels: CALENDAR_AUDIT_LABELS,
  commands: calendarCommands,
  api: calendarApi,
  reference: loadBundledYears,
};
