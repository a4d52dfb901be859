import { portalCss } from './assets.ts';
import { type Html, html, join } from './html.ts';
import { currentPortalSite, type PortalSite } from './site.ts';

export interface NavItem {
  readonly href: string;
  readonly label: string;
  /** One-line description, shown on the home page. */
  readonly description: string;
}

/** The 政府信息公开 column. The first item is the portal home. */
export const portalNav: readonly NavItem[] = [
  { href: '/', label: '首页', description: '政府信息公开栏目首页。' },
  {
    href: '/gk/guide',
    label: '公开指南',
    description: '政府信息的分类、编排体系、获取方式和政府信息公开工作机构的联系方式。',
  },
  { href: '/gk/rules', label: '公开制度', description: '政府信息公开工作的相关制度规定。' },
  {
    href: '/gk/statutory',
    label: '法定主动公开内容',
    description: '依照《中华人民共和国政府信息公开条例》应当主动公开的政府信息。',
  },
  { href: '/gk/documents', label: '政府文件', description: '本级人民政府及其部门制发的政府文件。' },
  {
    href: '/gk/workplans',
    label: '工作计划',
    description: '各单位年度政务公开工作方案、任务落实情况和考核结果。',
  },
  {
    href: '/gk/decisions',
    label: '决策公开',
    description: '重大行政决策草案公开征求意见、意见收集和采纳情况。',
  },
  { href: '/gk/apply', label: '依申请公开', description: '申请获取政府信息的渠道、流程和要求。' },
  {
    href: '/gk/qa',
    label: '政策问答',
    description: '用一句话提问，从现行有效的政策文件中查找答案并注明出处。',
  },
  {
    href: '/gk/enterprise',
    label: '政策找人',
    description: '企业凭统一社会信用代码验证身份，查看本企业符合条件的惠企政策、政策推送和政策包。',
  },
  { href: '/gk/reports', label: '公开年报', description: '历年政府信息公开工作年度报告。' },
];

export interface Breadcrumb {
  readonly label: string;
  /** Omit for the current page (rendered as plain text with aria-current). */
  readonly href?: string;
}

export interface PageOptions {
  /** Page title: rendered as the page's only `<h1>` and in `<title>`. */
  readonly title: string;
  readonly siteName: string;
  /** Main content, below the `<h1>`. Must not contain another `<h1>`. */
  readonly body: Html;
  /** `href` of the nav item this page belongs to, if any. */
  readonly current?: string | null;
  readonly elderly: boolean;
  readonly breadcrumbs?: readonly Breadcrumb[];
  /** Local path of this page, used as the return target of the mode switch. Defaults to `current` or `/`. */
  readonly path?: string;
}

export const ELDERLY_COOKIE = 'gk_elderly';
export const ELDERLY_PREFS_PATH = '/prefs/elderly';

/** URL of the mode switch link that turns elderly mode on or off and returns to `backPath`. */
export function elderlyToggleHref(on: boolean, backPath: string): string {
  return `${ELDERLY_PREFS_PATH}?on=${on ? '1' : '0'}&back=${encodeURIComponent(backPath)}`;
}

/**
 * The main navigation. In elderly mode its large items would fill a phone's first screen, so the list
 * is a `<details>` disclosure (no JavaScript): folded under a 「栏目导航」 summary on a phone, always
 * shown from 600 px up (portal.css).
 */
function renderNav(current: string | null | undefined, path: string, elderly: boolean): Html {
  const items = portalNav.map((item) => {
    if (item.href !== current) return html`<li><a href="${item.href}">${item.label}</a></li>`;
    const kind = item.href === path ? 'page' : 'true';
    return html`<li><a href="${item.href}" aria-current="${kind}">${item.label}</a></li>`;
  });
  const list = html`<ul>${items}</ul>`;
  const here = portalNav.find((item) => item.href === current);
  const menu = elderly
    ? html`<details class="nav-disclosure"><summary>栏目导航${here ? html`<span class="nav-here">（当前：${here.label}）</span>` : null}</summary>${list}</details>`
    : list;
  return html`<nav class="site-nav" aria-label="主导航"><div class="container">${menu}</div></nav>`;
}

