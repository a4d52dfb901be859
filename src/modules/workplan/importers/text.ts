/**
 * Reading a task table from plain text as Word/WPS export it: either one cell per line behind a tab
 * (rows separated by blank lines, which page breaks and merged cells may add or remove), or one row
 * per line with tabs between cells. Both become the shared row model (`RawTable`).
 */
import {
  type ColumnKind,
  columnKinds,
  compact,
  couldBeHeaderLabel,
  headerKind,
  isHeaderRow,
} from './header.ts';
import { PlanParseError, type RawRow, type RawTable } from './model.ts';

/** CRLF → LF, BOM and `[bookmark: …]` artefacts removed; line numbering is kept. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]\n]*\]/g, '')
    .replace(/\u200b|\u200c|\u200d|\u2060|\uFEFF/g, '');
}

/** The first line of the block after the table: 抄送/印发, a signature date …印发, the next 附件. */
export const TRAILER =
  /^\s*((抄送|主送|报送|分送|印发)\s*[：:]|.*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$|附件\s*\d+\s*$|附件\s*\d+\s*[：:])/;

export const SECTION_RE = /^[一二三四五六七八九十百]+\s*[、．.，]/;
export const HEADING_RE =
  /^([（(]\s*[一二三四五六七八九十百]+\s*[）)]|\d+\s*[、．.](?!\d)|[（(]\s*\d+\s*[）)])/;

type Cell = { text: string; start: number; end: number };

function notATable(): PlanParseError {
  return new PlanParseError(
    'PLAN_NOT_A_TASK_TABLE',
    '没有找到工作任务分解表：文件中应有一张表格，表头包含“工作任务”“具体要求”“责任单位”等列（表格一般在“附件”之后）。',
  );
}

type HeaderHit = { kind: 'cells' | 'rows'; cells: string[]; start: number; end: number; leadingTab: boolean };

function findHeader(lines: readonly string[]): HeaderHit | null {
  const annex = lines.findIndex((l) => /^\s*附\s*件/.test(l));
  const scan = (from: number): HeaderHit | null => {
    for (let i = from; i < lines.length; i++) {
      const line = lines[i] as string;
      if (!line.includes('\t')) continue;
      const parts = line.split('\t');
      const nonEmpty = parts.filter((p) => compact(p) !== '');
      if (nonEmpty.length >= 2 && isHeaderRow(parts)) {
        const leadingTab = line.startsWith('\t');
        const cells = (leadingTab ? parts.slice(1) : parts).map((p) => p.trim());
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        // A label over two columns (工作任务 then an empty cell) names both, as a merged header cell of
        // .docx/.xlsx does (grid.ts): two task columns are a section column and a task column.
        for (let k = 1; k < cells.length; k++) if (cells[k] === '') cells[k] = cells[k - 1] as string;
        return { kind: 'rows', cells, start: i, end: i, leadingTab };
      }
      if (line.startsWith('\t') && nonEmpty.length === 1 && headerKind(nonEmpty[0] as string)) {
        // Consecutive one-cell lines of header words (and short unknown labels between them).
        const cells: string[] = [];
        let j = i;
        while (j < lines.length) {
          const l = lines[j] as string;
          if (!l.startsWith('\t') || l.split('\t').length !== 2) break;
          if (!headerKind(l) && !couldBeHeaderLabel(l)) break;
          cells.push(l.trim());
          j++;
        }
        while (cells.length > 0 && !headerKind(cells[cells.length - 1] as string) && !isHeaderRow(cells)) {
          cells.pop();
          j--;
        }
        if (isHeaderRow(cells)) return { kind: 'cells', cells, start: i, end: j - 1, leadingTab: true };
      }
    }
    return null;
  };
  return (annex >= 0 ? scan(annex) : null) ?? scan(0);
}

const UNIT_END =
  /(局|委|办|室|厅|部|政府|部门|单位|中心|公司|管委会|银行|支行|分局|街道|镇|乡|区|县|市|院|会|社|所|队|站|馆|处|科|组)[）)]?$/;
