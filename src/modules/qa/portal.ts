/**
 * 政策问答 in the portal: a question form (GET, works without JavaScript) and the answers drawn from
 * the documents in force, each citing its document (linked to its page) and clause. Empty, too long or
 * hostile input is answered with the form and a plain message; questions are rate-limited per IP.
 */
import type { FastifyInstance } from 'fastify';
import { describeError } from '../../platform/http/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { htmlPage } from '../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { MAX_QUERY_CHARS } from '../../platform/search/fulltext.ts';
import { type Html, html, sendPortalPage } from '../../portal/plugin.ts';
import { askQuery } from './api.schemas.ts';
import { routeForm, routingPortal, TRACK_PATH } from './routing.portal.ts';
import { type Answer, type AskResult, ask, libraryByTopic } from './service.ts';

export const QA_PATH = '/gk/qa';
const TITLE = '政策问答';
/** 30 questions per IP a minute: enough for a person, not for a scraper. */
const RATE_LIMIT = { limit: 30, windowMs: 60_000 };
const RATE_MESSAGE = '提问过于频繁，请稍等一分钟后再试。';

function form(q: string, error: string | null): Html {
  return html`<form class="form" method="get" action="${QA_PATH}" role="search" aria-label="政策问答">
<p><label for="q">您的问题</label>
<input id="q" name="q" type="text" value="${q}" maxlength="${MAX_QUERY_CHARS}" size="50" aria-describedby="q-hint${error ? ' q-error' : ''}"${error ? html` aria-invalid="true"` : null}>
<span class="hint" id="q-hint">请用一句话描述您想了解的政策，例如“谁负责预决算公开”“流调信息发布什么时候完成”。</span>
${error ? html`<span class="field-error" id="q-error">${error}</span>` : null}</p>
<p><button type="submit">提问</button></p>
</form>`;
}

function citation(a: Answer): Html {
  return html`<p class="muted">出处：<a href="/gk/documents/${a.document.id}">${a.document.title}</a>${a.document.docNumber ? html`（${a.document.docNumber}）` : null}${a.clause ? html`<span aria-hidden="true"> · </span>${a.clause}` : null}</p>`;
}

function answerItem(a: Answer): Html {
  const fields: Html[] = [];
  if (a.leadUnits) fields.push(html`<li>牵头单位：${a.leadUnits}</li>`);
  if (a.responsibleUnits) fields.push(html`<li>责任单位：${a.responsibleUnits}</li>`);
  if (a.deadline) fields.push(html`<li>完成时限：${a.deadline}</li>`);
  const body =
    a.leadUnits || a.responsibleUnits || a.deadline
      ? a.text.split('；')[0]?.replace(/^工作任务：/, '')
      : a.text;
  const requirement = fields.length > 0 ? (/具体要求：([^；]*)/.exec(a.text)?.[1] ?? null) : null;
  return html`<li>
${a.replaces ? html`<p class="notice">您问到的《${a.replaces.title}》已不再有效，以下为现行有效的文件中的相关内容。</p>` : null}
<p>${body}</p>
${requirement ? html`<p>${requirement}</p>` : null}
${fields.length > 0 ? html`<ul>${fields}</ul>` : null}
${a.curated ? html`<p class="muted">以上为有关部门审核发布的答复。</p>` : null}
${citation(a)}
</li>`;
}

/** A refusal offers to send the question on (`csrf`: the form's token; null for an empty question). */
function results(r: AskResult, csrf: string | null): Html {
  if (r.refused)
    return html`<div class="notice" role="status"><p><strong>${r.message ?? ''}</strong></p>
<p>也可以查看<a href="/gk/guide">公开指南</a>中政府信息公开工作机构的联系方式，或在<a href="/gk/documents/search">政府文件</a>中检索。</p></div>
${csrf !== null && r.question !== '' ? routeForm({ question: r.question, phone: '', email: '' }, [], csrf) : null}`;
  return html`<section aria-labelledby="answers-h"><h2 id="answers-h">答复</h2>
<p class="muted">以下内容摘自现行有效的政策文件，以文件原文为准。</p>
<ol class="qa-answers">${r.answers.map(answerItem)}</ol></section>`;
}

/** 政策问答库 by topic (each answer opens without JavaScript: details/summary). */
function library(topics: Awaited<ReturnType<typeof libraryByTopic>>): Html | null {
  if (topics.length === 0) return null;
  return html`<section aria-labelledby="library-h"><h2 id="library-h">常见问题</h2>
<p class="muted">以下答复由有关部门编写、审核后发布，按主题排列。</p>
${topics.map(
  (t) => html`<h3>${t.topic}</h3>
${t.entries.map(
  (e) => html`<details><summary>${e.question}</summary>
<p>${e.answer}</p>
<p class="muted">出处：<a href="/gk/documents/${e.document.id}">${e.document.title}</a>${e.document.docNumber ? html`（${e.document.docNumber}）` : null}${e.clause ? html`<span aria-hidden="true"> · </span>${e.clause}` : null}</p>
</details>`,
)}`,
)}</section>`;
}

export async function qaPortal(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const limiter = createRateLimiter(RATE_LIMIT);
  await routingPortal(app, ctx);
  app.get(
    QA_PATH,
    { schema: { response: { 200: htmlPage, 400: htmlPage, 429: htmlPage } } },
    async (req, reply) => {
      const parsed = askQuery.safeParse(req.query);
      const raw = parsed.success ? parsed.data.q : '';
      const asked = raw.trim() !== '';
      let error: string | null = null;
      let status: 200 | 400 | 429 = 200;
      let body: Html | null = null;
      let refused = false;
      if (asked && raw.length > MAX_QUERY_CHARS) {
        error = describeError('QA_QUESTION_TOO_LONG', { max: MAX_QUERY_CHARS }).message;
        status = 400;
      } else if (asked && !limiter.hit(req.ip)) {
        error = RATE_MESSAGE;
        status = 429;
      } else if (asked) {
        const r = await ask(ctx.db, raw, { channel: 'portal', limit: 3 });
        refused = r.refused;
        body = results(r, req.cookies[CSRF_COOKIE] ?? '');
      } else {
        body = library(await libraryByTopic(ctx.db));
      }
      const shown = raw.slice(0, MAX_QUERY_CHARS);
      return sendPortalPage(req, reply, {
        title: TITLE,
        siteName: ctx.siteName,
        current: QA_PATH,
        path: req.url,
        breadcrumbs: [{ label: '首页', href: '/' }, { label: TITLE }],
        body: html`<p>输入您想了解的政策问题，系统将从现行有效的政策文件中查找答案，并注明出处。已转交有关部门的问题，可<a href="${TRACK_PATH}">凭查询码查看办理进度</a>。</p>
${form(shown, error)}
${body}`,
        status,
        // A refusal carries the routing form's CSRF token.
        ...(refused ? { cache: 'no-store' } : {}),
      });
    },
  );
}
