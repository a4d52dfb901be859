import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what 标准目录 and 定向公开 record in the audit trail (`platform/audit/labels.ts`). */
export const STANDARDS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'standard_item.create': '新增标准目录事项',
    'standard_item.update': '修改标准目录事项',
    'standard_item.delete': '删除标准目录事项',
    'standard_item.import': '导入标准目录',
    'targeted.create': '新建定向公开信息',
    'targeted.update': '修改定向公开信息',
    'targeted.list': '上传定向公开名单',
    'targeted.publish': '发布定向公开信息',
    'targeted.withdraw': '撤回定向公开信息',
    'targeted.posting': '登记张贴情况',
  },
  subjects: {
    standard_item: '标准目录事项',
    targeted_notice: '定向公开信息',
  },
};
