/**
 * 政策问答转办 on the portal: when nothing in force answers a question, the asker may send it on to the
 * responsible unit (a plain POST form without JavaScript: CSRF like the other portal forms, a honeypot
 * field, a rate limit per address; the contact is optional and never shown), then follow it with the
 * tracking code (GET form). Whatever was typed comes back with the error.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { htmlPage } from '../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { type Html, html, sendPortalPage } from '../../portal/plugin.ts';
import { formatChineseDate, provisionalNote } from '../calendar/index.ts';
import { readTrackingCode, trackingCode } from './domain/routing.ts';
import { MAX_ROUTED_QUESTION, routeQuestion, type TrackView, trackQuestion } from './routing.service.ts';

export const ROUTE_PATH = '/gk/qa/route';
export const TRACK_PATH = '/gk/qa/track';
const QA_PATH = '/gk/qa';
/** A visitor may send a few questions an hour (DERIVED: enough for a person, not for a script). */
const RATE_LIMIT = { limit: 5, windowMs: 60 * 60_000 };
const HONEYPOT = 'website';

const FIELDS = ['question', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { question: '转交的问题', phone: '联系电话', email: '电子邮箱' };
export type RouteValues = Record<Field, string>;
type FormError = { field: Field | null; message: string };

const one = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

function readValues(body: unknown): RouteValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  // What was typed comes back, at most twice the allowed length (a hostile megabyte is not echoed).
  return Object.fromEntries(
    FIELDS.map((f) => [f, one(b[f]).slice(0, MAX_ROUTED_QUESTION * 2)]),
  ) as RouteValues;
}

const errorId = (f: Field) => `route-${f}-error`;

function fieldError(errors: readonly FormError[], f: Field): Html | null {
  const e = errors.find((x) => x.field === f);
  return e ? html`<span class="error-text" id="${errorId(f)}">${e.message}</span>` : null;
}

function invalidAttrs(errors: readonly FormError[], f: Field, hint: string | null = null): Html {
  const bad = errors.some((x) => x.field === f);
  const described = [hint, bad ? errorId(f) : null].filter((x) => x !== null).join(' ');
  return html`${bad ? html` aria-invalid="true"` : null}${described ? html` aria-describedby="${described}"` : null}`;
}

/** The form that sends a question on (shown under a refusal, and again with its errors). */
export function routeForm(values: RouteValues, errors: readonly FormError[], csrf: string): Html {
  return html`<section aria-labelledby="route-h"><h2 id="route-h">转交有关部门答复</h2>
${
  errors.length > 0
    ? html`<div class="notice error" role="alert" id="error-summary"><p><strong>提交的内容有误，请按以下提示修改后重新提交（共${errors.length}处）</strong></p>
<ul>${errors.map((e) => (e.field ? html`<li><a href="#route-${e.field}">${LABELS[e.field]}：${e.message}</a></li>` : html`<li>${e.message}</li>`))}</ul></div>`
    : null
}
<p>您可以把问题转交负责该项政策的部门，由其在规定的工作日内答复。提交后您将得到一个查询码，凭查询码可在本栏目查看办理进度和答复。联系方式可以不填；填写的联系方式仅供工作人员答复时使用，不会公开。</p>
<form class="form" method="post" action="${ROUTE_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="route-question">${LABELS.question}（必填）</label>
<span class="hint" id="route-question-hint">不超过${MAX_ROUTED_QUESTION}字。请不要填写身份证号等个人敏感信息。</span>${fieldError(errors, 'question')}
<textarea id="route-question" name="question" rows="4" cols="40" aria-required="true"${invalidAttrs(errors, 'question', 'route-question-hint')}>${values.question}</textarea></p>
<p><label for="route-phone">${LABELS.phone}（选填）</label>${fieldError(errors, 'phone')}
<input id="route-phone" name="phone" type="tel" value="${values.phone}" autocomplete="tel" inputmode="tel" maxlength="30"${invalidAttrs(errors, 'phone')}></p>
<p><label for="route-email">${LABELS.email}（选填）</label>${fieldError(errors, 'email')}
<input id="route-email" name="email" type="email" value="${values.email}" autocomplete="email" maxlength="254"${invalidAttrs(errors, 'email')}></p>
<p class="visually-hidden" aria-hidden="true"><label for="route-website">网站（请勿填写）</label><input id="route-website" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off"></p>
<p><button type="submit">转交有关部门</button></p>
</form></section>`;
}

function trackForm(code: string, error: string | null): Html {
  return html`<form class="form" method="get" action="${TRACK_PATH}" aria-label="查询办理进度">
<p><label for="code">查询码</label>
<input id="code" name="code" type="text" value="${code}" maxlength="40" size="24" autocomplete="off"${error ? html` aria-invalid="true" aria-describedby="code-error"` : null}>
${error ? html`<span class="error-text" id="code-error">${error}</span>` : null}</p>
<p><button type="submit">查询</button></p>
</form>`;
}

