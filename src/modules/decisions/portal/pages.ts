/**
 * 决策公开 on the portal: the consultations (意见征集) with their draft article by article, the comment
 * form (plain POST form: works without JavaScript; CSRF like the other portal forms, a honeypot field and
 * a per-address rate limit), the published comments (content only, never who sent them) and the feedback
 * report (意见采纳情况) once published.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { pageOf, pagination } from '../../../portal/pagination.ts';
import {
  currentSiteOrgIds,
  FORM_PAGE_CACHE,
  type Html,
  html,
  sendColumnPage,
  sendPortalPage,
} from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { type Article, splitArticles } from '../domain/articles.ts';
import { type CommentField, type CommentInput, MAX_COMMENT_CHARS } from '../domain/comment.ts';
import { FEEDBACK_LABELS, type Feedback } from '../domain/feedback.ts';
import { MIN_COMMENT_DAYS, PHASE_LABELS, type Phase, periodDays, phaseOf } from '../domain/period.ts';
import { submitPortalComment } from '../service.ts';
import * as store from '../store.ts';

export const DECISIONS_PATH = '/gk/decisions';
const COLUMN_TITLE = '决策公开';
export const consultationPath = (id: number) => `${DECISIONS_PATH}/consultations/${id}`;

/** Per address: a few comments in ten minutes is a person; more is a script. */
export const COMMENT_RATE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
const HONEYPOT = 'website';

type Opts = { db: Kysely<Database>; siteName: string };

/** A record id from a URL segment; null when it is not one (a forged or mistyped address). */
export const idOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export const paragraphs = (text: string): Html[] =>
  text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => html`<p>${l}</p>`);

const phaseOfRow = (r: store.ConsultationRow, today: string): Phase =>
  phaseOf({ status: r.status, opensOn: r.opens_on, closesOn: r.closes_on }, today);

function listItem(r: store.ConsultationRow, orgName: string, today: string): Html {
  const phase = phaseOfRow(r, today);
  return html`<li><a href="${consultationPath(r.id)}"><span class="section-title">${r.title}</span>
<span class="section-desc">${orgName} · ${PHASE_LABELS[phase]} · 征求意见时间：${formatChineseDate(r.opens_on)}至${formatChineseDate(r.closes_on)}${r.feedback_published_at ? ' · 已发布意见采纳情况' : ''}</span></a></li>`;
}

function columnBody(rows: store.ConsultationRow[], names: Map<number, string>, today: string): Html {
  const open = rows.filter((r) => phaseOfRow(r, today) === 'open');
  const upcoming = rows.filter((r) => phaseOfRow(r, today) === 'upcoming');
  const closed = rows.filter((r) => phaseOfRow(r, today) === 'closed');
  const list = (items: store.ConsultationRow[], empty: string) =>
    items.length === 0
      ? html`<p class="muted">${empty}</p>`
      : html`<ul class="section-list">${items.map((r) => listItem(r, names.get(r.org_id) ?? '', today))}</ul>`;
  return html`<p class="lead">重大行政决策草案向社会公开征求意见。决策承办单位公布决策草案及其说明，明确提出意见的方式和期限；征求意见期限一般不少于30日（《重大行政决策程序暂行条例》第十五条）。征求意见结束后，公布意见收集和采纳情况。</p>
<p><a class="button-link" href="${DECISIONS_PATH}/catalogue">重大行政决策事项目录</a> <a class="button-link" href="${DECISIONS_PATH}/participation">听证会、列席会议和开放日</a> <a class="button-link" href="${DECISIONS_PATH}/evaluations">政策评估</a></p>
<h2>正在征求意见</h2>
${list(open, '目前没有正在征求意见的决策草案。')}
${upcoming.length ? html`<h2>即将开始</h2>${list(upcoming, '')}` : null}
<h2>已结束的意见征集</h2>
${list(closed, '暂无已结束的意见征集。')}`;
}

