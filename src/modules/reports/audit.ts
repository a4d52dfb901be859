import type { AuditLabels } from '../../platform/audit/labels.ts';
import { TRANSITION_LABELS, TRANSITIONS } from './domain/states.ts';

/** The names of what the annual reports record in the audit trail (`platform/audit/labels.ts`). */
export const REPORTS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'report.figures': '填报年度报告数据',
    'report.narrative': '修改年度报告文字部分',
    'report.seed': '生成演示年度报告',
    'report.review.create': '登记行政复议、行政诉讼案件',
    ...Object.fromEntries(TRANSITIONS.map((t) => [`report.${t}`, `年度报告${TRANSITION_LABELS[t]}`])),
  },
  subjects: { report: '年度报告', report_review: '行政复议、行政诉讼案件' },
};
