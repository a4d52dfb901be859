import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { blobExists, readBlob } from '../../../platform/files/storage.ts';
import { publicVersion } from '../../../platform/http/page-cache-versions.ts';
import {
  type Breadcrumb,
  currentPortalSite,
  currentSiteName,
  type Html,
  html,
  raw,
} from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { findOrg } from '../../orgs/index.ts';
import {
  GENRE_LABELS,
  GENRES,
  INTERPRETATION_KIND_LABELS,
  RELATION_KIND_LABELS,
  TOPIC_LABELS,
  TOPICS,
  VALIDITIES,
  VALIDITY_LABELS,
  type Validity,
} from '../domain/codes.ts';
import {
  DEFAULT_TOTAL_CAP,
  type DocumentSearchHit,
  type SearchDocumentsParams,
  searchDocuments as search,
} from '../search/service.ts';
import {
  CATALOGUE_PATH,
  CONVERTED_PATH,
  cachePolicy,
  contentDisposition,
  DOCUMENTS_PATH,
  FILE_ROUTE,
  formatSize,
  GAZETTE_PATH,
  PAGE_ROUTE,
  PAGE_SIZE,
  pageOf,
  pagination,
  param,
  positiveInt,
  SEARCH_PATH,
  sendPage,
} from './common.ts';
import * as portalStore from './store.ts';

const COLUMN_TITLE = '政府文件';
const COLUMN_CRUMBS: readonly Breadcrumb[] = [
  { label: '首页', href: '/' },
  { label: COLUMN_TITLE, href: DOCUMENTS_PATH },
];

export const documentPath = (id: number) => `${DOCUMENTS_PATH}/${id}`;
export const interpretationPath = (docId: number, id: number) =>
  `${DOCUMENTS_PATH}/${docId}/interpretations/${id}`;
export const attachmentPath = (docId: number, id: number) => `${DOCUMENTS_PATH}/${docId}/attachments/${id}`;

const validityLabel = (v: string) => VALIDITY_LABELS[v as Validity] ?? v;
const genreLabel = (g: string) => GENRE_LABELS[g] ?? g;
const topicLabel = (t: string | null) => (t ? (TOPIC_LABELS[t] ?? t) : '');

/** How long (ms) and how many loaded documents the document pages keep in memory. */
const DOC_CACHE_MS = 2_000;
const DOC_CACHE_SIZE = 1_000;

/** Longest query the search page accepts; longer input is cut (the search itself is safe at any length). */
export const MAX_QUERY = 100;

type SearchFilters = {
  q: string;
  /**
   * Whose documents a site with governments below it searches: '' all of them (一库全收), 'own' its own
   * level, or the id of one government below it.
   */
  gov?: string;
  orgId?: number;
  year?: number;
  genre?: string;
  topic?: string;
  themeId?: number;
  validity?: Validity;
};

function readFilters(query: unknown): SearchFilters {
  const genre = param(query, 'genre');
  const topic = param(query, 'topic');
  const validity = param(query, 'validity');
  const year = positiveInt(param(query, 'year'), 9999);
  return {
    q: param(query, 'q', MAX_QUERY),
    gov: /^(own|[1-9]\d{0,9})$/.test(param(query, 'gov')) ? param(query, 'gov') : '',
    orgId: positiveInt(param(query, 'org')),
    year,
    genre: genre in GENRE_LABELS ? genre : undefined,
    topic: topic in TOPIC_LABELS ? topic : undefined,
    themeId: positiveInt(param(query, 'theme')),
    validity: (VALIDITIES as readonly string[]).includes(validity) ? (validity as Validity) : undefined,
  };
}

function filterParams(f: SearchFilters): Record<string, string> {
  return {
    q: f.q,
    gov: f.gov ?? '',
    org: f.orgId ? String(f.orgId) : '',
    year: f.year ? String(f.year) : '',
    genre: f.genre ?? '',
    topic: f.topic ?? '',
    theme: f.themeId ? String(f.themeId) : '',
    validity: f.validity ?? '',
  };
}

function hitMeta(
  h: Pick<DocumentSearchHit, 'docNumber' | 'orgName' | 'writtenDate' | 'genre' | 'validity'>,
): Html {
  return html`<p class="muted">${h.docNumber ? html`${h.docNumber}<span aria-hidden="true"> · </span>` : null}${h.orgName}<span aria-hidden="true"> · </span>成文日期：${formatChineseDate(h.writtenDate)}<span aria-hidden="true"> · </span>${genreLabel(h.genre)}<span aria-hidden="true"> · </span>${validityLabel(h.validity)}</p>`;
}

