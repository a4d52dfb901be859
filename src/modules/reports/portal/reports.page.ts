/**
 * 公开年报: the published annual reports per agency and year. Server-rendered: the tables in the national
 * format (国办公开办函〔2021〕30号) with captions and header scopes, usable without JavaScript; the figures
 * as .xlsx.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { fileResponse, htmlPage } from '../../../platform/http/schemas.ts';
import { chinaDateOf } from '../../../platform/time.ts';
import { currentSiteOrgIds, type Html, html, sendColumnPage } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import {
  MANUAL_FIGURE_INFO,
  type ManualFigure,
  type ReportFigures,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_NOTE,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from '../domain/tables.ts';
import { figuresWorkbook } from '../export.ts';
import { publishedReport, publishedReports } from '../service.ts';

export const REPORTS_PATH = '/gk/reports';
const LIST_TITLE = '政府信息公开工作年度报告';

type Opts = { db: Kysely<Database>; siteName: string };

const idOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

const num = (n: number | null) => (n === null ? '—' : String(n));

function table2(f: ReportFigures): Html {
  const single = (key: ManualFigure, rows: ManualFigure[]) => {
    const info = MANUAL_FIGURE_INFO[key];
    return html`<table>
<caption>${info.item}</caption>
<thead><tr><th scope="col">信息内容</th><th scope="col">${info.column}</th></tr></thead>
<tbody>${rows.map((k) => html`<tr><th scope="row">${MANUAL_FIGURE_INFO[k].label}</th><td>${num(f.table2[k])}</td></tr>`)}</tbody>
</table>`;
  };
  return html`<table>
<caption>第二十条第（一）项</caption>
<thead><tr><th scope="col">信息内容</th>${TABLE2_DOC_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${TABLE2_DOC_ROWS.map((r) => html`<tr><th scope="row">${r.label}</th>${f.table2[r.key].map((n) => html`<td>${n}</td>`)}</tr>`)}</tbody>
</table>
${single('licensing', ['licensing'])}
${single('penalty', ['penalty', 'enforcement'])}
${single('fees', ['fees'])}`;
}

/** The row-header cells of a row of table 三, with the merged group cells where a group starts. */
function table3Headers(index: number): Html {
  const row = TABLE3_ROWS[index];
  if (!row) return html``;
  if (!row.key.startsWith('三')) return html`<th scope="row" colspan="3">${row.label}</th>`;
  const first = index === TABLE3_ROWS.findIndex((r) => r.key.startsWith('三'));
  const three = first ? html`<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>` : null;
  if (!row.group) return html`${three}<th scope="row" colspan="2">${row.label}</th>`;
  const groupStart = TABLE3_ROWS[index - 1]?.group !== row.group;
  const size = TABLE3_ROWS.filter((r) => r.group === row.group).length;
  return html`${three}${groupStart ? html`<th scope="rowgroup" rowspan="${size}">${row.group}</th>` : null}<th scope="row">${row.label}</th>`;
}

function table3(f: ReportFigures): Html {
  return html`<table>
<caption>收到和处理政府信息公开申请情况</caption>
<thead>
<tr><td colspan="3" rowspan="3">${TABLE3_NOTE}</td><th scope="colgroup" colspan="7">申请人情况</th></tr>
<tr><th scope="col" rowspan="2">${TABLE3_COLUMNS[0]}</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th></tr>
<tr>${TABLE3_COLUMNS.slice(1, 6).map((c) => html`<th scope="col">${c}</th>`)}</tr>
</thead>
<tbody>${TABLE3_ROWS.map((r, i) => html`<tr>${table3Headers(i)}${(f.table3[r.key] ?? []).map((n) => html`<td>${n}</td>`)}</tr>`)}</tbody>
</table>`;
}

function table4(f: ReportFigures): Html {
  const labels = TABLE4_CELL_LABELS;
  return html`<table>
<caption>政府信息公开行政复议、行政诉讼情况</caption>
<thead>
<tr><th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th></tr>
<tr>${labels.map((l) => html`<th scope="col" rowspan="2">${l}</th>`)}${TABLE4_GROUPS.slice(1).map((g) => html`<th scope="colgroup" colspan="5">${g.label}</th>`)}</tr>
<tr>${TABLE4_GROUPS.slice(1).map(() => labels.map((l) => html`<th scope="col">${l}</th>`))}</tr>
</thead>
<tbody><tr>${f.table4.map((n) => html`<td>${n}</td>`)}</tr></tbody>
</table>`;
}

const paragraphs = (text: string): Html =>
  text.trim()
    ? html`${text
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p) => html`<p>${p.trim()}</p>`)}`
    : html`<p>无。</p>`;

/** On a government's site, only its own organisations' reports (`currentSiteOrgIds`). */
function ofSite(orgId: number): boolean {
  const own = currentSiteOrgIds();
  return own === undefined || own.includes(orgId);
}

async function listPage(opts: Opts): Promise<Html> {
  const list = (await publishedReports(opts.db)).filter((r) => ofSite(r.org_id));
  if (list.length === 0) {
    return html`<p class="lead">各级行政机关依照《中华人民共和国政府信息公开条例》第四十九条、第五十条公布的政府信息公开工作年度报告。</p>
<div class="notice"><p>暂无已公开的年度报告。</p></div>`;
  }
  const years = [...new Set(list.map((r) => r.year))];
  return html`<p class="lead">各级行政机关依照《中华人民共和国政府信息公开条例》第四十九条、第五十条公布的政府信息公开工作年度报告。</p>
${years.map(
  (y) => html`<section aria-labelledby="year-${y}"><h2 id="year-${y}">${y}年度</h2>
<ul class="section-list">${list
    .filter((r) => r.year === y)
    .map(
      (r) =>
        html`<li><a href="${REPORTS_PATH}/${r.id}">${r.org_name}${y}年政府信息公开工作年度报告</a>${r.published_at ? html`<span class="muted">（${formatChineseDate(chinaDateOf(new Date(r.published_at)))}${r.version > 1 ? '更正' : '公开'}）</span>` : null}</li>`,
    )}</ul></section>`,
)}`;
}

