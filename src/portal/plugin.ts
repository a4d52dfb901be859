import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { htmlPage, redirectResponse } from '../platform/http/schemas.ts';
import { PORTAL_CSS_PATH, portalCss } from './assets.ts';
import type { Html } from './html.ts';
import { type Breadcrumb, ELDERLY_COOKIE, ELDERLY_PREFS_PATH, portalNav, renderPage } from './layout.ts';
import {
  headersTooLargeDocument,
  NOT_FOUND_TITLE,
  notFoundBody,
  serverErrorDocument,
} from './pages/errors.ts';
import { GUIDE_TITLE, guideBody, type OfficeInfo } from './pages/guide.ts';
import { HOME_TITLE, homeBody } from './pages/home.ts';
import { pendingSectionBody } from './pages/sections.ts';
import { currentPortalSite, type PortalSite } from './site.ts';

export type { Html, HtmlValue } from './html.ts';
export { escapeHtml, html, join, raw } from './html.ts';
export type { Breadcrumb, NavItem, PageOptions } from './layout.ts';
export { ELDERLY_COOKIE, portalNav, renderPage } from './layout.ts';
export { type OfficeInfo, officeBlock } from './pages/guide.ts';
export {
  currentPortalSite,
  currentSiteName,
  currentSiteOrgIds,
  type PortalSite,
  prefixLinks,
  prefixLocation,
  runWithPortalSite,
  SITE_PREFIX,
  splitSitePrefix,
} from './site.ts';

export interface PortalOptions {
  readonly siteName: string;
  readonly office?: OfficeInfo;
  /**
   * Nav paths (e.g. `'/gk/documents'`) that another module serves itself; the portal then does not
   * register its own page there.
   */
  readonly omitPages?: readonly string[];
}

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * `cache-control` of a public page whose only per-visitor content is the visitor's CSRF token in its
 * form (a GET of a page with a comment form): browsers revalidate it and shared caches do not store it;
 * the portal's own page cache (`platform/http/page-cache.ts`) stores it with the token taken out and
 * puts each visitor's back. A page showing what a visitor typed or looked up stays `no-store`.
 */
export const FORM_PAGE_CACHE = 'private, no-cache';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const MAX_BACK_LENGTH = 2048;

/** True when the visitor turned on elderly mode (cookie `gk_elderly=1`). */
export function isElderly(request: FastifyRequest): boolean {
  const cookies = request.cookies as Record<string, string | undefined> | undefined;
  if (cookies) return cookies[ELDERLY_COOKIE] === '1';
  const header = request.headers.cookie;
  return header !== undefined && /(?:^|;)\s*gk_elderly=1\s*(?:;|$)/.test(header);
}

/**
 * Returns `value` if it is a local path (a single leading `/`, no backslashes or control characters),
 * otherwise `'/'`. Characters outside printable ASCII are percent-encoded so the result is a valid
 * `Location` header value.
 */
export function safeLocalPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_BACK_LENGTH) return '/';
  if (value[0] !== '/' || value[1] === '/') return '/';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return '/';
  }
  try {
    return value.replace(/[^\x21-\x7e]+/g, (chunk) => encodeURIComponent(chunk));
  } catch {
    return '/'; // lone surrogates
  }
}

/** A page rendered once in both display modes, for content that does not change between requests. */
export interface PageVariants {
  readonly standard: Buffer;
  readonly elderly: Buffer;
}

/**
 * The Chinese 404 page in the portal layout, for the app's not-found handler (non-API paths).
 * The caller sets the status code and `content-type: text/html; charset=utf-8`.
 */
export function renderNotFound(request: FastifyRequest, siteName: string): string {
  const path = request.url.split('#', 1)[0] ?? '/';
  return renderPage({
    title: NOT_FOUND_TITLE,
    siteName,
    body: notFoundBody(),
    current: null,
    elderly: isElderly(request),
    breadcrumbs: [{ label: '首页', href: '/' }, { label: NOT_FOUND_TITLE }],
    path: safeLocalPath(path),
  });
}

/** A plain, self-contained Chinese 500 page. The caller sets the status code and content type. */
export function renderServerError(siteName?: string): string {
  return serverErrorDocument(siteName);
}

/** A plain, self-contained Chinese 431 page (request headers, usually cookies, too large). */
export function renderHeadersTooLarge(siteName?: string): string {
  return headersTooLargeDocument(siteName);
}

/** A page of the portal as a module's route sends it. */
export interface PortalPage {
  readonly title: string;
  readonly siteName: string;
  /** The nav item it belongs to (`/gk/apply`); null: none. */
  readonly current: string | null;
  /** Its own path (the elderly-mode switch comes back here). */
  readonly path: string;
  readonly breadcrumbs: readonly Breadcrumb[];
  readonly body: Html;
  /** 200 unless said. */
  readonly status?: number;
  /** `cache-control`, `no-cache` unless said: `no-store` for personal data or a CSRF token. */
  readonly cache?: string;
}

/** Sends a portal page in the visitor's display mode; `Vary: Cookie`, as the elderly-mode cookie changes it. */
export function sendPortalPage(request: FastifyRequest, reply: FastifyReply, page: PortalPage): FastifyReply {
  const document = renderPage({
    title: page.title,
    siteName: page.siteName,
    current: page.current,
    path: page.path,
    elderly: isElderly(request),
    breadcrumbs: page.breadcrumbs,
    body: page.body,
  });
  return reply
    .code(page.status ?? 200)
    .header('content-type', HTML_TYPE)
    .header('cache-control', page.cache ?? 'no-cache')
    .header('vary', 'Cookie')
    .send(document);
}

