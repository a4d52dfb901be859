/**
 * Who runs the site, as the portal shows it in every page's header and footer: the site name, 主办单位,
 * 网站标识码, the ICP and 公安 filings, the logo and the disclosure office's contact details. The data
 * lives with the site module (`modules/site`); the app puts the request's site around each request
 * (`runWithPortalSite`), and the layout and the modules' pages read it (`currentPortalSite`), so pages
 * rendered by any module follow the data without being handed it, and a change shows on the next request.
 *
 * One installation serves many governments (集约化): the app chooses the site by the request's host name,
 * else by the path prefix `/s/{行政区划代码}` (`splitSitePrefix`, stripped before routing), else the root
 * government's. A page served under a prefix keeps its links under it (`prefixLinks`, applied to the
 * portal's HTML and redirects as they are sent).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OfficeInfo } from './pages/guide.ts';

export interface PortalSite {
  readonly siteName: string;
  /** 主办单位. */
  readonly sponsor?: string | null;
  /** 网站标识码. */
  readonly siteCode?: string | null;
  /** ICP备案号, linked to the MIIT registry. */
  readonly icpRecord?: string | null;
  readonly icpUrl?: string | null;
  /** 公安机关备案号, linked to its record. */
  readonly policeRecord?: string | null;
  readonly policeUrl?: string | null;
  /** Address of the logo image, if there is one. */
  readonly logoUrl?: string | null;
  /** The disclosure office (政府信息公开工作机构) and its contact details, for the guide and the footer. */
  readonly office?: OfficeInfo;
  /** The government whose site this is; absent before the first run. */
  readonly government?: { readonly id: number; readonly name: string; readonly regionCode: string | null };
  /** True for the root government's site (the installation's, e.g. the city's); false for one below it. */
  readonly isRoot?: boolean;
  /** The site's own organisations: its government and the departments and towns that belong to it. */
  readonly orgIds?: readonly number[];
  /** Everything the site may show: its government's whole subtree, the governments below included. */
  readonly subtreeIds?: readonly number[];
  /** The governments below this one, each with its own organisations (the city's search filters by them). */
  readonly lowerGovernments?: readonly {
    readonly id: number;
    readonly name: string;
    readonly orgIds: readonly number[];
  }[];
  /** `/s/{code}` when the request named the site by its path prefix, else ''. */
  readonly basePath?: string;
}

const storage = new AsyncLocalStorage<PortalSite>();

/** Runs `work` (and what it starts) with `site` as the current site. */
export function runWithPortalSite<T>(site: PortalSite, work: () => T): T {
  return storage.run(site, work);
}

/** The site of the request being served; undefined outside one (start-up, tests of the layout alone). */
export function currentPortalSite(): PortalSite | undefined {
  return storage.getStore();
}

/**
 * The site name of the request being served, for pages that name the site in their text (e.g. 本栏目发布…
 * 制发的文件): `fallback` (the name at start-up) outside a request.
 */
export function currentSiteName(fallback: string): string {
  return storage.getStore()?.siteName ?? fallback;
}

/** The organisations whose content the current site lists as its own; undefined: no restriction. */
export function currentSiteOrgIds(): readonly number[] | undefined {
  return storage.getStore()?.orgIds;
}

/** The path prefix that names a government's site: `/s/{code}/…`. */
export const SITE_PREFIX = '/s/';

/**
 * Splits `/s/{code}/rest?query` into the code (a 行政区划代码: 6 or 12 digits) and the path the routes know
 * (`/rest?query`); null when the URL has no such prefix (then no route matches it: the portal's 404).
 * `/s/{code}` alone is the site's home page.
 */
export function splitSitePrefix(url: string): { code: string; rest: string } | null {
  if (!url.startsWith(SITE_PREFIX)) return null;
  const m = /^\/s\/(\d{6}(?:\d{6})?)([/?#].*)?$/s.exec(url);
  if (!m?.[1]) return null;
  const tail = m[2] ?? '';
  return { code: m[1], rest: tail.startsWith('/') ? tail : `/${tail}` };
}

/**
 * The HTML with every root-relative link (`href`, `action`, `src`, `formaction` starting with one `/`)
 * put under `base` (e.g. `/s/370832`), so that a page served under a site's prefix keeps its visitor there.
 */
export function prefixLinks(document: string, base: string): string {
  if (base === '') return document;
  return document.replace(
    /(\s(?:href|action|src|formaction)=")\/(?![/\\])/g,
    (_m, attr: string) => `${attr}${base}/`,
  );
}

/** A redirect's target under `base` when it is a local path (`/…`, not `//…`); other targets as they are. */
export function prefixLocation(location: string, base: string): string {
  if (base === '' || !location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))
    return location;
  return `${base}${location}`;
}