const dateOf = (d: Date | string | null) => (d ? formatChineseDate(chinaDateOf(new Date(d))) : '');

/**
 * 更正: a corrected version says so and links to the current one; a correction gives its date and reason;
 * both list the other published versions, each reachable at its own address.
 */
function corrections(found: NonNullable<Awaited<ReturnType<typeof publishedReport>>>): Html {
  const { report, versions, current } = found;
  if (versions.length < 2) return html``;
  const superseded = report.superseded_at
    ? html`<div class="notice" role="note"><p><strong>已更正</strong>：本报告已于${dateOf(report.superseded_at)}更正，以更正后的报告为准。<a href="${REPORTS_PATH}/${current.id}">查看现行报告</a></p></div>`
    : null;
  const reason =
    report.version > 1
      ? html`<div class="notice" role="note"><p><strong>更正</strong>：本报告于${dateOf(report.published_at)}更正。更正说明：${report.correction_reason ?? ''}</p></div>`
      : null;
  const others = versions.filter((v) => v.id !== report.id);
  return html`${superseded}${reason}
<section aria-labelledby="versions"><h2 id="versions">本报告的其他版本</h2>
<ul class="section-list">${others.map(
    (v) =>
      html`<li><a href="${REPORTS_PATH}/${v.id}">${v.version === 1 ? '原报告' : `第${v.version - 1}次更正`}</a><span class="muted">（${dateOf(v.published_at)}公开${v.superseded_at ? `，${dateOf(v.superseded_at)}已更正` : '，现行'}）</span></li>`,
  )}</ul></section>`;
}

async function reportPage(opts: Opts, id: number): Promise<{ title: string; body: Html } | null> {
  const found = await publishedReport(opts.db, id);
  if (!found || !ofSite(found.report.org_id)) return null;
  const { report, agency, figures } = found;
  const title = `${agency.org.name}${report.year}年政府信息公开工作年度报告${report.superseded_at ? '（已更正）' : ''}`;
  return {
    title,
    body: html`<p class="lead">本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条和国务院办公厅政府信息与政务公开办公室规定的格式编制，所列数据统计期限为${report.year}年1月1日至${report.year}年12月31日。</p>
${report.published_at ? html`<p class="muted">公开日期：${formatChineseDate(chinaDateOf(new Date(report.published_at)))}</p>` : null}
${corrections(found)}
<section aria-labelledby="s1"><h2 id="s1">一、总体情况</h2>${paragraphs(report.overview)}</section>
<section aria-labelledby="s2"><h2 id="s2">二、主动公开政府信息情况</h2>${table2(figures)}</section>
<section aria-labelledby="s3"><h2 id="s3">三、收到和处理政府信息公开申请情况</h2>${table3(figures)}</section>
<section aria-labelledby="s4"><h2 id="s4">四、政府信息公开行政复议、行政诉讼情况</h2>${table4(figures)}</section>
<section aria-labelledby="s5"><h2 id="s5">五、存在的主要问题及改进情况</h2>${paragraphs(report.problems)}</section>
<section aria-labelledby="s6"><h2 id="s6">六、其他需要报告的事项</h2>${paragraphs(report.other)}</section>
<p><a href="${REPORTS_PATH}/${report.id}/report.docx">下载本报告（Word 文档）</a></p>
<p><a href="${REPORTS_PATH}/${report.id}/figures.xlsx">下载本报告数据表格（Excel）</a></p>
<p><a href="${REPORTS_PATH}">返回年度报告列表</a></p>`,
  };
}

export async function reportPages(app: FastifyInstance, opts: Opts) {
  const schema = { response: { 200: htmlPage } };
  app.get(REPORTS_PATH, { schema }, async (req, reply) =>
    sendColumnPage(req, reply, {
      column: REPORTS_PATH,
      siteName: opts.siteName,
      title: LIST_TITLE,
      body: await listPage(opts),
      crumbs: [{ label: LIST_TITLE }],
    }),
  );

  app.get<{ Params: { id: string } }>(`${REPORTS_PATH}/:id`, { schema }, async (req, reply) => {
    const id = idOf(req.params.id);
    const page = id === null ? null : await reportPage(opts, id);
    if (!page) return reply.callNotFound();
    return sendColumnPage(req, reply, {
      column: REPORTS_PATH,
      siteName: opts.siteName,
      title: page.title,
      body: page.body,
      crumbs: [{ label: LIST_TITLE, href: REPORTS_PATH }, { label: page.title }],
    });
  });

  app.get<{ Params: { id: string } }>(
    `${REPORTS_PATH}/:id/figures.xlsx`,
    { schema: { response: { 200: fileResponse } } },
    async (req, reply) => {
      const id = idOf(req.params.id);
      const found = id === null ? undefined : await publishedReport(opts.db, id);
      if (!found || !ofSite(found.report.org_id)) return reply.callNotFound();
      const title = `${found.agency.org.name}${found.report.year}年政府信息公开工作年度报告数据`;
      const bytes = await figuresWorkbook(title, found.figures);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`${title}.xlsx`))
        .send(bytes);
    },
  );
}
