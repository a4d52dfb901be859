/** Recognising the header of a task table (序号, 工作任务, 牵头部门, 责任单位, 具体要求, 完成时限 …). */

export type ColumnKind = 'seq' | 'section' | 'task' | 'lead' | 'resp' | 'req' | 'deadline' | 'note';

const HEADER_WORDS: Array<[RegExp, ColumnKind]> = [
  [/^(序号|编号|序)$/, 'seq'],
  [
    /^(工作任务|重点任务|主要任务|任务|任务名称|工作事项|任务事项|重点工作|重点工作任务|工作内容|工作项目|事项|类别|项目|工作重点|任务分类)$/,
    'task',
  ],
  [/^(牵头部门|牵头单位|牵头|牵头处室|牵头科室|主责单位|主责部门|牵头责任单位|责任领导)$/, 'lead'],
  [
    /^(责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|责任主体|落实单位|承办单位|责任科室|责任处室|实施主体)$/,
    'resp',
  ],
  [
    /^(具体要求|工作要求|任务要求|具体任务|主要内容|工作措施|具体措施|任务内容|具体内容|要求|目标要求|工作目标)$/,
    'req',
  ],
  [
    /^(完成时限|时间节点|完成时间|时限要求|时限|完成期限|完成时间节点|进度安排|时间安排|时间要求|完成时限要求|办理时限)$/,
    'deadline',
  ],
  [/^(备注|说明)$/, 'note'],
];

export const compact = (s: string) => s.replace(/\s+/g, '');

/** The column kind a header cell names, or null when the text is not a header word. */
export function headerKind(cell: string): ColumnKind | null {
  const c = compact(cell).replace(/[（(][^）)]*[）)]$/, '');
  if (c === '' || c.length > 12) return null;
  for (const [re, kind] of HEADER_WORDS) if (re.test(c)) return kind;
  return null;
}

/** A short label that could be a header cell we do not know (考核分值, 责任人): no sentence, no number. */
export function couldBeHeaderLabel(cell: string): boolean {
  const c = compact(cell);
  return (
    c.length >= 2 &&
    c.length <= 8 &&
    !/[。，、；：:,;.!?！？]/.test(c) &&
    !/^\d/.test(c) &&
    !/^[一二三四五六七八九十]+/.test(c) &&
    !/^[（(]/.test(c)
  );
}

/**
 * True when the non-empty cells name a task table: header words of at least two kinds, one of them
 * 工作任务 or 具体要求, and at most a few short unknown labels (a column we do not interpret is kept
 * and its content reported, not dropped).
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const texts = cells.filter((c) => compact(c) !== '');
  const kinds = texts.map(headerKind);
  const known = kinds.filter((k): k is ColumnKind => k !== null);
  const unknown = texts.filter((_, i) => kinds[i] === null);
  if (known.length < 2 || unknown.some((c) => !couldBeHeaderLabel(c))) return false;
  if (unknown.length > 0 && known.length < unknown.length + 2) return false;
  const set = new Set(known);
  return set.size >= 2 && (set.has('task') || set.has('req'));
}

/**
 * Column kinds for a table `width` cells wide whose header is `headerCells`. A header narrower than
 * the rows means 工作任务 spans two columns (a first-level heading column and the task column);
 * two task columns make the first a section column.
 */
export function columnKinds(headerCells: readonly string[], width: number): ColumnKind[] {
  return columnLayout(headerCells, width).kinds;
}

/** Column kinds and the header text of each column (for messages about columns we do not read). */
export function columnLayout(
  headerCells: readonly string[],
  width: number,
): { kinds: ColumnKind[]; labels: string[] } {
  const kinds: ColumnKind[] = headerCells.map((c) => headerKind(c) ?? 'note');
  const labels = headerCells.map(compact);
  let extra = width - kinds.length;
  if (extra > 0) {
    const t = kinds.indexOf('task');
    const at = t >= 0 ? t : 0;
    kinds.splice(at, 0, 'task');
    labels.splice(at, 0, labels[at] ?? '工作任务');
    extra--;
    while (extra-- > 0) {
      kinds.push('note');
      labels.push('其他');
    }
  }
  const taskCols = kinds.flatMap((k, i) => (k === 'task' ? [i] : []));
  if (taskCols.length >= 2) kinds[taskCols[0] as number] = 'section';
  const n = Math.max(width, 1);
  return { kinds: kinds.slice(0, n), labels: labels.slice(0, n) };
}
