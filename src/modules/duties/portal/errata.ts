/**
 * 网站纠错 on the portal (《政府网站发展指引》, ZC23 #36): every page's footer links here with the page's
 * address; a plain form that works without JavaScript (CSRF, a honeypot, a rate limit per address, length
 * limits), a tracking code, and the tracking page. The report goes to the office of the site's government.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { type Html, html, sendPortalPage } from '../../../portal/plugin.ts';
import { currentPortalSite } from '../../../portal/site.ts';
import { formatChineseDate, provisionalNote } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { STATE_LABELS } from '../domain/registers.ts';
import { submitErrata, trackErrata } from '../service.ts';

export const ERRATA_PATH = '/gk/errata';
export const ERRATA_TRACK_PATH = '/gk/errata/track';

/**
 * A burst from one address is refused: 3 reports in 10 minutes, 10 a day (DERIVED: enough for a person
 * reporting what they found, not for a script).
 */
const BURST = { limit: 3, windowMs: 10 * 60_000 };
const DAILY = { limit: 10, windowMs: 24 * 60 * 60_000 };

const FIELDS = ['page', 'description', 'contact'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { page: '出错页面地址', description: '错误描述', contact: '联系方式' };
const MAX: Record<Field, number> = { page: 500, description: 1000, contact: 100 };
/** The honeypot: a field people do not see and scripts fill. */
const TRAP = 'website';

type Values = Record<Field, string>;
type FormError = { field: Field | null; message: string };

const one = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

function readValues(body: unknown): Values {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((f) => [f, one(b[f]).trim()])) as Values;
}

/** Only a path of this site (the footer's link gives one); anything else is left for the visitor to type. */
const sitePath = (v: string) => (/^\/(?!\/)[^\s<>"]*$/.test(v) && v.length <= MAX.page ? v : '');

function check(v: Values): FormError[] {
  const errors: FormError[] = [];
  if (!v.page) errors.push({ field: 'page', message: '请填写出错页面的地址' });
  else if (v.page.length > MAX.page)
    errors.push({ field: 'page', message: `页面地址不能超过${MAX.page}个字符` });
  if (!v.description)
    errors.push({ field: 'description', message: '请描述发现的错误，例如错别字、链接打不开、内容过期' });
  else if (v.description.length < 5)
    errors.push({ field: 'description', message: '错误描述过短，请写明错在哪里' });
  else if (v.description.length > MAX.description)
    errors.push({ field: 'description', message: `错误描述不能超过${MAX.description}字` });
  if (v.contact.length > MAX.contact)
    errors.push({ field: 'contact', message: `联系方式不能超过${MAX.contact}个字` });
  return errors;
}

const errorId = (f: Field) => `${f}-error`;
const fieldError = (errors: FormError[], f: Field): Html | null => {
  const e = errors.find((x) => x.field === f);
  return e ? html`<span class="error-text" id="${errorId(f)}">${e.message}</span>` : null;
};
const invalidAttrs = (errors: FormError[], f: Field): Html | null =>
  errors.some((x) => x.field === f) ? html` aria-invalid="true" aria-describedby="${errorId(f)}"` : null;

function renderForm(v: Values, errors: FormError[], csrf: string): Html {
  return html`${
    errors.length
      ? html`<div class="notice error" role="alert" id="error-summary"><h2>尚未提交，请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) => (e.field ? html`<li><a href="#${e.field}">${LABELS[e.field]}：${e.message}</a></li>` : html`<li>${e.message}</li>`))}</ul></div>`
      : null
  }
<p class="lead">发现本网站有错别字、链接打不开、内容过期或错误等问题，请告诉我们。我们将在3个工作日内核实处理并答复。</p>
<form class="form" method="post" action="${ERRATA_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="page">${LABELS.page}（必填）</label>${fieldError(errors, 'page')}
<input id="page" name="page" type="text" value="${v.page}" maxlength="${MAX.page}" aria-required="true"${invalidAttrs(errors, 'page')}></p>
<p><label for="description">${LABELS.description}（必填）</label>
<span class="hint" id="description-hint">请写明错误所在位置和内容（不超过${MAX.description}字）</span>${fieldError(errors, 'description')}
<textarea id="description" name="description" rows="6" cols="30" maxlength="${MAX.description}" aria-required="true"${invalidAttrs(errors, 'description')}>${v.description}</textarea></p>
<p><label for="contact">${LABELS.contact}（选填，便于我们答复您）</label>${fieldError(errors, 'contact')}
<input id="contact" name="contact" type="text" value="${v.contact}" maxlength="${MAX.contact}" autocomplete="tel"${invalidAttrs(errors, 'contact')}></p>
<p class="visually-hidden" aria-hidden="true"><label for="${TRAP}">请勿填写此项</label><input id="${TRAP}" name="${TRAP}" type="text" value="" tabindex="-1" autocomplete="off"></p>
<p><button type="submit">提交纠错</button></p>
</form>
<p><a href="${ERRATA_TRACK_PATH}">查询纠错办理结果</a></p>`;
}

