import { portalCss } from '../assets.ts';
import { type Html, html } from '../html.ts';

export const NOT_FOUND_TITLE = '页面未找到';

/** Body of the 404 page (rendered inside the portal layout). */
export function notFoundBody(): Html {
  return html`<p class="lead">抱歉，您访问的页面不存在或已被移除。</p>
<p>请检查网址是否正确，或者：</p>
<ul>
<li><a href="/">返回政府信息公开首页</a></li>
<li><a href="/gk/guide">查阅政府信息公开指南</a></li>
</ul>`;
}

/**
 * A self-contained error page. Deliberately minimal: it does not depend on any state that may be the
 * cause of the error.
 */
function plainErrorDocument(heading: string, body: Html, siteName: string | undefined): string {
  const title = siteName ? `${heading} - ${siteName}` : heading;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${portalCss.href}">
</head>
<body>
<main id="main">
<div class="container">
<h1>${heading}</h1>
${body}
<p><a href="/">返回首页</a></p>
</div>
</main>
</body>
</html>
`.value;
}

/** The 500 page. */
export function serverErrorDocument(siteName: string | undefined): string {
  return plainErrorDocument(
    '服务器错误',
    html`<p class="lead">抱歉，服务器暂时无法处理您的请求，请稍后再试。</p>`,
    siteName,
  );
}

/** The 431 page: the request's headers (nearly always its cookies) are larger than the server takes. */
export function headersTooLargeDocument(siteName: string | undefined): string {
  return plainErrorDocument(
    '请求信息过大',
    html`<p class="lead">您的浏览器发送的请求信息过大，服务器无法处理。</p>
<p>这通常是因为浏览器为本网站保存的 Cookie 过多或过大。请在浏览器设置中清除本网站的 Cookie（或使用浏览器的无痕窗口）后重新打开本页面。</p>`,
    siteName,
  );
}
