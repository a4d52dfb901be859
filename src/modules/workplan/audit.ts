import type { AuditLabels } from '../../platform/audit/labels.ts';
import type { AssessmentAction } from './domain/scoring.ts';

/** How each step of an assessment reads in the audit trail (workplan.assessment.<action>). */
const ASSESSMENT_ACTION_LABELS: Readonly<Record<AssessmentAction, string>> = {
  recompute: '重新计算考核得分',
  submit: '提交考核结果',
  approve: '审定考核结果',
  return: '退回考核结果',
  publish: '公布考核结果',
};

/** The names of what the work-plan ledger records in the audit trail (`platform/audit/labels.ts`). */
export const WORKPLAN_AUDIT_LABELS: AuditLabels = {
  actions: {
    'workplan.plan.create': '新建工作台账',
    'workplan.plan.update': '修改工作台账',
    'workplan.progress.submit': '报送任务进展',
    'workplan.progress.review': '审核任务进展',
    'workplan.progress.publish': '发布落实情况',
    'workplan.cascade.derive': '从上级要点生成本级台账',
    'workplan.cascade.map': '对应上级任务',
    'workplan.link.save': '衔接上级计划任务',
    'workplan.lookback.carry': '回头看：结转未完成任务',
    'workplan.rules.update': '修改考核规则',
    'workplan.assessment.create': '新建考核',
    ...Object.fromEntries(
      Object.entries(ASSESSMENT_ACTION_LABELS).map(([a, label]) => [`workplan.assessment.${a}`, label]),
    ),
  },
  subjects: {
    work_plan: '工作台账',
    work_task: '台账任务',
    work_assignment: '任务分工',
    work_assessment: '考核',
    org: '机构',
  },
};
