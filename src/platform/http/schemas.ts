/**
 * Request schemas every module shares (zod → validation and OpenAPI), with the Chinese messages the
 * error handler shows in `fields`.
 */
import { z } from 'zod';

/** A calendar date written `YYYY-MM-DD` (the form only; whether the day exists is checked where it matters). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A record's id: a positive whole number (path parameters and query filters arrive as text). */
export const recordId = z.coerce.number('编号无效').int('编号无效').positive('编号无效');

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
