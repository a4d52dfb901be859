/**
 * 政策找人 on the portal: an enterprise verifies its 统一社会信用代码 and a contact on file with a one-time
 * code, then sees its own page — its profile (which it may complete), the policies pushed to it, every
 * policy in force with conditions checked against it (why it fits or which condition fails) and the
 * policy packages. Plain forms that work without JavaScript, with CSRF, rate-limited per address; a
 * form with an error comes back with what was typed.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { describeError } from '../../platform/http/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { htmlPage, redirectResponse } from '../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { type Html, html, sendPortalPage } from '../../portal/plugin.ts';
import { formatChineseDate } from '../calendar/index.ts';
import * as access from './access.service.ts';
import { createChannels } from './channels.ts';
import { chineseDate } from './domain/conditions.ts';
import { EMAIL_RE, PHONE_RE } from './domain/import.ts';
import {
  industryLabel,
  QUALIFICATION_LABELS,
  QUALIFICATIONS,
  type Qualification,
  SIZE_LABELS,
  SIZES,
  type Size,
  splitList,
} from './domain/profile.ts';
import type { PolicyMatch } from './service.ts';
import { orgNames } from './service.ts';
import type { EnterpriseRow } from './store.ts';

export const ENTERPRISE_PATH = '/gk/enterprise';
const ME_PATH = `${ENTERPRISE_PATH}/me`;
const TITLE = '政策找人 · 企业专属服务';
export const ENTERPRISE_COOKIE = 'gk_ent';
/** Code requests and code checks per address (DERIVED: enough for a person, not for guessing). */
const CODE_LIMIT = { limit: 10, windowMs: 60 * 60_000 };
const VERIFY_LIMIT = { limit: 20, windowMs: 10 * 60_000 };
const STALE_FORM = '页面已失效（安全校验未通过），请核对后再次提交。您填写的内容已保留。';

const one = (v: unknown) =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
const many = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const field = (body: unknown, name: string) =>
  one(body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined).trim();

type FieldError = { field: string | null; label: string; message: string };

function errorSummary(errors: FieldError[]): Html | null {
  if (errors.length === 0) return null;
  return html`<div class="notice error" role="alert" id="error-summary"><h2>请按以下提示修改后重新提交（共${errors.length}处）</h2>
<ul>${errors.map((e) => (e.field ? html`<li><a href="#${e.field}">${e.label}：${e.message}</a></li>` : html`<li>${e.message}</li>`))}</ul></div>`;
}

function fieldError(errors: FieldError[], f: string): Html | null {
  const e = errors.find((x) => x.field === f);
  return e ? html`<span class="error-text" id="${f}-error">${e.message}</span>` : null;
}
const invalid = (errors: FieldError[], f: string) =>
  errors.some((x) => x.field === f) ? html` aria-invalid="true" aria-describedby="${f}-error"` : null;

function codeRequestForm(
  csrf: string,
  v: { creditCode: string; contact: string },
  errors: FieldError[],
): Html {
  return html`${errorSummary(errors)}
<p class="lead">已建立企业档案的企业，可以凭统一社会信用代码和档案中登记的手机号码或电子邮箱验证身份，查看本企业符合条件的惠企政策、收到的政策推送和政策包，并完善企业档案。</p>
<form class="form" method="post" action="${ENTERPRISE_PATH}/code" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="creditCode">统一社会信用代码（必填）</label>${fieldError(errors, 'creditCode')}
<input id="creditCode" name="creditCode" type="text" value="${v.creditCode}" maxlength="30" size="24" autocomplete="off" aria-required="true"${invalid(errors, 'creditCode')}></p>
<p><label for="contact">手机号码或电子邮箱（必填）</label>
<span class="hint" id="contact-hint">须与企业档案中登记的一致，验证码将发送到这里。</span>${fieldError(errors, 'contact')}
<input id="contact" name="contact" type="text" value="${v.contact}" maxlength="100" size="30" autocomplete="email" aria-required="true"${invalid(errors, 'contact')}></p>
<p><button type="submit">获取验证码</button></p>
</form>`;
}