/** A list of documents (search hits or a browse list). The snippet is HTML already escaped by the search. */
export function resultList(hits: readonly DocumentSearchHit[], withSnippet: boolean): Html {
  return html`<ol class="results">${hits.map(
    (h) =>
      html`<li><h3><a href="${documentPath(h.id)}">${h.title}</a></h3>${hitMeta(h)}${
        withSnippet && h.snippet ? html`<p>${raw(h.snippet)}</p>` : null
      }</li>`,
  )}</ol>`;
}

type Facets = portalStore.FacetCounts;

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? raw(' selected') : null}>${label}</option>`;
}

/**
 * The organisations whose documents a page of the current site lists: its own (`own`), everything below
 * it (`all`: the document pages, the search over every government), or, for the search, what `gov`
 * chose. Undefined outside a site (no restriction).
 */
export function siteOrgIds(which: 'own' | 'all', gov = ''): readonly number[] | undefined {
  const site = currentPortalSite();
  if (!site) return undefined;
  if (which === 'own') return site.orgIds;
  const lower = site.lowerGovernments ?? [];
  // The root government's whole subtree is the whole library: no condition (the hot search stays as it was).
  const whole = site.isRoot ? undefined : site.subtreeIds;
  if (lower.length === 0 || gov === '') return whole;
  if (gov === 'own') return site.orgIds;
  return lower.find((g) => String(g.id) === gov)?.orgIds ?? whole;
}

/** The choice of government on the search of a site with governments below it (the city's). */
function governmentSelect(gov: string): Html | null {
  const lower = currentPortalSite()?.lowerGovernments ?? [];
  if (lower.length === 0) return null;
  return html`<p><label for="f-gov">所属政府</label>
<select id="f-gov" name="gov">${option('', '全部（含下级政府）', gov === '')}${option('own', '本级', gov === 'own')}${lower.map(
    (g) => option(String(g.id), g.name, gov === String(g.id)),
  )}</select></p>`;
}

/** The search form (GET, works without JavaScript), every field labelled. */
export function searchForm(f: SearchFilters, facets: Facets): Html {
  return html`<form class="form" method="get" action="${SEARCH_PATH}" role="search" aria-label="政府文件检索">
<p><label for="q">关键词或文号</label>
<input id="q" name="q" type="text" value="${f.q}" maxlength="${MAX_QUERY}" size="40" aria-describedby="q-hint">
<span class="hint" id="q-hint">可输入标题、正文中的词语或完整文号，例如“国办发〔2019〕15号”。</span></p>
${governmentSelect(f.gov ?? '')}
<p><label for="f-org">发文机关</label>
<select id="f-org" name="org">${option('', '全部', f.orgId === undefined)}${facets.orgs.map((o) =>
    option(String(o.id), o.name, f.orgId === o.id),
  )}</select>
<label for="f-year">成文年份</label>
<select id="f-year" name="year">${option('', '全部', f.year === undefined)}${facets.years.map((y) =>
    option(String(y.year), `${y.year}年`, f.year === y.year),
  )}</select></p>
<p><label for="f-genre">体裁</label>
<select id="f-genre" name="genre">${option('', '全部', f.genre === undefined)}${GENRES.map((g) =>
    option(g.code, g.name, f.genre === g.code),
  )}</select>
<label for="f-topic">主题分类</label>
<select id="f-topic" name="topic">${option('', '全部', f.topic === undefined)}${TOPICS.map((t) =>
    option(t.code, t.name, f.topic === t.code),
  )}</select></p>
<p><label for="f-theme">特色主题</label>
<select id="f-theme" name="theme">${option('', '全部', f.themeId === undefined)}${facets.themes.map((t) =>
    option(String(t.id), t.name, f.themeId === t.id),
  )}</select>
<label for="f-validity">有效性</label>
<select id="f-validity" name="validity">${option('', '全部', f.validity === undefined)}${VALIDITIES.map((v) =>
    option(v, VALIDITY_LABELS[v], f.validity === v),
  )}</select></p>
