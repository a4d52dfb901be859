/**
 * A document's text cut into passages, the units an answer cites: paragraphs, numbered clauses
 * (一、 （一） 1. 第X条) and the rows of a task table (工作任务 + 牵头单位/责任单位 + 具体要求 + 完成时限).
 * Pure: the text in, passages out.
 *
 * Task tables reach the library as plain text with one cell per line (Word/WPS exports, or the
 * library's own paragraphs), so empty cells leave no trace. A row is therefore recognised by what
 * its lines are: unit lists (names ending in 局, 委, 政府 …, no sentence end), a requirement (a
 * sentence), a deadline (全年, 10月底前 …); a heading line (一、 / （一）) is the row's task.
 */

export type PassageKind = 'paragraph' | 'clause' | 'task_row';

export type Passage = {
  kind: PassageKind;
  /** Where in the document: 一、 / 第三条 / 附件：任务分解表 （二）…; null for an unnumbered paragraph. */
  clause: string | null;
  /** The clause's heading or the row's task (weighted above the body). */
  heading: string | null;
  body: string;
  leadUnits: string | null;
  responsibleUnits: string | null;
  deadline: string | null;
};

const HEADING =
  /^(第[一二三四五六七八九十百零〇\d]+[条章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))/u;
const HEADER_LABELS =
  /^(序号|工作任务|主要任务|重点任务|任务内容|牵头(单位|部门)|责任(单位|部门)|配合(单位|部门)|具体(要求|措施)|工作要求|完成时限|完成时间|时间节点|时限要求|备注)$/u;
const UNIT_END =
  /(局|委|办|办公室|政府|中心|管委会|（管委会）|部门|单位|院|厅|处|室|组|队|部|站|所|行|会|公司|集团|法院|检察院|区|县|市|镇|街道|社|馆|团)$/u;
const DEADLINE =
  /^(全年|长期坚持|长期|持续推进|持续|定期更新|常态化|按要求|按规定|及时|每季度|每月|每年|年底前|年内|上半年|下半年)|(\d{1,2}月(底|中旬|上旬|下旬)?(前|底)?|年底前?|底前|前完成|完成|长期坚持)$/u;

/** Whether a line is a list of organisations (a 牵头单位 or 责任单位 cell). */
export function isUnitLine(line: string): boolean {
  if (line.length > 400 || /[。；;：:！？]/u.test(line)) return false;
  const parts = line
    .replace(/[（(][^（）()]*[)）]/gu, '')
    .replace(/等.{0,12}(部门|单位)/gu, '部门')
    .split(/[，,、\s]+/u)
    .filter((p) => p !== '');
  if (parts.length === 0) return false;
  return parts.every((p) => UNIT_END.test(p) || /^各.{1,20}(政府|部门|单位)/u.test(p));
}

/** Whether a line is a deadline cell (全年, 2022年10月底前完成, 长期坚持 …). */
export function isDeadlineLine(line: string): boolean {
  return line.length <= 40 && !/。/u.test(line) && DEADLINE.test(line.replace(/[，,、\s]+/gu, ''));
}

/** A numbered heading's label and its title: 一、强化组织保障。要求… → { label: 一、, title: 强化组织保障 }. */
export function splitHeading(line: string): { label: string; title: string; rest: string } | null {
  const m = HEADING.exec(line);
  if (!m) return null;
  const after = line.slice(m[0].length).trim();
  const stop = after.search(/[。；;：:]/u);
  if (stop < 0) return { label: m[0], title: after, rest: '' };
  return { label: m[0], title: after.slice(0, stop), rest: after.slice(stop + 1).trim() };
}

type Column = 'task' | 'lead' | 'resp' | 'req' | 'deadline' | 'other';

function columnOf(label: string): Column {
  if (/牵头/u.test(label)) return 'lead';
  if (/责任|配合/u.test(label)) return 'resp';
  if (/要求|措施/u.test(label)) return 'req';
  if (/时限|时间/u.test(label)) return 'deadline';
  if (/任务/u.test(label)) return 'task';
  return 'other';
}

const MAX_PARAGRAPH = 600;

function cutLong(text: string): string[] {
  if (text.length <= MAX_PARAGRAPH) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > MAX_PARAGRAPH) {
    const window = rest.slice(0, MAX_PARAGRAPH);
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'));
    const at = cut > MAX_PARAGRAPH / 3 ? cut + 1 : MAX_PARAGRAPH;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.trim() !== '') out.push(rest);
  return out;
}

