/**
 * The portal's faces of the two registers:
 * - 政务公开事项标准目录 (`/gk/standards`): the site's catalogues by area, each item with its fields and a
 *   link to the column that fulfils it;
 * - 定点、定向公开 (`/gk/targeted`): the notices of the site's organisations by place; a notice's list is
 *   shown only within its publication period (公示期) — afterwards the page says the period has ended and
 *   no longer shows the (masked) list — and a printable copy for the village's 公开栏.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { chinaToday } from '../../../platform/time.ts';
import { currentSiteOrgIds, type Html, html, sendColumnPage } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { areaOrder } from '../domain/areas.ts';
import { PROBLEM_LABELS } from '../domain/time-limit.ts';
import { withFreshness } from '../service.ts';
import * as store from '../store.ts';
import { noticeTable, periodText, printableNotice, removedNote } from './print.ts';

export const STANDARDS_PATH = '/gk/standards';
export const TARGETED_PATH = '/gk/targeted';
/** The column these pages belong to in the portal's navigation (法定主动公开内容). */
const COLUMN = '/gk/statutory';
const COLUMN_CRUMB = { label: '法定主动公开内容', href: COLUMN };

const idOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export type NoticePhase = 'upcoming' | 'open' | 'ended';
export function noticePhase(r: { period_start: string; period_end: string }, today: string): NoticePhase {
  return today < r.period_start ? 'upcoming' : today > r.period_end ? 'ended' : 'open';
}

