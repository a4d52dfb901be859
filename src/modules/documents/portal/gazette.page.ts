import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { describeError } from '../../../platform/http/errors.ts';
import { type Breadcrumb, currentPortalSite, currentSiteName, html } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { CJK_FONT_PATH, htmlToText, renderGazettePdf } from '../gazette/pdf.ts';
import * as store from '../gazette/store.ts';
import {
  cachePolicy,
  contentDisposition,
  DOCUMENTS_PATH,
  FILE_ROUTE,
  GAZETTE_PATH,
  PAGE_ROUTE,
  positiveInt,
  sendPage,
} from './common.ts';
import { documentPath, interpretationPath } from './documents.page.ts';

const TITLE = '政府公报';
const CRUMBS: readonly Breadcrumb[] = [
  { label: '首页', href: '/' },
  { label: '政府文件', href: DOCUMENTS_PATH },
];

export const issuePath = (year: number, number: number) => `${GAZETTE_PATH}/${year}/${number}`;
export const issuePdfPath = (year: number, number: number) => `${issuePath(year, number)}/pdf`;

/** How many rendered PDFs are kept in memory (keyed by issue and its last change). */
const PDF_CACHE_SIZE = 8;

/**
 * 政府公报 on the portal: years → the issues of a year → an issue's table of contents (linking to the
 * documents and interpretations) and its PDF (cover, contents, texts). Only published issues are shown.
 */
