/**
 * 工作计划公开: the published annual work plans of the organisations, by organisation and year; a
 * plan's task table with each task's status as the office last published it (落实情况, a snapshot with
 * its date: never the live internal state); the published 考核 ranking. Server-rendered, plain links and
 * tables: works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { chinaDateOf } from '../../../platform/time.ts';
import { currentSiteOrgIds, type Html, html, sendColumnPage } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { findOrg } from '../../orgs/index.ts';
import * as store from '../assessment.store.ts';
import { ROLLUP_LABELS } from '../domain/cascade.ts';
import { can } from '../domain/policies.ts';
import { PERIOD_LABELS } from '../domain/scoring.ts';
import { latestProgressSnapshot } from '../store.ts';

export const WORKPLANS_PATH = '/gk/workplans';
const LIST_TITLE = '年度工作计划';

type Opts = { db: Kysely<Database>; siteName: string };

const idOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

function rankingsSection(list: Awaited<ReturnType<typeof store.listAssessments>>): Html | null {
  if (list.length === 0) return null;
  return html`<section aria-labelledby="rankings">
<h2 id="rankings">考核结果</h2>
<ul class="section-list">${list.map(
    (a) =>
      html`<li><a href="${WORKPLANS_PATH}/assessments/${a.id}">${a.org_name}：${a.plan_title} ${a.period_label}考核排名</a><span class="muted">（${PERIOD_LABELS[a.period_kind]}）</span></li>`,
  )}</ul>
</section>`;
}

/** On a government's site, only its own organisations' plans and rankings (`currentSiteOrgIds`). */
function ofSite(orgId: number): boolean {
  const own = currentSiteOrgIds();
  return own === undefined || own.includes(orgId);
}

async function listPage(opts: Opts): Promise<Html> {
  const [allPlans, allRankings] = await Promise.all([
    store.publishedPlans(opts.db),
    store.listAssessments(opts.db, { publishedOnly: true }),
  ]);
  const plans = allPlans.filter((p) => ofSite(p.org_id));
  const rankings = allRankings.filter((a) => ofSite(a.org_id));
  if (plans.length === 0) {
    return html`<p class="lead">各级行政机关向社会公开的年度工作计划（工作要点及任务分解）。</p>
<div class="notice"><p>暂无已公开的年度工作计划。</p></div>${rankingsSection(rankings)}`;
  }
  // organisation → year → plans, in the order the query gives (year desc, directory order).
  const byOrg = new Map<number, { name: string; years: Map<number, typeof plans> }>();
  for (const p of plans) {
    const org = byOrg.get(p.org_id) ?? { name: p.org_name, years: new Map() };
    byOrg.set(p.org_id, org);
    const list = org.years.get(p.year) ?? [];
    list.push(p);
    org.years.set(p.year, list);
  }
  const sections = [...byOrg.entries()].map(
    ([orgId, org]) => html`<section aria-labelledby="org-${orgId}">
<h2 id="org-${orgId}">${org.name}</h2>
${[...org.years.entries()].map(
  ([year, list]) => html`<h3>${year}年</h3>
<ul class="section-list">${list.map(
    (p) =>
      html`<li><a href="${WORKPLANS_PATH}/${p.id}">${p.title}</a>${p.doc_number ? html`<span class="muted">（${p.doc_number}）</span>` : null}<span class="muted"> 共${Number(p.tasks)}项任务</span></li>`,
  )}</ul>`,
)}
</section>`,
  );
  return html`<p class="lead">各级行政机关向社会公开的年度工作计划（工作要点及任务分解），以及各项任务的落实情况和考核结果。</p>${sections}${rankingsSection(rankings)}`;
}

