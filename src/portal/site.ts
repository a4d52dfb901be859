/**
 * Who runs the site, as the portal shows it in every page's header and footer: the site name, 主办单位,
 * 网站标识码, the ICP and 公安 filings, the logo and the disclosure office's contact details. The data
 * lives with the site module (`modules/site`); the app puts the current identity around each request
 * (`runWithPortalSite`), and the layout reads it (`currentPortalSite`), so pages rendered by any module
 * follow the data without being handed it, and a change shows on the next request.
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
