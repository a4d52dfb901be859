import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { chinaToday } from '../../../platform/time.ts';
import {
  type Breadcrumb,
  currentPortalSite,
  currentSiteName,
  type Html,
  html,
  officeBlock,
  raw,
} from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { ARTICLE_20_ITEMS, staleness } from '../catalogue/service.ts';
import * as catalogueStore from '../catalogue/store.ts';
import {
  CATALOGUE_PATH,
  DOCUMENTS_PATH,
  ENTERPRISES_PATH,
  GUIDE_PATH,
  PAGE_ROUTE,
  PAGE_SIZE,
  pageOf,
  pagination,
  param,
  positiveInt,
  STATUTORY_PATH,
  sendPage,
  textToHtml,
} from './common.ts';
import { documentPath, siteOrgIds } from './documents.page.ts';
import * as portalStore from './store.ts';

type Db = Kysely<Database>;
type OrgOption = { id: number; name: string; kind: string; serves_org_id: number | null };

const HOME: Breadcrumb = { label: '首页', href: '/' };

const CN_NUMS = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];
/** 3 → （三） as items are cited in the regulation. */
export const itemLabel = (n: number) => `（${CN_NUMS[n] ?? n}）`;

function orgSelect(
  id: string,
  label: string,
  orgs: readonly OrgOption[],
  selected: number | undefined,
  allLabel?: string,
): Html {
  return html`<label for="${id}">${label}</label>
<select id="${id}" name="org">${allLabel ? html`<option value="">${allLabel}</option>` : null}${orgs.map(
    (o) => html`<option value="${o.id}"${o.id === selected ? raw(' selected') : null}>${o.name}</option>`,
  )}</select>`;
}

/**
 * The default 政府信息公开指南 of an organisation, built from its name, its disclosure office and the
 * regulation (条例第十二条: classification, arrangement, ways of obtaining information, the office).
 */
export function defaultGuide(orgName: string, officeName: string): Html {
  return html`<p class="lead">为便于公民、法人和其他组织获取${orgName}的政府信息，依照《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。</p>
<h2>一、政府信息的分类</h2>
<p>${orgName}的政府信息分为主动公开、依申请公开和不予公开三类。涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，主动公开（《条例》第十九条、第二十条）；除主动公开的以外，公民、法人或者其他组织可以申请获取（《条例》第二十七条）；依法确定为国家秘密、法律行政法规禁止公开以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开（《条例》第十四条）；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的，不得公开，但第三方同意公开或者不公开会对公共利益造成重大影响的除外（《条例》第十五条）；内部事务信息、过程性信息和行政执法案卷信息，可以不予公开（《条例》第十六条）。</p>
<h2>二、编排体系</h2>
<ul>
<li><a href="${STATUTORY_PATH}">法定主动公开内容</a>：按《条例》第二十条规定的事项分栏目公开；</li>
<li><a href="${DOCUMENTS_PATH}">政府文件</a>：规章、行政规范性文件和其他政府文件，及其政策解读；</li>
<li><a href="${CATALOGUE_PATH}">主动公开目录</a>：主动公开政府信息的索引号、名称、内容概述和生成日期；</li>
<li><a href="/gk/standards">政务公开事项标准目录</a>：按领域列明的公开事项、内容、依据、时限和渠道；<a href="/gk/targeted">定点、定向公开</a>：面向特定村（社区）或群体公开的信息；</li>
<li><a href="/gk/apply">依申请公开</a>：申请的渠道、流程和要求。</li>
</ul>
<h2>三、获取方式</h2>
<h3>（一）主动公开</h3>
<p>主动公开的政府信息通过政府公报、政府网站或者其他互联网政务媒体、新闻发布会以及报刊、广播、电视等途径公开（《条例》第二十三条），自该信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）；也可以在国家档案馆、公共图书馆、政务服务场所设置的政府信息查阅场所查阅（《条例》第二十五条）。</p>
<h3>（二）依申请公开</h3>
<p>申请人可以向${officeName}提出申请。申请应当采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由工作机构代为填写（《条例》第二十九条）。能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（《条例》第三十三条）。依申请提供政府信息不收取费用，但申请数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。</p>
<p><a href="/gk/apply/form">在线提交政府信息公开申请</a></p>
<h2>四、监督和救济</h2>
<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>
<p><a href="/gk/complaint">在线投诉、举报</a></p>
<h2>五、政府信息公开工作机构</h2>
<p>${orgName}的政府信息公开工作机构为${officeName}，负责受理政府信息公开申请和有关咨询。</p>`;
}

