import { createHash, randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { currentSiteOrgIds, type Html, html } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { findOrg, loadReceiving, type OrgRow } from '../../orgs/index.ts';
import { applicationBody } from '../api.schemas.ts';
import { deliveryContactErrors, validateApplicant } from '../domain/applicant.ts';
import { submitOnline } from '../service.ts';
import type { RequestRow } from '../store.ts';
import { sendApplyPage } from './column.ts';

/**
 * 在线申请: the application form of Art. 29 as a plain server-rendered POST form (no JavaScript needed).
 * It is validated by the same zod schema as the staff API (`applicationBody`) and the applicant rules of
 * the domain, so the portal and the API accept exactly the same applications. A hidden random
 * `submissionKey` makes a double click (or a refresh of the result page) one case, not two.
 */
export const FORM_PATH = '/gk/apply/form';
const TRACK_LINK = '/gk/apply/track';
const TITLE = '在线申请';

const FIELDS = [
  'orgId',
  'applicantType',
  'name',
  'idType',
  'idNumber',
  'phone',
  'email',
  'address',
  'contactName',
  'subject',
  'docNumber',
  'description',
  'formWanted',
  'deliveryWanted',
] as const;
export type Field = (typeof FIELDS)[number];
export type FormValues = Record<Field, string>;

/** What the error summary calls each field. */
const FIELD_LABELS: Record<Field, string> = {
  orgId: '受理机关',
  applicantType: '申请人类型',
  name: '姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  contactName: '联系人',
  subject: '所需信息名称',
  docNumber: '文号',
  description: '内容描述',
  formWanted: '信息形式',
  deliveryWanted: '获取方式',
};

/** Schema / service paths (`applicant.idNumber`, `request.subject`, `orgId`) → form field. */
const PATH_TO_FIELD = new Map<string, Field>([
  ['orgId', 'orgId'],
  ['applicant.type', 'applicantType'],
  ['applicant.name', 'name'],
  ['applicant.idType', 'idType'],
  ['applicant.idNumber', 'idNumber'],
  ['applicant.phone', 'phone'],
  ['applicant.email', 'email'],
  ['applicant.address', 'address'],
  ['applicant.contactName', 'contactName'],
  ['request.subject', 'subject'],
  ['request.docNumber', 'docNumber'],
  ['request.description', 'description'],
  ['request.formWanted', 'formWanted'],
  ['request.deliveryWanted', 'deliveryWanted'],
]);

/** The form field an error path belongs to; bare names (`idNumber`) are tried under applicant and request. */
export function fieldForPath(path: string): Field | null {
  return (
    PATH_TO_FIELD.get(path) ??
    PATH_TO_FIELD.get(`applicant.${path}`) ??
    PATH_TO_FIELD.get(`request.${path}`) ??
    null
  );
}

const NATURAL_TYPE = { value: 'natural', label: '自然人' };
const ORGANISATION_TYPES = [
  { value: 'commercial', label: '商业企业' },
  { value: 'research', label: '科研机构' },
  { value: 'public-interest', label: '社会公益组织' },
  { value: 'legal-service', label: '法律服务机构' },
  { value: 'other', label: '其他' },
];
const NATURAL_ID_TYPES = [
  { value: 'resident-id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'other', label: '其他有效身份证件' },
];
const ORGANISATION_ID_TYPES = [{ value: 'uscc', label: '统一社会信用代码' }];
const FORMS_WANTED = ['纸质', '电子文档', '光盘'];
const DELIVERIES_WANTED = ['邮寄', '电子邮件', '自行领取', '网上获取'];

/** Where a link in the error summary lands: the field itself, or the first option of a radio group. */
function anchorOf(field: Field): string {
  if (field === 'applicantType') return 'applicantType-natural';
  if (field === 'formWanted') return 'formWanted-0';
  if (field === 'deliveryWanted') return 'deliveryWanted-0';
  return field;
}

export type FormError = { field: Field | null; message: string };

const emptyValues = (): FormValues => Object.fromEntries(FIELDS.map((f) => [f, ''])) as FormValues;

/** One string per field from a urlencoded body (a repeated field keeps its first value). */
export function readValues(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = emptyValues();
  for (const f of FIELDS) {
    const v = Object.hasOwn(b, f) ? b[f] : undefined;
    const first = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
    values[f] = typeof first === 'string' ? first : '';
  }
  return values;
}

function oneString(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

/** The nested shape `applicationBody` (and `submitOnline`) expect. */
function toApplication(v: FormValues) {
  return {
    orgId: v.orgId,
    applicant: {
      type: v.applicantType,
      name: v.name,
      idType: v.idType,
      idNumber: v.idNumber,
      phone: v.phone,
      email: v.email,
      address: v.address,
      contactName: v.contactName,
    },
    request: {
      subject: v.subject,
      docNumber: v.docNumber,
      description: v.description,
      formWanted: v.formWanted,
      deliveryWanted: v.deliveryWanted,
    },
  };
}

function pushError(errors: FormError[], path: string, message: string) {
  const field = fieldForPath(path);
  if (errors.some((e) => e.field === field && (field !== null || e.message === message))) return;
  errors.push({ field, message });
}

/** Field errors in form order; errors that belong to no field come first. */
function ordered(errors: FormError[]): FormError[] {
  const rank = (e: FormError) => (e.field === null ? -1 : FIELDS.indexOf(e.field));
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/**
 * The whole check before anything is stored: the shared zod schema, and — so that every problem is
 * reported at once — the domain's applicant rules (identity number checksum, phone, contact person),
 * whose more specific message wins for an applicant field. The choice fields must be one of the options.
 */
export function validateForm(values: FormValues, today: string) {
  const errors: FormError[] = [];
  const a = toApplication(values);
  const applicant = validateApplicant(a.applicant, today);
  if (!applicant.ok) for (const e of applicant.errors) pushError(errors, e.path, e.message);
  const parsed = applicationBody.safeParse(a);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      pushError(errors, issue.path.map(String).join('.'), issue.message);
  }
  if (values.formWanted && !FORMS_WANTED.includes(values.formWanted)) {
    pushError(errors, 'request.formWanted', '信息形式无效，请从列表中选择');
  }
  if (values.deliveryWanted && !DELIVERIES_WANTED.includes(values.deliveryWanted)) {
    pushError(errors, 'request.deliveryWanted', '获取方式无效，请从列表中选择');
  }
  for (const e of deliveryContactErrors(values.deliveryWanted, values)) pushError(errors, e.path, e.message);
  if (errors.length > 0 || !parsed.success) return { ok: false as const, errors: ordered(errors) };
  return { ok: true as const, input: parsed.data };
}

type OrgOption = { id: number; name: string; depth: number };

/** Organisations in tree order (government, its departments, counties and their towns), with depth. */
export function orgOptions(orgs: readonly OrgRow[]): OrgOption[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<number | null, OrgRow[]>();
  for (const o of orgs) {
    const parent = o.parent_id !== null && ids.has(o.parent_id) ? o.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  const out: OrgOption[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      out.push({ id: o.id, name: o.name, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

type FormState = {
  values: FormValues;
  errors: FormError[];
  csrf: string;
  submissionKey: string;
  orgs: OrgOption[];
  /** A notice above the form that is not a field problem (e.g. this form was submitted before). */
  notice?: Html;
};

function errorFor(s: FormState, f: Field): FormError | undefined {
  return s.errors.find((e) => e.field === f);
}

function errorId(f: Field) {
  return `${f}-error`;
}

function describedBy(...ids: (string | false | null | undefined)[]): Html | null {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length > 0 ? html` aria-describedby="${list.join(' ')}"` : null;
}

function errorText(s: FormState, f: Field): Html | null {
  const e = errorFor(s, f);
  return e
    ? html`<span class="hint field-error" id="${errorId(f)}"><strong>错误：${e.message}</strong></span>`
    : null;
}

const REQUIRED = html`<span class="required">（必填）</span>`;
const OPTIONAL = html`<span class="optional">（选填）</span>`;

function textInput(
  s: FormState,
  f: Field,
  label: string,
  o: { required: boolean; hint?: string; autocomplete?: string; inputmode?: string },
): Html {
  const err = errorFor(s, f);
  const hintId = o.hint ? `${f}-hint` : null;
  return html`<p><label for="${f}">${label}${o.required ? REQUIRED : OPTIONAL}</label>
${o.hint ? html`<span class="hint" id="${hintId}">${o.hint}</span>` : null}${errorText(s, f)}
<input id="${f}" name="${f}" type="text" value="${s.values[f]}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${o.inputmode ? html` inputmode="${o.inputmode}"` : null}${o.required ? html` aria-required="true"` : null}${err ? html` aria-invalid="true"` : null}${describedBy(hintId, err && errorId(f))}></p>`;
}

function selectOrg(s: FormState): Html {
  const err = errorFor(s, 'orgId');
  const selected = s.values.orgId;
  const known = s.orgs.some((o) => String(o.id) === selected);
  return html`<p><label for="orgId">受理机关${REQUIRED}</label>
<span class="hint" id="orgId-hint">请选择制作或者保存您所需信息的行政机关，列表按隶属关系缩进排列</span>${errorText(s, 'orgId')}
<select id="orgId" name="orgId" aria-required="true"${err ? html` aria-invalid="true"` : null}${describedBy('orgId-hint', err && errorId('orgId'))}>
<option value=""${known ? null : html` selected`}>请选择受理机关</option>
${s.orgs.map(
  (o) =>
    html`<option value="${o.id}"${String(o.id) === selected ? html` selected` : null}>${'\u3000'.repeat(o.depth)}${o.name}</option>`,
)}
</select></p>`;
}

function selectIdType(s: FormState): Html {
  const err = errorFor(s, 'idType');
  const v = s.values.idType;
  const opt = (o: { value: string; label: string }) =>
    html`<option value="${o.value}"${v === o.value ? html` selected` : null}>${o.label}</option>`;
  const known = [...NATURAL_ID_TYPES, ...ORGANISATION_ID_TYPES].some((o) => o.value === v);
  return html`<p><label for="idType">证件类型${REQUIRED}</label>
<span class="hint" id="idType-hint">自然人选择身份证件；法人或其他组织选择统一社会信用代码</span>${errorText(s, 'idType')}
<select id="idType" name="idType" aria-required="true"${err ? html` aria-invalid="true"` : null}${describedBy('idType-hint', err && errorId('idType'))}>
<option value=""${known ? null : html` selected`}>请选择证件类型</option>
<optgroup label="自然人">${NATURAL_ID_TYPES.map(opt)}</optgroup>
<optgroup label="法人或其他组织">${ORGANISATION_ID_TYPES.map(opt)}</optgroup>
</select></p>`;
}

function textarea(s: FormState): Html {
  const err = errorFor(s, 'description');
  return html`<p><label for="description">内容描述${REQUIRED}</label>
<span class="hint" id="description-hint">请写明便于行政机关查找的特征，例如信息的制作机关、形成时间、涉及的事项或项目名称等（不超过2000字）</span>${errorText(s, 'description')}
<textarea id="description" name="description" rows="6" cols="30" aria-required="true"${err ? html` aria-invalid="true"` : null}${describedBy('description-hint', err && errorId('description'))}>${s.values.description}</textarea></p>`;
}

function errorSummary(errors: FormError[]): Html | null {
  if (errors.length === 0) return null;
  return html`<div class="notice error" role="alert" aria-labelledby="error-summary-title" id="error-summary">
<h2 id="error-summary-title">提交的内容有误，请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) =>
    e.field === null
      ? html`<li>${e.message}</li>`
      : html`<li><a href="#${anchorOf(e.field)}">${FIELD_LABELS[e.field]}：${e.message}</a></li>`,
  )}</ul>
</div>`;
}

function applicantTypeGroup(s: FormState): Html {
  const f: Field = 'applicantType';
  const err = errorFor(s, f);
  const radio = (value: string, label: string) => {
    const id = `applicantType-${value}`;
    return html`<div><input type="radio" id="${id}" name="${f}" value="${value}"${s.values[f] === value ? html` checked` : null}${err ? html` aria-invalid="true"` : null}> <label for="${id}">${label}</label></div>`;
  };
  return html`<fieldset${describedBy(err && errorId(f))}>
<legend>申请人类型${REQUIRED}</legend>${errorText(s, f)}
${radio(NATURAL_TYPE.value, NATURAL_TYPE.label)}
<fieldset>
<legend>法人或其他组织</legend>
${ORGANISATION_TYPES.map((t) => radio(t.value, t.label))}
</fieldset>
</fieldset>`;
}

function choiceGroup(
  s: FormState,
  f: 'formWanted' | 'deliveryWanted',
  legend: string,
  choices: string[],
  hint: string,
) {
  const err = errorFor(s, f);
  const hintId = `${f}-hint`;
  return html`<fieldset${describedBy(hintId, err && errorId(f))}>
<legend>${legend}${OPTIONAL}</legend>
<span class="hint" id="${hintId}">${hint}</span>${errorText(s, f)}
${choices.map(
  (c, i) =>
    html`<div><input type="radio" id="${f}-${i}" name="${f}" value="${c}"${s.values[f] === c ? html` checked` : null}${err ? html` aria-invalid="true"` : null}> <label for="${f}-${i}">${c}</label></div>`,
)}
</fieldset>`;
}

/**
 * A field people never see or reach (off-screen, out of the tab order, hidden from screen readers) that
 * form-filling robots fill in: a form with it filled is not stored.
 */
export const HONEYPOT_FIELD = 'website';
function honeypot(): Html {
  return html`<div class="visually-hidden" aria-hidden="true"><label for="${HONEYPOT_FIELD}">请勿填写此项</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>`;
}

/** Submissions per IP: every attempt in 10 minutes, and the applications stored in an hour. */
export const FORM_ATTEMPT_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
export const FORM_STORED_LIMIT = { limit: 10, windowMs: 60 * 60_000 };
const SPAM_MESSAGE = '提交未成功，请刷新页面后重新提交。';
const FORM_RATE_MESSAGE =
  '提交过于频繁。为防止滥用，同一网络在短时间内提交的申请次数有限，请稍后再试；如需提交多份申请，也可以当面或邮寄提交。';

export function renderForm(s: FormState): Html {
  return html`${errorSummary(s.errors)}${s.notice ?? null}
<p>请如实填写以下内容（《中华人民共和国政府信息公开条例》第二十九条）。标有“（必填）”的项目必须填写，标有“（选填）”的项目可以不填。</p>
<form class="form" method="post" action="${FORM_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${s.csrf}">
<input type="hidden" name="submissionKey" value="${s.submissionKey}">
${selectOrg(s)}
<h2>申请人信息</h2>
${applicantTypeGroup(s)}
${textInput(s, 'name', '姓名或名称', { required: true, hint: '自然人填写姓名；法人或其他组织填写全称' })}
${selectIdType(s)}
${textInput(s, 'idNumber', '证件号码', {
  required: true,
  hint: '居民身份证号码和统一社会信用代码均为18位，最后一位可能是字母',
  autocomplete: 'off',
})}
${textInput(s, 'phone', '联系电话', {
  required: true,
  hint: '11位手机号码，或带区号的固定电话（如0537-1234567）',
  autocomplete: 'tel',
  inputmode: 'tel',
})}
${textInput(s, 'email', '电子邮箱', { required: false, autocomplete: 'email', inputmode: 'email' })}
${textInput(s, 'address', '通信地址', {
  required: false,
  hint: '选择邮寄方式获取信息的，请填写详细地址',
  autocomplete: 'street-address',
})}
${textInput(s, 'contactName', '联系人', {
  required: false,
  hint: '法人或其他组织必须填写；自然人不填',
})}
<h2>所需政府信息</h2>
${textInput(s, 'subject', '所需信息名称', { required: true, hint: '例如：某某项目的环境影响评价批复' })}
${textInput(s, 'docNumber', '文号', { required: false, hint: '知道文号的请填写，例如：国办发〔2019〕15号' })}
${textarea(s)}
${choiceGroup(s, 'formWanted', '信息形式', FORMS_WANTED, '行政机关将根据您的要求和信息保存的实际情况确定提供形式（条例第四十条）')}
${choiceGroup(s, 'deliveryWanted', '获取方式', DELIVERIES_WANTED, '选择邮寄的请填写通信地址，选择电子邮件的请填写电子邮箱')}
${honeypot()}
<p><button type="submit">提交申请</button></p>
</form>`;
}

/** Online applications are received on the day the office confirms them (Art. 31). */
const RECEIPT_NOTE = html`<p>网上提交的申请，以政府信息公开工作机构与您确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条）。答复期限从收到申请之日起计算：不能当场答复的，行政机关应当自收到申请之日起20个工作日内予以答复（条例第三十三条）。确认收到后，您可以在办理进度页面看到收到申请之日和答复期限。</p>`;

// Inline style until the portal stylesheet has a class for large codes (see the module report).

export function renderSuccess(r: {
  caseNo: string;
  orgName: string;
  submittedOn: string;
  code: string;
  password: string | null;
}): Html {
  const secrets =
    r.password !== null
      ? html`<div class="notice"><p><strong>请立即把下面的跟踪码和查询密码抄写下来或截图保存。</strong>查询密码只显示这一次：本平台只保存加密后的密码，离开或刷新本页面后无法再次显示。查询办理进度、撤回申请都需要跟踪码和查询密码。</p></div>
<dl class="facts">
<dt>跟踪码</dt><dd><strong id="tracking-code" class="secret-code">${r.code}</strong></dd>
<dt>查询密码</dt><dd><strong id="query-password" class="secret-code">${r.password}</strong></dd>
</dl>`
      : html`<div class="notice"><p><strong>此申请已经提交过，本次没有重复提交。</strong>查询密码已在第一次提交时显示；为保护您的信息，查询密码不再重复显示。请使用当时记下的查询密码查询办理进度。</p></div>
<dl class="facts">
<dt>跟踪码</dt><dd><strong id="tracking-code" class="secret-code">${r.code}</strong></dd>
</dl>`;
  return html`<div class="notice" role="status"><p><strong>申请已提交。</strong>案件编号 ${r.caseNo}，受理机关：${r.orgName}。</p></div>
<h2>跟踪码和查询密码</h2>
${secrets}
<h2>申请信息</h2>
<dl class="facts">
<dt>案件编号</dt><dd>${r.caseNo}</dd>
<dt>受理机关</dt><dd>${r.orgName}</dd>
<dt>提交日期</dt><dd>${formatChineseDate(r.submittedOn)}</dd>
</dl>
<h2>接下来</h2>
${RECEIPT_NOTE}
<p><a class="button-link" href="${TRACK_LINK}">查询办理进度</a></p>`;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const newKey = () => randomBytes(18).toString('base64url');

/**
 * The key stored with the case: the form's key bound to this browser's CSRF cookie, so that a key seen
 * elsewhere (a shared page, a log) cannot be replayed from another browser to learn the tracking code.
 */
function storedKey(csrf: string, key: string): string {
  return createHash('sha256').update(`${csrf}\n${key}`).digest('hex');
}

type Application = Extract<ReturnType<typeof validateForm>, { ok: true }>['input'];

/** Whether a stored case is the application just posted again (a double click), not an edited one. */
function sameApplication(row: RequestRow, a: Application): boolean {
  return (
    row.org_id === a.orgId &&
    row.applicant_name === a.applicant.name &&
    row.subject === a.request.subject &&
    row.description === a.request.description &&
    (row.doc_number ?? null) === (a.request.docNumber ?? null)
  );
}

const CSRF_MESSAGE =
  '页面已失效（安全校验未通过），申请尚未提交。您填写的内容已保留，请核对后再次点击“提交申请”。如果多次出现此提示，请确认浏览器允许本网站使用 Cookie。';

export async function formPage(app: FastifyInstance, opts: { db: Kysely<Database>; siteName: string }) {
  const { db } = opts;
  const attempts = createRateLimiter(FORM_ATTEMPT_LIMIT);
  const stored = createRateLimiter(FORM_STORED_LIMIT);

  // no-store: the page carries the CSRF token, and after submission the query password.
  const send = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) =>
    sendApplyPage(req, reply, {
      siteName: opts.siteName,
      path: FORM_PATH,
      title,
      body,
      status,
      cache: 'no-store',
    });

  async function showForm(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: FormValues,
    errors: FormError[],
    submissionKey: string,
    notice?: Html,
  ) {
    // 受理机关: organisations that accept applications, are not disabled and have someone to receive them;
    // on a government's site, its own (currentSiteOrgIds: the government, its departments and towns).
    const receiving = await loadReceiving(db);
    const own = currentSiteOrgIds();
    const orgs = orgOptions(
      receiving.orgs.filter(
        (o) =>
          o.accepts_requests &&
          !o.disabled &&
          receiving.receiverOf(o.id) !== null &&
          (own === undefined || own.includes(o.id)),
      ),
    );
    const csrf = req.cookies[CSRF_COOKIE] ?? '';
    return send(req, reply, status, TITLE, renderForm({ values, errors, csrf, submissionKey, orgs, notice }));
  }

  const schema = { response: { 200: htmlPage } };
  app.get(FORM_PATH, { schema }, async (req, reply) =>
    showForm(req, reply, 200, emptyValues(), [], newKey()),
  );

  app.post(
    FORM_PATH,
    {
      schema,
      // The platform refuses a POST without a valid CSRF field; the citizen keeps what they typed.
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID' || !req.body || typeof req.body !== 'object') throw err;
        const key = oneString((req.body as Record<string, unknown>).submissionKey);
        await showForm(
          req,
          reply,
          403,
          readValues(req.body),
          [{ field: null, message: CSRF_MESSAGE }],
          KEY_PATTERN.test(key) ? key : newKey(),
        );
      },
    },
    async (req, reply) => {
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const values = readValues(body);
      const postedKey = oneString(body.submissionKey);
      const key = KEY_PATTERN.test(postedKey) ? postedKey : null;
      const today = chinaToday();
      // Over a limit: 429 with what was typed, and when to try again.
      const tooMany = (windowMs: number) => {
        reply.header('retry-after', String(windowMs / 1000));
        return showForm(
          req,
          reply,
          429,
          values,
          [{ field: null, message: FORM_RATE_MESSAGE }],
          key ?? newKey(),
        );
      };
      if (!attempts.hit(req.ip)) return tooMany(FORM_ATTEMPT_LIMIT.windowMs);
      // A robot filled the field no person sees: nothing is stored, the form comes back as it was.
      if (oneString(body[HONEYPOT_FIELD]) !== '') {
        return showForm(req, reply, 400, values, [{ field: null, message: SPAM_MESSAGE }], key ?? newKey());
      }
      const check = validateForm(values, today);
      // The agency must be one of this site's (multi-site: a government's site lists its own agencies).
      const own = currentSiteOrgIds();
      if (check.ok && own !== undefined && !own.includes(check.input.orgId)) {
        return showForm(
          req,
          reply,
          400,
          values,
          [{ field: 'orgId', message: '请选择本网站列出的受理机关' }],
          key ?? newKey(),
        );
      }
      if (!check.ok) return showForm(req, reply, 400, values, check.errors, key ?? newKey());
      if (!stored.hit(req.ip)) return tooMany(FORM_STORED_LIMIT.windowMs);
      let result: Awaited<ReturnType<typeof submitOnline>>;
      try {
        result = await submitOnline(
          db,
          { ...check.input, submissionKey: key && storedKey(req.cookies[CSRF_COOKIE] ?? '', key) },
          today,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        const errors: FormError[] = [];
        for (const f of err.fields ?? []) pushError(errors, f.path, f.message);
        if (errors.length === 0)
          errors.push({ field: null, message: describeError('VALIDATION_FAILED').message });
        return showForm(req, reply, 400, values, ordered(errors), key ?? newKey());
      }
      const { row, password } = result;
      if (password === null && !sameApplication(row, check.input)) {
        // The same form was submitted before and then edited: keep the edits, never drop them silently.
        return showForm(
          req,
          reply,
          409,
          values,
          [],
          newKey(),
          html`<div class="notice error" role="alert"><p><strong>这份申请表已经提交过（案件编号 ${row.case_no ?? ''}），您之后修改的内容尚未提交。</strong>如需把下面的内容作为一份新的申请提交，请核对后再次点击“提交申请”；如只是想查看原申请，请使用跟踪码和查询密码<a href="${TRACK_LINK}">查询办理进度</a>。</p></div>`,
        );
      }
      const org = await findOrg(db, row.org_id);
      return send(
        req,
        reply,
        200,
        '申请已提交',
        renderSuccess({
          caseNo: row.case_no ?? '',
          orgName: org?.name ?? '',
          submittedOn: row.submitted_on,
          code: row.tracking_code ?? '',
          password,
        }),
      );
    },
  );
}