/** Ends of a document's text that answer nothing: 抄送, 印发 lines, signatures and dates. */
function isNoise(line: string): boolean {
  return (
    /^(抄送|印发|附件[:：]?$|（此件公开发布）|\(此件公开发布\))/u.test(line) ||
    /印发$/u.test(line) ||
    /^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line) ||
    (line.length <= 20 && /(人民政府|办公室|办公厅)$/u.test(line))
  );
}

/** Cut a text (one line per paragraph or table cell) into passages. */
export function splitPassages(text: string, tableName: string | null = null): Passage[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/gu, ' ').trim())
    .filter((l) => l !== '');
  const out: Passage[] = [];
  let i = 0;
  // The prose part, up to a task table's header.
  let chapter: string | null = null;
  while (i < lines.length) {
    if (isHeaderStart(lines, i)) break;
    const line = lines[i] as string;
    i++;
    if (isNoise(line) || line.length < 6) continue;
    if (/^第[一二三四五六七八九十百]+章/u.test(line) && line.length < 40) {
      chapter = line;
      continue;
    }
    const h = splitHeading(line);
    for (const piece of cutLong(h ? (h.rest === '' ? h.title : h.rest) : line)) {
      out.push({
        kind: h ? 'clause' : 'paragraph',
        clause: h ? `${chapter ? `${chapter} ` : ''}${h.label}${h.rest === '' ? '' : h.title}`.trim() : null,
        heading: h && h.rest !== '' ? h.title : null,
        body: piece,
        leadUnits: null,
        responsibleUnits: null,
        deadline: null,
      });
    }
  }
  if (i < lines.length) out.push(...tableRows(lines, i, tableName));
  return out;
}

/** A table header: at least two header labels in a row, one of them a task or requirement column. */
function isHeaderStart(lines: readonly string[], i: number): boolean {
  let n = 0;
  let core = false;
  for (let j = i; j < lines.length && HEADER_LABELS.test(lines[j] as string); j++) {
    n++;
    if (/任务|要求|措施/u.test(lines[j] as string)) core = true;
  }
  return n >= 2 && core;
}

function tableRows(lines: readonly string[], start: number, tableName: string | null): Passage[] {
  const columns: Column[] = [];
  let i = start;
  while (i < lines.length && HEADER_LABELS.test(lines[i] as string))
    columns.push(columnOf(lines[i++] as string));
  const hasLead = columns.includes('lead');
  const hasDeadline = columns.includes('deadline');
  const where = tableName ?? '任务分解表';
  const out: Passage[] = [];
  let section: string | null = null;
  let task: string | null = null;
  let units: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^(抄送|印发)/u.test(line) || /印发$/u.test(line)) break;
    if (HEADER_LABELS.test(line)) continue;
    if (/^[一二三四五六七八九十]+、/u.test(line) && line.length < 60) {
      section = line;
      task = null;
      units = [];
      continue;
    }
    if (/^[（(][一二三四五六七八九十]+[)）]/u.test(line) && line.length < 60 && !/。/u.test(line)) {
      task = line;
      units = [];
      continue;
    }
    if (/^\d{1,3}$/u.test(line)) continue; // 序号
    if (isUnitLine(line)) {
      units.push(line);
      continue;
    }
    if (isDeadlineLine(line) && out.length > 0 && hasDeadline) {
      const last = out[out.length - 1] as Passage;
      if (last.deadline === null) last.deadline = line;
      continue;
    }
    // A requirement: the row is complete.
    let lead: string | null = null;
    let resp: string | null = null;
    if (hasLead && units.length >= 2) {
      lead = units.slice(0, -1).join('、');
      resp = units[units.length - 1] as string;
    } else if (hasLead && units.length === 1 && !columns.includes('resp')) {
      lead = units[0] as string;
    } else if (units.length > 0) {
      resp = units.join('、');
    } else if (out.length > 0) {
      // A cell merged over several rows is exported once: the rows below it share its units.
      const prev = out[out.length - 1] as Passage;
      lead = prev.leadUnits;
      resp = prev.responsibleUnits;
    }
    const taskTitle = task ? (splitHeading(task)?.title ?? task) : null;
    out.push({
      kind: 'task_row',
      clause: [where, section, task].filter((x) => x !== null).join(' '),
      heading: taskTitle,
      body: line,
      leadUnits: lead,
      responsibleUnits: resp,
      deadline: null,
    });
    units = [];
  }
  return out;
}