function codeEntryForm(csrf: string, creditCode: string, errors: FieldError[], sentNote: boolean): Html {
  return html`${errorSummary(errors)}
${sentNote ? html`<div class="notice" role="status"><p>如果您填写的信息与企业档案一致，验证码已发送，10分钟内有效。没有收到的，请核对信息后重新获取，或联系政务服务部门更新企业档案。</p></div>` : null}
<form class="form" method="post" action="${ENTERPRISE_PATH}/verify" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="creditCode" value="${creditCode}">
<p>统一社会信用代码：${creditCode}</p>
<p><label for="code">验证码（6位数字）</label>${fieldError(errors, 'code')}
<input id="code" name="code" type="text" inputmode="numeric" maxlength="6" size="8" autocomplete="one-time-code" aria-required="true"${invalid(errors, 'code')}></p>
<p><button type="submit">验证并进入</button></p>
</form>
<p><a href="${ENTERPRISE_PATH}">重新获取验证码</a></p>`;
}

const outcomeOf = (p: {
  opened_at: Date | null;
  applied_at: Date | null;
  granted_at: Date | null;
  without_application: boolean;
}) =>
  p.without_application ? '已兑现（免申即享）' : p.granted_at ? '已兑现' : p.applied_at ? '已申报' : '待申报';

function matchItem(m: PolicyMatch): Html {
  return html`<li><h4><a href="/gk/documents/${m.documentId}">${m.title}</a></h4>
<p class="muted">发布部门：${m.orgName}</p>
<ul>${m.results.map((r) => html`<li>${r.passed ? '✔ 符合' : '✘ 不符合'}：${r.label}——${r.text}</li>`)}</ul></li>`;
}

type ProfileValues = {
  size: string;
  capital: string;
  qualifications: string[];
  tags: string;
  phone: string;
  email: string;
};

function profileValues(e: EnterpriseRow): ProfileValues {
  return {
    size: e.size,
    capital: e.registered_capital === null ? '' : String(Number(e.registered_capital)),
    qualifications: e.qualifications,
    tags: e.tags.join('、'),
    phone: e.phone ?? '',
    email: e.email ?? '',
  };
}

function checkProfile(v: ProfileValues): { errors: FieldError[]; patch: access.SelfUpdate | null } {
  const errors: FieldError[] = [];
  if (!(SIZES as readonly string[]).includes(v.size))
    errors.push({ field: 'size', label: '企业规模', message: '请选择企业规模' });
  const capital = v.capital === '' ? null : Number(v.capital);
  if (capital !== null && (!Number.isFinite(capital) || capital < 0 || capital > 1e10))
    errors.push({
      field: 'capital',
      label: '注册资本',
      message: '请填写不小于0的数字（万元），不清楚的可以不填',
    });
  const quals = v.qualifications.filter((q): q is Qualification =>
    (QUALIFICATIONS as readonly string[]).includes(q),
  );
  const tags = splitList(v.tags);
  if (tags.length > 20 || tags.some((t) => t.length > 20))
    errors.push({ field: 'tags', label: '标签', message: '最多20个标签，每个不超过20个字' });
  if (v.phone && !PHONE_RE.test(v.phone))
    errors.push({ field: 'phone', label: '联系电话', message: '请填写手机号码或带区号的固定电话' });
  if (v.email && !EMAIL_RE.test(v.email))
    errors.push({ field: 'email', label: '电子邮箱', message: '电子邮箱格式不正确' });
  if (!v.phone && !v.email)
    errors.push({
      field: 'email',
      label: '电子邮箱',
      message: '请至少保留一种联系方式（手机号码或电子邮箱）',
    });
  if (errors.length) return { errors, patch: null };
  return {
    errors,
    patch: {
      size: v.size as Size,
      capital,
      qualifications: quals,
      tags,
      phone: v.phone || null,
      email: v.email || null,
    },
  };
}

