/**
 * Paging of long public lists: a page number from the query and previous/next links that work without
 * JavaScript (plain links keeping the other query parameters). Deep pages are not served: their offsets
 * cost the database and serve no reader.
 */
import { type Html, html } from './html.ts';

export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

/** The page asked for in `query[name]` (1 when absent or not a positive number), at most `MAX_PAGE`. */
export function pageOf(query: unknown, name = 'page'): number {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const v = Array.isArray(q[name]) ? (q[name] as unknown[])[0] : q[name];
  const n = typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v.trim()) ? Number(v.trim()) : 1;
  return Math.min(n, MAX_PAGE);
}

/**
 * Previous/next page links that keep the other query parameters; with the range shown. `name` is the
 * page's query parameter (two paged lists on one page each have their own); `fragment` brings the reader
 * back to the list.
 */
export function pagination(
  basePath: string,
  params: Record<string, string>,
  page: number,
  total: number,
  size = PAGE_SIZE,
  options: { name?: string; fragment?: string; label?: string } = {},
): Html | null {
  const name = options.name ?? 'page';
  const pages = Math.min(Math.max(1, Math.ceil(total / size)), MAX_PAGE);
  if (pages <= 1) return null;
  const link = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== '' && k !== name) qs.set(k, v);
    if (p > 1) qs.set(name, String(p));
    const s = qs.toString();
    return `${s ? `${basePath}?${s}` : basePath}${options.fragment ? `#${options.fragment}` : ''}`;
  };
  return html`<nav class="pagination" aria-label="${options.label ?? '分页'}"><p>
${page > 1 ? html`<a href="${link(1)}">首页</a> <a href="${link(page - 1)}" rel="prev">上一页</a> ` : null}
<span>第${page}页，共${pages}页</span>
${page < pages ? html` <a href="${link(page + 1)}" rel="next">下一页</a> <a href="${link(pages)}">末页</a>` : null}
</p></nav>`;
}
