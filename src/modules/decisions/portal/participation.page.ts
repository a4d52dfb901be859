/**
 * 决策公开 on the portal, beyond comment on drafts: hearings (听证会), government meetings open to public
 * representatives (列席政府会议) with their live stream and recording, open days (政府开放日) with their
 * survey, and policy evaluations (政策评估). Sign-up is a plain POST form (works without JavaScript; CSRF
 * like the other portal forms, a honeypot field and a per-address rate limit). What people typed is never
 * shown publicly except the names of the selected participants, once staff publish the list.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import {
  currentSiteOrgIds,
  type Html,
  html,
  sendColumnPage,
  sendPortalPage,
} from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import {
  EVALUATION_RESULT_LABELS,
  EVENT_KIND_LABELS,
  EVENT_PHASE_LABELS,
  type EventKind,
  type EventPhase,
  eventPhase,
  lastSignupDay,
  materialsDeadline,
  SELECTION_LABELS,
  SIGNUP_LIMITS,
  type SignupField,
  type SignupInput,
  SURVEY_REMARK_CHARS,
} from '../domain/participation.ts';
import { submitSignup, submitSurvey } from '../participation.service.ts';
import * as store from '../participation.store.ts';
import { DECISIONS_PATH, idOf, oneString, paragraphs } from './pages.ts';

export const PARTICIPATION_PATH = `${DECISIONS_PATH}/participation`;
export const EVALUATIONS_PATH = `${DECISIONS_PATH}/evaluations`;
export const eventPath = (id: number) => `${DECISIONS_PATH}/events/${id}`;
const COLUMN_TITLE = '决策公开';
const TITLE = '听证会、列席会议和开放日';

/** Per address: a few sign-ups in ten minutes is a person; more is a script. */
export const SIGNUP_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
const HONEYPOT = 'website';

type Opts = { db: Kysely<Database>; siteName: string };

const phaseOfRow = (r: store.EventRow, today: string): EventPhase =>
  eventPhase(
    { heldOn: r.held_on, signupClosesOn: r.signup_closes_on, listPublished: r.list_published },
    today,
  );

const visible = (r: store.EventRow | undefined): r is store.EventRow => {
  const site = currentSiteOrgIds();
  return !!r && r.status === 'published' && (!site || site.includes(r.org_id));
};

function eventItem(r: store.EventRow, orgName: string, today: string): Html {
  return html`<li><a href="${eventPath(r.id)}"><span class="section-title">${r.title}</span>
<span class="section-desc">${orgName} · ${formatChineseDate(r.held_on)}${r.starts_at ? ` ${r.starts_at}` : ''} · ${EVENT_PHASE_LABELS[phaseOfRow(r, today)]}</span></a></li>`;
}

const KIND_INTRO: Record<EventKind, string> = {
  hearing:
    '决策事项直接涉及公民、法人、其他组织切身利益或者存在较大分歧的，可以召开听证会。听证会事先公布决策草案及其说明、听证参加人遴选办法和名单，并于召开7日前向听证参加人送达材料（《重大行政决策程序暂行条例》第十六条、第十七条）。',
  meeting:
    '政府常务会议等会议邀请公众代表列席。公众代表通过网上报名，经公开抽签或按条件遴选产生，名单事先公布；代表在会上提出的意见及答复情况在此公开。会议提供直播和回放。',
  open_day:
    '政府开放日邀请公众走进机关、了解政府工作。网上报名，额满为止；活动结束后请参加者填写满意度调查，调查结果和改进情况在此公开。',
};

type FormValues = SignupInput;
type FormError = { field: string | null; message: string };
const SIGNUP_FIELDS: SignupField[] = ['name', 'contact', 'identity', 'reason'];
const SIGNUP_LABELS: Record<SignupField, string> = {
  name: '姓名',
  contact: '联系方式',
  identity: '职业或身份',
  reason: '报名理由或拟提出的意见',
};
const emptySignup = (): FormValues => ({ name: '', contact: '', identity: '', reason: '' });