async function planPage(opts: Opts, id: number): Promise<{ title: string; body: Html } | null> {
  const plan = await store.findPlan(opts.db, id);
  if (!plan || !can(null, 'portal.plan', plan) || !ofSite(plan.org_id)) return null;
  const [org, tasks, assessments, progress] = await Promise.all([
    findOrg(opts.db, plan.org_id),
    store.tasksOfPlan(opts.db, plan.id),
    store.listAssessments(opts.db, { planId: plan.id, publishedOnly: true }),
    latestProgressSnapshot(opts.db, plan.id),
  ]);
  const published = new Map((progress?.tasks ?? []).map((p) => [p.taskId, p]));
  // 牵头单位 only where some task names one.
  const hasLead = tasks.some((t) => t.assignments.some((a) => a.role === 'lead'));
  const rows = tasks.map((t) => {
    const p = published.get(t.id);
    const lead = t.assignments.filter((a) => a.role === 'lead').map((a) => a.orgName);
    const resp = [
      ...t.assignments.filter((a) => a.role === 'responsible').map((a) => a.orgName),
      ...t.groups,
    ];
    const deadline = t.deadline_raw ?? (t.due ? formatChineseDate(t.due) : '');
    return html`<tr>
<th scope="row">${t.seq}. ${t.task}</th>
<td>${t.requirement}</td>
${hasLead ? html`<td>${lead.join('、') || '—'}</td>` : null}
<td>${resp.join('、') || '—'}</td>
<td>${deadline || '—'}${t.recurring && !/长期/.test(deadline) ? '（长期坚持）' : ''}</td>
${progress ? html`<td>${p ? html`${ROLLUP_LABELS[p.status]}${p.overdue ? html`<strong>（已逾期）</strong>` : null}` : '—'}</td>` : null}
</tr>`;
  });
  const totals = progress?.totals;
  const state = totals
    ? html`共${totals.tasks}项任务，已完成${totals.done}项${totals.overdueTasks > 0 ? `，逾期未完成${totals.overdueTasks}项` : ''}（截至${formatChineseDate(progress.as_of)}，${formatChineseDate(chinaDateOf(progress.published_at))}发布）`
    : html`共${tasks.length}项任务，落实情况尚未发布`;
  const facts = html`<dl class="facts">
<dt>发布机关</dt><dd>${plan.issuer ?? org?.name ?? ''}</dd>
${plan.doc_number ? html`<dt>文号</dt><dd>${plan.doc_number}</dd>` : null}
${plan.issued_date ? html`<dt>成文日期</dt><dd>${formatChineseDate(plan.issued_date)}</dd>` : null}
<dt>年度</dt><dd>${plan.year}年</dd>
<dt>落实情况</dt><dd>${state}</dd>
</dl>`;
  const assessmentLinks =
    assessments.length === 0
      ? null
      : html`<section aria-labelledby="assessments"><h2 id="assessments">考核结果</h2><ul class="section-list">${assessments.map(
          (a) =>
            html`<li><a href="${WORKPLANS_PATH}/assessments/${a.id}">${a.period_label}考核排名</a><span class="muted">（${PERIOD_LABELS[a.period_kind]}）</span></li>`,
        )}</ul></section>`;
  const table =
    tasks.length === 0
      ? html`<p>该计划暂无任务。</p>`
      : html`<table class="days">
<caption>${plan.title}任务分解及落实情况（共${tasks.length}项）</caption>
<thead><tr><th scope="col">工作任务</th><th scope="col">具体要求</th>${hasLead ? html`<th scope="col">牵头单位</th>` : null}<th scope="col">责任单位</th><th scope="col">完成时限</th>${progress ? html`<th scope="col">落实情况（截至${formatChineseDate(progress.as_of)}）</th>` : null}</tr></thead>
<tbody>${rows}</tbody>
</table>`;
  return {
    title: plan.title,
    body: html`${facts}${assessmentLinks}<section aria-labelledby="tasks"><h2 id="tasks">任务分解</h2>${table}</section>
<p><a href="${WORKPLANS_PATH}">返回年度工作计划列表</a></p>`,
  };
}