const DEADLINE_LIKE = /年|月|日|底|前|全年|长期|持续|定期|季度|每|常态/;

/** How well the cells of full rows fit their columns: units look like units, deadlines like dates. */
function plausibility(rows: readonly Cell[][], kinds: readonly ColumnKind[]): number {
  let score = 0;
  for (const row of rows) {
    if (row.length !== kinds.length) continue;
    row.forEach((cell, i) => {
      const t = cell.text.trim();
      if (t === '') return;
      const kind = kinds[i];
      if (kind === 'lead' || kind === 'resp') score += !t.includes('。') && UNIT_END.test(t) ? 0.5 : -0.5;
      else if (kind === 'deadline') score += t.length <= 30 && DEADLINE_LIKE.test(t) ? 0.5 : -0.5;
      else if (kind === 'req') score += t.length >= 8 ? 0.25 : -0.25;
    });
  }
  return score;
}

/** Group blank-line separated chunks of cells into rows of `width` cells. */
function groupChunks(chunks: Cell[][], width: number): { rows: Cell[][]; full: boolean[]; score: number } {
  const rows: Cell[][] = [];
  const full: boolean[] = [];
  let score = 0;
  let i = 0;
  while (i < chunks.length) {
    const chunk = chunks[i] as Cell[];
    if (chunk.length >= width) {
      // A chunk holding several rows (no blank lines between them): cut it, letting a lone
      // section cell (一、…) stand as its own row when the count says so.
      let k = 0;
      while (k < chunk.length) {
        const left = chunk.length - k;
        const first = chunk[k] as Cell;
        const next = chunk[k + 1]?.text.trim();
        const alone =
          SECTION_RE.test(first.text.trim()) &&
          ((left % width !== 0 && (left - 1) % width === 0) ||
            (next !== undefined && (SECTION_RE.test(next) || HEADING_RE.test(next))));
        if (alone) {
          rows.push([first]);
          full.push(true);
          score++;
          k++;
          continue;
        }
        const take = Math.min(width, left);
        rows.push(chunk.slice(k, k + take));
        full.push(false);
        score += take === width ? 1 : -1;
        k += take;
      }
      i++;
      continue;
    }
    const acc: Cell[] = [...chunk];
    let j = i + 1;
    while (acc.length < width && j < chunks.length && acc.length + (chunks[j] as Cell[]).length <= width) {
      acc.push(...(chunks[j] as Cell[]));
      j++;
    }
    const nonEmpty = acc.filter((c) => c.text.trim() !== '').length;
    if (acc.length === width) score++;
    else if (nonEmpty === 1 && acc.length === 1) score += 0.5;
    else score--;
    rows.push(acc);
    full.push(acc.length === 1);
    i = j;
  }
  return { rows, full, score };
}

