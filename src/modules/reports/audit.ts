import type { AuditLabels } from '../../platform/audit/labels.ts';
import { TRANSITION_LABELS, TRANSITIONS } from './domain/states.ts';
import { COMPLAINT_STEP_LABELS, COMPLAINT_STEPS } from './registers/domain/complaints.ts';

/** The names of what the annual reports record in the audit trail (`platform/audit/labels.ts`). */
export const REPORTS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'report.figures': '填报年度报告数据',
    'report.narrative': '修改年度报告文字部分',
    'report.seed': '生成演示年度报告',
    'report.review.create': '登记行政复议、行政诉讼案件',
    'report.review.update': '修改行政复议、行政诉讼案件',
    'report.review.delete': '删除行政复议、行政诉讼案件',
    'report.past': '录入以往年度报告数据',
    'report.correct': '提出年度报告更正',
    'report.complaint.create': '登记投诉举报',
    'report.complaint.submit': '收到网上投诉举报',
    'report.complaint.update': '修改投诉举报',
    'report.complaint.delete': '删除投诉举报',
    'report.complaint.view_personal': '查看投诉举报人信息',
    'report.complaint.settings': '修改投诉举报办理期限',
    ...Object.fromEntries(
      COMPLAINT_STEPS.map((s) => [`report.complaint.${s}`, `投诉举报${COMPLAINT_STEP_LABELS[s]}`]),
    ),
    ...Object.fromEntries(TRANSITIONS.map((t) => [`report.${t}`, `年度报告${TRANSITION_LABELS[t]}`])),
  },
  subjects: {
    report: '年度报告',
    report_review: '行政复议、行政诉讼案件',
    report_history: '以往年度报告数据',
    complaint: '投诉举报',
    complaint_settings: '投诉举报设置',
  },
};