async function rankingPage(
  opts: Opts,
  id: number,
): Promise<{ title: string; body: Html; planId: number; planTitle: string } | null> {
  const a = await store.findAssessment(opts.db, id);
  if (!a || !can(null, 'portal.ranking', a) || !ofSite(a.org_id)) return null;
  const plan = await store.findPlan(opts.db, a.plan_id);
  if (!plan) return null;
  const rows = await store.rankingRows(opts.db, id);
  const title = `${a.period_label}考核排名`;
  const table =
    rows.length === 0
      ? html`<p>本次考核没有参加排名的单位。</p>`
      : html`<table>
<caption>${plan.title}：${title}（考核期${formatChineseDate(a.starts_on)}至${formatChineseDate(a.ends_on)}）</caption>
<thead><tr><th scope="col">名次</th><th scope="col">单位</th><th scope="col">得分</th><th scope="col">按时完成（项）</th><th scope="col">佐证材料（份）</th><th scope="col">逾期（项）</th><th scope="col">退回（次）</th></tr></thead>
<tbody>${rows.map(
          (r) =>
            html`<tr><td>${r.rank}</td><th scope="row">${r.org_name}</th><td>${r.score}</td><td>${r.on_time}</td><td>${r.evidence}</td><td>${r.overdue}</td><td>${r.returned}</td></tr>`,
        )}</tbody>
</table>`;
  return {
    title,
    planId: plan.id,
    planTitle: plan.title,
    body: html`<p class="lead">${plan.title}</p>
<dl class="facts">
<dt>考核期</dt><dd>${formatChineseDate(a.starts_on)}至${formatChineseDate(a.ends_on)}</dd>
<dt>统计截至</dt><dd>${formatChineseDate(a.as_of)}</dd>
${a.published_at ? html`<dt>发布日期</dt><dd>${formatChineseDate(chinaDateOf(new Date(a.published_at)))}</dd>` : null}
</dl>
${table}
<p class="hint">得分＝基础分＋加分（按时完成、经审核的佐证材料）－扣分（逾期未完成、进展被退回），本排名经负责人审批后发布。</p>
<p><a href="${WORKPLANS_PATH}/${plan.id}">查看该计划的任务落实情况</a></p>`,
  };
}

/** The three pages answer HTML (a missing or unpublished plan or ranking: the portal's 404 page). */
const schema = { response: { 200: htmlPage } };

export async function workplanPages(app: FastifyInstance, opts: Opts) {
  app.get(WORKPLANS_PATH, { schema }, async (req, reply) =>
    sendColumnPage(req, reply, {
      column: WORKPLANS_PATH,
      siteName: opts.siteName,
      title: LIST_TITLE,
      body: await listPage(opts),
      crumbs: [{ label: LIST_TITLE }],
    }),
  );

  app.get<{ Params: { id: string } }>(`${WORKPLANS_PATH}/:id`, { schema }, async (req, reply) => {
    const id = idOf(req.params.id);
    const page = id === null ? null : await planPage(opts, id);
    if (!page) return reply.callNotFound();
    return sendColumnPage(req, reply, {
      column: WORKPLANS_PATH,
      siteName: opts.siteName,
      title: page.title,
      body: page.body,
      crumbs: [{ label: LIST_TITLE, href: WORKPLANS_PATH }, { label: page.title }],
    });
  });

  app.get<{ Params: { id: string } }>(`${WORKPLANS_PATH}/assessments/:id`, { schema }, async (req, reply) => {
    const id = idOf(req.params.id);
    const page = id === null ? null : await rankingPage(opts, id);
    if (!page) return reply.callNotFound();
    return sendColumnPage(req, reply, {
      column: WORKPLANS_PATH,
      siteName: opts.siteName,
      title: page.title,
      body: page.body,
      crumbs: [
        { label: LIST_TITLE, href: WORKPLANS_PATH },
        { label: page.planTitle, href: `${WORKPLANS_PATH}/${page.planId}` },
        { label: page.title },
      ],
    });
  });
}