<p><button type="submit">检索</button></p>
</form>`;
}

const NO_RESULT_HELP = html`<div class="notice" role="status"><p><strong>没有找到符合条件的政府文件。</strong></p>
<ul>
<li>请检查关键词是否有错别字，或换用更简短、更常用的词语；</li>
<li>减少筛选条件（如发文机关、年份、体裁）后重新检索；</li>
<li>按文号检索时请输入完整文号，例如“国办发〔2019〕15号”；</li>
<li>也可以按<a href="${DOCUMENTS_PATH}">体裁、主题、机关或年份浏览</a>，或查阅<a href="${CATALOGUE_PATH}">主动公开目录</a>。</li>
</ul>
<p>仍未找到所需信息的，可以<a href="/gk/apply">依申请公开</a>。</p></div>`;

/**
 * The library search restricted to public documents: published 主动公开 documents only (the search's
 * `publishedOnly` looks at the status alone, so hits of other attributes are dropped here).
 */
async function searchPublic(db: Kysely<Database>, p: SearchDocumentsParams) {
  const r = await search(db, { ...p, publishedOnly: true });
  const ok = await portalStore.publicIds(
    db,
    r.results.map((h) => h.id),
  );
  const dropped = r.results.length - ok.size;
  return dropped === 0
    ? r
    : { ...r, total: Math.max(0, r.total - dropped), results: r.results.filter((h) => ok.has(h.id)) };
}

/** Bumped to make every page's facet cache recompute at once (e.g. after the demo data is removed). */
let facetGeneration = 0;
export function forgetPortalFacets(): void {
  facetGeneration++;
}

/**
 * The version of what the library's pages show: the library's and the site's (organisation names), each
 * moved on by every audited change of it (`portal/cache-areas.ts`); both only increase, so their sum does.
 */
const libraryVersion = () => publicVersion('documents') + publicVersion('site');

export async function documentsPages(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string; dataDir: string | null },
) {
  const { db } = opts;
  // The name of the site the request is served under (an administrator may rename it while the server runs).
  const siteName = () => currentSiteName(opts.siteName);

  // Facet counts change only when documents are published: a short in-memory cache keeps the column and
  // search pages cheap under load.
  // One entry per set of organisations (each site, each choice of government on the city's search).
  const facetCache = new Map<string, { at: number; generation: number; version: number; value: Facets }>();
  async function facets(orgIds: readonly number[] | undefined): Promise<Facets> {
    const now = Date.now();
    const key = orgIds === undefined ? '*' : orgIds.join(',');
    const hit = facetCache.get(key);
    const version = libraryVersion();
    if (hit && hit.generation === facetGeneration && hit.version === version && now - hit.at < 60_000)
      return hit.value;
    const value = await portalStore.facetCounts(db, orgIds);
    if (facetCache.size >= 200) facetCache.clear();
    facetCache.set(key, { at: now, generation: facetGeneration, version, value });
    return value;
  }

  function notFound(req: FastifyRequest, reply: FastifyReply, what = '您访问的政府文件不存在或尚未公开') {
    return sendPage(req, reply, {
      status: 404,
      title: '页面不存在',
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: DOCUMENTS_PATH,
      breadcrumbs: [...COLUMN_CRUMBS, { label: '页面不存在' }],
      body: html`<div class="notice error" role="alert"><p><strong>${what}。</strong></p></div>
<p>请检查链接是否正确，或通过<a href="${SEARCH_PATH}">政府文件检索</a>查找。</p>`,
    });
  }

  // 政府文件 column.
  app.get(DOCUMENTS_PATH, PAGE_ROUTE, async (req, reply) => {
    const own = siteOrgIds('own');
    const f = await facets(own);
    const latest = await searchPublic(db, { q: '', orgIds: own, publishedOnly: true, limit: 10, offset: 0 });
    const genreCounts = new Map(f.genres.map((g) => [g.code, g.count]));
    const topicCounts = new Map(f.topics.map((t) => [t.code, t.count]));
    const body = html`<p class="lead">本栏目发布${siteName()}及其部门制发的主动公开政府文件，可以按关键词、文号检索，也可以按体裁、主题、机关和年份浏览。</p>
${searchForm({ q: '' }, f)}
<ul class="section-list">
${currentPortalSite()?.isRoot === false ? null : html`<li><a href="${GAZETTE_PATH}"><span class="section-title">政府公报</span><span class="section-desc">按年度和期次浏览政府公报，每期提供目录和PDF版本。</span></a></li>`}
<li><a href="${CATALOGUE_PATH}"><span class="section-title">主动公开目录</span><span class="section-desc">主动公开政府信息的索引号、名称、内容概述和生成日期。</span></a></li>
<li><a href="${CONVERTED_PATH}"><span class="section-title">依申请公开转主动公开</span><span class="section-desc">经审查由依申请公开或不予公开转为主动公开的文件。</span></a></li>
</ul>
<h2>最新文件</h2>
${latest.results.length > 0 ? resultList(latest.results, false) : html`<p>暂无已公开的政府文件。</p>`}
<h2>按体裁浏览</h2>
<ul>${GENRES.filter((g) => genreCounts.has(g.code)).map(
      (g) =>
        html`<li><a href="${DOCUMENTS_PATH}/genre/${g.code}">${g.name}</a>（${genreCounts.get(g.code)}件）</li>`,
    )}</ul>
