/**
 * The registers' public faces: 建议提案办理 (the published results, 全文 or 摘要 with its reason; LW21
 * 二(二)) and 政务新媒体 (the government's accounts, active and closed; JN22 十五), of the site's units.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { htmlPage, idParam } from '../../../platform/http/schemas.ts';
import { html, sendPortalPage } from '../../../portal/plugin.ts';
import { currentSiteOrgIds } from '../../../portal/site.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import {
  PLATFORM_LABELS,
  type Platform,
  PROPOSAL_KIND_LABELS,
  type ProposalKind,
  PUBLICATION_LABELS,
  type Publication,
} from '../domain/registers.ts';
import { accountsOf, findRecord, publishedProposals } from '../store.ts';

export const PROPOSALS_PATH = '/gk/proposals';
export const NEW_MEDIA_PATH = '/gk/new-media';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export async function columnPages(app: FastifyInstance, opts: { db: Kysely<Database>; siteName: string }) {
  const { db } = opts;
  const names = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
  const schema = { response: { 200: htmlPage } };

  app.get(PROPOSALS_PATH, { schema }, async (req, reply) => {
    const [rows, n] = await Promise.all([publishedProposals(db, currentSiteOrgIds()), names()]);
    const body = html`<p class="lead">人大代表建议和政协委员提案的办理结果，除涉及国家秘密、商业秘密、个人隐私等不宜公开的内容外全文公开；摘要公开的，说明理由。</p>
${
  rows.length === 0
    ? html`<p class="muted">暂无公开的建议提案办理结果。</p>`
    : html`<table>
<caption>建议提案办理结果（共${rows.length}件）</caption>
<thead><tr><th scope="col">编号</th><th scope="col">类别</th><th scope="col">标题</th><th scope="col">承办单位</th><th scope="col">答复日期</th><th scope="col">公开方式</th></tr></thead>
<tbody>${rows.map(
        (r) =>
          html`<tr><td>${text(r.data.number)}</td><td>${PROPOSAL_KIND_LABELS[r.data.kind as ProposalKind] ?? ''}</td><td><a href="${PROPOSALS_PATH}/${r.id}">${r.title}</a></td><td>${n.get(r.org_id) ?? ''}</td><td>${formatChineseDate(text(r.data.repliedOn))}</td><td>${PUBLICATION_LABELS[r.data.publication as Publication] ?? ''}</td></tr>`,
      )}</tbody>
</table>`
}`;
    return sendPortalPage(req, reply, {
      title: '建议提案办理',
      siteName: opts.siteName,
      current: null,
      path: PROPOSALS_PATH,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '建议提案办理' }],
      body,
    });
  });

  app.get(`${PROPOSALS_PATH}/:id`, { schema: { params: idParam, ...schema } }, async (req, reply) => {
    const id = (req.params as { id: number }).id;
    const row = await findRecord(db, 'proposals', id);
    const own = currentSiteOrgIds();
    if (row?.state !== 'published' || (own && !own.includes(row.org_id))) throw new AppError('NOT_FOUND');
    const n = await names();
    const summary = row.data.publication === 'summary';
    const body = html`<dl class="facts"><dt>编号</dt><dd>${text(row.data.number)}</dd><dt>类别</dt><dd>${PROPOSAL_KIND_LABELS[row.data.kind as ProposalKind] ?? ''}</dd><dt>承办单位</dt><dd>${n.get(row.org_id) ?? ''}</dd><dt>答复日期</dt><dd>${formatChineseDate(text(row.data.repliedOn))}</dd><dt>公开日期</dt><dd>${formatChineseDate(text(row.data.publishedOn))}</dd><dt>公开方式</dt><dd>${PUBLICATION_LABELS[row.data.publication as Publication] ?? ''}</dd></dl>
${
  summary
    ? html`<h2>办理结果摘要</h2><p class="notice">本件办理结果摘要公开，理由：${text(row.data.publicationReason)}</p><div class="prose">${text(
        row.data.summaryText,
      )
        .split(/\n+/)
        .map((p) => html`<p>${p}</p>`)}</div>`
    : html`<h2>答复全文</h2><div class="prose">${text(row.data.reply)
        .split(/\n+/)
        .map((p) => html`<p>${p}</p>`)}</div>`
}
<p><a href="${PROPOSALS_PATH}">返回建议提案办理</a></p>`;
    return sendPortalPage(req, reply, {
      title: row.title,
      siteName: opts.siteName,
      current: null,
      path: `${PROPOSALS_PATH}/${row.id}`,
      breadcrumbs: [
        { label: '首页', href: '/' },
        { label: '建议提案办理', href: PROPOSALS_PATH },
        { label: row.title },
      ],
      body,
    });
  });

  app.get(NEW_MEDIA_PATH, { schema }, async (req, reply) => {
    const [rows, n] = await Promise.all([accountsOf(db, currentSiteOrgIds()), names()]);
    const active = rows.filter((r) => r.state === 'active');
    const closed = rows.filter((r) => r.state === 'closed');
    const platform = (r: (typeof rows)[number]) => PLATFORM_LABELS[r.data.platform as Platform] ?? '';
    const body = html`<p class="lead">本级政府及其部门开设的政务微信公众号、微博、抖音号和移动客户端。请认准以下账号，谨防假冒。</p>
<h2>正在运营的账号</h2>
${
  active.length === 0
    ? html`<p class="muted">暂无登记的政务新媒体账号。</p>`
    : html`<table>
<caption>正在运营的政务新媒体账号（共${active.length}个）</caption>
<thead><tr><th scope="col">开设单位</th><th scope="col">平台</th><th scope="col">账号名称</th><th scope="col">账号ID</th><th scope="col">开设日期</th></tr></thead>
<tbody>${active.map(
        (r) =>
          html`<tr><td>${n.get(r.org_id) ?? ''}</td><td>${platform(r)}</td><td>${r.title}</td><td>${text(r.data.accountId)}</td><td>${formatChineseDate(r.occurred_on)}</td></tr>`,
      )}</tbody>
</table>`
}
${
  closed.length === 0
    ? null
    : html`<h2>已注销的账号</h2>
<table>
<caption>已注销的政务新媒体账号（共${closed.length}个）</caption>
<thead><tr><th scope="col">开设单位</th><th scope="col">平台</th><th scope="col">账号名称</th><th scope="col">注销日期</th></tr></thead>
<tbody>${closed.map(
        (r) =>
          html`<tr><td>${n.get(r.org_id) ?? ''}</td><td>${platform(r)}</td><td>${r.title}</td><td>${formatChineseDate(text(r.data.closedOn))}</td></tr>`,
      )}</tbody>
</table>`
}`;
    return sendPortalPage(req, reply, {
      title: '政务新媒体',
      siteName: opts.siteName,
      current: null,
      path: NEW_MEDIA_PATH,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政务新媒体' }],
      body,
    });
  });
}
