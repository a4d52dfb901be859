import type { AuditLabels } from '../../platform/audit/labels.ts';
import { ACTION_LABELS, ACTIONS } from './domain/stages.ts';

/** The names of what 依申请公开 records in the audit trail (`platform/audit/labels.ts`). */
export const REQUESTS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'request.submit': '提交申请',
    // Each legal step of a case is audited as request.<step>, named as the case history names it.
    ...Object.fromEntries(ACTIONS.map((a) => [`request.${a}`, ACTION_LABELS[a]])),
    'request.view_personal': '查看申请人个人信息',
    'request.analytics_view_personal': '查看统计中的申请人信息',
    'request.release_flag': '标记为可转主动公开',
    'request.release_decide': '决定是否转主动公开',
    'request.letter_template_update': '修改文书模板',
    'request.letter_template_reset': '恢复默认文书模板',
    'request.import': '导入原有台账',
    'request.letter_create': '生成文书',
    'request.letter_download': '下载文书',
    'request.file_download': '下载案卷材料',
    'request.view_saved': '保存筛选视图',
    'request.view_updated': '修改筛选视图',
    'request.view_deleted': '删除筛选视图',
    'request.export': '导出案卷',
    'request.signoff_chain_update': '设置答复审核签发流程',
  },
  subjects: {
    request: '依申请公开申请',
    request_analytics: '依申请公开统计',
    request_letter_template: '文书模板',
    request_saved_view: '筛选视图',
  },
};