<h2>按主题分类浏览</h2>
<ul>${TOPICS.filter((t) => topicCounts.has(t.code)).map(
      (t) =>
        html`<li><a href="${DOCUMENTS_PATH}/topic/${t.code}">${t.name}</a>（${topicCounts.get(t.code)}件）</li>`,
    )}</ul>
${
  f.themes.length > 0
    ? html`<h2>按特色主题浏览</h2><ul>${f.themes.map(
        (t) => html`<li><a href="${DOCUMENTS_PATH}/theme/${t.id}">${t.name}</a>（${t.count}件）</li>`,
      )}</ul>`
    : null
}
<h2>按发文机关浏览</h2>
<ul>${f.orgs.map((o) => html`<li><a href="${DOCUMENTS_PATH}/org/${o.id}">${o.name}</a>（${o.count}件）</li>`)}</ul>
<h2>按成文年份浏览</h2>
<ul>${f.years.map((y) => html`<li><a href="${DOCUMENTS_PATH}/year/${y.year}">${y.year}年</a>（${y.count}件）</li>`)}</ul>`;
    return sendPage(req, reply, {
      title: COLUMN_TITLE,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: DOCUMENTS_PATH,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: COLUMN_TITLE }],
      body,
    });
  });

  // Search.
  // The most expensive anonymous request: a few at a time, the rest answered 503 at once (load-shedding.ts).
  app.get(SEARCH_PATH, { ...PAGE_ROUTE, config: { maxConcurrent: 2 } }, async (req, reply) => {
    const f = readFilters(req.query);
    const page = pageOf(req.query);
    const searched = f.q !== '' || Object.values(filterParams(f)).some((v) => v !== '');
    const scope = siteOrgIds('all', f.gov);
    const result = searched
      ? await searchPublic(db, {
          q: f.q,
          orgIds: scope,
          orgId: f.orgId,
          year: f.year,
          genre: f.genre,
          topic: f.topic,
          themeId: f.themeId,
          validity: f.validity,
          publishedOnly: true,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : null;
    const count = result
      ? html`<p role="status">${f.q ? html`检索“<strong>${f.q}</strong>”，` : null}共找到${result.totalCapped ? '超过' : result.totalEstimated ? '约' : ''}<strong>${result.totalEstimated ? result.total.toLocaleString('zh-CN') : result.total}</strong>件政府文件${result.relaxed ? '（未找到包含全部关键词的文件，以下为包含部分关键词的结果）' : ''}。</p>`
      : null;
    const body = html`${searchForm(f, await facets(scope))}
${
  result === null
    ? html`<p>请输入关键词或选择筛选条件后检索。</p>`
    : result.results.length === 0
      ? html`${count}${NO_RESULT_HELP}`
      : html`${count}<h2>检索结果</h2>${resultList(result.results, true)}${pagination(SEARCH_PATH, filterParams(f), page, Math.min(result.total, DEFAULT_TOTAL_CAP))}`
}`;
    return sendPage(req, reply, {
      title: '政府文件检索',
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: SEARCH_PATH,
      breadcrumbs: [...COLUMN_CRUMBS, { label: '政府文件检索' }],
      body,
      cache: 'public, max-age=30',
    });
  });

  // Browse lists.
  async function listPage(
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    path: string,
    filter: Omit<SearchFilters, 'q' | 'gov'>,
  ) {
    const page = pageOf(req.query);
    const result = await searchPublic(db, {
      q: '',
      ...filter,
      // A list by organisation may show one of a government below the site's; the others its own level.
      orgIds: siteOrgIds(filter.orgId === undefined ? 'own' : 'all'),
      publishedOnly: true,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const body = html`<p>共${result.total}件，按发布时间由近及远排列。<a href="${SEARCH_PATH}">检索政府文件</a></p>
