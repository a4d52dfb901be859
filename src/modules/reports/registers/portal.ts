/**
 * 投诉举报 on the portal (条例第五十一条): a plain form that works without JavaScript, rate-limited per address;
 * the complaint goes into the register (channel 网上) for the GIO authority's office.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { type Html, html, sendPortalPage } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listAgencies } from '../service.ts';
import { COMPLAINT_KIND_LABELS, COMPLAINT_KINDS, type ComplaintKind } from './domain/complaints.ts';
import { submitComplaintOnline } from './service.ts';

export const COMPLAINT_PATH = '/gk/complaint';

/** A visitor may submit a few complaints an hour (DERIVED: enough for a person, not for a script). */
const RATE_LIMIT = { limit: 5, windowMs: 60 * 60_000 };

const FIELDS = ['orgId', 'kind', 'name', 'phone', 'address', 'content', 'caseNo'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = {
  orgId: '被投诉（举报）的行政机关',
  kind: '类别',
  name: '姓名或名称',
  phone: '联系电话',
  address: '联系地址',
  content: '投诉举报内容',
  caseNo: '涉及的申请编号',
};
/** The service's field paths → the form's. */
const PATHS: Record<string, Field> = {
  orgId: 'orgId',
  requestCaseNo: 'caseNo',
  complainantName: 'name',
  complainantPhone: 'phone',
  content: 'content',
};

type Values = Record<Field, string>;
type FormError = { field: Field | null; message: string };

const one = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

function readValues(body: unknown): Values {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((f) => [f, one(b[f]).trim()])) as Values;
}

function check(v: Values): FormError[] {
  const errors: FormError[] = [];
  if (!/^\d+$/.test(v.orgId)) errors.push({ field: 'orgId', message: '请选择被投诉（举报）的行政机关' });
  if (!(COMPLAINT_KINDS as readonly string[]).includes(v.kind))
    errors.push({ field: 'kind', message: '请选择投诉或举报' });
  if (!v.name) errors.push({ field: 'name', message: '请填写姓名或名称' });
  else if (v.name.length > 100) errors.push({ field: 'name', message: '姓名或名称不能超过100个字' });
  if (!/^[0-9+\-() ]{7,20}$/.test(v.phone))
    errors.push({ field: 'phone', message: '请填写联系电话（手机号码或带区号的固定电话）' });
  if (v.address.length > 200) errors.push({ field: 'address', message: '联系地址不能超过200个字' });
  if (!v.content) errors.push({ field: 'content', message: '请写明投诉举报的事项和理由' });
  else if (v.content.length > 5000) errors.push({ field: 'content', message: '投诉举报内容不能超过5000字' });
  if (v.caseNo.length > 100) errors.push({ field: 'caseNo', message: '申请编号过长' });
  return errors;
}

const errorId = (f: Field) => `${f}-error`;

function fieldError(errors: FormError[], f: Field): Html | null {
  const e = errors.find((x) => x.field === f);
  return e ? html`<span class="error-text" id="${errorId(f)}">${e.message}</span>` : null;
}

function invalidAttrs(errors: FormError[], f: Field): Html | null {
  return errors.some((x) => x.field === f)
    ? html` aria-invalid="true" aria-describedby="${errorId(f)}"`
    : null;
}

function renderForm(s: {
  values: Values;
  errors: FormError[];
  csrf: string;
  agencies: { id: number; name: string }[];
}): Html {
  const { values: v, errors } = s;
  const input = (f: Field, required: boolean, attrs: Html | null = null) =>
    html`<p><label for="${f}">${LABELS[f]}${required ? '（必填）' : '（选填）'}</label>${fieldError(errors, f)}
<input id="${f}" name="${f}" type="text" value="${v[f]}"${required ? html` aria-required="true"` : null}${invalidAttrs(errors, f)}${attrs}></p>`;
  return html`${
    errors.length
      ? html`<div class="notice error" role="alert" id="error-summary"><h2>提交的内容有误，请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) => (e.field ? html`<li><a href="#${e.field}">${LABELS[e.field]}：${e.message}</a></li>` : html`<li>${e.message}</li>`))}</ul></div>`
      : null
  }
<p class="lead">认为行政机关在政府信息公开工作中侵犯了您的合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报（《中华人民共和国政府信息公开条例》第五十一条）。您的姓名和联系方式仅供工作人员办理时使用，不会公开。</p>
<form class="form" method="post" action="${COMPLAINT_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${s.csrf}">
<p><label for="orgId">${LABELS.orgId}（必填）</label>${fieldError(errors, 'orgId')}
<select id="orgId" name="orgId" aria-required="true"${invalidAttrs(errors, 'orgId')}>
<option value="">请选择行政机关</option>
${s.agencies.map((a) => html`<option value="${a.id}"${String(a.id) === v.orgId ? html` selected` : null}>${a.name}</option>`)}
</select></p>
<fieldset${errors.some((e) => e.field === 'kind') ? html` aria-describedby="${errorId('kind')}"` : null}><legend>${LABELS.kind}（必填）</legend>${fieldError(errors, 'kind')}
${COMPLAINT_KINDS.map(
  (k) =>
    html`<div><input type="radio" id="kind-${k}" name="kind" value="${k}"${v.kind === k ? html` checked` : null}> <label for="kind-${k}">${COMPLAINT_KIND_LABELS[k]}</label></div>`,
)}
</fieldset>
${input('name', true, html` autocomplete="name"`)}
${input('phone', true, html` autocomplete="tel" inputmode="tel"`)}
${input('address', false, html` autocomplete="street-address"`)}
<p><label for="content">${LABELS.content}（必填）</label>
<span class="hint" id="content-hint">请写明被投诉（举报）的事项、时间和理由（不超过5000字）</span>${fieldError(errors, 'content')}
<textarea id="content" name="content" rows="8" cols="30" aria-required="true"${invalidAttrs(errors, 'content')}>${v.content}</textarea></p>
${input('caseNo', false)}
<p><button type="submit">提交</button></p>
</form>`;
}

