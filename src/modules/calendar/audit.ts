import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what the calendar records in the audit trail (`platform/audit/labels.ts`). */
export const CALENDAR_AUDIT_LABELS: AuditLabels = {
  actions: { 'calendar.year.create': '录入年度工作日历', 'calendar.year.update': '修改年度工作日历' },
  subjects: { calendar_year: '工作日历' },
};
