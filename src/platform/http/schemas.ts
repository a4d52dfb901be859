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
