import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/client.ts';
import {
  AppError,
  describeError,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
  isCatalogCode,
} from './errors.ts';
import { RETRY_AFTER_SECONDS } from './load-shedding.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'FORM_TOO_LARGE',
  FST_FIELDS_LIMIT: 'FORM_TOO_LARGE',
  FST_PARTS_LIMIT: 'FORM_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'UPLOAD_TOO_MANY_FILES',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // The router's own refusals (`frameworkErrors`): a path that is not valid percent-encoded UTF-8, or a
  // path parameter longer than the router takes.
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

/**
 * SQLSTATEs a value from a request can cause when a schema let it through (text where a number is
 * expected, a number out of range, a date that does not exist, NUL in text): answered as bad input.
 */
const BAD_VALUE_SQLSTATES = new Set(['22P02', '22003', '22007', '22008', '22021', '22001', '54000']);

/** `/body/password` or `body.items.0.name` → `password` / `items.0.name` (the form field path). */
function fieldPath(instancePath: string | undefined, missing?: unknown): string {
  const parts = (instancePath ?? '').split('/').filter(Boolean);
  if (typeof missing === 'string') parts.push(missing);
  return parts.join('.');
}

/** The request limits the messages name. */
export type RequestLimits = {
  uploadLimitBytes: number;
  /** Files in one upload (10 unless said). */
  maxFiles?: number;
  /** A JSON or form body (1 MB unless said). */
  bodyLimitBytes?: number;
};

export function toErrorResponse(
  err: unknown,
  limits: RequestLimits,
): { status: number; body: ErrorBody; unexpected: boolean } {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      path: fieldPath(
        v.instancePath,
        (v.params as { missingProperty?: string } | undefined)?.missingProperty,
      ),
      message: v.message ?? '格式不正确',
    }));
    const { status, message } = describeError('VALIDATION_FAILED');
    return { status, body: { error: { code: 'VALIDATION_FAILED', message, fields } }, unexpected: false };
  }
  let code: ErrorCode | null = null;
  let params: Record<string, unknown> = {};
  let fields: FieldError[] | undefined;
  // An AppError whose code no catalog defines (its module is not registered) is unexpected: INTERNAL.
  if (err instanceof AppError && isCatalogCode(err.code)) {
    code = err.code;
    params = err.params;
    fields = err.fields;
  } else if (err && typeof err === 'object') {
    const e = err as { code?: unknown; params?: Record<string, unknown>; statusCode?: number };
    if (isCatalogCode(e.code)) {
      code = e.code;
      params = e.params ?? {};
    } else if (typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
      code = FASTIFY_CODES[e.code] ?? null;
    } else if (isDatabaseUnavailable(err)) {
      code = 'DATABASE_UNAVAILABLE';
    } else if (e.code === '23505') {
      code = 'DUPLICATE';
    } else if (e.code === '23503') {
      // A reference to a record that does not exist (an unknown unit chosen): the input's fault.
      code = 'REFERENCE_NOT_FOUND';
    } else if (typeof e.code === 'string' && BAD_VALUE_SQLSTATES.has(e.code)) {
      code = 'BAD_REQUEST';
    } else if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      code =
        e.statusCode === 404 ? 'NOT_FOUND' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    }
  }
  const { uploadLimitBytes, maxFiles = 10, bodyLimitBytes = 1024 * 1024 } = limits;
  if (code === 'UPLOAD_TOO_LARGE')
    params = { limitMb: Math.round(uploadLimitBytes / 1024 / 1024), ...params };
  if (code === 'UPLOAD_TOO_MANY_FILES') params = { maxFiles, ...params };
  if (code === 'FORM_TOO_LARGE') params = { limitMb: Math.round(bodyLimitBytes / 1024 / 1024), ...params };
  const unexpected = code === null;
  const finalCode: ErrorCode = code ?? 'INTERNAL';
  const { status, message } = describeError(finalCode, params);
  const body: ErrorBody = { error: { code: finalCode, message, ...(fields ? { fields } : {}) } };
  return { status, body, unexpected };
}

export type ErrorReplyOptions = RequestLimits & {
  renderHtmlError?: (req: FastifyRequest, status: number, message: string) => string;
};

/**
 * The answer to an error: JSON under `/api/`, a Chinese page elsewhere. Also Fastify's
 * `frameworkErrors`, so the router's refusals (a malformed or overlong path) answer the same way.
 */
export function errorReply(opts: ErrorReplyOptions) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body, unexpected } = toErrorResponse(err, opts);
    if (unexpected) req.log.error({ err }, 'unexpected error');
    else if (body.error.code === 'DATABASE_UNAVAILABLE') req.log.warn({ err }, 'database unavailable');
    // Overload and a database that is down pass: tell clients (and proxies) when to come back.
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    const wantsHtml = !req.url.startsWith('/api/') && opts.renderHtmlError;
    if (wantsHtml && opts.renderHtmlError) {
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(opts.renderHtmlError(req, status, body.error.message));
    }
    return reply.code(status).send(body);
  };
}

export function registerErrorHandler(app: FastifyInstance, opts: ErrorReplyOptions) {
  app.setErrorHandler(errorReply(opts));
}
