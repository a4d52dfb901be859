/**
 * The shared table interpreter: header columns, section and heading rows, merged (blank) cells
 * carried down, units split, deadlines normalised — the same for text, .docx and .xlsx input.
 *
 * A blank 完成时限 continues the one above only where the source merged the cell: within a merge when
 * the reader knows merges (.docx, .xlsx), else within the same task (no new 序号 or 工作任务 since); a
 * new task's blank deadline is not another task's, and is reported as 未填写完成时限.
 */
import { normaliseDeadline, suggestDue } from '../domain/deadlines.ts';
import { splitUnits } from '../domain/units-split.ts';
import { type ColumnKind, columnLayout, compact as compactText, isHeaderRow } from './header.ts';
import type { ParsedTask, RawTable } from './model.ts';
import { HEADING_RE, SECTION_RE } from './text.ts';

/** Cell text: lines trimmed, empty lines dropped, line breaks kept. */
function clean(cell: string): string {
  return cell
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

/** Requirement / task text: a line break inside a cell is only layout, so lines are joined. */
function joinLines(text: string): string {
  return text.replace(/\n/g, '');
}

const SHORT = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

export function interpretTable(
  table: RawTable,
  docYear: number | null,
): { tasks: ParsedTask[]; warnings: string[] } {
  const warnings = [...table.warnings];
  // The table width is the most common row length (a stray longer row must not shift the columns).
  const lengths = new Map<number, number>();
  for (const r of table.rows)
    if (!r.fullWidth && r.cells.length > 1)
      lengths.set(r.cells.length, (lengths.get(r.cells.length) ?? 0) + 1);
  let width = table.headerCells.length;
  let widthRows = 0;
  for (const [w, n] of lengths)
    if (w >= table.headerCells.length && n > widthRows) [width, widthRows] = [w, n];
  const { kinds, labels } = columnLayout(table.headerCells, width);
  const has = (k: ColumnKind) => kinds.includes(k);
  const headerSet = new Set(table.headerCells.map(compactText));
  const tasks: ParsedTask[] = [];

  let section: string | null = null;
  let task: string | null = null;
  let lead: string | null = null;
  let resp: string | null = null;
  let deadline: string | null = null;
  /** A task began since the last task row (a heading, a 工作任务 cell): text input's deadline boundary. */
  let taskBegun = false;
  let lastSeq: string | null = null;
  let lastRowWasSection = false;
  /** Headings that have not (yet) received a task, to be reported if none follows. */
  const pendingHeadings = new Map<string, number>();

  const check = (source: string, produced: string, line: number) => {
    const a = source.replace(IGNORE, '');
    const b = produced.replace(IGNORE, '');
    // Fast path: the produced fields hold the row's text verbatim, in the same order.
    const lost = a === b ? '' : lostChars(a, b);
    if (lost !== '') warnings.push(`第${line}行有文字未能归入任何字段，请核对：${lost}`);
  };
  const setSection = (text: string, line: number) => {
    section = text;
    task = null;
    lead = null;
    resp = null;
    deadline = null;
    pendingHeadings.set(text, line);
  };
  const setTask = (text: string, line: number) => {
    task = text;
    taskBegun = true;
    pendingHeadings.set(text, line);
  };

  for (const row of table.rows) {
    const cells = row.cells.map(clean);
    const line = row.lines[0];
    const nonEmpty = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
    if (nonEmpty.length === 0) continue;
    if (isHeaderRow(cells) && nonEmpty.every(([c]) => headerSet.has(compactText(c)))) continue;

    // A lone cell that is a numbered section title, or a non-number in the 序号 column, stands for
    // a row spanning the table even when the export kept the empty cells beside it.
    const single = nonEmpty.length === 1 ? (nonEmpty[0] as readonly [string, number]) : null;
    const spanning =
      single !== null &&
      (kinds[single[1]] === 'seq'
        ? !/^\d+[.、]?$/.test(single[0])
        : kinds[single[1]] !== 'req' && SECTION_RE.test(single[0]));
    if (row.fullWidth || cells.length === 1 || spanning) {
      const text = joinLines(nonEmpty.map(([c]) => c).join('\n'));
      check(cells.join(''), text, line);
      if (SECTION_RE.test(text)) {
        setSection(text, line);
        lastRowWasSection = true;
      } else if (HEADING_RE.test(text) || lastRowWasSection) {
        setTask(text, line);
        lastRowWasSection = false;
      } else {
        setSection(text, line);
        lastRowWasSection = true;
      }
      continue;
    }
    lastRowWasSection = false;

    const get = (k: ColumnKind) =>
      cells
        .map((c, i) => (kinds[i] === k ? c : ''))
        .filter((c) => c !== '')
        .join('\n');
    const sectionCell = joinLines(get('section'));
    const taskCell = joinLines(get('task'));
    const leadCell = get('lead');
    const respCell = get('resp');
    const reqCell = get('req');
    const deadlineCell = get('deadline');
    const seqCell = get('seq');
    const noteCell = get('note');

    if (sectionCell !== '' && sectionCell !== section) setSection(sectionCell, line);
    if (taskCell !== '') setTask(taskCell, line);

    // A row holding only headings (no requirement, units or deadline) introduces the tasks below.
    const hasContent =
      reqCell !== '' || leadCell !== '' || respCell !== '' || deadlineCell !== '' || noteCell !== '';
    if (!hasContent) {
      if (seqCell !== '' && !/^\d+[.、]?$/.test(seqCell))
        warnings.push(`第${line}行序号“${seqCell}”不是数字，已忽略：${seqCell}`);
      check(cells.join(''), sectionCell + taskCell + seqCell, line);
      continue;
    }

    if (leadCell !== '') lead = leadCell;
    if (respCell !== '') resp = respCell;
    const seqNumber = /^\d+[.、]?$/.test(seqCell) ? seqCell.replace(/[.、]$/, '') : null;
    // Without a 序号 or 工作任务 column every row is a task of its own.
    const newTask =
      taskBegun || (seqNumber !== null && seqNumber !== lastSeq) || (!has('seq') && !has('task'));
    if (seqNumber !== null) lastSeq = seqNumber;
    taskBegun = false;
    if (deadlineCell !== '') deadline = deadlineCell;
    else if (!continuesDeadline(row.continued, kinds, newTask)) deadline = null;

    const seq = tasks.length + 1;
    if (seqCell !== '' && !/^\d+[.、]?$/.test(seqCell))
      warnings.push(`第${seq}项（第${line}行）序号不是数字，已忽略：${seqCell}`);
    cells.forEach((c, i) => {
      if (kinds[i] === 'note' && c !== '') {
        const label = labels[i] || '其他';
        warnings.push(`第${seq}项（第${line}行）“${label}”列：${joinLines(c)}`);
      }
    });
    if (reqCell === '') warnings.push(`第${seq}项（第${line}行）没有具体要求，请核对。`);
    if (cells.length < width)
      warnings.push(
        `第${seq}项（第${line}行）只有${cells.length}个单元格（表格有${width}列），请核对各列是否对应正确。`,
      );

    const requirement = joinLines(reqCell);
    const deadlineRaw = has('deadline') ? (deadline === null ? null : joinLines(deadline)) : null;
    const normalised =
      deadlineRaw === null ? { due: null, recurring: false } : normaliseDeadline(deadlineRaw, docYear);
    if (has('deadline') && deadlineRaw !== null && normalised.due === null && !normalised.recurring)
      warnings.push(`第${seq}项完成时限“${deadlineRaw}”无法识别为日期，请手工填写。`);
    if (has('deadline') && deadlineRaw === null)
      warnings.push(`第${seq}项（第${line}行）未填写完成时限，请补充。`);
    const currentTask = task as string | null;
    if (currentTask === null && has('task'))
      warnings.push(`第${seq}项（第${line}行）没有工作任务名称，请核对。`);
    const parsed: ParsedTask = {
      seq,
      section,
      task: currentTask ?? '',
      leadUnits: lead === null ? [] : splitUnits(lead),
      responsibleUnits: resp === null ? [] : splitUnits(resp),
      requirement,
      deadlineRaw,
      due: normalised.due,
      recurring: normalised.recurring,
      sourceLines: [row.lines[0], row.lines[1]],
    };
    if (!has('deadline')) parsed.dueSuggested = suggestDue(requirement, docYear);
    if (has('lead') && parsed.leadUnits.length === 0) warnings.push(`第${seq}项没有牵头单位。`);
    if (has('resp') && !has('lead') && parsed.responsibleUnits.length === 0)
      warnings.push(`第${seq}项没有责任单位。`);
    if (section !== null) pendingHeadings.delete(section);
    if (currentTask !== null) pendingHeadings.delete(currentTask);
    tasks.push(parsed);
    check(
      cells.join(''),
      [
        sectionCell,
        taskCell,
        seqCell,
        noteCell,
        leadCell === '' ? '' : parsed.leadUnits.join(''),
        respCell === '' ? '' : parsed.responsibleUnits.join(''),
        requirement,
        deadlineCell,
      ].join(''),
      line,
    );
  }
  for (const [text, line] of pendingHeadings)
    warnings.push(`第${line}行的标题“${SHORT(text)}”下没有任务，全文：${text}`);

  return { tasks, warnings };
}

/**
 * Whether a blank 完成时限 cell continues the deadline above: where the reader knows merges, only a
 * cell inside a vertical merge does; in text, any row of the same task does.
 */
function continuesDeadline(
  continued: readonly boolean[] | undefined,
  kinds: readonly ColumnKind[],
  newTask: boolean,
): boolean {
  if (continued === undefined) return !newTask;
  return kinds.some((k, i) => k === 'deadline' && continued[i] === true);
}

const IGNORE = /[\s\u3000、，,；;]/g;

/**
 * Safety net for "nothing silently lost": the characters of a row (whitespace and unit separators
 * aside) that are not in what the row produced; reported as a warning by the caller.
 */
function lostChars(source: string, produced: string): string {
  const have = new Map<string, number>();
  for (const ch of produced) have.set(ch, (have.get(ch) ?? 0) + 1);
  let lost = '';
  for (const ch of source) {
    const n = have.get(ch) ?? 0;
    if (n > 0) have.set(ch, n - 1);
    else lost += ch;
  }
  return lost;
}