export async function gazettePages(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string; fontPath?: string },
) {
  const { db } = opts;
  // The name of the site the request is served under (an administrator may rename it while the server runs).
  const siteName = () => currentSiteName(opts.siteName);
  const fontPath = opts.fontPath ?? CJK_FONT_PATH;
  const pdfCache = new Map<string, Buffer>();

  /** The gazette is the root government's publication: its site shows it, a county's does not. */
  const gazetteSite = () => currentPortalSite()?.isRoot !== false;

  function notFound(req: FastifyRequest, reply: FastifyReply) {
    return sendPage(req, reply, {
      status: 404,
      title: '页面不存在',
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: GAZETTE_PATH,
      breadcrumbs: [...CRUMBS, { label: TITLE, href: GAZETTE_PATH }, { label: '页面不存在' }],
      body: html`<div class="notice error" role="alert"><p><strong>您访问的政府公报不存在或尚未发布。</strong></p></div>
<p><a href="${GAZETTE_PATH}">返回政府公报</a></p>`,
    });
  }

  app.get(GAZETTE_PATH, PAGE_ROUTE, async (req, reply) => {
    if (!gazetteSite()) return notFound(req, reply);
    const years = await store.publishedYears(db);
    const latest = (await store.listIssues(db, { publishedOnly: true })).slice(0, 5);
    const body = html`<p class="lead">政府公报是刊登${siteName()}及其部门发布的规章、规范性文件和其他政府文件的法定载体（《中华人民共和国政府信息公开条例》第二十三条）。可以按年度浏览各期目录，并下载每期的PDF版本。</p>
${
  latest.length > 0
    ? html`<h2>最新各期</h2><ul>${latest.map(
        (i) =>
          html`<li><a href="${issuePath(i.year, i.number)}">${i.year}年第${i.number}期</a>（${formatChineseDate(i.issue_date)}）</li>`,
      )}</ul>`
    : null
}
<h2>按年度浏览</h2>
${
  years.length === 0
    ? html`<p>暂无已发布的政府公报。</p>`
    : html`<ul>${years.map((y) => html`<li><a href="${GAZETTE_PATH}/${y.year}">${y.year}年</a>（${y.issues}期）</li>`)}</ul>`
}`;
    return sendPage(req, reply, {
      title: TITLE,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: GAZETTE_PATH,
      breadcrumbs: [...CRUMBS, { label: TITLE }],
      body,
    });
  });

  app.get<{ Params: { year: string } }>(`${GAZETTE_PATH}/:year`, PAGE_ROUTE, async (req, reply) => {
    const year = positiveInt(req.params.year, 9999);
    const issues = year && gazetteSite() ? await store.listIssues(db, { publishedOnly: true, year }) : [];
    if (!year || issues.length === 0) return notFound(req, reply);
    const sorted = [...issues].sort((a, b) => a.number - b.number);
    const title = `${year}年政府公报`;
    const body = html`<table class="days"><caption>${year}年各期政府公报</caption>
<thead><tr><th scope="col">期次</th><th scope="col">出版日期</th><th scope="col">标题</th><th scope="col">PDF</th></tr></thead>
<tbody>${sorted.map(
      (i) =>
        html`<tr><td><a href="${issuePath(i.year, i.number)}">第${i.number}期</a>${i.total_number ? html`<span class="muted">（总第${i.total_number}期）</span>` : null}</td><td>${formatChineseDate(i.issue_date)}</td><td>${i.title}</td><td><a href="${issuePdfPath(i.year, i.number)}">下载PDF<span class="visually-hidden">（${year}年第${i.number}期）</span></a></td></tr>`,
    )}</tbody></table>
<p><a href="${GAZETTE_PATH}">其他年度</a></p>`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: `${GAZETTE_PATH}/${year}`,
      breadcrumbs: [...CRUMBS, { label: TITLE, href: GAZETTE_PATH }, { label: title }],
      body,
    });
  });

  async function publishedIssue(yearText: string, numberText: string) {
    const year = positiveInt(yearText, 9999);
    const number = positiveInt(numberText, 999);
    const issue =
      year && number && gazetteSite() ? await store.findIssueByNumber(db, year, number) : undefined;
    return issue && issue.status === 'published' ? issue : undefined;
  }

  app.get<{ Params: { year: string; number: string } }>(
    `${GAZETTE_PATH}/:year/:number`,
    PAGE_ROUTE,
    async (req, reply) => {
      const issue = await publishedIssue(req.params.year, req.params.number);
      if (!issue) return notFound(req, reply);
      const entries = (await store.issueEntries(db, issue.id)).filter((e) => e.published);
      const sections: { name: string; items: store.GazetteEntry[] }[] = [];
      for (const e of entries) {
        const last = sections[sections.length - 1];
        if (last && last.name === e.section) last.items.push(e);
        else sections.push({ name: e.section, items: [e] });
      }
      const link = (e: store.GazetteEntry) =>
        e.kind === 'document'
          ? documentPath(e.documentId)
          : interpretationPath(e.documentId, e.interpretationId as number);
      const title = `${issue.year}年第${issue.number}期政府公报`;
      const body = html`<dl class="facts">
<dt>期次</dt><dd>${issue.year}年第${issue.number}期${issue.total_number ? `（总第${issue.total_number}期）` : ''}</dd>
<dt>出版日期</dt><dd>${formatChineseDate(issue.issue_date)}</dd>
<dt>标题</dt><dd>${issue.title}</dd>
</dl>
<p><a href="${issuePdfPath(issue.year, issue.number)}">下载本期PDF版本</a></p>
<h2>目录</h2>
${sections.map(
  (s) =>
    html`${s.name ? html`<h3>${s.name}</h3>` : null}<ol>${s.items.map(
      (e) =>
        html`<li>${e.kind === 'interpretation' ? '【解读】' : ''}<a href="${link(e)}">${e.title}</a>${e.kind === 'document' && e.docNumber ? html`<span class="muted">（${e.docNumber}）</span>` : null}</li>`,
    )}</ol>`,
)}
<p><a href="${GAZETTE_PATH}/${issue.year}">${issue.year}年其他各期</a></p>`;
      return sendPage(req, reply, {
        title,
        siteName: siteName(),
        current: DOCUMENTS_PATH,
        path: issuePath(issue.year, issue.number),
        breadcrumbs: [
          ...CRUMBS,
          { label: TITLE, href: GAZETTE_PATH },
          { label: `${issue.year}年`, href: `${GAZETTE_PATH}/${issue.year}` },
          { label: `第${issue.number}期` },
        ],
        body,
      });
    },
  );

  app.get<{ Params: { year: string; number: string } }>(
    `${GAZETTE_PATH}/:year/:number/pdf`,
    FILE_ROUTE,
    async (req, reply) => {
      const issue = await publishedIssue(req.params.year, req.params.number);
      if (!issue) return notFound(req, reply);
      const key = `${issue.id}:${new Date(issue.updated_at).getTime()}`;
      let pdf = pdfCache.get(key);
      if (!pdf) {
        const entries = (await store.issueEntries(db, issue.id)).filter((e) => e.published);
        try {
          pdf = await renderGazettePdf(
            {
              siteName: siteName(),
              year: issue.year,
              number: issue.number,
              totalNumber: issue.total_number,
              issueDate: issue.issue_date,
              title: issue.title,
            },
            entries.map((e) => ({
              section: e.section,
              kind: e.kind,
              title: e.title,
              docNumber: e.docNumber,
              orgName: e.orgName,
              date: e.date,
              text: [
                e.kind === 'document' && e.bodyText.trim() !== '' ? e.bodyText : htmlToText(e.bodyHtml),
                ...e.qa.map((p) => `问：${p.q}\n答：${p.a}`),
              ]
                .filter((x) => x.trim() !== '')
                .join('\n'),
            })),
            fontPath,
          );
        } catch (err) {
          if ((err as { code?: unknown }).code !== 'GAZETTE_FONT_MISSING') throw err;
          return sendPage(req, reply, {
            status: 503,
            title: '暂时无法提供PDF版本',
            siteName: siteName(),
            current: DOCUMENTS_PATH,
            path: issuePath(issue.year, issue.number),
            breadcrumbs: [...CRUMBS, { label: TITLE, href: GAZETTE_PATH }, { label: '暂时无法提供PDF版本' }],
            body: html`<div class="notice error" role="alert"><p><strong>${describeError('GAZETTE_FONT_MISSING').message}</strong></p></div>
<p>您可以先在网页上阅读<a href="${issuePath(issue.year, issue.number)}">${issue.year}年第${issue.number}期的目录和全文</a>。</p>`,
          });
        }
        if (pdfCache.size >= PDF_CACHE_SIZE) pdfCache.delete(pdfCache.keys().next().value as string);
        pdfCache.set(key, pdf);
      }
      return reply
        .code(200)
        .type('application/pdf')
        .header('cache-control', cachePolicy(req, 'public, max-age=300'))
        .header(
          'content-disposition',
          contentDisposition(
            `${siteName()}公报${issue.year}年第${issue.number}期.pdf`,
            `gazette-${issue.year}-${issue.number}.pdf`,
            true,
          ),
        )
        .send(pdf);
    },
  );
}
