/**
 * 重大行政决策事项目录 on the portal (713 Art. 3(3): the catalogue is published): the published items of a
 * year per government, and a page per decision with its statutory steps as a timeline.
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
import {
  CHANGE_LABELS,
  changedFields,
  type ItemSnapshot,
  SNAPSHOT_FIELD_LABELS,
  SNAPSHOT_FIELDS,
  type SnapshotField,
} from '../domain/catalogue.ts';
import { STEP_ARTICLES, STEP_LABELS, STEPS } from '../domain/steps.ts';
import * as store from '../store.ts';
import { consultationPath, DECISIONS_PATH } from './pages.ts';

export const CATALOGUE_PATH = `${DECISIONS_PATH}/catalogue`;
const TITLE = '重大行政决策事项目录';
const itemPath = (id: number) => `${DECISIONS_PATH}/items/${id}`;

const idOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

const yesNo = (b: boolean) => (b ? '是' : '否');
const changePath = (id: number) => `${CATALOGUE_PATH}/changes/${id}`;

/** A field of a kept version as the catalogue shows it. */
function fieldText(v: ItemSnapshot, f: SnapshotField): string {
  const x = v[f];
  if (f === 'published') return x ? '公布' : '不公布（撤销）';
  if (typeof x === 'boolean') return yesNo(x);
  if (f === 'partyConsentOn') return x ? formatChineseDate(x as string) : '—';
  return (x as string | null) || '—';
}

/** What an adjustment changed, in words: “计划完成时间：2026年第三季度调整为2026年第四季度”. */
function changeSummary(v: store.VersionRow): string {
  if (!v.before || v.change === 'add') return `新增“${v.after.subject}”`;
  if (v.change === 'withdraw') return `“${v.before.subject}”不再列入目录`;
  if (v.change === 'restore') return `“${v.after.subject}”重新列入目录`;
  const before = v.before;
  return changedFields(before, v.after)
    .map((f) => `${SNAPSHOT_FIELD_LABELS[f]}：${fieldText(before, f)}调整为${fieldText(v.after, f)}`)
    .join('；');
}

