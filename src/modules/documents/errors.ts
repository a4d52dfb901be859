import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the documents module (政府文件库): HTTP status and the Chinese message a user sees.
 * The manifest declares them (`errors`); the platform merges every module's catalog at start-up.
 */
export const DOCUMENTS_ERRORS = {
  DOC_NUMBER_INVALID: {
    status: 400,
    message: (p) => `文号格式不正确：${p.reason ?? '应如“济政办字〔2021〕18号”'}`,
  },
  DOC_ATTRIBUTE_REQUIRED: {
    status: 400,
    message: '请先确定公开属性（主动公开、依申请公开或不予公开）再送审：先确定公开属性，再运转呈签。',
  },
  DOC_GROUND_REQUIRED: {
    status: 400,
    message: '依申请公开或不予公开的文件，应当选择条例第十四、十五、十六条规定的具体依据并说明理由。',
  },
  DOC_INTERPRETATION_NOT_PENDING: {
    status: 409,
    message: '这份解读材料不在待审核状态，无需审核。',
  },
  DOC_STATUS_INVALID: {
    status: 409,
    message: (p) => `文件当前状态为“${p.statusLabel ?? p.status}”，不能${p.actionLabel ?? '进行此操作'}。`,
  },
  DOC_INTERPRETATION_REQUIRED: {
    status: 409,
    message: (p) =>
      `${p.genreLabel ?? '政策性文件'}应当与解读材料同步起草、同步审签、同步发布（三同步，不解读不运转）：请至少添加一份解读材料后再${p.actionLabel ?? '发布'}。`,
  },
  DOC_ATTACHMENT_UNREADABLE: {
    status: 422,
    message: (p) => `附件“${p.name ?? ''}”无法读取：${p.reason ?? '文件已损坏或格式不正确'}。`,
  },
  DOC_INDEX_PATTERN_INVALID: { status: 400, message: (p) => `${p.reason ?? '索引号规则不正确'}。` },
  DOC_RELATION_INVALID: { status: 400, message: (p) => `${p.reason ?? '文件关联关系不正确'}。` },
  DOC_IMPORT_INVALID: { status: 400, message: (p) => `批量导入失败：${p.reason ?? '元数据表格式不正确'}。` },
  DOC_ATTRIBUTE_REVIEW_INVALID: {
    status: 409,
    message: '只有依申请公开或不予公开的文件可以进行公开属性复审。',
  },
  // gazette and catalogues
  GAZETTE_ITEM_INVALID: { status: 400, message: (p) => `政府公报第${p.position ?? ''}项内容不正确。` },
  GAZETTE_ITEM_NOT_PUBLISHED: {
    status: 409,
    message: (p) => `政府公报只能刊登已发布的文件及其解读（第${p.position ?? ''}项尚未发布）。`,
  },
  GAZETTE_ISSUE_PUBLISHED: { status: 409, message: '该期政府公报已发布，请先撤回发布后再修改或删除。' },
  GAZETTE_ISSUE_EMPTY: { status: 409, message: '该期政府公报还没有刊登任何文件，不能发布。' },
  GAZETTE_FONT_MISSING: {
    status: 503,
    message:
      '服务器缺少生成政府公报PDF所需的中文字体（Noto Sans CJK），暂时无法提供PDF版本，请联系系统管理员安装字体。',
  },
  DISCLOSURE_COLUMN_INVALID: { status: 400, message: (p) => `${p.reason ?? '法定主动公开栏目设置不正确'}。` },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof DOCUMENTS_ERRORS> {}
}
