import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what the site module records in the audit trail (`platform/audit/labels.ts`). */
export const SITE_AUDIT_LABELS: AuditLabels = {
  actions: { 'site.setup': '初始设置', 'site.update': '修改站点信息' },
  subjects: { site: '站点信息' },
};