/** 调整记录: the adjustments of the catalogues shown, newest first, each with its kept versions. */
function adjustmentsTable(versions: store.VersionRow[], caption: string): Html {
  return html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">调整日期</th><th scope="col">决策事项</th><th scope="col">调整类型</th><th scope="col">调整内容</th><th scope="col">调整原因</th><th scope="col">调整前后</th></tr></thead>
<tbody>${versions.map(
    (v) =>
      html`<tr><td>${formatChineseDate(v.changed_on)}</td><td>${(v.before ?? v.after).subject}</td><td>${CHANGE_LABELS[v.change]}</td><td>${changeSummary(v)}</td><td>${v.reason}</td><td><a href="${changePath(v.id)}">查看第${v.version}次调整的前后内容<span class="visually-hidden">（${(v.before ?? v.after).subject}）</span></a></td></tr>`,
  )}</tbody>
</table>`;
}

function lines(text: string): Html[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (/^https?:\/\/\S+$/.test(l) ? html`<p><a href="${l}">${l}</a></p>` : html`<p>${l}</p>`));
}

export async function cataloguePortal(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string },
) {
  const { db } = opts;
  const schema = { response: { 200: htmlPage } };
  const names = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  app.get(CATALOGUE_PATH, { schema }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const thisYear = Number(chinaToday().slice(0, 4));
    const asked = typeof q.year === 'string' && /^\d{4}$/.test(q.year) ? Number(q.year) : thisYear;
    const orgIds = currentSiteOrgIds() ?? null;
    const [rows, versions, n] = await Promise.all([
      // A government's site lists its own government's decisions (`currentSiteOrgIds`).
      store.listItems(db, { orgIds, year: asked, publishedOnly: true }),
      store.listVersions(db, { orgIds, year: asked }),
      names(),
    ]);
    const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
    const body = html`<p class="lead">决策机关经同级党委同意后，向社会公布重大行政决策事项目录（《重大行政决策程序暂行条例》第三条）。</p>
<nav aria-label="年度"><ul class="section-list">${years.map((y) =>
      y === asked
        ? html`<li><span aria-current="page">${y}年度</span></li>`
        : html`<li><a href="${CATALOGUE_PATH}?year=${y}">${y}年度</a></li>`,
    )}</ul></nav>
${
  rows.length === 0
    ? html`<p class="muted">${asked}年度暂无公布的决策事项。</p>`
    : html`<table>
<caption>${asked}年度重大行政决策事项目录</caption>
<thead><tr><th scope="col">决策事项</th><th scope="col">决策机关</th><th scope="col">承办单位</th><th scope="col">计划完成时间</th><th scope="col">听证</th><th scope="col">风险评估</th><th scope="col">专家论证</th><th scope="col">状态</th></tr></thead>
<tbody>${rows.map(
        (r) =>
          html`<tr><td><a href="${itemPath(r.id)}">${r.subject}</a></td><td>${n.get(r.org_id) ?? ''}</td><td>${r.undertaker || '—'}</td><td>${r.planned_time || '—'}</td><td>${yesNo(r.hearing_planned)}</td><td>${yesNo(r.risk_planned)}</td><td>${yesNo(r.expert_planned)}</td><td>${r.status === 'decided' ? '已决策' : '推进中'}</td></tr>`,
      )}</tbody>
</table>`
}
<h2 id="adjustments">调整记录</h2>
${
  versions.length === 0
    ? html`<p class="muted">${asked}年度目录公布后暂无调整。</p>`
    : html`<p>目录公布后新增、调整或撤销事项的，记录调整原因并保留调整前的内容。</p>
${adjustmentsTable(versions, `${asked}年度决策事项目录调整记录`)}`
}`;
    return sendColumnPage(req, reply, {
      column: DECISIONS_PATH,
      siteName: opts.siteName,
      title: TITLE,
      body,
      crumbs: [{ label: '决策公开', href: DECISIONS_PATH }, { label: TITLE }],
    });
  });

  app.get(`${DECISIONS_PATH}/items/:id`, { schema }, async (req, reply) => {
    const id = idOf((req.params as { id?: string }).id);
    const r = id === null ? undefined : await store.findItem(db, id);
    const site = currentSiteOrgIds();
    if (!r?.published || (site && !site.includes(r.org_id))) throw new AppError('NOT_FOUND');
    const [steps, versions, n] = await Promise.all([
      store.listSteps(db, r.id),
      store.listVersions(db, { itemId: r.id }),
      names(),
    ]);
    const byStep = new Map(steps.map((s) => [s.step, s]));
    const shown = STEPS.filter((s) => byStep.has(s));
    const body = html`<dl class="facts">
<dt>决策机关</dt><dd>${n.get(r.org_id) ?? ''}</dd>
<dt>年度</dt><dd>${r.year}年度</dd>
<dt>承办单位</dt><dd>${r.undertaker || '—'}</dd>
<dt>计划完成时间</dt><dd>${r.planned_time || '—'}</dd>
<dt>党委同意</dt><dd>${r.party_consent_on ? `${formatChineseDate(r.party_consent_on)}${r.party_consent_note ? `，${r.party_consent_note}` : ''}` : '—'}</dd>
<dt>状态</dt><dd>${r.status === 'decided' && r.decided_on ? `已于${formatChineseDate(r.decided_on)}决策` : '推进中'}</dd>
${r.consultation_id ? html`<dt>公开征求意见</dt><dd><a href="${consultationPath(r.consultation_id)}">查看意见征集和采纳情况</a></dd>` : null}
</dl>
<h2>决策程序</h2>
${
  shown.length === 0
    ? html`<p class="muted">暂无已登记的程序步骤。</p>`
    : html`<ol class="timeline">${shown.map((s) => {
        const x = byStep.get(s) as store.StepRow;
        return html`<li><h3>${STEP_LABELS[s]}</h3>
<p class="muted">依据：《重大行政决策程序暂行条例》${STEP_ARTICLES[s]}</p>
<p>${formatChineseDate(x.started_on)}${x.finished_on ? `至${formatChineseDate(x.finished_on)}` : '起，进行中'}${x.unit ? `；承办：${x.unit}` : ''}</p>
${lines(x.materials)}</li>`;
      })}</ol>`
}
${versions.length ? html`<h2>目录调整记录</h2>${adjustmentsTable(versions, '该事项的调整记录')}` : null}`;
    return sendColumnPage(req, reply, {
      column: DECISIONS_PATH,
      siteName: opts.siteName,
      title: r.subject,
      body,
      crumbs: [
        { label: '决策公开', href: DECISIONS_PATH },
        { label: TITLE, href: `${CATALOGUE_PATH}?year=${r.year}` },
        { label: r.subject },
      ],
    });
  });
}

/** One adjustment with the item's values before and after it: the earlier version kept. */
export async function adjustmentPortal(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string },
) {
  const { db } = opts;
  app.get(
    `${CATALOGUE_PATH}/changes/:id`,
    { schema: { response: { 200: htmlPage } } },
    async (req, reply) => {
      const id = idOf((req.params as { id?: string }).id);
      const v = id === null ? undefined : await store.findVersion(db, id);
      const site = currentSiteOrgIds();
      if (!v || (site && !site.includes(v.org_id))) throw new AppError('NOT_FOUND');
      const changed = new Set(v.before ? changedFields(v.before, v.after) : []);
      const subject = (v.before ?? v.after).subject;
      const title = `${subject}：${CHANGE_LABELS[v.change]}`;
      const orgName = (await listOrgs(db)).find((o) => o.id === v.org_id)?.name ?? '';
      const body = html`<dl class="facts">
<dt>决策机关</dt><dd>${orgName}</dd>
<dt>目录年度</dt><dd>${v.year}年度</dd>
<dt>调整日期</dt><dd>${formatChineseDate(v.changed_on)}</dd>
<dt>调整类型</dt><dd>${CHANGE_LABELS[v.change]}（该事项第${v.version}次调整）</dd>
<dt>调整内容</dt><dd>${changeSummary(v)}</dd>
<dt>调整原因</dt><dd>${v.reason}</dd>
</dl>
<table>
<caption>调整前后的事项内容</caption>
<thead><tr><th scope="col">项目</th><th scope="col">调整前</th><th scope="col">调整后</th></tr></thead>
<tbody>${SNAPSHOT_FIELDS.map(
        (f) =>
          html`<tr><th scope="row">${SNAPSHOT_FIELD_LABELS[f]}${changed.has(f) ? html`<strong>（已调整）</strong>` : null}</th><td>${v.before ? fieldText(v.before, f) : '（新增事项，无调整前内容）'}</td><td>${fieldText(v.after, f)}</td></tr>`,
      )}</tbody>
</table>
<p><a href="${CATALOGUE_PATH}?year=${v.year}#adjustments">返回${v.year}年度目录调整记录</a></p>`;
      return sendColumnPage(req, reply, {
        column: DECISIONS_PATH,
        siteName: opts.siteName,
        title,
        body,
        crumbs: [
          { label: '决策公开', href: DECISIONS_PATH },
          { label: TITLE, href: `${CATALOGUE_PATH}?year=${v.year}` },
          { label: title },
        ],
      });
    },
  );
}
