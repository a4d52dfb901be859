import type { FastifyReply, FastifyRequest, FastifySchema, FastifySerializerCompiler } from 'fastify';
import { fileResponse, htmlPage } from '../../../platform/http/schemas.ts';
import { type Breadcrumb, type Html, html, sendPortalPage } from '../../../portal/plugin.ts';

export const DOCUMENTS_PATH = '/gk/documents';
export const SEARCH_PATH = '/gk/documents/search';
export const CONVERTED_PATH = '/gk/documents/converted';
export const CATALOGUE_PATH = '/gk/catalogue';
export const GAZETTE_PATH = '/gk/gazette';
export const GUIDE_PATH = '/gk/guide';
export const STATUTORY_PATH = '/gk/statutory';
export const ENTERPRISES_PATH = '/gk/enterprises';

/**
 * Serializes as a route without a response schema does: portal pages answer with strings and buffers,
 * which Fastify sends as they are, so their schemas only document them (OpenAPI). Named on the route,
 * the pages also mount on a bare Fastify instance, whose default compiler cannot read zod schemas.
 */
const documentedOnly: FastifySerializerCompiler<FastifySchema> = () => (data) => JSON.stringify(data);

/** Route options of a public page: it answers with HTML. */
export const PAGE_ROUTE = { schema: { response: { 200: htmlPage } }, serializerCompiler: documentedOnly };
/** Route options of a public download (attachment, image, PDF). */
export const FILE_ROUTE = { schema: { response: { 200: fileResponse } }, serializerCompiler: documentedOnly };

/** Public pages may be cached briefly by browsers and proxies; the elderly-mode cookie varies them. */
export const PUBLIC_CACHE = 'public, max-age=60';

export type SendOptions = {
  title: string;
  siteName: string;
  body: Html;
  current: string;
  path: string;
  breadcrumbs: readonly Breadcrumb[];
  status?: number;
  cache?: string;
};

/**
 * The cache policy of a public response: `public` unless this response also issues the visitor's CSRF
 * cookie (first visit), which a shared cache must never store and hand to others.
 */
export function cachePolicy(req: FastifyRequest, policy: string = PUBLIC_CACHE): string {
  return (req as FastifyRequest & { csrfIssued?: boolean }).csrfIssued
    ? policy.replace(/^public\b/, 'private')
    : policy;
}

/** Sends a portal page in the visitor's display mode. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, o: SendOptions) {
  const status = o.status ?? 200;
  return sendPortalPage(req, reply, {
    ...o,
    status,
    cache: status === 200 ? cachePolicy(req, o.cache) : 'no-cache',
  });
}

/** The first value of a query parameter, as a trimmed string ('' when absent). */
export function param(query: unknown, name: string, max = 200): string {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const v = q[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim().slice(0, max) : '';
}

/** A positive integer query/path value, or undefined. */
export function positiveInt(v: string, max = 2_000_000_000): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= max ? n : undefined;
}

export { contentDisposition } from '../../../platform/http/content-disposition.ts';
// Paging is the portal's (`portal/pagination.ts`): the documents' lists use its defaults.
export { MAX_PAGE, PAGE_SIZE, pageOf, pagination } from '../../../portal/pagination.ts';

/** Multi-line plain text as paragraphs; lines like “一、…” become headings. Everything is escaped. */
export function textToHtml(text: string): Html {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return html`${blocks.map((l) =>
    /^[一二三四五六七八九十]+、/.test(l)
      ? html`<h2>${l}</h2>`
      : /^（[一二三四五六七八九十]+）/.test(l)
        ? html`<h3>${l}</h3>`
        : html`<p>${l}</p>`,
  )}`;
}

export function formatSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)}KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
}
