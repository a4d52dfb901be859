/** .docx → paragraphs and real tables (mammoth's HTML keeps rowspan/colspan of merged cells). */
import { docxHtml, limitReason } from '../../../platform/files/extract/index.ts';
import { type SpanCell, type SpanTable, tablesToRawTable } from './grid.ts';
import { PlanParseError, type RawTable } from './model.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`${name}="(\\d+)"`).exec(attrs);
  return m ? Number(m[1]) : 1;
};

/** Split mammoth's HTML into top-level paragraphs and tables (nested tables become cell text). */
export function htmlToBlocks(html: string): { before: string[]; tables: SpanTable[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  const tables: SpanTable[] = [];
  let depth = 0;
  let text = '';
  let table: SpanTable | null = null;
  let cell: SpanCell | null = null;
  const out = () => (tables.length === 0 ? before : after);
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      const t = decodeEntities(m[4]);
      if (cell) cell.text += t;
      else text += t;
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'table') {
      if (!closing) {
        depth++;
        if (depth === 1) {
          if (text.trim() !== '') out().push(text);
          text = '';
          table = [];
        }
      } else {
        depth--;
        if (depth === 0 && table) {
          tables.push(table);
          table = null;
        }
      }
      continue;
    }
    if (depth === 1 && tag === 'tr' && !closing && table) table.push([]);
    else if (depth === 1 && (tag === 'td' || tag === 'th') && table) {
      if (!closing) {
        cell = { text: '', colspan: attr(attrs, 'colspan'), rowspan: attr(attrs, 'rowspan') };
        if (table.length === 0) table.push([]);
        table[table.length - 1]?.push(cell);
      } else {
        if (cell) cell.text = cell.text.replace(/\n+$/, '');
        cell = null;
      }
    } else if (tag === 'br' || (closing && /^(p|h[1-6]|li|tr|td|th)$/.test(tag))) {
      if (cell) cell.text += '\n';
      else if (depth === 0) {
        out().push(text);
        text = '';
      }
    }
  }
  if (text.trim() !== '') out().push(text);
  return { before, tables, after };
}

export async function readDocxTable(bytes: Uint8Array): Promise<RawTable> {
  let html: string;
  try {
    html = await docxHtml(bytes);
  } catch (err) {
    throw new PlanParseError(
      'PLAN_FILE_UNREADABLE',
      limitReason(err) ?? '无法读取该 Word 文件（.docx），文件可能已损坏或不是 .docx 格式。',
    );
  }
  const { before, tables, after } = htmlToBlocks(html);
  return tablesToRawTable(before, tables, after);
}