function trackView(v: TrackView): Html {
  const due = html`${formatChineseDate(v.dueOn)}${v.provisionalYears.length > 0 ? html`（${provisionalNote(v.provisionalYears)}）` : null}`;
  return html`<section aria-labelledby="track-h"><h2 id="track-h">办理进度</h2>
<table class="table"><caption class="visually-hidden">查询码 ${v.code} 的办理情况</caption><tbody>
<tr><th scope="row">查询码</th><td>${v.code}</td></tr>
<tr><th scope="row">问题</th><td>${v.question}</td></tr>
<tr><th scope="row">提交日期</th><td>${formatChineseDate(v.askedOn)}</td></tr>
<tr><th scope="row">办理状态</th><td>${v.statusLabel}</td></tr>
${v.unit ? html`<tr><th scope="row">承办单位</th><td>${v.unit}</td></tr>` : null}
${v.status === 'sent' ? html`<tr><th scope="row">答复日期</th><td>${formatChineseDate(v.sentOn ?? '')}</td></tr>` : html`<tr><th scope="row">答复期限</th><td>${due}</td></tr>`}
</tbody></table>
${
  v.answer !== null
    ? html`<h3>答复</h3><p>${v.answer}</p>${
        v.citations.length > 0
          ? html`<p class="muted">依据：${v.citations.map(
              (c, i) =>
                html`${i > 0 ? '；' : ''}<a href="/gk/documents/${c.id}">${c.title}</a>${c.docNumber ? html`（${c.docNumber}）` : null}`,
            )}</p>`
          : null
      }`
    : null
}</section>`;
}

export async function routingPortal(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const limiter = createRateLimiter(RATE_LIMIT);
  const crumbs = (label: string) => [
    { label: '首页', href: '/' },
    { label: '政策问答', href: QA_PATH },
    { label },
  ];
  const send = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) =>
    sendPortalPage(req, reply, {
      title,
      siteName: ctx.siteName,
      current: QA_PATH,
      path: req.url,
      breadcrumbs: crumbs(title),
      body,
      status,
      // The form carries the CSRF token and what the visitor typed.
      cache: 'no-store',
    });
  const showForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: RouteValues,
    errors: FormError[],
  ) =>
    send(req, reply, status, '转交有关部门答复', routeForm(values, errors, req.cookies[CSRF_COOKIE] ?? ''));
  const thanks = (code: string, dueOn: string, provisional: number[]) =>
    html`<div class="notice" role="status"><p><strong>您的问题已转交，查询码为 <span id="tracking-code">${code}</span>。</strong></p>
<p>请记下查询码。有关部门将在${formatChineseDate(dueOn)}${provisional.length > 0 ? html`（${provisionalNote(provisional)}）` : null}前答复，您可以凭查询码<a href="${TRACK_PATH}?code=${code}">查看办理进度和答复</a>。</p></div>
<p><a href="${QA_PATH}">继续提问</a></p>`;

  const schema = { response: { 200: htmlPage, 400: htmlPage, 403: htmlPage, 404: htmlPage, 429: htmlPage } };

  app.get(ROUTE_PATH, { schema }, async (req, reply) => {
    const q = one((req.query as Record<string, unknown>)?.q).slice(0, MAX_ROUTED_QUESTION);
    return showForm(req, reply, 200, { question: q, phone: '', email: '' }, []);
  });

  app.post(
    ROUTE_PATH,
    {
      schema,
      // A POST without a valid CSRF field: the visitor keeps what they typed.
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showForm(req, reply, 403, readValues(req.body), [
          {
            field: null,
            message:
              '页面已失效（安全校验未通过），问题尚未提交。您填写的内容已保留，请核对后再次点击“转交有关部门”。',
          },
        ]);
      },
    },
    async (req, reply) => {
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const values = readValues(body);
      if (!limiter.hit(req.ip))
        return showForm(req, reply, 429, values, [
          { field: null, message: `${describeError('RATE_LIMITED').message}您填写的内容已保留。` },
        ]);
      // A filled honeypot is a robot: it sees a thanks page like any other, nothing is stored.
      if (one(body[HONEYPOT]).trim() !== '') {
        const today = chinaToday();
        return send(
          req,
          reply,
          200,
          '问题已转交',
          thanks(trackingCode(today, [...randomBytes(6)]), today, []),
        );
      }
      try {
        const row = await routeQuestion(ctx.db, values);
        const view = await trackQuestion(ctx.db, row.tracking_code);
        return send(
          req,
          reply,
          200,
          '问题已转交',
          thanks(row.tracking_code, row.due_on, view?.provisionalYears ?? []),
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        const errors = (err.fields ?? []).map((f) => ({
          field: (FIELDS as readonly string[]).includes(f.path) ? (f.path as Field) : null,
          message: f.message,
        }));
        return showForm(
          req,
          reply,
          400,
          values,
          errors.length > 0 ? errors : [{ field: null, message: err.message }],
        );
      }
    },
  );

  app.get(TRACK_PATH, { schema }, async (req, reply) => {
    const typed = one((req.query as Record<string, unknown>)?.code).slice(0, 40);
    if (typed.trim() === '')
      return send(
        req,
        reply,
        200,
        '查询办理进度',
        html`<p>请输入转交问题时得到的查询码。</p>${trackForm('', null)}`,
      );
    const code = readTrackingCode(typed);
    if (!code)
      return send(
        req,
        reply,
        400,
        '查询办理进度',
        trackForm(typed, '查询码格式不正确，应为 QA 开头的16位字母和数字'),
      );
    const view = await trackQuestion(ctx.db, code);
    if (!view)
      return send(
        req,
        reply,
        404,
        '查询办理进度',
        trackForm(typed, '没有找到这个查询码对应的问题，请核对后重新输入'),
      );
    return send(req, reply, 200, '查询办理进度', html`${trackForm(code, null)}${trackView(view)}`);
  });
}
