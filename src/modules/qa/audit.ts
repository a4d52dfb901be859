import type { AuditLabels } from '../../platform/audit/labels.ts';
import type { PairAction } from './domain/pairs.ts';

/** How each review step of a Q&A pair reads in the audit trail (qa.pair.<action>). */
const PAIR_ACTION_LABELS: Readonly<Record<Exclude<PairAction, 'edit'>, string>> = {
  submit: '提交问答审核',
  approve: '审核通过并发布问答',
  return: '退回问答',
};

/** The names of what 政策问答 records in the audit trail (`platform/audit/labels.ts`). */
export const QA_AUDIT_LABELS: AuditLabels = {
  actions: {
    'qa.pair.created': '新增政策问答',
    'qa.pair.updated': '修改政策问答',
    'qa.pair.edit': '修改政策问答',
    ...Object.fromEntries(Object.entries(PAIR_ACTION_LABELS).map(([a, l]) => [`qa.pair.${a}`, l])),
    'qa.pairs.flagged': '所依据文件失效，问答待复核',
    'qa.index.refreshed': '更新政策问答检索索引',
    'qa.pair.from_routed': '转办答复收入政策问答库',
    'qa.routed.submit': '群众提交转办问题',
    'qa.routed.assign': '确认转办问题承办单位',
    'qa.routed.answer': '承办单位答复转办问题',
    'qa.routed.approve': '审核通过并发送转办答复',
    'qa.routed.return': '退回转办答复',
    'qa.routed.settings': '设置转办问题答复期限',
    'qa.consultation.create': '录入咨询记录',
    'qa.consultation.import': '导入咨询记录',
    'qa.consultation.suggest': '高频咨询推荐到政策问答库',
  },
  subjects: {
    qa_pair: '政策问答',
    qa_index: '政策问答检索索引',
    qa_routed_question: '政策问答转办问题',
    qa_settings: '政策问答设置',
    qa_consultation: '咨询记录',
  },
};
