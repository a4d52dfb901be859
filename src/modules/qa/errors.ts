import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the 政策问答 module: HTTP status and the Chinese message a user sees. */
export const QA_ERRORS = {
  QA_QUESTION_TOO_LONG: {
    status: 400,
    message: (p) => `问题太长了，请精简到${p.max ?? 200}字以内。`,
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof QA_ERRORS> {}
}