/**
 * A page of a portal column (e.g. 年度报告, 工作计划): the column is the current menu item, the breadcrumbs
 * start at 首页, and the page's path is the request's.
 */
export function sendColumnPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { column: string; siteName: string; title: string; body: Html; crumbs: readonly Breadcrumb[] },
): FastifyReply {
  return sendPortalPage(request, reply, {
    title: page.title,
    siteName: page.siteName,
    current: page.column,
    path: request.url,
    breadcrumbs: [{ label: '首页', href: '/' }, ...page.crumbs],
    body: page.body,
  });
}

/** What a fixed page was rendered from, and its renderings for each site identity it was served under. */
const variantSources = new WeakMap<
  PageVariants,
  { opts: Parameters<typeof renderPageVariants>[0]; bySite: WeakMap<PortalSite, PageVariants> }
>();

/**
 * Renders a fixed page once in both display modes (standard and elderly). Served under a site identity
 * (`runWithPortalSite`), its header and footer are rendered again once for that identity.
 */
export function renderPageVariants(opts: {
  title: string;
  siteName: string;
  body: Html;
  current: string;
  breadcrumbs?: readonly Breadcrumb[];
}): PageVariants {
  const variants = {
    standard: Buffer.from(renderPage({ ...opts, elderly: false })),
    elderly: Buffer.from(renderPage({ ...opts, elderly: true })),
  };
  variantSources.set(variants, { opts, bySite: new WeakMap() });
  return variants;
}

/** The variants of a fixed page for the site identity of the request being served. */
function variantsForSite(page: PageVariants): PageVariants {
  const site = currentPortalSite();
  const source = variantSources.get(page);
  if (!site || !source) return page;
  let rendered = source.bySite.get(site);
  if (!rendered) {
    const { opts } = source;
    rendered = {
      standard: Buffer.from(renderPage({ ...opts, elderly: false })),
      elderly: Buffer.from(renderPage({ ...opts, elderly: true })),
    };
    source.bySite.set(site, rendered);
  }
  return rendered;
}

/** Sends the variant of a fixed page for the visitor's display mode (headers as `sendPortalPage`). */
export function sendPageVariants(request: FastifyRequest, reply: FastifyReply, page: PageVariants): void {
  const variants = variantsForSite(page);
  reply
    .header('content-type', HTML_TYPE)
    .header('cache-control', 'no-cache')
    .header('vary', 'Cookie')
    .send(isElderly(request) ? variants.elderly : variants.standard);
}

/** Registers the public portal: home, section pages, elderly-mode switch and stylesheet. */
export async function portalPlugin(app: FastifyInstance, opts: PortalOptions): Promise<void> {
  const siteName = opts.siteName;
  const omitted = new Set(opts.omitPages ?? []);

  // The fixed pages, rendered once per site identity: the options' at start-up, and each identity the
  // app serves a request with (`runWithPortalSite`), so an edited identity shows on the next request.
  const render = (site: { siteName: string; office?: OfficeInfo }) => {
    const pages = new Map<string, PageVariants>();
    for (const item of portalNav) {
      if (omitted.has(item.href)) continue;
      if (item.href === '/') {
        const siteName = site.siteName;
        pages.set(
          '/',
          renderPageVariants({ title: HOME_TITLE, siteName, body: homeBody(siteName), current: '/' }),
        );
        continue;
      }
      const isGuide = item.href === '/gk/guide';
      const title = isGuide ? GUIDE_TITLE : item.label;
      pages.set(
        item.href,
        renderPageVariants({
          title,
          siteName: site.siteName,
          body: isGuide ? guideBody(site.siteName, site.office) : pendingSectionBody(item),
          current: item.href,
          breadcrumbs: [{ label: '首页', href: '/' }, { label: title }],
        }),
      );
    }
    return pages;
  };
  const pages = render({ siteName, office: opts.office });
  const bySite = new WeakMap<PortalSite, Map<string, PageVariants>>();
  const pagesFor = (site: PortalSite | undefined): Map<string, PageVariants> => {
    if (!site) return pages;
    let rendered = bySite.get(site);
    if (!rendered) {
      rendered = render(site);
      bySite.set(site, rendered);
    }
    return rendered;
  };

  for (const path of pages.keys()) {
    app.get(path, { schema: { response: { 200: htmlPage } } }, (request, reply) => {
      const page = pagesFor(currentPortalSite()).get(path) ?? (pages.get(path) as PageVariants);
      sendPageVariants(request, reply, page);
    });
  }

  app.get(ELDERLY_PREFS_PATH, { schema: { response: { 303: redirectResponse } } }, (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const on = query?.on === '1';
    const back = safeLocalPath(query?.back);
    const cookieOptions = {
      path: '/',
      sameSite: 'lax' as const,
      httpOnly: true,
      secure: request.protocol === 'https',
    };
    if (on) reply.setCookie(ELDERLY_COOKIE, '1', { ...cookieOptions, maxAge: ONE_YEAR_SECONDS });
    else reply.clearCookie(ELDERLY_COOKIE, cookieOptions);
    reply.header('cache-control', 'no-store').redirect(back, 303);
  });

  const etag = `"${portalCss.hash}"`;
  app.get(
    PORTAL_CSS_PATH,
    { schema: { response: { 200: htmlPage, 304: redirectResponse } } },
    (request, reply) => {
      const versioned = (request.query as Record<string, unknown> | undefined)?.v === portalCss.hash;
      reply
        .header('content-type', 'text/css; charset=utf-8')
        .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) {
        reply.code(304).send();
        return;
      }
      reply.send(portalCss.body);
    },
  );
}