type FormValues = CommentInput;
type FormError = { field: CommentField | null; message: string };
const FIELD_LABELS: Record<CommentField, string> = {
  name: '姓名',
  contact: '联系方式',
  content: '意见内容',
  article: '针对条款',
};
const FIELDS: CommentField[] = ['article', 'content', 'name', 'contact'];
const empty = (): FormValues => ({ name: '', contact: '', content: '', article: '' });

/** One field of a posted form (the first when repeated; '' when absent). */
export function oneString(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

function readValues(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    name: oneString(b.name),
    contact: oneString(b.contact),
    content: oneString(b.content),
    article: oneString(b.article),
  };
}

function errorSummary(errors: FormError[]): Html | null {
  if (errors.length === 0) return null;
  return html`<div class="notice error" role="alert" aria-labelledby="error-summary-title" id="error-summary">
<h2 id="error-summary-title">意见尚未提交，请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) =>
    e.field === null
      ? html`<li>${e.message}</li>`
      : html`<li><a href="#${e.field}">${FIELD_LABELS[e.field]}：${e.message}</a></li>`,
  )}</ul>
</div>`;
}

function commentForm(
  id: number,
  articles: Article[],
  values: FormValues,
  errors: FormError[],
  csrf: string,
): Html {
  const err = (f: CommentField) => errors.find((e) => e.field === f);
  const errText = (f: CommentField) => {
    const e = err(f);
    return e
      ? html`<span class="hint field-error" id="${f}-error"><strong>错误：${e.message}</strong></span>`
      : null;
  };
  const invalid = (f: CommentField) => (err(f) ? html` aria-invalid="true"` : null);
  const described = (f: CommentField, hint: boolean) => {
    const ids = [hint ? `${f}-hint` : null, err(f) ? `${f}-error` : null].filter((x) => x !== null);
    return ids.length ? html` aria-describedby="${ids.join(' ')}"` : null;
  };
  return html`<h2 id="comment-form-title">提交意见</h2>
${errorSummary(errors)}
<form class="form" method="post" action="${consultationPath(id)}/comments" novalidate aria-labelledby="comment-form-title">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="article">针对条款<span class="optional">（选填）</span></label>
<span class="hint" id="article-hint">意见针对草案某一条的，请选择该条</span>${errText('article')}
<select id="article" name="article"${invalid('article')}${described('article', true)}>
<option value=""${values.article === '' ? html` selected` : null}>整体意见（不针对具体条款）</option>
${articles.map((a) => html`<option value="${a.no}"${values.article === String(a.no) ? html` selected` : null}>${articleLabel(a)}</option>`)}
</select></p>
<p><label for="content">意见内容<span class="required">（必填）</span></label>
<span class="hint" id="content-hint">不超过${MAX_COMMENT_CHARS}字</span>${errText('content')}
<textarea id="content" name="content" rows="8" cols="30" aria-required="true"${invalid('content')}${described('content', true)}>${values.content}</textarea></p>
<p><label for="name">姓名<span class="optional">（选填）</span></label>${errText('name')}
<input id="name" name="name" type="text" value="${values.name}" autocomplete="name"${invalid('name')}${described('name', false)}></p>
<p><label for="contact">联系方式<span class="required">（必填）</span></label>
<span class="hint" id="contact-hint">电话或电子邮箱，仅用于就您的意见与您联系，不会公开</span>${errText('contact')}
<input id="contact" name="contact" type="text" value="${values.contact}" autocomplete="tel" aria-required="true"${invalid('contact')}${described('contact', true)}></p>
<div class="visually-hidden" aria-hidden="true"><label for="${HONEYPOT}">网址（请勿填写）</label><input id="${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off" value=""></div>
<p>您的姓名和联系方式不会在网站上公开。意见经审核后，意见内容可能在本页公开。</p>
<p><button type="submit">提交意见</button></p>
</form>`;
}

function articleLabel(a: Article): string {
  const first = a.text.split('\n')[0] ?? '';
  const short = [...first].length > 24 ? `${[...first].slice(0, 24).join('')}…` : first;
  return `第${a.no}项：${short}`;
}

