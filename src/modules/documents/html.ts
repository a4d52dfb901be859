/** Rich-text bodies: sanitised to a formatting subset; plain text derived for search and snippets. */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'pre',
    'code',
    'span',
    'div',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    p: ['style'],
    div: ['style'],
    span: ['style'],
  },
  allowedStyles: {
    '*': { 'text-align': [/^(left|right|center|justify)$/], 'text-indent': [/^\d+(\.\d+)?(em|px)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html ?? '', OPTIONS).trim();
}

/** Plain text of (sanitised) HTML: block ends become line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const withBreaks = (html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    // A table cell per line and a blank line after each row: the layout of Word text exports, which
    // the policy Q&A reads task tables from.
    .replace(/<\/p>\s*<\/(td|th)>/gi, '</$1>')
    .replace(/<\/(td|th)>/gi, '\n')
    .replace(/<\/tr>/gi, '\n\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|pre|table)>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