export function readTextTable(input: string): RawTable {
  const sourceText = normaliseText(input);
  const lines = sourceText.split('\n');
  const header = findHeader(lines);
  if (!header) throw notATable();
  let end = lines.length;
  for (let i = header.end + 1; i < lines.length; i++) {
    if (TRAILER.test(lines[i] as string)) {
      end = i;
      break;
    }
  }
  const warnings: string[] = [];
  const headerCompact = header.cells.map(compact);
  const isRepeat = (cells: readonly string[]) =>
    isHeaderRow(cells) &&
    cells.filter((c) => compact(c) !== '').every((c) => headerCompact.includes(compact(c)));
  const H = header.cells.length;
  let rows: RawRow[] = [];

  if (header.kind === 'cells') {
    const chunks: Cell[][] = [];
    let current: Cell[] | null = null;
    let last: Cell | null = null;
    for (let i = header.end + 1; i < end; i++) {
      const line = lines[i] as string;
      if (!line.includes('\t') && line.trim() === '') {
        current = null;
        continue;
      }
      if (line.startsWith('\t')) {
        if (!current) {
          current = [];
          chunks.push(current);
        }
        for (const part of line.slice(1).split('\t')) {
          last = { text: part, start: i + 1, end: i + 1 };
          current.push(last);
        }
      } else if (last) {
        last.text += `\n${line}`;
        last.end = i + 1;
      } else {
        warnings.push(`表头之后、第一个单元格之前有不属于表格的文字（第${i + 1}行）：${line.trim()}`);
      }
    }
    // Repeated header rows (page breaks) are cut out wherever they stand, splitting the chunk.
    const dataChunks: Cell[][] = [];
    for (const chunk of chunks) {
      let part: Cell[] = [];
      for (let k = 0; k < chunk.length; k++) {
        if (k + H <= chunk.length && isRepeat(chunk.slice(k, k + H).map((c) => c.text))) {
          if (part.length) dataChunks.push(part);
          part = [];
          k += H - 1;
          continue;
        }
        part.push(chunk[k] as Cell);
      }
      if (part.length) dataChunks.push(part);
    }
    // The header may be one cell narrower than the rows (工作任务 over two columns): try both
    // widths and keep the one whose rows line up and whose columns hold what their header says.
    const candidates = [H, H + 1].map((w) => {
      const g = groupChunks(dataChunks, w);
      return { w, g, score: g.score + plausibility(g.rows, columnKinds(header.cells, w)) };
    });
    const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
    rows = best.g.rows.map((cells, k) => ({
      cells: cells.map((c) => c.text),
      lines: [cells[0]?.start ?? 0, cells[cells.length - 1]?.end ?? 0] as [number, number],
      fullWidth: best.g.full[k] === true,
    }));
  } else {
    // One row per line, tabs between cells.
    const lineRows: Array<{ cells: string[]; line: number }> = [];
    for (let i = header.end + 1; i < end; i++) {
      const raw = lines[i] as string;
      if (raw.trim() === '') continue;
      const line = header.leadingTab && raw.startsWith('\t') ? raw.slice(1) : raw;
      lineRows.push({ cells: line.includes('\t') ? line.split('\t') : [line], line: i + 1 });
    }
    const counts = new Map<number, number>();
    for (const r of lineRows)
      if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let width = H;
    let bestCount = 0;
    for (const [w, n] of counts) if (w >= H && n > bestCount) [width, bestCount] = [w, n];
    let acc: RawRow | null = null;
    const flush = () => {
      if (acc) rows.push(acc);
      acc = null;
    };
    for (const r of lineRows) {
      if (r.cells.length === 1) {
        const text = r.cells[0] as string;
        const looksLikeHeading = SECTION_RE.test(text.trim()) || HEADING_RE.test(text.trim());
        const open = acc as RawRow | null;
        if (open && open.cells.length < width) {
          open.cells[open.cells.length - 1] += `\n${text}`;
          open.lines[1] = r.line;
        } else if (looksLikeHeading || (rows.length === 0 && !open)) {
          flush();
          rows.push({ cells: [text], lines: [r.line, r.line], fullWidth: true });
        } else {
          const target = open ?? (rows[rows.length - 1] as RawRow);
          target.cells[target.cells.length - 1] += `\n${text}`;
          target.lines[1] = r.line;
        }
        continue;
      }
      const open = acc as RawRow | null;
      if (open && open.cells.length < width && open.cells.length + r.cells.length - 1 <= width) {
        open.cells[open.cells.length - 1] += `\n${r.cells[0]}`;
        open.cells.push(...r.cells.slice(1));
        open.lines[1] = r.line;
      } else {
        flush();
        acc = { cells: [...r.cells], lines: [r.line, r.line] };
      }
      const now = acc as RawRow | null;
      if (now && now.cells.length >= width) flush();
    }
    flush();
    rows = rows.filter((r) => !isRepeat(r.cells));
  }

  return {
    headerCells: header.cells,
    headerLines: [header.start + 1, header.end + 1],
    rows,
    noticeLines: lines.slice(0, header.start),
    trailerLines: lines.slice(end),
    sourceText,
    warnings,
  };
}
