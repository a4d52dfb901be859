/**
 * Tables in plain text (bodies read from .txt or .pdf files, or the source documents): recognised
 * where their layout is, so that a document page shows a task table as a table, not one paragraph per
 * cell. Two layouts are recognised:
 * - tab-separated rows: two or more consecutive lines with the same number (≥ 2) of tab-separated cells;
 * - one cell per line (Word/WPS text exports): every cell starts with a tab, a line without a tab goes
 *   on with the cell above, a blank line ends a row. The first row of ≥ 2 cells is the header; a row with
 *   one cell (a section heading such as “一、…”) spans the table.
 * Anything else stays paragraphs. The first row is the header. Pure: no I/O.
 */

export type TextBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

const cellsOf = (line: string) => line.split('\t').map((c) => c.trim());

/** The blocks of `text`: paragraphs (one a non-empty line) and recognised tables. */
export function textBlocks(text: string): TextBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: TextBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.startsWith('\t')) {
      const t = cellBlockTable(lines, i);
      if (t) {
        out.push(t.table);
        i = t.next;
        continue;
      }
    }
    if (line.includes('\t') && !line.startsWith('\t')) {
      const t = tabTable(lines, i);
      if (t) {
        out.push(t.table);
        i = t.next;
        continue;
      }
    }
    const p = line.replace(/\t/g, ' ').trim();
    if (p !== '') out.push({ kind: 'paragraph', text: p });
    i++;
  }
  return out;
}

function tabTable(lines: string[], start: number) {
  const n = cellsOf(lines[start] as string).length;
  if (n < 2) return null;
  let j = start;
  const rows: string[][] = [];
  while (
    j < lines.length &&
    !(lines[j] as string).startsWith('\t') &&
    cellsOf(lines[j] as string).length === n
  ) {
    rows.push(cellsOf(lines[j] as string));
    j++;
  }
  if (rows.length < 2) return null;
  return { table: { kind: 'table' as const, header: rows[0] as string[], rows: rows.slice(1) }, next: j };
}

function cellBlockTable(lines: string[], start: number) {
  const rows: string[][] = [];
  let j = start;
  const at = (k: number) => lines[k] as string;
  const blank = (k: number) => !at(k).startsWith('\t') && at(k).trim() === '';
  while (j < lines.length && at(j).startsWith('\t')) {
    // One row: from a tab-led line to the next blank line; a line without a tab goes on with its cell.
    const cells: string[] = [];
    for (; j < lines.length && !blank(j); j++) {
      if (at(j).startsWith('\t')) cells.push(at(j).trim());
      else cells[cells.length - 1] = `${cells[cells.length - 1]}\n${at(j).trim()}`;
    }
    rows.push(cells);
    while (j < lines.length && blank(j)) j++;
  }
  const header = rows[0];
  if (!header || header.length < 2 || rows.length < 2) return null;
  const n = header.length;
  // Rows wider than the header: the extra cells belong to the last column.
  const body = rows
    .slice(1)
    .map((r) => (r.length > n ? [...r.slice(0, n - 1), r.slice(n - 1).join('\n')] : r));
  return { table: { kind: 'table' as const, header, rows: body }, next: j };
}