function profileForm(csrf: string, v: ProfileValues, errors: FieldError[]): Html {
  return html`<form class="form" method="post" action="${ME_PATH}/profile" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
${errorSummary(errors)}
<p><label for="size">企业规模</label>${fieldError(errors, 'size')}
<select id="size" name="size"${invalid(errors, 'size')}>${SIZES.map((s) => html`<option value="${s}"${v.size === s ? html` selected` : null}>${SIZE_LABELS[s]}企业</option>`)}</select></p>
<p><label for="capital">注册资本（万元，选填）</label>${fieldError(errors, 'capital')}
<input id="capital" name="capital" type="text" inputmode="decimal" value="${v.capital}" size="12"${invalid(errors, 'capital')}></p>
<fieldset><legend>企业资质（可多选）</legend>
${QUALIFICATIONS.map((q) => html`<div><input type="checkbox" id="q-${q}" name="qualifications" value="${q}"${v.qualifications.includes(q) ? html` checked` : null}> <label for="q-${q}">${QUALIFICATION_LABELS[q]}</label></div>`)}
</fieldset>
<p><label for="tags">标签（用顿号或空格分隔，选填）</label>${fieldError(errors, 'tags')}
<input id="tags" name="tags" type="text" value="${v.tags}" size="40"${invalid(errors, 'tags')}></p>
<p><label for="phone">联系电话</label>${fieldError(errors, 'phone')}
<input id="phone" name="phone" type="text" inputmode="tel" autocomplete="tel" value="${v.phone}" size="20"${invalid(errors, 'phone')}></p>
<p><label for="email">电子邮箱</label>${fieldError(errors, 'email')}
<input id="email" name="email" type="text" inputmode="email" autocomplete="email" value="${v.email}" size="30"${invalid(errors, 'email')}></p>
<p><button type="submit">保存档案</button></p>
</form>`;
}