export async function standardsPortal(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string },
) {
  const { db } = opts;
  const schema = { response: { 200: htmlPage } };
  const names = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  app.get(STANDARDS_PATH, { schema }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const today = chinaToday();
    const rows = await store.listItems(db, { orgIds: currentSiteOrgIds() ?? null });
    const items = await withFreshness(db, rows, today);
    const areas = [...new Set(items.map((i) => i.area))].sort(
      (a, b) => areaOrder(a) - areaOrder(b) || a.localeCompare(b),
    );
    const asked = typeof q.area === 'string' && areas.includes(q.area) ? q.area : null;
    const n = await names();
    const shown = asked ? items.filter((i) => i.area === asked) : [];
    const link = (i: (typeof items)[number]): Html | string =>
      i.column_id !== null
        ? html`<a href="/gk/statutory/${i.column_id}">${i.columnName ?? '查看栏目'}</a>`
        : i.link_path
          ? html`<a href="${i.link_path}">查看</a>`
          : '—';
    const body = html`<p class="lead">政务公开事项标准目录按领域列明公开事项、公开内容、公开依据、公开时限、公开主体、公开渠道、公开对象和公开方式（《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》）。</p>
${
  areas.length === 0
    ? html`<p class="muted">暂无公布的标准目录。</p>`
    : html`<nav aria-label="领域"><ul class="section-list">${areas.map((a) =>
        a === asked
          ? html`<li><span aria-current="page">${a}（${items.filter((i) => i.area === a).length}项）</span></li>`
          : html`<li><a href="${STANDARDS_PATH}?area=${encodeURIComponent(a)}">${a}（${items.filter((i) => i.area === a).length}项）</a></li>`,
      )}</ul></nav>`
}
${
  asked === null
    ? areas.length
      ? html`<p>请选择领域查看该领域的公开事项。</p>`
      : null
    : html`<div class="table-scroll"><table>
<caption>${asked}领域政务公开事项标准目录</caption>
<thead><tr><th scope="col">公开事项</th><th scope="col">公开内容（要素）</th><th scope="col">公开依据</th><th scope="col">公开时限</th><th scope="col">公开主体</th><th scope="col">公开渠道和载体</th><th scope="col">公开对象</th><th scope="col">公开方式</th><th scope="col">公开层级</th><th scope="col">公开内容</th></tr></thead>
<tbody>${shown.map(
        (i) =>
          html`<tr><th scope="row">${i.matter}${i.sub_matter ? html`<br><span class="muted">${i.sub_matter}</span>` : null}</th><td>${i.content}</td><td>${i.basis || '—'}</td><td>${i.time_limit || '—'}</td><td>${i.publisher || n.get(i.org_id) || '—'}</td><td>${i.channels || '—'}</td><td>${i.audience}</td><td>${i.manner}公开</td><td>${i.level || '—'}</td><td>${link(i)}${i.freshness.stale && i.freshness.problem !== 'unlinked' ? html`<br><span class="muted">${PROBLEM_LABELS[i.freshness.problem ?? 'overdue']}</span>` : null}</td></tr>`,
      )}</tbody>
</table></div>`
}`;
    return sendColumnPage(req, reply, {
      column: COLUMN,
      siteName: opts.siteName,
      title: asked ? `${asked}领域政务公开事项标准目录` : '政务公开事项标准目录',
      body,
      crumbs: asked
        ? [COLUMN_CRUMB, { label: '政务公开事项标准目录', href: STANDARDS_PATH }, { label: asked }]
        : [COLUMN_CRUMB, { label: '政务公开事项标准目录' }],
    });
  });

  app.get(TARGETED_PATH, { schema }, async (req, reply) => {
    const today = chinaToday();
    const [rows, n] = await Promise.all([
      store.listNotices(db, { orgIds: currentSiteOrgIds() ?? null, publishedOnly: true }),
      names(),
    ]);
    const places = [...new Set(rows.map((r) => r.place))];
    const label: Record<NoticePhase, string> = {
      upcoming: '即将公示',
      open: '公示中',
      ended: '公示期已结束',
    };
    const body = html`<p class="lead">面向特定村（社区）或群体公开的信息，如涉农补贴发放名单。名单中的个人信息已按规定隐去，公示期结束后不再在网上公开名单。</p>
${
  rows.length === 0
    ? html`<p class="muted">暂无定向公开信息。</p>`
    : places.map(
        (
          p,
        ) => html`<section aria-labelledby="place-${places.indexOf(p)}"><h2 id="place-${places.indexOf(p)}">${p}</h2>
<ul class="doc-list">${rows
          .filter((r) => r.place === p)
          .map(
            (r) =>
              html`<li><a href="${TARGETED_PATH}/${r.id}">${r.title}</a> <span class="muted">${n.get(r.org_id) ?? ''}；${periodText(r)}；${label[noticePhase(r, today)]}</span></li>`,
          )}</ul></section>`,
      )
}`;
    return sendColumnPage(req, reply, {
      column: COLUMN,
      siteName: opts.siteName,
      title: '定点、定向公开',
      body,
      crumbs: [COLUMN_CRUMB, { label: '定点、定向公开' }],
    });
  });

  const published = async (raw: unknown) => {
    const id = idOf(raw);
    const r = id === null ? undefined : await store.findNotice(db, id);
    const site = currentSiteOrgIds();
    if (r?.status !== 'published' || (site && !site.includes(r.org_id))) throw new AppError('NOT_FOUND');
    return r;
  };

  app.get(`${TARGETED_PATH}/:id`, { schema }, async (req, reply) => {
    const r = await published((req.params as { id?: string }).id);
    const today = chinaToday();
    const phase = noticePhase(r, today);
    const [postings, n] = await Promise.all([store.listPostings(db, [r.id]), names()]);
    const orgName = n.get(r.org_id) ?? '';
    const body = html`<dl class="facts">
<dt>发布机关</dt><dd>${orgName}</dd>
<dt>公开范围</dt><dd>${r.place}${r.audience ? `（${r.audience}）` : ''}</dd>
<dt>公示期</dt><dd>${formatChineseDate(r.period_start)}至${formatChineseDate(r.period_end)}</dd>
${r.contact ? html`<dt>监督电话</dt><dd>${r.contact}</dd>` : null}
</dl>
${r.intro ? html`<p>${r.intro}</p>` : null}
${
  phase === 'open'
    ? html`<div class="table-scroll">${noticeTable(r)}</div>${removedNote(r)}<p><a href="${TARGETED_PATH}/${r.id}/print">打印公开栏张贴稿</a></p>`
    : phase === 'upcoming'
      ? html`<p class="muted">公示期尚未开始，名单将于${formatChineseDate(r.period_start)}起公布。</p>`
      : html`<p class="muted">公示期已于${formatChineseDate(r.period_end)}结束。为保护个人信息，名单不再在网上公开；如需查询，请与${orgName}联系。</p>`
}
${
  postings.length
    ? html`<h2>张贴情况</h2><ul>${postings.map(
        (p) =>
          html`<li>${p.location}：${formatChineseDate(p.posted_on)}张贴${p.removed_on ? `，${formatChineseDate(p.removed_on)}撤下` : ''}</li>`,
      )}</ul>`
    : null
}`;
    return sendColumnPage(req, reply, {
      column: COLUMN,
      siteName: opts.siteName,
      title: r.title,
      body,
      crumbs: [COLUMN_CRUMB, { label: '定点、定向公开', href: TARGETED_PATH }, { label: r.title }],
    });
  });

  app.get(`${TARGETED_PATH}/:id/print`, { schema }, async (req, reply) => {
    const r = await published((req.params as { id?: string }).id);
    if (noticePhase(r, chinaToday()) !== 'open') throw new AppError('NOT_FOUND');
    const orgName = (await names()).get(r.org_id) ?? '';
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(printableNotice(r, orgName));
  });
}