export async function complaintPages(app: FastifyInstance, opts: { db: Kysely<Database>; siteName: string }) {
  const { db } = opts;
  const limiter = createRateLimiter(RATE_LIMIT);

  const send = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) =>
    sendPortalPage(req, reply, {
      title,
      siteName: opts.siteName,
      current: null,
      path: COMPLAINT_PATH,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '投诉举报' }],
      body,
      status,
      // The page carries the CSRF token.
      cache: 'no-store',
    });

  async function showForm(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: Values,
    errors: FormError[],
  ) {
    const agencies = (await listAgencies(db))
      .filter((a) => !a.org.disabled)
      .map((a) => ({ id: a.org.id, name: a.org.name }));
    const csrf = req.cookies[CSRF_COOKIE] ?? '';
    return send(req, reply, status, '政府信息公开投诉举报', renderForm({ values, errors, csrf, agencies }));
  }

  const schema = { response: { 200: htmlPage } };
  // Linked from an application's progress page: ?caseNo=…&orgId=… fill in the application and its agency.
  app.get(COMPLAINT_PATH, { schema }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const caseNo = one(q.caseNo).trim().slice(0, 100);
    const orgId = /^\d{1,9}$/.test(one(q.orgId)) ? one(q.orgId) : '';
    return showForm(req, reply, 200, readValues({ kind: 'complaint', caseNo, orgId }), []);
  });

  app.post(
    COMPLAINT_PATH,
    {
      schema,
      // A POST without a valid CSRF field: the visitor keeps what they typed.
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showForm(req, reply, 403, readValues(req.body), [
          {
            field: null,
            message: '页面已失效（安全校验未通过），尚未提交。您填写的内容已保留，请核对后再次点击“提交”。',
          },
        ]);
      },
    },
    async (req, reply) => {
      const values = readValues(req.body);
      if (!limiter.hit(req.ip))
        return showForm(req, reply, 429, values, [
          { field: null, message: describeError('RATE_LIMITED').message },
        ]);
      const errors = check(values);
      if (errors.length) return showForm(req, reply, 400, values, errors);
      let row: Awaited<ReturnType<typeof submitComplaintOnline>>;
      try {
        row = await submitComplaintOnline(db, {
          orgId: Number(values.orgId),
          kind: values.kind as ComplaintKind,
          complainantName: values.name,
          complainantPhone: values.phone,
          complainantAddress: values.address,
          content: values.content,
          requestCaseNo: values.caseNo || null,
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        const mapped = (err.fields ?? []).map((f) => ({ field: PATHS[f.path] ?? null, message: f.message }));
        return showForm(
          req,
          reply,
          400,
          values,
          mapped.length ? mapped : [{ field: null, message: err.message }],
        );
      }
      return send(
        req,
        reply,
        200,
        '投诉举报已提交',
        html`<div class="notice" role="status"><p><strong>您的${COMPLAINT_KIND_LABELS[row.kind]}已提交，登记编号为 ${row.id}。</strong></p>
<p>收到日期：${formatChineseDate(row.received_on)}。工作人员将在${row.due_days}个工作日内（${formatChineseDate(row.due_on)}前）通过您留下的联系方式答复。</p></div>
<p><a href="/">返回首页</a></p>`,
      );
    },
  );
}
