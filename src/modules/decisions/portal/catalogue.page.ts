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
    const [rows, n] = await Promise.all([
      // A government's site lists its own government's decisions (`currentSiteOrgIds`).
      store.listItems(db, { orgIds: currentSiteOrgIds() ?? null, year: asked, publishedOnly: true }),
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
    const [steps, n] = await Promise.all([store.listSteps(db, r.id), names()]);
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
}`;
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
