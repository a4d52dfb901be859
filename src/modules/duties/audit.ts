import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what the duty registers record in the audit trail (`platform/audit/labels.ts`). */
export const DUTIES_AUDIT_LABELS: AuditLabels = {
  actions: {
    'duties.create': '新增台账记录',
    'duties.update': '修改台账记录',
    'duties.import': '导入台账记录',
    'duties.errata.submit': '收到网站纠错',
    'duties.errata.assign': '交办网站纠错',
    'duties.errata.answer': '答复网站纠错',
    'duties.accounts.check': '检查政务新媒体更新情况',
  },
  subjects: {
    duty_record: '台账记录',
  },
};
