import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the 政策问答 module: HTTP status and the Chinese message a user sees. */
export const QA_ERRORS = {
  QA_QUESTION_TOO_LONG: {
    status: 400,
    message: (p) => `问题太长了，请精简到${p.max ?? 200}字以内。`,
  },
  QA_DOCUMENT_NOT_PUBLIC: {
    status: 400,
    message: '关联的文件不存在或尚未主动公开，请选择已公开的文件。',
  },
  QA_PAIR_STATE: {
    status: 409,
    message: (p) => `${p.reason ?? '当前状态下不能进行此操作。'}`,
  },
  QA_ROUTED_STATE: {
    status: 409,
    message: (p) => `该问题当前为“${p.status ?? ''}”，不能进行此操作，请刷新后查看。`,
  },
  QA_CONSULTATION_INVALID: {
    status: 400,
    message: (p) => `咨询记录有误：${p.detail ?? ''}。`,
  },
  QA_CONSULTATION_UNIT_SCOPE: {
    status: 403,
    message: (p) => `承办单位“${p.unit ?? ''}”不在您管理的范围内，不能为其登记咨询记录。`,
  },
  QA_CONSULTATION_IMPORT: {
    status: 400,
    message: (p) => `导入失败，未导入任何记录：${p.detail ?? ''}。请修改后重新导入。`,
  },
  QA_CONSULTATION_IMPORT_FILE: {
    status: 400,
    message: (p) => `无法读取导入文件：${p.detail ?? ''}。`,
  },
  QA_CONSULTATION_SUGGESTED: {
    status: 409,
    message: '所选咨询记录已推荐到政策问答库，请勿重复推荐。',
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof QA_ERRORS> {}
}
