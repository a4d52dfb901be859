import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what the demo module records in the audit trail (`platform/audit/labels.ts`). */
export const DEMO_AUDIT_LABELS: AuditLabels = {
  actions: { 'demo.remove': '删除演示数据' },
  subjects: { demo: '演示数据' },
};
