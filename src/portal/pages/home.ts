import { type Html, html } from '../html.ts';
import { portalNav } from '../layout.ts';

export const HOME_TITLE = '政府信息公开';

/** Body of the portal home page: the 政府信息公开 column introduction and its sections. */
export function homeBody(siteName: string): Html {
  const sections = portalNav
    .filter((item) => item.href !== '/')
    .map(
      (item) => html`<li><a href="${item.href}"><span class="section-title">${item.label}</span>
<span class="section-desc">${item.description}</span></a></li>`,
    );
  return html`<p class="lead">本栏目依照《中华人民共和国政府信息公开条例》，集中发布${siteName}的政府信息公开指南、公开制度、法定主动公开内容、政府文件和政府信息公开工作年度报告，并提供依申请公开的办理渠道。</p>
<p>政府信息以公开为常态、不公开为例外。您可以从下列子栏目查找所需信息；未能找到的，可以依照公开指南申请获取。</p>
<h2>栏目导航</h2>
<ul class="section-list">
${sections}
</ul>`;
}
