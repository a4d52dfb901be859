import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what 政策找人 records in the audit trail (`platform/audit/labels.ts`). */
export const ENTERPRISES_AUDIT_LABELS: AuditLabels = {
  actions: {
    'enterprise.created': '新建企业档案',
    'enterprise.updated': '修改企业档案',
    'enterprise.imported': '导入企业档案',
    'enterprise.self_updated': '企业自行完善档案',
    'enterprise.verified': '企业验证身份',
    'policy.conditions.saved': '设置政策申报条件',
    'policy.pushed': '推送政策',
    'policy.push.applied': '登记企业已申报',
    'policy.push.granted': '登记政策已兑现',
    'policy.push.granted_auto': '登记免申即享兑现',
    'policy.package.saved': '保存政策包',
  },
  subjects: {
    enterprise: '企业档案',
    policy_conditions: '政策申报条件',
    policy_push: '政策推送',
    policy_package: '政策包',
  },
};
