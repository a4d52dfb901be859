import type { FastifyInstance } from 'fastify';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { html, renderPageVariants, sendPageVariants } from '../../../portal/plugin.ts';
import { APPLY_PATH } from './column.ts';
import { DEADLINE_PATH } from './deadline.page.ts';
import { FORM_PATH } from './form.page.ts';
import { TRACK_PATH } from './track.page.ts';

export { APPLY_PATH };

/** 依申请公开 column: what an application must contain (Art. 29) and how it is answered (Art. 33). */
const body = html`<h2>申请须知</h2>
<p>公民、法人或者其他组织可以向行政机关申请获取相关政府信息。申请应当采用书面形式（包括信件、数据电文）；采用书面形式确有困难的，可以口头提出，由政府信息公开工作机构代为填写申请。</p>
<p>申请应当包括下列内容（《中华人民共和国政府信息公开条例》第二十九条）：</p>
<ol>
<li>申请人的姓名或者名称、身份证明、联系方式；</li>
<li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
<li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
</ol>
<h2>答复期限</h2>
<p>行政机关收到申请，能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（条例第三十三条）。</p>
<p><a class="button-link" href="${DEADLINE_PATH}">答复期限计算：输入收到申请的日期，查看答复期限和逐日计算方法</a></p>
<h2>在线申请</h2>
<div class="notice">
<p>您可以通过本平台在线提交政府信息公开申请。提交后页面会显示跟踪码和查询密码，凭此可以随时查询办理进度。</p>
<p><a class="button-link" href="${FORM_PATH}">在线填写申请表</a></p>
<p><a href="${TRACK_PATH}">已提交申请？查询办理进度</a></p>
</div>
<h2>投诉举报</h2>
<p>认为行政机关在政府信息公开工作中侵犯您的合法权益的，可以<a href="/gk/complaint">在线投诉、举报</a>，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>`;

export async function applyPage(app: FastifyInstance, opts: { siteName: string }) {
  const page = renderPageVariants({
    title: '依申请公开',
    siteName: opts.siteName,
    current: APPLY_PATH,
    body,
  });
  app.get(APPLY_PATH, { schema: { response: { 200: htmlPage } } }, async (req, reply) =>
    sendPageVariants(req, reply, page),
  );
}