function readSignup(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    name: oneString(b.name),
    contact: oneString(b.contact),
    identity: oneString(b.identity),
    reason: oneString(b.reason),
  };
}

function errorSummary(errors: FormError[], what: string, labels: Record<string, string>): Html | null {
  if (errors.length === 0) return null;
  return html`<div class="notice error" role="alert" aria-labelledby="error-summary-title" id="error-summary">
<h2 id="error-summary-title">${what}尚未提交，请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) =>
    e.field === null
      ? html`<li>${e.message}</li>`
      : html`<li><a href="#${e.field}">${labels[e.field] ?? ''}：${e.message}</a></li>`,
  )}</ul>
</div>`;
}

/** One labelled field with its hint and error, wired for screen readers. */
function field(
  f: string,
  label: string,
  o: { required: boolean; hint?: string; error?: string; control: (attrs: Html) => Html },
): Html {
  const ids = [o.hint ? `${f}-hint` : null, o.error ? `${f}-error` : null].filter((x) => x !== null);
  const attrs = html`${o.required ? html` aria-required="true"` : null}${o.error ? html` aria-invalid="true"` : null}${ids.length ? html` aria-describedby="${ids.join(' ')}"` : null}`;
  return html`<p><label for="${f}">${label}${o.required ? html`<span class="required">（必填）</span>` : html`<span class="optional">（选填）</span>`}</label>
${o.hint ? html`<span class="hint" id="${f}-hint">${o.hint}</span>` : null}${o.error ? html`<span class="hint field-error" id="${f}-error"><strong>错误：${o.error}</strong></span>` : null}
${o.control(attrs)}</p>`;
}

const honeypot = html`<div class="visually-hidden" aria-hidden="true"><label for="${HONEYPOT}">网址（请勿填写）</label><input id="${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off" value=""></div>`;

function signupForm(r: store.EventRow, values: FormValues, errors: FormError[], csrf: string): Html {
  const err = (f: SignupField) => errors.find((e) => e.field === f)?.message;
  const reasonLabel = r.kind === 'open_day' ? '想了解的内容' : SIGNUP_LABELS.reason;
  return html`<h2 id="signup-form-title">我要报名</h2>
${errorSummary(errors, '报名', { ...SIGNUP_LABELS, reason: reasonLabel })}
<form class="form" method="post" action="${eventPath(r.id)}/signup" novalidate aria-labelledby="signup-form-title">
<input type="hidden" name="_csrf" value="${csrf}">
${field('name', '姓名', { required: true, hint: `不超过${SIGNUP_LIMITS.name}字`, error: err('name'), control: (a) => html`<input id="name" name="name" type="text" value="${values.name}" autocomplete="name"${a}>` })}
${field('contact', '联系方式', { required: true, hint: '电话或电子邮箱，仅用于通知您报名结果，不会公开', error: err('contact'), control: (a) => html`<input id="contact" name="contact" type="text" value="${values.contact}" autocomplete="tel"${a}>` })}
${field('identity', '职业或身份', { required: false, hint: '如：社区居民、企业职工、个体工商户、人大代表', error: err('identity'), control: (a) => html`<input id="identity" name="identity" type="text" value="${values.identity}"${a}>` })}
${field('reason', reasonLabel, { required: false, hint: `不超过${SIGNUP_LIMITS.reason}字`, error: err('reason'), control: (a) => html`<textarea id="reason" name="reason" rows="5" cols="30"${a}>${values.reason}</textarea>` })}
${honeypot}
<p>您的联系方式不会公开。${r.kind === 'open_day' ? '' : '入选后，您的姓名将按规定在本页公布。'}</p>
<p><button type="submit">提交报名</button></p>
</form>`;
}

type SurveyValues = { rating: string; remark: string };
const SURVEY_LABELS: Record<string, string> = { rating: '满意程度', remark: '意见建议' };
const RATINGS: [string, string][] = [
  ['5', '非常满意'],
  ['4', '满意'],
  ['3', '基本满意'],
  ['2', '不满意'],
  ['1', '非常不满意'],
];

