/**
 * Request schemas every module shares (zod → validation and OpenAPI), with the Chinese messages the
 * error handler shows in `fields`.
 */
import { z } from 'zod';

/** Whether `YYYY-MM-DD` names a day of the calendar (2026-02-30 and 2026-99-99 do not). */
export function isRealDate(v: string): boolean {
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** A calendar date written `YYYY-MM-DD`, and a day that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDate, '日期不存在，请检查年、月、日');

/** The largest id a record can have (PostgreSQL `integer`). */
export const MAX_RECORD_ID = 2_147_483_647;

/** A record's id: a positive whole number (path parameters and query filters arrive as text). */
export const recordId = z.coerce
  .number('编号无效')
  .int('编号无效')
  .positive('编号无效')
  .max(MAX_RECORD_ID, '编号无效');

/** The path parameters of `/…/:id`. */
export const idParam = z.object({ id: recordId });

/**
 * Response schemas of routes that answer with something other than JSON. Fastify sends strings and
 * buffers with the content type the route sets, without running them through the JSON serializer, so
 * these only document the answer (OpenAPI) and keep the rule that every route declares one.
 */
/** A file download (the route sets content type and Content-Disposition). */
export const fileResponse = z.unknown().describe('文件（二进制下载）');
/** A public portal page, a CSS file or another text answer. */
export const htmlPage = z.string().describe('HTML 页面');
/** A redirect (303 See Other) with no body. */
export const redirectResponse = z.null().describe('重定向，无正文');