function renderBreadcrumbs(crumbs: readonly Breadcrumb[] | undefined): Html | null {
  if (!crumbs || crumbs.length === 0) return null;
  const items = crumbs.map((crumb, i) => {
    const sep = i > 0 ? html`<span class="sep" aria-hidden="true">›</span>` : null;
    return crumb.href === undefined
      ? html`<li>${sep}<span aria-current="page">${crumb.label}</span></li>`
      : html`<li>${sep}<a href="${crumb.href}">${crumb.label}</a></li>`;
  });
  return html`<nav class="breadcrumbs" aria-label="当前位置"><ol>${items}</ol></nav>`;
}

/** The footer's lines about who runs the site and its filings; only what the identity gives. */
function renderSiteFacts(site: PortalSite | undefined): Html | null {
  if (!site) return null;
  const facts: Html[] = [];
  if (site.sponsor) facts.push(html`<span>主办单位：${site.sponsor}</span>`);
  if (site.siteCode) facts.push(html`<span>网站标识码：${site.siteCode}</span>`);
  if (site.icpRecord) {
    facts.push(
      site.icpUrl
        ? html`<a href="${site.icpUrl}" rel="noopener" target="_blank">${site.icpRecord}</a>`
        : html`<span>${site.icpRecord}</span>`,
    );
  }
  if (site.policeRecord) {
    facts.push(
      site.policeUrl
        ? html`<a href="${site.policeUrl}" rel="noopener" target="_blank">${site.policeRecord}</a>`
        : html`<span>${site.policeRecord}</span>`,
    );
  }
  const contact: Html[] = [];
  if (site.office?.address) contact.push(html`<span>地址：${site.office.address}</span>`);
  if (site.office?.phone) contact.push(html`<span>电话：${site.office.phone}</span>`);
  if (facts.length === 0 && contact.length === 0) return null;
  const sep = html`<span aria-hidden="true"> · </span>`;
  const line = (items: Html[]) => (items.length ? html`<p>${join(items, sep)}</p>` : null);
  return html`${line(contact)}${line(facts)}`;
}

/** Renders a complete portal HTML document. */
export function renderPage(opts: PageOptions): string {
  const { title, body, current, elderly, breadcrumbs } = opts;
  // The identity of the request being served wins over the name a page was built with (it may be older).
  const site = currentPortalSite();
  const siteName = site?.siteName ?? opts.siteName;
  const logo = site?.logoUrl ? html`<img class="site-logo" src="${site.logoUrl}" alt="" height="40">` : null;
  const path = opts.path ?? current ?? '/';
  const toggle = elderly
    ? html`<a class="mode-toggle" href="${elderlyToggleHref(false, path)}" rel="nofollow">标准模式<span class="visually-hidden">（恢复标准字号显示）</span></a>`
    : html`<a class="mode-toggle" href="${elderlyToggleHref(true, path)}" rel="nofollow">长者模式<span class="visually-hidden">（切换为大字号、高对比度显示）</span></a>`;
  const fullTitle = title === siteName ? title : `${title} - ${siteName}`;
  const doc = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<link rel="stylesheet" href="${portalCss.href}">
</head>
<body${elderly ? html` class="elderly"` : null}>
<a class="skip-link" href="#main">跳到主要内容</a>
<header class="site-header">
<div class="container header-inner">
<p class="site-id"><a class="site-name" href="/">${logo}${siteName}</a><span class="column-name">政府信息公开</span></p>
${toggle}
</div>
${renderNav(current, path, elderly)}
</header>
<main id="main" tabindex="-1">
<div class="container">
${renderBreadcrumbs(breadcrumbs)}
<h1>${title}</h1>
${body}
</div>
</main>
<footer class="site-footer">
<div class="container">
<p>${siteName} · 政府信息公开</p>
<p><a href="/gk/guide">公开指南</a><span aria-hidden="true"> · </span><a href="/gk/apply">依申请公开</a><span aria-hidden="true"> · </span><a href="/gk/proposals">建议提案办理</a><span aria-hidden="true"> · </span><a href="/gk/new-media">政务新媒体</a><span aria-hidden="true"> · </span><a href="/gk/errata?page=${encodeURIComponent(path)}" rel="nofollow">网站纠错</a></p>
${renderSiteFacts(site)}
</div>
</footer>
</body>
</html>
`;
  return doc.value;
}
