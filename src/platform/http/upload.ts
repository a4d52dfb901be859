/**
 * The declaration of a route that reads files from a multipart body. A route spreads `uploadRoute(…)`
 * into its schema; the mark appears in `/api/openapi.json` as the operation's `x-upload`, so the
 * hostile-file test (`test/hostile-uploads.db.test.ts`) finds every upload and import route by itself.
 * A multipart body sent to a route without the mark is refused (415) before its handler runs: a new
 * upload route cannot receive files until it is declared, and once declared it is tested.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** The form fields that carry files, each with the kinds of file the route reads there (`.xlsx`; `*`: any, stored unread). */
export type UploadSpec = { fields: Record<string, string[]> };

declare module 'fastify' {
  interface FastifySchema {
    'x-upload'?: UploadSpec;
  }
}

/** Spread into a route's schema: `schema: { ...uploadRoute({ file: ['.xlsx'] }), tags, … }`. */
export function uploadRoute(fields: UploadSpec['fields']): { 'x-upload': UploadSpec } {
  return { 'x-upload': { fields } };
}

/** Refuses a multipart body on any route not declared with `uploadRoute`. */
export function refuseUndeclaredUploads(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (req.isMultipart() && !req.routeOptions.schema?.['x-upload'])
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  });
}
