import { type Html, html } from '../html.ts';
import type { NavItem } from '../layout.ts';

export const PENDING_TEXT = '本栏目内容正在整理，将于相关功能上线后发布。';

/** Body of a section whose content is not available yet: says so plainly, never shows made-up content. */
export function pendingSectionBody(item: NavItem): Html {
  return html`<p class="lead">${item.description}</p>
<div class="notice">
<p>${PENDING_TEXT}</p>
</div>
<p>了解政府信息的获取方式，请查阅<a href="/gk/guide">政府信息公开指南</a>。</p>`;
}