function surveyForm(r: store.EventRow, values: SurveyValues, errors: FormError[], csrf: string): Html {
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return html`<h2 id="survey-form-title">活动满意度调查</h2>
${errorSummary(errors, '问卷', SURVEY_LABELS)}
<form class="form" method="post" action="${eventPath(r.id)}/survey" novalidate aria-labelledby="survey-form-title">
<input type="hidden" name="_csrf" value="${csrf}">
<fieldset id="rating"${err('rating') ? html` aria-describedby="rating-error"` : null}><legend>您对本次开放日活动的总体评价<span class="required">（必填）</span></legend>
${err('rating') ? html`<span class="hint field-error" id="rating-error"><strong>错误：${err('rating')}</strong></span>` : null}
${RATINGS.map(([v, label]) => html`<label class="choice"><input type="radio" name="rating" value="${v}"${values.rating === v ? html` checked` : null}> ${label}</label> `)}
</fieldset>
${field('remark', '意见建议', { required: false, hint: `不超过${SURVEY_REMARK_CHARS}字`, error: err('remark'), control: (a) => html`<textarea id="remark" name="remark" rows="4" cols="30"${a}>${values.remark}</textarea>` })}
${honeypot}
<p>问卷不记名。</p>
<p><button type="submit">提交问卷</button></p>
</form>`;
}

