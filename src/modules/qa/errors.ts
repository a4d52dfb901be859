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
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof QA_ERRORS> {}
}