export async function enterprisesPortal(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const { db } = ctx;
  const deps = { channels: createChannels(ctx.config, app.log), log: app.log };
  const codeLimiter = createRateLimiter(CODE_LIMIT);
  const verifyLimiter = createRateLimiter(VERIFY_LIMIT);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.startsWith('https://'),
    maxAge: access.ACCESS_TTL_MS / 1000,
  };
  const schema = { response: { 200: htmlPage, 400: htmlPage, 403: htmlPage, 429: htmlPage } };

  const send = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) =>
    sendPortalPage(req, reply, {
      title,
      siteName: ctx.siteName,
      current: ENTERPRISE_PATH,
      path: req.url,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政策找人' }],
      body,
      status,
      cache: 'no-store',
    });
  const csrf = (req: FastifyRequest) => req.cookies[CSRF_COOKIE] ?? '';
  const rateError = (): FieldError[] => [
    { field: null, label: '', message: describeError('RATE_LIMITED').message },
  ];
  const stale: FieldError[] = [{ field: null, label: '', message: STALE_FORM }];

  const showRequest = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    v: { creditCode: string; contact: string },
    errors: FieldError[],
  ) => send(req, reply, status, TITLE, codeRequestForm(csrf(req), v, errors));

  app.get(ENTERPRISE_PATH, { schema }, async (req, reply) => {
    const e = await access.enterpriseByToken(db, req.cookies[ENTERPRISE_COOKIE]);
    if (e)
      return send(
        req,
        reply,
        200,
        TITLE,
        html`<div class="notice" role="status"><p>您已验证为“${e.name}”。<a href="${ME_PATH}">进入本企业专属页面</a></p></div>
${codeRequestForm(csrf(req), { creditCode: '', contact: '' }, [])}`,
      );
    return showRequest(req, reply, 200, { creditCode: '', contact: '' }, []);
  });

  app.post(
    `${ENTERPRISE_PATH}/code`,
    {
      schema,
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await showRequest(
          req,
          reply,
          403,
          { creditCode: field(req.body, 'creditCode'), contact: field(req.body, 'contact') },
          stale,
        );
      },
    },
    async (req, reply) => {
      const v = { creditCode: field(req.body, 'creditCode'), contact: field(req.body, 'contact') };
      if (!codeLimiter.hit(req.ip)) return showRequest(req, reply, 429, v, rateError());
      const r = await access.requestCode(db, deps, v);
      if (!r.ok)
        return showRequest(req, reply, 400, v, [
          {
            field: r.field,
            label: r.field === 'creditCode' ? '统一社会信用代码' : '手机号码或电子邮箱',
            message: r.message,
          },
        ]);
      const code = v.creditCode.replace(/\s+/g, '').toUpperCase();
      return send(req, reply, 200, TITLE, codeEntryForm(csrf(req), code, [], true));
    },
  );

  app.post(
    `${ENTERPRISE_PATH}/verify`,
    {
      schema: { response: { ...schema.response, 303: redirectResponse } },
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        await send(
          req,
          reply,
          403,
          TITLE,
          codeEntryForm(csrf(req), field(req.body, 'creditCode'), stale, false),
        );
      },
    },
    async (req, reply) => {
      const creditCode = field(req.body, 'creditCode');
      if (!verifyLimiter.hit(req.ip))
        return send(req, reply, 429, TITLE, codeEntryForm(csrf(req), creditCode, rateError(), false));
      const token = await access.verifyCode(db, { creditCode, code: field(req.body, 'code') });
      if (!token)
        return send(
          req,
          reply,
          400,
          TITLE,
          codeEntryForm(
            csrf(req),
            creditCode,
            [{ field: 'code', label: '验证码', message: '验证码不正确或已过期，请核对，或重新获取验证码' }],
            false,
          ),
        );
      reply.setCookie(ENTERPRISE_COOKIE, token, cookieOptions);
      return reply.code(303).header('location', ME_PATH).send();
    },
  );

  const showOwn = async (
    req: FastifyRequest,
    reply: FastifyReply,
    e: EnterpriseRow,
    status: number,
    values: ProfileValues,
    errors: FieldError[],
    saved: boolean,
  ) => {
    const page = await access.ownPage(db, e);
    const names = await orgNames(db);
    const matched = page.matches.filter((m) => m.matched);
    const others = page.matches.filter((m) => !m.matched);
    return send(
      req,
      reply,
      status,
      `${e.name} · 政策找人`,
      html`
${saved ? html`<div class="notice" role="status"><p>企业档案已保存。</p></div>` : null}
<h2 id="profile-h">企业档案</h2>
<table class="data-table" aria-labelledby="profile-h"><tbody>
<tr><th scope="row">企业名称</th><td>${e.name}</td></tr>
<tr><th scope="row">统一社会信用代码</th><td>${e.credit_code}</td></tr>
<tr><th scope="row">所属行业</th><td>${industryLabel(e.industry)}</td></tr>
<tr><th scope="row">企业规模</th><td>${SIZE_LABELS[e.size]}企业</td></tr>
<tr><th scope="row">所在地区</th><td>${names.get(e.region_id) ?? ''}</td></tr>
<tr><th scope="row">成立日期</th><td>${chineseDate(e.founded_on)}</td></tr>
<tr><th scope="row">注册资本</th><td>${e.registered_capital === null ? '未登记' : `${Number(e.registered_capital)}万元`}</td></tr>
<tr><th scope="row">企业资质</th><td>${e.qualifications.length ? e.qualifications.map((q) => QUALIFICATION_LABELS[q]).join('、') : '未登记'}</td></tr>
<tr><th scope="row">标签</th><td>${e.tags.length ? e.tags.join('、') : '无'}</td></tr>
</tbody></table>
<h2 id="pushes-h">政策推送消息</h2>
${
  page.pushes.length
    ? html`<table class="data-table" aria-labelledby="pushes-h"><thead><tr><th scope="col">政策</th><th scope="col">推送日期</th><th scope="col">办理情况</th></tr></thead><tbody>
${page.pushes.map((p) => html`<tr><td>${p.title ? html`<a href="/gk/documents/${p.document_id}">${p.title}</a>` : '（政策已失效）'}</td><td>${formatChineseDate(new Date(p.pushed_at).toISOString().slice(0, 10))}</td><td>${outcomeOf(p)}</td></tr>`)}
</tbody></table>`
    : html`<p>暂无政策推送。</p>`
}
<h2 id="matched-h">本企业符合条件的政策（${matched.length}项）</h2>
${matched.length ? html`<ol class="policy-matches">${matched.map(matchItem)}</ol>` : html`<p>根据企业档案，暂未找到完全符合条件的政策。完善企业档案后可能匹配到更多政策。</p>`}
${
  others.length
    ? html`<h3>暂不符合条件的政策（${others.length}项）</h3>
<p class="muted">以下政策有条件未满足，标注“不符合”的即为原因。</p>
<ol class="policy-matches">${others.map(matchItem)}</ol>`
    : null
}
<h2 id="packages-h">政策包</h2>
${
  page.packages.length
    ? page.packages.map(
        (
          pk,
        ) => html`<section aria-labelledby="pk-${pk.id}"><h3 id="pk-${pk.id}">${pk.title}<span class="muted">（${pk.theme}）</span></h3>
${pk.summary ? html`<p>${pk.summary}</p>` : null}
${pk.documents.length ? html`<ul>${pk.documents.map((d) => html`<li><a href="/gk/documents/${d.id}">${d.title}</a>${d.docNumber ? html`（${d.docNumber}）` : null}</li>`)}</ul>` : null}
${pk.qaPairs.map((q) => html`<details><summary>${q.question}</summary><p>${q.answer}</p></details>`)}
</section>`,
      )
    : html`<p>暂无政策包。</p>`
}
<h2 id="edit-h">完善企业档案</h2>
<p class="muted">行业、地区、成立日期等登记信息如有变化，请联系政务服务部门更正。</p>
${profileForm(csrf(req), values, errors)}
<form method="post" action="${ENTERPRISE_PATH}/signout"><input type="hidden" name="_csrf" value="${csrf(req)}"><p><button type="submit">退出</button></p></form>`,
    );
  };

  const toStart = (reply: FastifyReply) => reply.code(303).header('location', ENTERPRISE_PATH).send();

  app.get(ME_PATH, { schema: { response: { 200: htmlPage, 303: redirectResponse } } }, async (req, reply) => {
    const e = await access.enterpriseByToken(db, req.cookies[ENTERPRISE_COOKIE]);
    if (!e) return toStart(reply);
    return showOwn(req, reply, e, 200, profileValues(e), [], false);
  });

  const readProfile = (body: unknown): ProfileValues => ({
    size: field(body, 'size'),
    capital: field(body, 'capital').replace(/万元$/, ''),
    qualifications: many(
      body && typeof body === 'object' ? (body as Record<string, unknown>).qualifications : undefined,
    ),
    tags: field(body, 'tags'),
    phone: field(body, 'phone'),
    email: field(body, 'email'),
  });

  app.post(
    `${ME_PATH}/profile`,
    {
      schema: { response: { ...schema.response, 303: redirectResponse } },
      errorHandler: async (err: FastifyError, req, reply) => {
        if (err.code !== 'CSRF_INVALID') throw err;
        const e = await access.enterpriseByToken(db, req.cookies[ENTERPRISE_COOKIE]);
        if (!e) return toStart(reply);
        await showOwn(req, reply, e, 403, readProfile(req.body), stale, false);
      },
    },
    async (req, reply) => {
      const e = await access.enterpriseByToken(db, req.cookies[ENTERPRISE_COOKIE]);
      if (!e) return toStart(reply);
      const values = readProfile(req.body);
      const { errors, patch } = checkProfile(values);
      if (!patch) return showOwn(req, reply, e, 400, values, errors, false);
      const row = await access.updateOwnProfile(db, e, patch);
      return showOwn(req, reply, row, 200, profileValues(row), [], true);
    },
  );

  app.post(
    `${ENTERPRISE_PATH}/signout`,
    { schema: { response: { 303: redirectResponse } } },
    async (req, reply) => {
      await access.signOut(db, req.cookies[ENTERPRISE_COOKIE]);
      reply.clearCookie(ENTERPRISE_COOKIE, { path: '/' });
      return toStart(reply);
    },
  );
}