${result.results.length > 0 ? resultList(result.results, false) : html`<p>暂无已公开的文件。</p>`}
${pagination(path, {}, page, result.total)}`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path,
      breadcrumbs: [...COLUMN_CRUMBS, { label: title }],
      body,
    });
  }

  app.get<{ Params: { code: string } }>(`${DOCUMENTS_PATH}/genre/:code`, PAGE_ROUTE, async (req, reply) => {
    const code = req.params.code;
    if (!(code in GENRE_LABELS)) return notFound(req, reply, '没有这个体裁');
    return listPage(req, reply, `${genreLabel(code)}`, `${DOCUMENTS_PATH}/genre/${code}`, { genre: code });
  });
  app.get<{ Params: { code: string } }>(`${DOCUMENTS_PATH}/topic/:code`, PAGE_ROUTE, async (req, reply) => {
    const code = req.params.code;
    if (!(code in TOPIC_LABELS)) return notFound(req, reply, '没有这个主题分类');
    return listPage(req, reply, `主题分类：${topicLabel(code)}`, `${DOCUMENTS_PATH}/topic/${code}`, {
      topic: code,
    });
  });
  app.get<{ Params: { id: string } }>(`${DOCUMENTS_PATH}/theme/:id`, PAGE_ROUTE, async (req, reply) => {
    const id = positiveInt(req.params.id);
    const name = id ? await portalStore.findThemeName(db, id) : undefined;
    if (!id || !name) return notFound(req, reply, '没有这个特色主题');
    return listPage(req, reply, `特色主题：${name}`, `${DOCUMENTS_PATH}/theme/${id}`, { themeId: id });
  });
  app.get<{ Params: { id: string } }>(`${DOCUMENTS_PATH}/org/:id`, PAGE_ROUTE, async (req, reply) => {
    const id = positiveInt(req.params.id);
    const name = id ? (await findOrg(db, id))?.name : undefined;
    const shown = siteOrgIds('all');
    if (!id || !name || (shown && !shown.includes(id))) return notFound(req, reply, '没有这个机关');
    return listPage(req, reply, `${name}文件`, `${DOCUMENTS_PATH}/org/${id}`, { orgId: id });
  });
  app.get<{ Params: { year: string } }>(`${DOCUMENTS_PATH}/year/:year`, PAGE_ROUTE, async (req, reply) => {
    const year = positiveInt(req.params.year, 9999);
    if (!year || year < 1949) return notFound(req, reply, '没有这个年份');
    return listPage(req, reply, `${year}年文件`, `${DOCUMENTS_PATH}/year/${year}`, { year });
  });

  // Converted from 依申请公开 / 不予公开 to 主动公开.
  app.get(CONVERTED_PATH, PAGE_ROUTE, async (req, reply) => {
    const page = pageOf(req.query);
    const r = await portalStore.convertedDocuments(db, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      orgIds: siteOrgIds('own'),
    });
    const title = '依申请公开转主动公开的文件';
    const body = html`<p class="lead">行政机关对依申请公开、不予公开的政府信息定期进行审查，对可以公开的转为主动公开（《中华人民共和国政府信息公开条例》第十八条、第四十四条）。以下为已转为主动公开的文件，共${r.total}件。</p>