/** Comments (or groups of copies) per page of the public list and of the feedback table. */
export const COMMENTS_PAGE_SIZE = 50;
/** Groups of copies not adopted, each with its reason, listed in full up to this many. */
const CONCENTRATED_SHOWN = 100;

/** What the report may show of a comment or group: a member staff did not keep off the portal. */
const publicText = (u: store.CommentUnit): string => u.shown?.content ?? '（该意见经审核不予公开）';
const senders = (u: store.CommentUnit) =>
  u.size > 1 ? html`<strong>${u.size}人提出相同或相近意见：</strong>` : null;

type ReportData = {
  counts: Awaited<ReturnType<typeof store.feedbackCounts>>;
  concentrated: { total: number; units: store.CommentUnit[] };
  decided: { total: number; units: store.CommentUnit[] };
  page: number;
};

function feedbackReport(r: store.ConsultationRow, d: ReportData): Html | null {
  if (!r.feedback_published_at) return null;
  const { counts, concentrated, decided } = d;
  return html`<h2 id="feedback">意见采纳情况</h2>
<p class="muted">发布日期：${formatChineseDate(new Date(new Date(r.feedback_published_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10))}</p>
<dl class="facts">
<dt>收到意见</dt><dd>${counts.total}条</dd>
<dt>采纳</dt><dd>${counts.adopted}条</dd>
<dt>部分采纳</dt><dd>${counts.partly}条</dd>
<dt>未采纳</dt><dd>${counts.rejected}条</dd>
</dl>
${paragraphs(r.feedback_summary)}
${
  concentrated.units.length
    ? html`<h3>集中意见未予采纳的理由</h3>
<ul>${concentrated.units.map(
        (u) =>
          html`<li><p><strong>${u.size}人提出相同或相近意见（${FEEDBACK_LABELS[u.feedback as Feedback]}）：</strong>${publicText(u)}</p><p>理由：${u.feedbackReason ?? ''}</p></li>`,
      )}</ul>${
        concentrated.total > concentrated.units.length
          ? html`<p class="muted">另有${concentrated.total - concentrated.units.length}组集中意见，见下表。</p>`
          : null
      }`
    : null
}
${
  decided.units.length
    ? html`<table id="feedback-table">
<caption>意见逐条采纳情况（相同或相近意见合并为一行，共${decided.total}行）</caption>
<thead><tr><th scope="col">意见摘要</th><th scope="col">人数</th><th scope="col">采纳情况</th><th scope="col">理由</th></tr></thead>
<tbody>${decided.units.map((u) => {
        const text = publicText(u);
        const summary = [...text].length > 80 ? `${[...text].slice(0, 80).join('')}…` : text;
        return html`<tr><td>${summary}</td><td>${u.size}</td><td>${FEEDBACK_LABELS[u.feedback as Feedback]}</td><td>${u.feedbackReason ?? '—'}</td></tr>`;
      })}</tbody>
</table>
${pagination(consultationPath(r.id), {}, d.page, decided.total, COMMENTS_PAGE_SIZE, { name: 'fpage', fragment: 'feedback-table', label: '采纳情况分页' })}`
    : null
}`;
}

/** The published comments, a page at a time; copies of one text once, with their number of senders. */
function publishedComments(
  r: store.ConsultationRow,
  list: { total: number; units: store.CommentUnit[] },
  page: number,
): Html {
  if (list.total === 0) return html`<h2 id="comments">公开的意见</h2><p class="muted">暂无公开的意见。</p>`;
  return html`<h2 id="comments">公开的意见</h2>
<p class="muted">共${list.total}条（相同或相近的意见合并显示）。</p>
<ul class="comment-list">${list.units.map((u) => html`<li><p>${senders(u)}${u.shown?.article ? html`<strong>针对第${u.shown.article}项：</strong>` : null}${u.shown?.content ?? ''}</p></li>`)}</ul>
${pagination(consultationPath(r.id), {}, page, list.total, COMMENTS_PAGE_SIZE, { fragment: 'comments', label: '公开的意见分页' })}`;
}

