// Small typed fetch wrapper for the Gongkai JSON API.
import type { z } from 'zod';

/**
 * What a request schema (body or querystring) accepts, as the console sends it: `z.input<S>`, except
 * that a coerced field (`z.coerce.number()`, whose input type is `unknown`) takes its parsed type, so
 * the console sends a number where the server reads one. Schemas without coerced fields use `z.input`.
 */
export type Input<S extends z.ZodType> = CoercedAsParsed<z.input<S>, z.output<S>>;
type CoercedAsParsed<I, O> = {
  [K in keyof I]: unknown extends I[K] ? (K extends keyof O ? O[K] : I[K]) : I[K];
};

export interface FieldError {
  path: string;
  message: string;
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** When false, a 401 does not trigger the global "go to login" handler (login and session probe). */
  redirectOn401?: boolean;
}

const CSRF_COOKIE = 'gk_csrf';
const CSRF_HEADER = 'x-csrf-token';

let unauthorizedHandler: (() => void) | undefined;

/** Registers the callback run when any API call answers 401 (the session ended). */
export function onUnauthorized(handler: (() => void) | undefined): void {
  unauthorizedHandler = handler;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isFieldErrorList(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every(
      (f) =>
        typeof f === 'object' && f !== null && typeof f.path === 'string' && typeof f.message === 'string',
    )
  );
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: unknown } | null)?.error;
  if (typeof err === 'object' && err !== null) {
    const { code, message, fields } = err as { code?: unknown; message?: unknown; fields?: unknown };
    if (typeof message === 'string') {
      return new ApiError(
        status,
        typeof code === 'string' ? code : `HTTP_${status}`,
        message,
        isFieldErrorList(fields) ? fields : [],
      );
    }
  }
  if (status === 401) return new ApiError(status, 'UNAUTHENTICATED', '登录已失效，请重新登录');
  if (status === 403) return new ApiError(status, 'FORBIDDEN', '您没有执行此操作的权限');
  if (status === 413) return new ApiError(status, 'FILE_TOO_LARGE', '文件太大，无法上传');
  if (status === 404) return new ApiError(status, 'NOT_FOUND', '请求的内容不存在');
  return new ApiError(status, `HTTP_${status}`, `服务器出错（状态码 ${status}），请稍后重试`);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: isForm
        ? (options.body as FormData)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }

  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (response.status === 401 && options.redirectOn401 !== false) unauthorizedHandler?.();
    throw error;
  }
  return body as T;
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` or `filename="…"`). */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || undefined;
}

/**
 * Fetches a file with the session and hands it to the browser as a download. Unlike a plain link, an
 * error answer (JSON) becomes an ApiError the page can show.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = null;
    }
    if (response.status === 401) unauthorizedHandler?.();
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = dispositionFileName(response.headers.get('content-disposition')) ?? fallbackName;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the address is released.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, options?: RequestOptions) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** POSTs a multipart form (file uploads) with the CSRF token; errors as for JSON calls. */
export function postForm<T>(path: string, form: FormData): Promise<T> {
  return request<T>('POST', path, { body: form });
}

/** Chinese message for any thrown value (ApiError or unexpected). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
