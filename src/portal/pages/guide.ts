import { type Html, html } from '../html.ts';
import { portalNav } from '../layout.ts';

/** Contact details of the 政府信息公开工作机构, supplied by the office. Only given fields are shown. */
export interface OfficeInfo {
  readonly name?: string;
  readonly address?: string;
  readonly hours?: string;
  readonly phone?: string;
  readonly fax?: string;
  readonly email?: string;
}

export const GUIDE_TITLE = '政府信息公开指南';

function telHref(phone: string): string | null {
  const digits = phone.replace(/[\s()（）-]/g, '');
  return /^\+?\d{3,20}$/.test(digits) ? `tel:${digits}` : null;
}

/** The office's contact details as a list (only the given fields), or a note that they are pending. */
export function officeBlock(office: OfficeInfo | undefined): Html {
  const rows: Html[] = [];
  const text = (label: string, value: string | undefined) => {
    const v = value?.trim();
    if (v) rows.push(html`<dt>${label}</dt><dd>${v}</dd>`);
  };
  text('机构名称', office?.name);
  text('办公地址', office?.address);
  text('办公时间', office?.hours);
  const phone = office?.phone?.trim();
  if (phone) {
    const tel = telHref(phone);
    rows.push(html`<dt>联系电话</dt><dd>${tel ? html`<a href="${tel}">${phone}</a>` : phone}</dd>`);
  }
  text('传真号码', office?.fax);
  const email = office?.email?.trim();
  if (email) rows.push(html`<dt>电子邮箱</dt><dd><a href="${`mailto:${email}`}">${email}</a></dd>`);
  if (rows.length === 0) {
    return html`<div class="notice"><p>政府信息公开工作机构的名称、办公地址、办公时间和联系电话正在确认，将由工作机构核定后发布。</p></div>`;
  }
  return html`<dl class="contact">${rows}</dl>`;
}

/**
 * Body of the 公开指南 page. The structure follows Art. 12 of the 政府信息公开条例 (2019 revision):
 * classification, arrangement, ways of obtaining information, and the office's contact details.
 */
export function guideBody(siteName: string, office: OfficeInfo | undefined): Html {
  const sections = portalNav
    .filter((item) => item.href !== '/')
    .map((item) => html`<li><a href="${item.href}">${item.label}</a>：${item.description}</li>`);
  return html`<p class="lead">为便于公民、法人和其他组织获取${siteName}的政府信息，依照《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，本指南介绍政府信息的分类、编排体系、获取方式和政府信息公开工作机构的联系方式。</p>

<h2>一、政府信息的分类</h2>
<p>政府信息是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息（《条例》第二条）。政府信息公开坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则（《条例》第五条）。</p>
<ul>
<li><strong>主动公开：</strong>涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，由行政机关主动公开（《条例》第十九条）；应当主动公开的具体内容见《条例》第二十条、第二十一条。</li>
<li><strong>依申请公开：</strong>除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《条例》第二十七条）。</li>
<li><strong>不予公开：</strong>依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开（《条例》第十四条）；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，不得公开，但第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的除外（《条例》第十五条）；行政机关的内部事务信息，以及过程性信息和行政执法案卷信息，可以不予公开（《条例》第十六条）。</li>
</ul>

<h2>二、编排体系</h2>
<p>本网站“政府信息公开”栏目设有以下子栏目：</p>
<ul>
${sections}
</ul>

<h2>三、获取方式</h2>
<h3>（一）主动公开</h3>
<p>主动公开的政府信息通过政府公报、政府网站或者其他互联网政务媒体、新闻发布会以及报刊、广播、电视等途径公开（《条例》第二十三条），并可在国家档案馆、公共图书馆、政务服务场所设置的政府信息查阅场所查阅（《条例》第二十五条）。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内公开（《条例》第二十六条）。</p>
<h3>（二）依申请公开</h3>
<ol>
<li><strong>提出申请：</strong>向行政机关的政府信息公开工作机构提出，采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由受理申请的政府信息公开工作机构代为填写政府信息公开申请（《条例》第二十九条）。</li>
<li><strong>申请内容：</strong>申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。</li>
<li><strong>答复期限：</strong>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（《条例》第三十三条）。</li>
<li><strong>费用：</strong>依申请提供政府信息，不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费（《条例》第四十二条）。</li>
</ol>
<p>网上申请渠道将在“<a href="/gk/apply">依申请公开</a>”栏目上线后提供。</p>

<h2>四、监督和救济</h2>
<p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>

<h2>五、政府信息公开工作机构</h2>
${officeBlock(office)}`;
}