function detailBody(
  r: store.ConsultationRow,
  orgName: string,
  lists: {
    published: { total: number; units: store.CommentUnit[] };
    page: number;
    report: ReportData | null;
  },
  today: string,
  form: { values: FormValues; errors: FormError[]; csrf: string; notice?: Html | null },
): Html {
  const phase = phaseOfRow(r, today);
  const articles = splitArticles(r.draft);
  const days = periodDays(r.opens_on, r.planned_last_day);
  return html`${form.notice ?? null}<dl class="facts">
<dt>发布机关</dt><dd>${orgName}</dd>
<dt>状态</dt><dd>${PHASE_LABELS[phase]}</dd>
<dt>征求意见时间</dt><dd>${formatChineseDate(r.opens_on)}至${formatChineseDate(r.closes_on)}${r.closes_on !== r.planned_last_day ? `（原定${formatChineseDate(r.planned_last_day)}截止，因该日为休息日或法定节假日，顺延至其后第一个工作日）` : ''}</dd>
${days < MIN_COMMENT_DAYS && r.short_reason ? html`<dt>征求意见期限少于30日的理由</dt><dd>${r.short_reason}</dd>` : null}
<dt>提出意见的方式</dt><dd>在本页填写意见表${r.channels.trim() ? html`；${r.channels}` : null}</dd>
</dl>
${r.explanation.trim() ? html`<h2>起草说明</h2>${paragraphs(r.explanation)}` : null}
<h2>决策草案</h2>
<ol class="draft-articles">${articles.map((a) => html`<li id="article-${a.no}" value="${a.no}">${a.heading ? html`<h3>${a.heading}</h3>` : null}${paragraphs(a.text)}</li>`)}</ol>
${phase === 'open' ? commentForm(r.id, articles, form.values, form.errors, form.csrf) : phase === 'closed' ? html`<div class="notice"><p>本次意见征集已于${formatChineseDate(r.closes_on)}结束，不再接收意见。感谢您的关注。</p></div>` : html`<div class="notice"><p>本次意见征集将于${formatChineseDate(r.opens_on)}开始接收意见。</p></div>`}
${lists.report ? feedbackReport(r, lists.report) : null}
${publishedComments(r, lists.published, lists.page)}`;
}