${
  r.rows.length === 0
    ? html`<p>暂无转为主动公开的文件。</p>`
    : html`<table class="days"><caption>转为主动公开的文件</caption>
<thead><tr><th scope="col">名称</th><th scope="col">文号</th><th scope="col">发文机关</th><th scope="col">转为主动公开日期</th></tr></thead>
<tbody>${r.rows.map(
        (d) =>
          html`<tr><td><a href="${documentPath(d.id)}">${d.title}</a></td><td>${d.docNumber ?? ''}</td><td>${d.orgName}</td><td>${formatChineseDate(d.convertedOn)}</td></tr>`,
      )}</tbody></table>`
}
${pagination(CONVERTED_PATH, {}, page, r.total)}`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: CONVERTED_PATH,
      breadcrumbs: [...COLUMN_CRUMBS, { label: title }],
      body,
    });
  });

  // Document pages are the hot path (target ≥ 1,000 req/s): the loaded document is kept for a moment, well
  // inside the pages' own public cache lifetime, so a burst on one document costs one query.
  const docCache = new Map<number, { at: number; version: number; doc: portalStore.PublicDocument }>();
  /** A public document the current site shows (its government's or one below it), else undefined. */
  async function loadDocument(id: number): Promise<portalStore.PublicDocument | undefined> {
    const doc = await loadAnyDocument(id);
    const shown = siteOrgIds('all');
    return doc && (!shown || shown.includes(doc.orgId)) ? doc : undefined;
  }
  async function loadAnyDocument(id: number): Promise<portalStore.PublicDocument | undefined> {
    const now = Date.now();
    const hit = docCache.get(id);
    const version = libraryVersion();
    if (hit && hit.version === version && now - hit.at < DOC_CACHE_MS) return hit.doc;
    const doc = await portalStore.publicDocument(db, id);
    if (!doc) {
      docCache.delete(id);
      return undefined;
    }
    if (docCache.size >= DOC_CACHE_SIZE) docCache.delete(docCache.keys().next().value as number);
    docCache.set(id, { at: now, version, doc });
    return doc;
  }

  // One document.
  app.get<{ Params: { id: string } }>(`${DOCUMENTS_PATH}/:id`, PAGE_ROUTE, async (req, reply) => {
    const id = positiveInt(req.params.id);
    const d = id ? await loadDocument(id) : undefined;
    if (!d) return notFound(req, reply);
    return sendPage(req, reply, {
      title: d.title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: documentPath(d.id),
      breadcrumbs: [...COLUMN_CRUMBS, { label: d.title }],
      body: documentBody(d),
    });
  });

  // The text in force on a chosen date (documents with historical versions).
  app.get<{ Params: { id: string } }>(`${DOCUMENTS_PATH}/:id/version`, PAGE_ROUTE, async (req, reply) => {
    const id = positiveInt(req.params.id);
    const d = id && (await loadDocument(id)) ? await portalStore.publicDocument(db, id) : undefined;
    if (!d) return notFound(req, reply);
    const on = param(req.query, 'on', 10);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(on) && !Number.isNaN(Date.parse(on));
    let content: Html;
    if (!valid) {
      content = html`<div class="notice error" role="alert"><p><strong>请输入正确的日期，格式如 2022-01-01。</strong></p></div>`;
    } else {
      const v = await portalStore.versionOn(db, d.id, on);
      const start = d.effectiveDate ?? d.publishedDate ?? d.writtenDate;
      const firstVersionFrom = d.versions[0]?.validFrom ?? null;
      const lastVersionTo = d.versions.reduce<string | null>(
        (acc, x) => (x.validTo && (!acc || x.validTo > acc) ? x.validTo : acc),
        null,
      );
      const ended = d.validity === 'repealed' || d.validity === 'expired';
      if (v) {
        content = html`<div class="notice" role="status"><p>${formatChineseDate(on)}有效的文本为第${v.versionNo}版${v.validFrom ? `（自${formatChineseDate(v.validFrom)}起` : '（'}${v.validTo ? `至${formatChineseDate(v.validTo)}前有效）` : '）'}。</p></div>
<h2>${v.title}</h2><div class="document-body">${raw(v.bodyHtml)}</div>`;
      } else if (ended && d.validityChangedOn && on >= d.validityChangedOn) {
        content = html`<div class="notice" role="status"><p>本文件自${formatChineseDate(d.validityChangedOn)}起${validityLabel(d.validity)}，${formatChineseDate(on)}没有有效的文本。</p></div>`;
      } else if (on < (firstVersionFrom && firstVersionFrom < start ? firstVersionFrom : start)) {
        content = html`<div class="notice" role="status"><p>${formatChineseDate(on)}本文件尚未生效。</p></div>`;
      } else if (!lastVersionTo || on >= lastVersionTo) {
        content = html`<div class="notice" role="status"><p>${formatChineseDate(on)}有效的文本为现行文本。</p></div>
<div class="document-body">${raw(d.bodyHtml)}</div>`;
      } else {
        content = html`<div class="notice" role="status"><p>没有找到${formatChineseDate(on)}有效的文本。</p></div>`;
      }
    }
    const title = `${d.title}（历史文本查询）`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: `${documentPath(d.id)}/version`,
      breadcrumbs: [
        ...COLUMN_CRUMBS,
        { label: d.title, href: documentPath(d.id) },
        { label: '历史文本查询' },
      ],
      body: html`${versionForm(d.id, valid ? on : '')}${content}<p><a href="${documentPath(d.id)}">返回文件页面</a></p>`,
    });
  });

  // Interpretations.
  app.get<{ Params: { id: string; iid: string } }>(
    `${DOCUMENTS_PATH}/:id/interpretations/:iid`,
    PAGE_ROUTE,
    async (req, reply) => {
      const id = positiveInt(req.params.id);
      const iid = positiveInt(req.params.iid);
      const i =
        id && iid && (await loadDocument(id))
          ? await portalStore.publicInterpretation(db, id, iid)
          : undefined;
      if (!i) return notFound(req, reply, '您访问的政策解读不存在或尚未公开');
      const kind = INTERPRETATION_KIND_LABELS[i.kind as keyof typeof INTERPRETATION_KIND_LABELS] ?? i.kind;
      const others = i.siblings.filter((s) => s.id !== i.id);
      const body = html`<p class="muted">${kind}${i.publishedDate ? html`<span aria-hidden="true"> · </span>发布日期：${formatChineseDate(i.publishedDate)}` : null}<span aria-hidden="true"> · </span>${i.orgName}</p>