function surveyResults(results: Map<number, number>): Html | null {
  const total = [...results.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const satisfied = (results.get(5) ?? 0) + (results.get(4) ?? 0) + (results.get(3) ?? 0);
  return html`<table>
<caption>满意度调查结果（共${total}份，满意率${Math.round((satisfied / total) * 100)}%）</caption>
<thead><tr><th scope="col">评价</th><th scope="col">份数</th></tr></thead>
<tbody>${RATINGS.map(([v, label]) => html`<tr><td>${label}</td><td>${results.get(Number(v)) ?? 0}</td></tr>`)}</tbody>
</table>`;
}

const link = (url: string, label: string) =>
  /^https?:\/\/\S+$/.test(url) ? html`<a href="${url}">${label}</a>` : null;

function detailBody(
  r: store.EventRow,
  orgName: string,
  signups: store.SignupRow[],
  survey: Map<number, number>,
  today: string,
  form: {
    signup: { values: FormValues; errors: FormError[] };
    survey: { values: SurveyValues; errors: FormError[] };
    csrf: string;
    notice?: Html | null;
  },
): Html {
  const phase = phaseOfRow(r, today);
  const selected = signups.filter((s) => s.selected);
  const showList = r.list_published && r.kind !== 'open_day';
  const opinions = selected.filter((s) => s.opinion.trim() !== '');
  return html`${form.notice ?? null}<dl class="facts">
<dt>类型</dt><dd>${EVENT_KIND_LABELS[r.kind]}</dd>
<dt>组织单位</dt><dd>${orgName}</dd>
<dt>时间</dt><dd>${formatChineseDate(r.held_on)}${r.starts_at ? ` ${r.starts_at}` : ''}</dd>
${r.place ? html`<dt>地点</dt><dd>${r.place}</dd>` : null}
<dt>${r.kind === 'open_day' ? '名额' : '参加人员名额'}</dt><dd>${r.places}人</dd>
<dt>遴选方式</dt><dd>${SELECTION_LABELS[r.selection]}${r.selection_note ? html`：${r.selection_note}` : null}</dd>
<dt>报名截止</dt><dd>${formatChineseDate(lastSignupDay({ heldOn: r.held_on, signupClosesOn: r.signup_closes_on }))}</dd>
<dt>状态</dt><dd>${EVENT_PHASE_LABELS[phase]}</dd>
${r.kind === 'hearing' ? html`<dt>听证材料送达</dt><dd>${r.materials_sent_on ? `已于${formatChineseDate(r.materials_sent_on)}送达听证参加人` : `将于${formatChineseDate(materialsDeadline(r.held_on))}前送达听证参加人`}</dd>` : null}
${r.stream_url ? html`<dt>网络直播</dt><dd>${link(r.stream_url, '观看直播')}</dd>` : null}
${r.recording_url ? html`<dt>会议回放</dt><dd>${link(r.recording_url, '观看回放')}</dd>` : null}
</dl>
${r.description.trim() ? html`<h2>${r.kind === 'hearing' ? '听证事项' : '活动说明'}</h2>${paragraphs(r.description)}` : null}
${
  phase === 'signup'
    ? signupForm(r, form.signup.values, form.signup.errors, form.csrf)
    : phase !== 'held'
      ? html`<div class="notice"><p>报名已于${formatChineseDate(lastSignupDay({ heldOn: r.held_on, signupClosesOn: r.signup_closes_on }))}截止。</p></div>`
      : null
}
${
  showList
    ? html`<h2>${r.kind === 'hearing' ? '听证参加人名单' : '列席代表名单'}</h2>
<ul>${selected.map((s) => html`<li>${s.name}</li>`)}</ul>
${
  r.draw_seed && r.draw_candidates
    ? html`<h3>抽签记录</h3>
<p>本次抽签于${formatChineseDate(new Date(new Date(r.drawn_at as Date).getTime() + 8 * 3600_000).toISOString().slice(0, 10))}进行。抽签种子：<code>${r.draw_seed}</code>；候选报名序号（${r.draw_candidates.length}人）：${r.draw_candidates.join('、')}；入选报名序号：${selected.map((s) => s.id).join('、')}。</p>
<p class="muted">复核方法：对每个候选报名序号计算“种子:序号”的 SHA-256 值，按数值从小到大排列，取前${r.places}名。</p>`
    : null
}`
    : null
}
${r.kind === 'hearing' && r.record_confirmed_on ? html`<h2>听证笔录</h2><p>听证笔录已于${formatChineseDate(r.record_confirmed_on)}经听证参加人确认签字。</p>${paragraphs(r.record)}` : null}
${
  opinions.length
    ? html`<h2>代表意见及答复</h2>
<table><caption>列席代表提出的意见及答复情况</caption>
<thead><tr><th scope="col">代表</th><th scope="col">意见</th><th scope="col">答复</th></tr></thead>
<tbody>${opinions.map((s) => html`<tr><td>${s.name}</td><td>${s.opinion}</td><td>${s.answer || '正在研究办理'}</td></tr>`)}</tbody></table>`
    : null
}
${r.kind === 'open_day' && phase === 'held' ? surveyForm(r, form.survey.values, form.survey.errors, form.csrf) : null}
${r.kind === 'open_day' ? surveyResults(survey) : null}
${r.summary.trim() ? html`<h2>${r.kind === 'open_day' ? '活动结果和改进情况' : '结果和反馈'}</h2>${paragraphs(r.summary)}` : null}`;
}

export async function participationPortal(app: FastifyInstance, opts: Opts) {
  const { db } = opts;
  const signupLimiter = createRateLimiter(SIGNUP_RATE_LIMIT);
  const surveyLimiter = createRateLimiter(SIGNUP_RATE_LIMIT);
  const schema = { response: { 200: htmlPage } };
  const orgNames = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  app.get(PARTICIPATION_PATH, { schema }, async (req, reply) => {
    const [all, names] = await Promise.all([
      store.listEvents(db, { orgIds: currentSiteOrgIds() ?? null, publishedOnly: true }),
      orgNames(),
    ]);
    const today = chinaToday();
    const section = (kind: EventKind) => {
      const rows = all.filter((r) => r.kind === kind);
      return html`<h2>${EVENT_KIND_LABELS[kind]}</h2><p>${KIND_INTRO[kind]}</p>
${rows.length ? html`<ul class="section-list">${rows.map((r) => eventItem(r, names.get(r.org_id) ?? '', today))}</ul>` : html`<p class="muted">暂无。</p>`}`;
    };
    return sendColumnPage(req, reply, {
      column: DECISIONS_PATH,
      siteName: opts.siteName,
      title: TITLE,
      body: html`<p class="lead">公众可以在网上报名参加听证会、列席政府会议和政府开放日。报名人员的联系方式不会公开，仅按规定公布入选人员的姓名。</p>
${section('meeting')}${section('hearing')}${section('open_day')}
<p><a class="button-link" href="${EVALUATIONS_PATH}">政策评估结果</a></p>`,
      crumbs: [{ label: COLUMN_TITLE, href: DECISIONS_PATH }, { label: TITLE }],
    });
  });

  app.get(EVALUATIONS_PATH, { schema }, async (req, reply) => {
    const [rows, names] = await Promise.all([
      store.listEvaluations(db, { orgIds: currentSiteOrgIds() ?? null, publishedOnly: true }),
      orgNames(),
    ]);
    const body = rows.length
      ? html`<p class="lead">对施行中的政策开展执行效果评估，评估结果向社会公开。</p>
${rows.map(
  (r) => html`<section aria-labelledby="evaluation-${r.id}"><h2 id="evaluation-${r.id}">${r.policy}</h2>
<dl class="facts"><dt>评估单位</dt><dd>${names.get(r.org_id) ?? ''}</dd><dt>评估主体</dt><dd>${r.evaluator}</dd>
<dt>评估方式</dt><dd>${r.method}</dd><dt>完成日期</dt><dd>${formatChineseDate(r.evaluated_on)}</dd>
<dt>评估结论</dt><dd>${EVALUATION_RESULT_LABELS[r.result]}</dd></dl>
${paragraphs(r.findings)}</section>`,
)}`
      : html`<p class="muted">暂无公开的政策评估结果。</p>`;
    return sendColumnPage(req, reply, {
      column: DECISIONS_PATH,
      siteName: opts.siteName,
      title: '政策评估',
      body,
      crumbs: [{ label: COLUMN_TITLE, href: DECISIONS_PATH }, { label: '政策评估' }],
    });
  });

  async function showEvent(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    status: number,
    form: {
      signup?: { values: FormValues; errors: FormError[] };
      survey?: { values: SurveyValues; errors: FormError[] };
      notice?: Html | null;
    },
  ) {
    const r = id === null ? undefined : await store.findEvent(db, id);
    if (!visible(r)) throw new AppError('NOT_FOUND');
    const [names, signups, survey] = await Promise.all([
      orgNames(),
      store.listSignups(db, r.id),
      store.surveyResults(db, r.id),
    ]);
    const csrf = req.cookies[CSRF_COOKIE] ?? '';
    return sendPortalPage(req, reply, {
      title: r.title,
      siteName: opts.siteName,
      current: DECISIONS_PATH,
      path: eventPath(r.id),
      breadcrumbs: [
        { label: '首页', href: '/' },
        { label: COLUMN_TITLE, href: DECISIONS_PATH },
        { label: TITLE, href: PARTICIPATION_PATH },
        { label: r.title },
      ],
      body: detailBody(r, names.get(r.org_id) ?? '', signups, survey, chinaToday(), {
        signup: form.signup ?? { values: emptySignup(), errors: [] },
        survey: form.survey ?? { values: { rating: '', remark: '' }, errors: [] },
        notice: form.notice ?? null,
        csrf,
      }),
      status,
      // no-store: the page carries the CSRF token and what the visitor typed.
      cache: 'no-store',
    });
  }

  const paramId = (req: FastifyRequest) => idOf((req.params as { id?: string }).id);
  const staleMessage = (what: string, button: string) =>
    `页面已失效（安全校验未通过），${what}尚未提交。您填写的内容已保留，请核对后再次点击“${button}”。如果多次出现此提示，请确认浏览器允许本网站使用 Cookie。`;
  const fieldErrors = (err: AppError, fields: readonly string[]): FormError[] =>
    (err.fields ?? [])
      .map((f) => ({ field: fields.includes(f.path) ? f.path : null, message: f.message }))
      .sort((a, b) => (a.field ? fields.indexOf(a.field) : -1) - (b.field ? fields.indexOf(b.field) : -1));

  app.get(`${DECISIONS_PATH}/events/:id`, { schema }, async (req, reply) =>
    showEvent(req, reply, paramId(req), 200, {}),
  );

  app.post(
    `${DECISIONS_PATH}/events/:id/signup`,
    {
      schema,
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showEvent(req, reply, paramId(req), 403, {
          signup: {
            values: readSignup(req.body),
            errors: [{ field: null, message: staleMessage('报名', '提交报名') }],
          },
        });
      },
    },
    async (req, reply) => {
      const id = paramId(req);
      if (id === null) throw new AppError('NOT_FOUND');
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const values = readSignup(body);
      if (!signupLimiter.hit(req.ip))
        return showEvent(req, reply, id, 429, {
          signup: {
            values,
            errors: [
              {
                field: null,
                message: '提交过于频繁，报名尚未提交。您填写的内容已保留，请过几分钟后再次点击“提交报名”。',
              },
            ],
          },
        });
      const thanks = (kind: EventKind) =>
        html`<div class="notice" role="status"><p><strong>报名已提交，感谢您的参与。</strong>${kind === 'open_day' ? '您已获得本次开放日的名额，请按时参加。' : '报名截止后将公开遴选，结果会通知您，入选人员名单在本页公布。'}您的联系方式不会公开。</p></div>`;
      const row = await store.findEvent(db, id);
      if (!visible(row)) throw new AppError('NOT_FOUND');
      // A filled honeypot is a robot: it sees the same thanks, nothing is stored.
      if (oneString(body[HONEYPOT]).trim() !== '')
        return showEvent(req, reply, id, 200, { notice: thanks(row.kind) });
      try {
        await submitSignup(db, id, values, chinaToday());
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'VALIDATION_FAILED')
          return showEvent(req, reply, id, 400, {
            signup: { values, errors: fieldErrors(err, SIGNUP_FIELDS) },
          });
        if (err.code === 'EVENT_FULL' || err.code === 'EVENT_SIGNUP_CLOSED')
          return showEvent(req, reply, id, 409, {
            notice: html`<div class="notice error" role="alert"><p><strong>${describeError(err.code, err.params).message}</strong></p></div>`,
          });
        throw err;
      }
      return showEvent(req, reply, id, 200, { notice: thanks(row.kind) });
    },
  );

  const readSurvey = (body: unknown): SurveyValues => {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return { rating: oneString(b.rating), remark: oneString(b.remark) };
  };

  app.post(
    `${DECISIONS_PATH}/events/:id/survey`,
    {
      schema,
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showEvent(req, reply, paramId(req), 403, {
          survey: {
            values: readSurvey(req.body),
            errors: [{ field: null, message: staleMessage('问卷', '提交问卷') }],
          },
        });
      },
    },
    async (req, reply) => {
      const id = paramId(req);
      if (id === null) throw new AppError('NOT_FOUND');
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const values = readSurvey(body);
      if (!surveyLimiter.hit(req.ip))
        return showEvent(req, reply, id, 429, {
          survey: {
            values,
            errors: [{ field: null, message: '提交过于频繁，问卷尚未提交，请过几分钟后再试。' }],
          },
        });
      const thanks = html`<div class="notice" role="status"><p><strong>问卷已提交，感谢您的反馈。</strong></p></div>`;
      if (oneString(body[HONEYPOT]).trim() !== '') return showEvent(req, reply, id, 200, { notice: thanks });
      try {
        await submitSurvey(db, id, values, chinaToday());
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'VALIDATION_FAILED')
          return showEvent(req, reply, id, 400, {
            survey: { values, errors: fieldErrors(err, ['rating', 'remark']) },
          });
        if (err.code === 'EVENT_STATE')
          return showEvent(req, reply, id, 409, {
            notice: html`<div class="notice error" role="alert"><p><strong>${describeError(err.code, err.params).message}</strong></p></div>`,
          });
        throw err;
      }
      return showEvent(req, reply, id, 200, { notice: thanks });
    },
  );
}
