/**
 * Cleans HTML pasted from Word or WPS before the body editor reads it: Office's conditional comments,
 * `<style>`/`<xml>` blocks, namespaced tags (`<o:p>`, `<v:shape>`, `<w:...>`), `class`/`lang`
 * attributes, spans and fonts (their text kept) and every inline style but alignment and first-line
 * indent (`mso-*` included) are dropped. The editor's schema then keeps only the formatting it knows;
 * the server sanitises again on saving. Pure string work, so it runs (and is tested) without a DOM.
 */

/** Inline style properties worth keeping from a pasted document. */
const KEPT_STYLES = new Set(['text-align', 'text-indent']);

/** The style declarations of `style` that are kept, joined again; '' when none is. */
export function keptStyle(style: string): string {
  return style
    .split(';')
    .map((decl) => {
      const colon = decl.indexOf(':');
      if (colon < 0) return '';
      const prop = decl.slice(0, colon).trim().toLowerCase();
      const value = decl.slice(colon + 1).trim();
      return KEPT_STYLES.has(prop) && value ? `${prop}: ${value}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/** An attribute in a start tag: name=value with double, single or no quotes, or a bare name. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function cleanAttributes(attrs: string): string {
  let out = '';
  for (const m of attrs.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (name === 'style') {
      const style = keptStyle(value);
      if (style) out += ` style="${style}"`;
    } else if (['href', 'colspan', 'rowspan', 'scope', 'title'].includes(name)) {
      out += ` ${name}="${value.replace(/"/g, '&quot;')}"`;
    }
    // Everything else (class, lang, width, valign, border, mso attributes…) is Office layout.
  }
  return out;
}

export function cleanPastedHtml(html: string): string {
  return (
    html
      // Office's conditional comments, then any other comment (StartFragment markers included).
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Blocks whose content is not text of the document.
      .replace(/<(style|xml|script|title|head)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(meta|link)\b[^>]*>/gi, '')
      // Namespaced Office tags (<o:p>, <v:shape>, <w:sdt>…): the tags go, any text stays.
      .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, '')
      // Spans and fonts carry only Office's character styles: the tags go, the text stays.
      .replace(/<\/?(span|font)\b[^>]*>/gi, '')
      // The remaining tags keep only the attributes that mean something in a document body.
      .replace(
        /<([a-z][a-z0-9]*)(\s[^>]*?)?(\/?)>/gi,
        (_all, tag: string, attrs: string | undefined, slash: string) => {
          return `<${tag.toLowerCase()}${attrs ? cleanAttributes(attrs) : ''}${slash}>`;
        },
      )
  );
}