<div class="notice"><p>解读文件：<a href="${documentPath(i.documentId)}">《${i.documentTitle}》${i.documentNumber ? `（${i.documentNumber}）` : ''}</a></p></div>
${i.imageFileId ? html`<p><img src="${interpretationPath(i.documentId, i.id)}/image" alt="${`${i.title}（图解）`}" style="max-width:100%"></p>` : null}
${i.bodyHtml ? html`<div class="document-body">${raw(i.bodyHtml)}</div>` : null}
${i.videoUrl && /^https?:\/\//.test(i.videoUrl) ? html`<p><a href="${i.videoUrl}" rel="noopener noreferrer">观看视频解读</a></p>` : null}
${
  i.qa.length > 0
    ? html`<h2>问答</h2><dl class="qa">${i.qa.map((p) => html`<dt>问：${p.q}</dt><dd>答：${p.a}</dd>`)}</dl>`
    : null
}
${
  others.length > 0
    ? html`<h2>本文件的其他解读</h2><ul>${others.map(
        (s) =>
          html`<li><a href="${interpretationPath(i.documentId, s.id)}">${s.title}</a>（${INTERPRETATION_KIND_LABELS[s.kind as keyof typeof INTERPRETATION_KIND_LABELS] ?? s.kind}）</li>`,
      )}</ul>`
    : null
}`;
      return sendPage(req, reply, {
        title: i.title,
        siteName: siteName(),
        current: DOCUMENTS_PATH,
        path: interpretationPath(i.documentId, i.id),
        breadcrumbs: [
          ...COLUMN_CRUMBS,
          { label: i.documentTitle, href: documentPath(i.documentId) },
          { label: i.title },
        ],
        body,
      });
    },
  );

  /** Streams a stored file of a public document; 404 for anything else (unpublished, unknown, missing blob). */
  async function sendFile(
    req: FastifyRequest,
    reply: FastifyReply,
    docId: number | undefined,
    ref: { attachmentId: number } | { interpretationId: number } | null,
    inline: boolean,
  ) {
    const f =
      docId && ref && opts.dataDir && (await loadDocument(docId))
        ? await portalStore.publicFile(db, docId, ref)
        : undefined;
    if (!f || !opts.dataDir || !(await blobExists(opts.dataDir, f.sha256))) {
      return notFound(req, reply, '您要下载的附件不存在或尚未公开');
    }
    if (inline && !f.mime.startsWith('image/')) return notFound(req, reply, '您要查看的图片不存在或尚未公开');
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(f.name)?.[0] ?? '';
    return reply
      .code(200)
      .type(f.mime)
      .header('cache-control', cachePolicy(req, 'public, max-age=300'))
      .header('content-length', String(f.size))
      .header('content-disposition', contentDisposition(f.name, `file${ext}`, inline))
      .send(readBlob(opts.dataDir, f.sha256));
  }

  app.get<{ Params: { id: string; aid: string } }>(
    `${DOCUMENTS_PATH}/:id/attachments/:aid`,
    FILE_ROUTE,
    async (req, reply) => {
      const aid = positiveInt(req.params.aid);
      return sendFile(req, reply, positiveInt(req.params.id), aid ? { attachmentId: aid } : null, false);
    },
  );

  app.get<{ Params: { id: string; iid: string } }>(
    `${DOCUMENTS_PATH}/:id/interpretations/:iid/image`,
    FILE_ROUTE,
    async (req, reply) => {
      const iid = positiveInt(req.params.iid);
      return sendFile(req, reply, positiveInt(req.params.id), iid ? { interpretationId: iid } : null, true);
    },
  );
}

function versionForm(id: number, on: string): Html {
  return html`<form class="form" method="get" action="${documentPath(id)}/version">
<p><label for="version-on">查看某一日期有效的文本</label>
<input id="version-on" name="on" type="date" value="${on}" required aria-describedby="version-on-hint">
<span class="hint" id="version-on-hint">格式：年-月-日，例如 2022-01-01</span>
<button type="submit">查看</button></p>
</form>`;
}

function relationText(r: portalStore.PublicRelation): Html {
  const verb = RELATION_KIND_LABELS[r.kind as keyof typeof RELATION_KIND_LABELS] ?? r.kind;
  const link = html`<a href="${documentPath(r.id)}">《${r.title}》${r.docNumber ? `（${r.docNumber}）` : ''}</a>`;
  return r.direction === 'outgoing'
    ? html`本文件${verb}${link}，自${formatChineseDate(r.effectiveDate)}起施行`
    : html`本文件已被${link}${verb}，自${formatChineseDate(r.effectiveDate)}起`;
}

/** The document page body: metadata table, validity and its history, text, attachments, interpretations. */
export function documentBody(d: portalStore.PublicDocument): Html {
  const row = (label: string, value: Html | string | null) =>
    html`<tr><th scope="row">${label}</th><td>${value ?? ''}</td></tr>`;
  const issuers =
    d.issuers.length > 1 ? d.issuers.map((o) => o.name).join('、') : (d.issuers[0]?.name ?? d.orgName);
  const incoming = d.relations.filter((r) => r.direction === 'incoming');
  const outgoing = d.relations.filter((r) => r.direction === 'outgoing');
  const validity = html`<strong>${validityLabel(d.validity)}</strong>${
    d.validity !== 'valid' && d.validityChangedOn ? `（自${formatChineseDate(d.validityChangedOn)}起）` : ''
  }`;
  const history: Html[] = [];
  if (d.effectiveDate) history.push(html`<li>${formatChineseDate(d.effectiveDate)}起生效</li>`);
  for (const r of incoming) history.push(html`<li>${relationText(r)}</li>`);
  if (d.validity !== 'valid' && d.validityChangedOn && incoming.length === 0) {
    history.push(html`<li>${formatChineseDate(d.validityChangedOn)}起${validityLabel(d.validity)}</li>`);
  }
  return html`<table class="days document-meta"><caption>文件信息</caption><tbody>
${row('标题', d.title)}
${row('索引号', d.indexNumber)}
${row('发文机关', issuers)}
${row('文号', d.docNumber)}
${row('成文日期', formatChineseDate(d.writtenDate))}
${row('发布日期', formatChineseDate(d.publishedDate))}
${row('生效日期', formatChineseDate(d.effectiveDate))}
${row('有效性', validity)}
${row('体裁', html`<a href="${DOCUMENTS_PATH}/genre/${d.genre}">${genreLabel(d.genre)}</a>`)}
${row('主题分类', d.topic ? html`<a href="${DOCUMENTS_PATH}/topic/${d.topic}">${topicLabel(d.topic)}</a>` : null)}
${row('特色主题', d.themes.length ? html`${d.themes.map((t, i) => html`${i > 0 ? '、' : ''}<a href="${DOCUMENTS_PATH}/theme/${t.id}">${t.name}</a>`)}` : null)}
${row('关键词', d.keywords.join('，'))}
${d.convertedOn ? row('转为主动公开', formatChineseDate(d.convertedOn)) : null}
</tbody></table>
${d.summary ? html`<p class="lead">${d.summary}</p>` : null}
${history.length > 0 ? html`<h2>效力变化</h2><ul>${history}</ul>` : null}
<h2>正文</h2>
<div class="document-body">${raw(d.bodyHtml)}</div>
${
  d.attachments.length > 0
    ? html`<h2>附件</h2><ul>${d.attachments.map(
        (a) =>
          html`<li><a href="${attachmentPath(d.id, a.id)}" download>${a.name}</a>${a.size !== null ? html`<span class="muted">（${formatSize(a.size)}）</span>` : null}</li>`,
      )}</ul>`
    : null
}
${
  d.interpretations.length > 0
    ? html`<h2>政策解读</h2><ul>${d.interpretations.map(
        (i) =>
          html`<li><a href="${interpretationPath(d.id, i.id)}">${i.title}</a>（${INTERPRETATION_KIND_LABELS[i.kind as keyof typeof INTERPRETATION_KIND_LABELS] ?? i.kind}${i.publishedDate ? `，${formatChineseDate(i.publishedDate)}` : ''}）</li>`,
      )}</ul>`
    : null
}
${outgoing.length > 0 ? html`<h2>本文件涉及的其他文件</h2><ul>${outgoing.map((r) => html`<li>${relationText(r)}</li>`)}</ul>` : null}
${
  d.versions.length > 0
    ? html`<h2>历史文本</h2><ul>${d.versions.map(
        (v) =>
          html`<li>第${v.versionNo}版：${v.title}${v.validFrom ? `，自${formatChineseDate(v.validFrom)}起` : ''}${v.validTo ? `至${formatChineseDate(v.validTo)}前有效` : ''}</li>`,
      )}</ul>${versionForm(d.id, '')}`
    : null
}
${
  d.gazette.length > 0
    ? html`<h2>刊登于政府公报</h2><ul>${d.gazette.map(
        (g) => html`<li><a href="${GAZETTE_PATH}/${g.year}/${g.number}">${g.year}年第${g.number}期</a></li>`,
      )}</ul>`
    : null
}`;
}
