/**
 * Real tables (.docx, .xlsx) → the shared row model. Cells arrive with their spans; the grid is
 * expanded (a vertically merged cell leaves blanks below it, which the interpreter carries down),
 * the header row is found, and the table is rendered as text in the same layout as a Word text
 * export so that the preview can show rows against their source lines.
 */
import { headerKind, isHeaderRow } from './header.ts';
import { PlanParseError, type RawRow, type RawTable } from './model.ts';

export type SpanCell = { text: string; colspan: number; rowspan: number };
export type SpanTable = SpanCell[][];

/** Expand spans: the text stays in the top-left position; header rows repeat it across columns. */
export function expandSpans(
  table: SpanTable,
): { cells: string[]; fullWidth: boolean; spans: number[]; continued: boolean[] }[] {
  const grid: Array<Array<string | undefined>> = [];
  const spanOf: number[][] = [];
  const below: boolean[][] = [];
  table.forEach((row, r) => {
    grid[r] ??= [];
    spanOf[r] ??= [];
    below[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while ((grid[r] as Array<string | undefined>)[c] !== undefined) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowspan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colspan); dc++) {
          grid[r + dr] ??= [];
          spanOf[r + dr] ??= [];
          below[r + dr] ??= [];
          (below[r + dr] as boolean[])[c + dc] = dr > 0;
          (grid[r + dr] as Array<string | undefined>)[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
          (spanOf[r + dr] as number[])[c + dc] = dr === 0 && dc === 0 ? Math.max(1, cell.colspan) : 0;
        }
      }
      c += Math.max(1, cell.colspan);
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g, r) => {
    const cells = Array.from({ length: width }, (_, i) => g[i] ?? '');
    const spans = Array.from({ length: width }, (_, i) => (spanOf[r] as number[] | undefined)?.[i] ?? 1);
    const fullWidth = width > 1 && spans[0] === width;
    const continued = Array.from({ length: width }, (_, i) => below[r]?.[i] === true);
    return { cells, fullWidth, spans, continued };
  });
}

/** Header cells with a horizontally merged header word repeated over the columns it spans. */
function headerCells(row: { cells: string[]; spans: number[] }): string[] {
  const out = [...row.cells];
  for (let i = 0; i < out.length; i++) {
    const span = row.spans[i] ?? 1;
    for (let k = 1; k < span; k++) out[i + k] = out[i] as string;
  }
  return out;
}

/**
 * Build a RawTable from the paragraphs before the tables, the tables, and the paragraphs after.
 * The first table with a header row is the task table; later tables of the same width continue it
 * (a table split by the author across pages).
 */
export function tablesToRawTable(before: string[], tables: SpanTable[], after: string[]): RawTable {
  const expanded = tables.map(expandSpans);
  let first = -1;
  let headerAt = -1;
  for (let t = 0; t < expanded.length && first < 0; t++) {
    const rows = expanded[t] as ReturnType<typeof expandSpans>;
    for (let r = 0; r < Math.min(rows.length, 6); r++) {
      if (isHeaderRow((rows[r] as { cells: string[] }).cells)) {
        first = t;
        headerAt = r;
        break;
      }
    }
  }
  if (first < 0) {
    throw new PlanParseError(
      'PLAN_NOT_A_TASK_TABLE',
      '没有找到工作任务分解表：文件中的表格都没有“工作任务”“具体要求”“责任单位”等表头。',
    );
  }
  const firstRows = expanded[first] as ReturnType<typeof expandSpans>;
  const width = (firstRows[0]?.cells.length ?? 0) as number;
  const lines: string[] = [];
  const push = (s: string) => {
    lines.push(...s.split('\n'));
    return lines.length;
  };
  // Paragraphs before the table, including text between earlier tables, are the notice.
  const noticeLines = [...before];
  for (let t = 0; t < first; t++)
    for (const row of expanded[t] as ReturnType<typeof expandSpans>)
      noticeLines.push(row.cells.filter((c) => c.trim() !== '').join('\t'));
  for (let r = 0; r < headerAt; r++)
    noticeLines.push(firstRows[r]?.cells.filter((c) => c !== '').join(' ') ?? '');
  for (const l of noticeLines) push(l);
  const header = firstRows[headerAt] as { cells: string[]; spans: number[] };
  const hCells = headerCells(header);
  // A second header row under a merged one (责任单位 over 牵头单位 | 配合单位) names those columns.
  const sub = firstRows[headerAt + 1];
  let bodyStart = headerAt + 1;
  if (sub) {
    const words = sub.cells.filter((c) => c.trim() !== '');
    if (words.length > 0 && words.every((c) => headerKind(c) !== null)) {
      sub.cells.forEach((c, i) => {
        if (c.trim() !== '') hCells[i] = c;
      });
      bodyStart++;
    }
  }
  const headerStart = lines.length + 1;
  for (const c of hCells) push(`\t${c}`);
  const headerEnd = lines.length;
  push('');
  const rows: RawRow[] = [];
  const trailing: string[] = [];
  const emit = (bodyRows: ReturnType<typeof expandSpans>) => {
    for (const row of bodyRows) {
      const start = lines.length + 1;
      const cells = row.fullWidth ? [row.cells[0] as string] : row.cells;
      const continued = row.fullWidth ? [false] : row.continued;
      for (const c of cells) push(`\t${c}`);
      rows.push({ cells, lines: [start, lines.length], fullWidth: row.fullWidth, continued });
      push('');
    }
  };
  emit(firstRows.slice(bodyStart));
  for (let t = first + 1; t < expanded.length; t++) {
    const more = expanded[t] as ReturnType<typeof expandSpans>;
    if ((more[0]?.cells.length ?? 0) === width) emit(more);
    else for (const row of more) trailing.push(row.cells.filter((c) => c.trim() !== '').join('\t'));
  }
  const trailerLines = [...trailing, ...after];
  for (const l of trailerLines) push(l);
  return {
    headerCells: hCells,
    headerLines: [headerStart, headerEnd],
    rows,
    noticeLines,
    trailerLines,
    sourceText: lines.join('\n'),
    warnings: [],
  };
}