export async function decisionsPortal(app: FastifyInstance, opts: Opts) {
  const { db } = opts;
  const limiter = createRateLimiter(COMMENT_RATE_LIMIT);
  const schema = { response: { 200: htmlPage } };
  const orgNames = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  app.get(DECISIONS_PATH, { schema }, async (req, reply) => {
    const [all, names] = await Promise.all([store.listPublic(db), orgNames()]);
    // A government's site lists its own government's consultations (`currentSiteOrgIds`).
    const site = currentSiteOrgIds();
    const rows = site ? all.filter((r) => site.includes(r.org_id)) : all;
    return sendColumnPage(req, reply, {
      column: DECISIONS_PATH,
      siteName: opts.siteName,
      title: COLUMN_TITLE,
      body: columnBody(rows, names, chinaToday()),
      crumbs: [{ label: COLUMN_TITLE }],
    });
  });

  async function reportData(id: number, page: number): Promise<ReportData> {
    const [counts, concentrated, decided] = await Promise.all([
      store.feedbackCounts(db, id),
      store.pageCommentUnits(db, id, {
        having: 'concentrated',
        limit: CONCENTRATED_SHOWN,
        offset: 0,
      }),
      store.pageCommentUnits(db, id, {
        limit: COMMENTS_PAGE_SIZE,
        offset: (page - 1) * COMMENTS_PAGE_SIZE,
      }),
    ]);
    return { counts, concentrated, decided, page };
  }

  async function showDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    status: number,
    form: { values: FormValues; errors: FormError[]; notice?: Html | null },
  ) {
    const r = id === null ? undefined : await store.findConsultationWithOrg(db, id);
    const site = currentSiteOrgIds();
    if (!r || r.status === 'draft' || (site && !site.includes(r.org_id))) throw new AppError('NOT_FOUND');
    const page = pageOf(req.query);
    const fpage = pageOf(req.query, 'fpage');
    const window = (p: number) => ({ limit: COMMENTS_PAGE_SIZE, offset: (p - 1) * COMMENTS_PAGE_SIZE });
    const [published, report] = await Promise.all([
      store.pagePublishedUnits(db, r.id, window(page)).then((units) => ({ total: r.published_units, units })),
      r.feedback_published_at ? reportData(r.id, fpage) : null,
    ]);
    const csrf = req.cookies[CSRF_COOKIE] ?? '';
    // no-store when the page carries what the visitor typed (a POST's answer); the GET's only
    // per-visitor content is the CSRF token, which the page cache swaps per visitor.
    return sendPortalPage(req, reply, {
      title: r.title,
      siteName: opts.siteName,
      current: DECISIONS_PATH,
      path: consultationPath(r.id),
      breadcrumbs: [
        { label: '首页', href: '/' },
        { label: COLUMN_TITLE, href: DECISIONS_PATH },
        { label: r.title },
      ],
      body: detailBody(r, r.org_name, { published, page, report }, chinaToday(), { ...form, csrf }),
      status,
      cache: req.method === 'GET' ? FORM_PAGE_CACHE : 'no-store',
    });
  }

  app.get(`${DECISIONS_PATH}/consultations/:id`, { schema }, async (req, reply) =>
    showDetail(req, reply, idOf((req.params as { id?: string }).id), 200, { values: empty(), errors: [] }),
  );

  const ordered = (errors: FormError[]) =>
    [...errors].sort(
      (a, b) => (a.field ? FIELDS.indexOf(a.field) : -1) - (b.field ? FIELDS.indexOf(b.field) : -1),
    );

  app.post(
    `${DECISIONS_PATH}/consultations/:id/comments`,
    {
      schema,
      // The platform refuses a POST without a valid CSRF field; the citizen keeps what they typed.
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showDetail(req, reply, idOf((req.params as { id?: string }).id), 403, {
          values: readValues(req.body),
          errors: [
            {
              field: null,
              message:
                '页面已失效（安全校验未通过），意见尚未提交。您填写的内容已保留，请核对后再次点击“提交意见”。如果多次出现此提示，请确认浏览器允许本网站使用 Cookie。',
            },
          ],
        });
      },
    },
    async (req, reply) => {
      const id = idOf((req.params as { id?: string }).id);
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const values = readValues(body);
      if (id === null) throw new AppError('NOT_FOUND');
      if (!limiter.hit(req.ip)) {
        return showDetail(req, reply, id, 429, {
          values,
          errors: [
            {
              field: null,
              message: '提交过于频繁，意见尚未提交。您填写的内容已保留，请过几分钟后再次点击“提交意见”。',
            },
          ],
        });
      }
      const thanks = html`<div class="notice" role="status"><p><strong>您的意见已提交，感谢您的参与。</strong>意见经审核后，意见内容可能在本页公开；您的姓名和联系方式不会公开。</p></div>`;
      // A filled honeypot is a robot: it sees the same thanks, nothing is stored.
      if (oneString(body[HONEYPOT]).trim() !== '')
        return showDetail(req, reply, id, 200, { values: empty(), errors: [], notice: thanks });
      try {
        await submitPortalComment(db, id, values, chinaToday());
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'VALIDATION_FAILED') {
          const errors: FormError[] = (err.fields ?? []).map((f) => ({
            field: (FIELDS as string[]).includes(f.path) ? (f.path as CommentField) : null,
            message: f.message,
          }));
          return showDetail(req, reply, id, 400, { values, errors: ordered(errors) });
        }
        if (err.code === 'CONSULTATION_NOT_OPEN') {
          return showDetail(req, reply, id, 409, {
            values,
            errors: [],
            notice: html`<div class="notice error" role="alert"><p><strong>${describeError(err.code, err.params).message}</strong>您填写的意见没有提交，内容如下，可自行保存：</p><p>${values.content}</p></div>`,
          });
        }
        throw err;
      }
      return showDetail(req, reply, id, 200, { values: empty(), errors: [], notice: thanks });
    },
  );
}