export async function cataloguePages(app: FastifyInstance, opts: { db: Db; siteName: string }) {
  const { db } = opts;
  // The name of the site the request is served under (an administrator may rename it while the server runs).
  const siteName = () => currentSiteName(opts.siteName);

  async function rootOrg(orgs: readonly OrgOption[]): Promise<OrgOption | undefined> {
    const government = currentPortalSite()?.government?.id;
    return (
      (government === undefined ? undefined : orgs.find((o) => o.id === government)) ??
      orgs.find((o) => o.name === siteName()) ??
      orgs.find((o) => o.kind === 'government') ??
      orgs[0]
    );
  }

  /** The organisations of the current site (its own level): the pickers offer these. */
  async function siteOrgs(): Promise<OrgOption[]> {
    const orgs = await listOrgs(db);
    const own = siteOrgIds('own');
    return own ? orgs.filter((o) => own.includes(o.id)) : orgs;
  }

  function notFound(req: FastifyRequest, reply: FastifyReply, current: string, message: string) {
    return sendPage(req, reply, {
      status: 404,
      title: '页面不存在',
      siteName: siteName(),
      current,
      path: current,
      breadcrumbs: [HOME, { label: '页面不存在' }],
      body: html`<div class="notice error" role="alert"><p><strong>${message}</strong></p></div>
<p><a href="${current}">返回</a></p>`,
    });
  }

  // 主动公开目录.
  app.get(CATALOGUE_PATH, PAGE_ROUTE, async (req, reply) => {
    const orgs = await siteOrgs();
    const orgId = positiveInt(param(req.query, 'org'));
    const year = positiveInt(param(req.query, 'year'), 9999);
    const page = pageOf(req.query);
    const r = await portalStore.catalogueDocuments(db, {
      orgId: orgId && orgs.some((o) => o.id === orgId) ? orgId : undefined,
      orgIds: siteOrgIds('own'),
      year,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const thisYear = Number(chinaToday().slice(0, 4));
    const years = Array.from({ length: 15 }, (_, i) => thisYear - i);
    const title = '政府信息主动公开目录';
    const body = html`<p class="lead">依照《中华人民共和国政府信息公开条例》第十二条，政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容。</p>
<form class="form" method="get" action="${CATALOGUE_PATH}">
<p>${orgSelect('c-org', '发布机关', orgs, orgId, '全部')}
<label for="c-year">年份</label>
<select id="c-year" name="year"><option value="">全部</option>${years.map(
      (y) => html`<option value="${y}"${y === year ? raw(' selected') : null}>${y}年</option>`,
    )}</select>
<button type="submit">筛选</button></p>
</form>
<p role="status">共${r.total}条。</p>
${
  r.rows.length === 0
    ? html`<p>没有符合条件的主动公开信息。</p>`
    : html`<table class="days"><caption>主动公开目录（第${page}页）</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">内容概述</th><th scope="col">生成日期</th></tr></thead>
<tbody>${r.rows.map(
        (d) =>
          html`<tr><td>${d.indexNumber}</td><td><a href="${documentPath(d.id)}">${d.title}</a>${d.docNumber ? html`<br><span class="muted">${d.docNumber}</span>` : null}</td><td>${d.summary ?? ''}</td><td>${formatChineseDate(d.writtenDate)}</td></tr>`,
      )}</tbody></table>`
}
${pagination(CATALOGUE_PATH, { org: orgId ? String(orgId) : '', year: year ? String(year) : '' }, page, r.total)}`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: DOCUMENTS_PATH,
      path: CATALOGUE_PATH,
      breadcrumbs: [HOME, { label: '政府文件', href: DOCUMENTS_PATH }, { label: title }],
      body,
    });
  });

  // 政府信息公开指南 (per organisation).
  app.get(GUIDE_PATH, PAGE_ROUTE, async (req, reply) => {
    const orgs = await siteOrgs();
    const asked = positiveInt(param(req.query, 'org'));
    const org = asked ? orgs.find((o) => o.id === asked) : await rootOrg(orgs);
    if (!org) return notFound(req, reply, GUIDE_PATH, '没有找到该机关的公开指南。');
    const office = orgs.find((o) => o.serves_org_id === org.id) ?? org;
    const guide = await catalogueStore.findGuide(db, org.id);
    // The site's disclosure office: its contact details from the site identity (站点信息).
    const contact = currentPortalSite()?.office;
    const title = `${org.name}政府信息公开指南`;
    const body = html`<form class="form" method="get" action="${GUIDE_PATH}">
<p>${orgSelect('g-org', '查看其他机关的公开指南', orgs, org.id)} <button type="submit">查看</button></p>
</form>
${guide ? html`${textToHtml(guide.body)}<p class="muted">更新日期：${formatChineseDate(new Date(guide.updated_at).toISOString().slice(0, 10))}</p>` : defaultGuide(org.name, office.name)}
${contact?.name === office.name ? officeBlock(contact) : null}`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: GUIDE_PATH,
      path: GUIDE_PATH,
      breadcrumbs: [HOME, { label: '公开指南' }],
      body,
    });
  });

  // 法定主动公开内容: the Art. 20 columns of an organisation with their update status.
  app.get(STATUTORY_PATH, PAGE_ROUTE, async (req, reply) => {
    const orgs = await siteOrgs();
    const asked = positiveInt(param(req.query, 'org'));
    const org = asked ? orgs.find((o) => o.id === asked) : await rootOrg(orgs);
    if (!org) return notFound(req, reply, STATUTORY_PATH, '没有找到该机关。');
    const today = chinaToday();
    const columns = await catalogueStore.listColumns(db, { orgIds: [org.id] });
    const byItem = new Map(columns.map((c) => [c.item, c]));
    const title = '法定主动公开内容';
    const body = html`<p class="lead">依照《中华人民共和国政府信息公开条例》第二十条，行政机关应当主动公开本行政机关的下列政府信息。每个栏目标明更新周期和最近更新日期。</p>
<form class="form" method="get" action="${STATUTORY_PATH}">
<p>${orgSelect('s-org', '机关', orgs, org.id)} <button type="submit">查看</button></p>
</form>
<table class="days"><caption>${org.name}法定主动公开栏目</caption>
<thead><tr><th scope="col">条例第二十条</th><th scope="col">栏目</th><th scope="col">更新周期</th><th scope="col">最近更新</th><th scope="col">更新状态</th></tr></thead>
<tbody>${ARTICLE_20_ITEMS.map((it) => {
      const c = byItem.get(it.item);
      if (!c) {
        return html`<tr><td>第${itemLabel(it.item)}项</td><td>${it.text}</td><td colspan="3">本机关尚未设置该栏目</td></tr>`;
      }
      const s = staleness(c.lastUpdated, c.updatePeriodDays, today);
      return html`<tr><td>第${itemLabel(it.item)}项</td><td><a href="${STATUTORY_PATH}/${c.id}">${c.name}</a><br><span class="muted">${it.text}</span></td><td>${c.updatePeriodDays}天</td><td>${c.lastUpdated ? formatChineseDate(c.lastUpdated) : '尚未更新'}</td><td>${
        s.stale ? html`<strong>超期未更新</strong>` : `按期更新（应于${formatChineseDate(s.dueOn)}前更新）`
      }</td></tr>`;
    })}</tbody></table>
<p>另见：<a href="/gk/standards">政务公开事项标准目录</a>、<a href="/gk/targeted">定点、定向公开</a>。</p>
<p><a href="${ENTERPRISES_PATH}">公共企事业单位信息公开</a></p>`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: STATUTORY_PATH,
      path: STATUTORY_PATH,
      breadcrumbs: [HOME, { label: title }],
      body,
    });
  });

  app.get<{ Params: { id: string } }>(`${STATUTORY_PATH}/:id`, PAGE_ROUTE, async (req, reply) => {
    const id = positiveInt(req.params.id);
    const [c] = id ? await catalogueStore.listColumns(db, { id }) : [];
    const own = siteOrgIds('own');
    if (!c || (own && !own.includes(c.orgId)))
      return notFound(req, reply, STATUTORY_PATH, '您访问的栏目不存在。');
    const page = pageOf(req.query);
    const docs = await catalogueStore.columnDocuments(db, c.id, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const item = ARTICLE_20_ITEMS.find((x) => x.item === c.item);
    const title = `${c.orgName}：${c.name}`;
    const body = html`<p class="lead">《中华人民共和国政府信息公开条例》第二十条第${itemLabel(c.item)}项：${item?.text ?? ''}。</p>
<dl class="facts"><dt>更新周期</dt><dd>${c.updatePeriodDays}天</dd><dt>最近更新</dt><dd>${c.lastUpdated ? formatChineseDate(c.lastUpdated) : '尚未更新'}</dd></dl>
${
  docs.rows.length === 0
    ? html`<p>本栏目暂无已公开的文件。</p>`
    : html`<ul>${docs.rows.map(
        (d) =>
          html`<li><a href="${documentPath(d.id)}">${d.title}</a>${d.docNumber ? html`<span class="muted">（${d.docNumber}）</span>` : null} ${formatChineseDate(d.publishedDate)}</li>`,
      )}</ul>`
}
${pagination(`${STATUTORY_PATH}/${c.id}`, {}, page, docs.total)}
<p><a href="${STATUTORY_PATH}?org=${c.orgId}">返回${c.orgName}法定主动公开内容</a></p>`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: STATUTORY_PATH,
      path: `${STATUTORY_PATH}/${c.id}`,
      breadcrumbs: [
        HOME,
        { label: '法定主动公开内容', href: `${STATUTORY_PATH}?org=${c.orgId}` },
        { label: c.name },
      ],
      body,
    });
  });

  // 公共企事业单位信息公开.
  app.get(ENTERPRISES_PATH, PAGE_ROUTE, async (req, reply) => {
    const rows = await catalogueStore.listEnterprises(db);
    const sectors: { name: string; rows: typeof rows }[] = [];
    for (const r of rows) {
      const s = sectors.find((x) => x.name === r.sector);
      if (s) s.rows.push(r);
      else sectors.push({ name: r.sector, rows: [r] });
    }
    const title = '公共企事业单位信息公开';
    const body = html`<p class="lead">教育、卫生健康、供水、供电、供气、供热、环境保护、公共交通等与人民群众利益密切相关的公共企事业单位，依照有关规定公开在提供社会公共服务过程中制作、获取的信息（《中华人民共和国政府信息公开条例》第五十五条）。以下按领域列出各单位的信息公开专栏。</p>
${
  sectors.length === 0
    ? html`<p>暂无公共企事业单位信息。</p>`
    : sectors.map(
        (s) => html`<h2>${s.name}</h2><table class="days"><caption>${s.name}领域公共企事业单位</caption>
<thead><tr><th scope="col">单位名称</th><th scope="col">主管部门</th><th scope="col">说明</th></tr></thead>
<tbody>${s.rows.map(
          (r) =>
            html`<tr><td><a href="${r.url}" rel="noopener noreferrer">${r.name}<span class="visually-hidden">（外部网站）</span></a></td><td>${r.org_name ?? ''}</td><td>${r.description}</td></tr>`,
        )}</tbody></table>`,
      )
}`;
    return sendPage(req, reply, {
      title,
      siteName: siteName(),
      current: STATUTORY_PATH,
      path: ENTERPRISES_PATH,
      breadcrumbs: [HOME, { label: '法定主动公开内容', href: STATUTORY_PATH }, { label: title }],
      body,
    });
  });
}
