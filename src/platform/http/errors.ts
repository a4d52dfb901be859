/**
 * Stable error codes: HTTP status and the Chinese message a user sees. The platform's own codes (HTTP,
 * sessions, uploads) are below; each module owns the catalog of its codes (its `errors.ts`, declared
 * in its manifest), and `registerModules` merges them all at start-up, refusing a code defined twice.
 * Domain code throws errors carrying `code` (+ `params`); the HTTP layer looks them up here.
 */
type Params = Record<string, unknown>;
export type ErrorEntry = { status: number; message: string | ((p: Params) => string) };
export type ErrorCatalog = Record<string, ErrorEntry>;

export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后重试。' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确。' },
  URL_TOO_LONG: { status: 414, message: '网址中的内容过长，请检查网址。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录。' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试。' },
  CSRF_INVALID: { status: 403, message: '页面已失效（安全校验未通过），请刷新页面后重试。' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作。' },
  NOT_FOUND: { status: 404, message: '您访问的内容不存在。' },
  CONFLICT: { status: 409, message: '数据已被修改或存在冲突，请刷新后重试。' },
  REFERENCE_NOT_FOUND: { status: 400, message: '所选的记录不存在或已被删除，请刷新后重新选择。' },
  DUPLICATE: { status: 409, message: (p) => `${p.what ?? '该名称'}已存在。` },
  UPLOAD_TOO_LARGE: {
    status: 413,
    message: (p) => `上传的文件过大，单个文件不能超过${p.limitMb ?? 50}MB。`,
  },
  UPLOAD_TOO_MANY_FILES: {
    status: 413,
    message: (p) => `一次上传的文件过多，每次最多上传${p.maxFiles ?? 10}个文件，请分批上传。`,
  },
  FORM_TOO_LARGE: {
    status: 413,
    message: (p) =>
      `提交的内容过多（超过${p.limitMb ?? 1}MB），请删减后重试；附件请通过上传文件提交，不要粘贴到文本框中。`,
  },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    message: (p) =>
      `不支持该文件类型${p.name ? `（${p.name}）` : ''}，请上传 PDF、Word、Excel、图片或文本文件。`,
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型。' },
  DATA_DIR_LOCKED: {
    status: 503,
    message:
      '数据目录正被另一个进程（通常是运行中的服务器）使用。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: '数据库暂时无法连接，请稍后再试。系统会自动重新连接，恢复后即可正常使用。',
  },
  SERVER_BUSY: {
    status: 503,
    message: '当前访问人数较多，系统繁忙，请稍等几秒后再试。',
  },
  INTERNAL: { status: 500, message: '系统出现错误，请稍后再试。如问题持续，请联系管理员。' },
} satisfies ErrorCatalog;

/** The codes of a catalog, as members of `ErrorCodes`. */
export type CodesOf<C extends ErrorCatalog> = { readonly [K in keyof C]: true };

/**
 * Every code of every catalog, for the compiler. The platform's codes are declared here; each module
 * adds its own by declaration merging from its `errors.ts` (as modules add their tables to `Database`):
 *   declare module '../../platform/http/errors.ts' { interface ErrorCodes extends CodesOf<typeof X_ERRORS> {} }
 */
export interface ErrorCodes extends CodesOf<typeof PLATFORM_ERRORS> {}

export type ErrorCode = keyof ErrorCodes & string;

/** One catalog and who defines it (`platform` or a module's name). */
export type CatalogSource = { owner: string; errors: ErrorCatalog };
type Merged = Map<string, { owner: string; entry: ErrorEntry }>;

/** Two catalogs define the same code: a programming error, refused at start-up. */
export class DuplicateErrorCodeError extends Error {}

/** The platform's catalog and the modules' ones as one; a code defined twice is refused. */
export function mergeErrorCatalogs(sources: readonly CatalogSource[]): Merged {
  const merged: Merged = new Map();
  for (const { owner, errors } of [{ owner: 'platform', errors: PLATFORM_ERRORS }, ...sources]) {
    for (const [code, entry] of Object.entries(errors)) {
      const earlier = merged.get(code);
      if (earlier)
        throw new DuplicateErrorCodeError(
          `error code ${code} is defined twice: by ${earlier.owner} and by ${owner}`,
        );
      merged.set(code, { owner, entry });
    }
  }
  return merged;
}

let catalog: Merged = mergeErrorCatalogs([]);

/**
 * Makes the modules' catalogs the ones `describeError` reads (replacing any installed before). Called
 * by `registerModules` when the module list is assembled, before any request or command runs.
 */
export function installErrorCatalogs(sources: readonly CatalogSource[]): void {
  catalog = mergeErrorCatalogs(sources);
}

export type FieldError = { path: string; message: string };

/** An error meant for the user: a catalog code, its params and optional field-level messages. */
export class AppError extends Error {
  code: ErrorCode;
  params: Params;
  fields: FieldError[] | undefined;
  constructor(code: ErrorCode, params: Params = {}, fields?: FieldError[]) {
    super(code);
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export function isCatalogCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && catalog.has(code);
}

/**
 * The status and Chinese message of a code. A code no installed catalog defines (its module is not in
 * the module list) is answered as INTERNAL rather than failing while an error is being reported.
 */
export function describeError(code: ErrorCode, params: Params = {}): { status: number; message: string } {
  const entry = catalog.get(code)?.entry ?? PLATFORM_ERRORS.INTERNAL;
  return {
    status: entry.status,
    message: typeof entry.message === 'function' ? entry.message(params) : entry.message,
  };
}

export type ErrorBody = { error: { code: string; message: string; fields?: FieldError[] } };