/** The government whose office answers: the site's, else the root of the tree. */
async function governmentOf(db: Kysely<Database>): Promise<number> {
  const site = currentPortalSite()?.government?.id;
  if (site) return site;
  const root = (await listOrgs(db)).find((o) => o.parent_id === null);
  if (!root) throw new AppError('NOT_FOUND');
  return root.id;
}

export async function errataPages(app: FastifyInstance, opts: { db: Kysely<Database>; siteName: string }) {
  const { db } = opts;
  const burst = createRateLimiter(BURST);
  const daily = createRateLimiter(DAILY);

  const send = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    body: Html,
    path = ERRATA_PATH,
  ) =>
    sendPortalPage(req, reply, {
      title,
      siteName: opts.siteName,
      current: null,
      path,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '网站纠错' }],
      body,
      status,
      // The form carries the CSRF token.
      cache: 'no-store',
    });

  const showForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: Values,
    errors: FormError[],
  ) => send(req, reply, status, '网站纠错', renderForm(values, errors, req.cookies[CSRF_COOKIE] ?? ''));

  const schema = { response: { 200: htmlPage } };
  app.get(ERRATA_PATH, { schema }, async (req, reply) => {
    const page = sitePath(one((req.query as Record<string, unknown>).page));
    return showForm(req, reply, 200, { page, description: '', contact: '' }, []);
  });

  app.post(
    ERRATA_PATH,
    {
      schema,
      // A POST without a valid CSRF field: the visitor keeps what they typed.
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showForm(req, reply, 403, readValues(req.body), [
          {
            field: null,
            message:
              '页面已失效（安全校验未通过），尚未提交。您填写的内容已保留，请核对后再次点击“提交纠错”。',
          },
        ]);
      },
    },
    async (req, reply) => {
      const values = readValues(req.body);
      const trapped = one((req.body as Record<string, unknown> | undefined)?.[TRAP]) !== '';
      if (!burst.hit(req.ip) || !daily.hit(req.ip) || trapped)
        return showForm(req, reply, 429, values, [
          {
            field: null,
            message: `${describeError('RATE_LIMITED').message}（同一网络地址短时间内提交过多纠错）`,
          },
        ]);
      const errors = check(values);
      if (errors.length) return showForm(req, reply, 400, values, errors);
      const { row, provisionalYears } = await submitErrata(db, await governmentOf(db), {
        page: values.page,
        description: values.description,
        contact: values.contact || null,
      });
      const note = provisionalYears.length ? html`（${provisionalNote(provisionalYears)}）` : null;
      return send(
        req,
        reply,
        200,
        '纠错已提交',
        html`<div class="notice" role="status"><p><strong>感谢您的纠错，查询码为 ${row.code}。</strong></p>
<p>收到日期：${formatChineseDate(row.occurred_on)}。我们将在${formatChineseDate(row.due_on)}${note}前核实处理并答复，请凭查询码查询办理结果。</p></div>
<p><a href="${ERRATA_TRACK_PATH}?code=${row.code ?? ''}">查询办理结果</a></p>
<p><a href="${values.page.startsWith('/') ? values.page : '/'}">返回出错页面</a></p>`,
      );
    },
  );

  app.get(ERRATA_TRACK_PATH, { schema }, async (req, reply) => {
    const code = one((req.query as Record<string, unknown>).code)
      .trim()
      .slice(0, 40);
    const row = code ? await trackErrata(db, code) : undefined;
    const result = !code
      ? null
      : row
        ? html`<h2>办理结果</h2>
<dl class="facts"><dt>查询码</dt><dd>${row.code}</dd><dt>出错页面</dt><dd>${row.title}</dd><dt>收到日期</dt><dd>${formatChineseDate(row.occurred_on)}</dd><dt>答复期限</dt><dd>${formatChineseDate(row.due_on)}</dd><dt>办理状态</dt><dd>${STATE_LABELS[row.state]}</dd>${
            row.state === 'answered'
              ? html`<dt>答复日期</dt><dd>${formatChineseDate(String(row.data.answeredOn ?? ''))}</dd><dt>答复内容</dt><dd>${String(row.data.answer ?? '')}</dd>`
              : null
          }</dl>`
        : html`<div class="notice error" role="alert"><p>没有找到查询码为“${code}”的纠错，请核对后重新输入。</p></div>`;
    return send(
      req,
      reply,
      row || !code ? 200 : 404,
      '纠错办理结果查询',
      html`<form class="form" method="get" action="${ERRATA_TRACK_PATH}">
<p><label for="code">查询码</label><input id="code" name="code" type="text" value="${code}" maxlength="40"></p>
<p><button type="submit">查询</button></p>
</form>
${result}`,
      ERRATA_TRACK_PATH,
    );
  });
}
