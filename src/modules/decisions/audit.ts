import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what 决策公开 records in the audit trail (`platform/audit/labels.ts`). */
export const DECISIONS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'consultation.create': '新建意见征集',
    'consultation.update': '修改意见征集',
    'consultation.publish': '发布意见征集',
    'consultation.close': '结束意见征集',
    'consultation.comment.enter': '录入来信、来电、电子邮件意见',
    'consultation.comment.import': '导入意见',
    'consultation.comment.portal': '收到网上意见',
    'consultation.comment.moderate': '公开或隐藏意见',
    'consultation.regroup': '重新归并相同意见',
    'consultation.group.merge': '合并意见组',
    'consultation.group.split': '拆分意见组',
    'consultation.feedback': '填写意见采纳情况',
    'consultation.feedback.publish': '发布意见采纳情况',
    'decisions.settings': '修改决策公开设置',
    'decision.item.create': '新增重大行政决策事项',
    'decision.item.update': '修改重大行政决策事项',
    'decision.step': '记录决策程序环节',
    'decision.item.decide': '确认已决策',
  },
  subjects: {
    consultation: '意见征集',
    consultation_comment: '征集意见',
    decision_settings: '决策公开设置',
    decision_item: '重大行政决策事项',
  },
};
