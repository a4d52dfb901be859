/**
 * 申请台账导入 (issue 13.6): an office's existing application ledger — one row per application — read into
 * past cases. Pure: the spreadsheet as rows of trimmed text, the numbers already used and the units the
 * cases may name are parameters; every problem is listed by its spreadsheet row, in Chinese.
 *
 * The outcome (处理结果) is the wording of a row of table 三 of the annual report (国办公开办函〔2021〕30号,
 * docs/law/annual-report-format.md), e.g. 予以公开, 属于国家秘密, 本机关不掌握相关政府信息, the whole printed
 * label, the row's code (三(四)1, or 3.4.1), or an outcome's own label (已主动公开, 不属于本机关负责公开 …);
 * it maps to the outcome codes of domain/outcomes.ts so that the case counts in that very row.
 */
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES, type ApplicantType } from '../../domain/applicant.ts';
import {
  GROUND_CODES,
  type GroundCode,
  OUTCOME_CODES,
  OUTCOMES,
  type OutcomeCode,
  REPORT_ROWS,
  type ReportRowKey,
  WITHHOLD_GROUNDS,
} from '../../domain/outcomes.ts';

/** YYYY-MM-DD. */
export type IsoDate = string;

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A spreadsheet as read (the shape of orgs' import sheet): header row and data rows, cells trimmed. */
export type LedgerSheet = {
  headerRow: number;
  headers: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
};
export type LedgerRowError = { row: number; message: string };

export const LEDGER_HEADERS = [
  '编号',
  '申请人',
  '申请人类型',
  '收到申请日期',
  '申请内容',
  '办理机关',
  '办结日期',
  '处理结果',
] as const;
type Column = (typeof LEDGER_HEADERS)[number];
const REQUIRED: readonly Column[] = ['编号', '申请人', '申请人类型', '收到申请日期', '申请内容'];

export const APPLICANT_TYPE_LABELS: readonly string[] = APPLICANT_TYPES.map(
  (t) => APPLICANT_TYPE_INFO[t].label,
);

/** One case of the ledger, checked. */
export type LedgerCase = {
  row: number;
  caseNo: string;
  applicantName: string;
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  content: string;
  unitId: number | null;
  unitName: string | null;
  /** null: still open (no conclusion date). */
  concludedOn: IsoDate | null;
  outcome: OutcomeCode | null;
  ground: GroundCode | null;
  /** The table 三 row it counts in (三(四)1 …), for the preview. */
  reportRow: ReportRowKey | null;
};

export type LedgerPlan = { cases: LedgerCase[]; errors: LedgerRowError[] };

export type LedgerContext = {
  /** 编号 already used by cases in the system. */
  existingNumbers: ReadonlySet<string>;
  /** The organisations 办理机关 may name (the agency and its subtree), by exact name. */
  units: readonly { id: number; name: string }[];
  today: IsoDate;
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}` as IsoDate;
}

/**
 * A ledger date: an Excel date (read as 2025-03-05, or its serial number 45721), or text 2025-03-05,
 * 2025/3/5, 2025.3.5, 2025年3月5日. null when it is none of these or no real day.
 */
export function parseLedgerDate(text: string): IsoDate | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
    const ms = Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000;
    const d = new Date(ms);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(T.*)?$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (!m) return null;
  return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Text as compared: NFKC (full-width brackets and digits), no spaces. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
const CN = ['一', '二', '三', '四', '五', '六', '七'];

/** A row's code as the report reads it: '3.4.1' → 三(四)1, '3.1' → 三(一). */
export function rowCodeOf(key: ReportRowKey): string {
  const [, group, item] = key.split('.');
  return `三(${CN[Number(group) - 1]})${item ?? ''}`;
}

/** The wording of a row without its numbering and note: “1.属于国家秘密” → 属于国家秘密, “（二）部分公开（…）” → 部分公开. */
function bareWording(label: string): string {
  return norm(label)
    .replace(/^\([一二三四五六七]\)/, '')
    .replace(/^\d+\./, '')
    .replace(/\(.*\)$/, '');
}

/** The outcome a report row stands for: a 三(三) row is 不予公开 on its ground; otherwise the confirmed outcome of the row. */
function outcomeOfRow(key: ReportRowKey): { outcome: OutcomeCode; ground: GroundCode | null } {
  const ground = GROUND_CODES.find((g) => WITHHOLD_GROUNDS[g].reportRow === key);
  if (ground) return { outcome: 'WITHHOLD', ground };
  const candidates = OUTCOME_CODES.filter((c) => OUTCOMES[c].reportRow === key);
  const outcome = candidates.find((c) => OUTCOMES[c].rowConfirmed) ?? (candidates[0] as OutcomeCode);
  return { outcome, ground: null };
}

const OUTCOME_INDEX: ReadonlyMap<string, { outcome: OutcomeCode; ground: GroundCode | null }> = (() => {
  const index = new Map<string, { outcome: OutcomeCode; ground: GroundCode | null }>();
  // An outcome's own label first; the report's row wording (the ledger's usual words) takes precedence.
  for (const c of OUTCOME_CODES)
    if (!OUTCOMES[c].groundRequired) index.set(norm(OUTCOMES[c].label), { outcome: c, ground: null });
  for (const r of REPORT_ROWS) {
    const target = outcomeOfRow(r.key);
    for (const form of [norm(r.label), bareWording(r.label), norm(rowCodeOf(r.key)), r.key])
      index.set(form, target);
  }
  return index;
})();

/** The outcome of a 处理结果 cell, or null when it names no row of table 三. */
export function parseOutcome(text: string): { outcome: OutcomeCode; ground: GroundCode | null } | null {
  return OUTCOME_INDEX.get(norm(text)) ?? null;
}

/** The report row an outcome counts in (PARTIAL: （二） whatever its ground). */
function rowOf(outcome: OutcomeCode, ground: GroundCode | null): ReportRowKey | null {
  if (outcome === 'WITHHOLD') return ground ? WITHHOLD_GROUNDS[ground].reportRow : null;
  return OUTCOMES[outcome].reportRow;
}

function columnsOf(sheet: LedgerSheet): Record<Column, number> {
  const keys = sheet.headers.map((h) => norm(h).replace(/[*＊]/g, '').replace(/\(.*$/, ''));
  return Object.fromEntries(LEDGER_HEADERS.map((h) => [h, keys.indexOf(h)])) as Record<Column, number>;
}

/** The 编号 cells of the ledger (to look up the numbers already in use). */
export function ledgerNumbers(sheet: LedgerSheet): string[] {
  const i = columnsOf(sheet).编号;
  if (i < 0) return [];
  return [...new Set(sheet.rows.map((r) => (r.cells[i] ?? '').trim()).filter((t) => t !== ''))];
}

/** Checks every row of the ledger; cases only when no row has an error (all or nothing). */
export function planLedgerImport(sheet: LedgerSheet, ctx: LedgerContext): LedgerPlan {
  const errors: LedgerRowError[] = [];
  const col = columnsOf(sheet);
  const missing = REQUIRED.filter((h) => col[h] < 0);
  if (missing.length > 0) {
    errors.push({
      row: sheet.headerRow,
      message: `缺少必填列：${missing.map((m) => `“${m}”`).join('、')}（请使用台账导入模板）`,
    });
    return { cases: [], errors };
  }
  if (sheet.rows.length === 0) {
    errors.push({ row: sheet.headerRow, message: '表格中没有申请记录' });
    return { cases: [], errors };
  }
  const unitByName = new Map(ctx.units.map((u) => [norm(u.name), u]));
  const firstRowOf = new Map<string, number>();
  const cases: LedgerCase[] = [];
  for (const r of sheet.rows) {
    const at = (c: Column) => (col[c] < 0 ? '' : (r.cells[col[c]] ?? '').trim());
    const fail = (message: string) => errors.push({ row: r.row, message });
    const before = errors.length;

    const caseNo = at('编号');
    if (caseNo === '') fail('请填写编号');
    else if (caseNo.length > 60) fail('编号不能超过60个字');
    // The platform numbers its own cases YYYY-NNNNNN (store.ts insertRequest): a ledger number of that form
    // could be taken by a case registered later.
    else if (/^\d{4}-\d{6}$/.test(caseNo))
      fail(`编号“${caseNo}”与系统自动生成的申请编号格式相同，请在编号前加上前缀（如“台账${caseNo}”）`);
    else {
      const first = firstRowOf.get(caseNo);
      if (first !== undefined) fail(`编号“${caseNo}”与第${first}行重复`);
      else firstRowOf.set(caseNo, r.row);
      if (ctx.existingNumbers.has(caseNo)) fail(`编号“${caseNo}”已有申请使用，不能重复导入`);
    }

    const applicantName = at('申请人');
    if (applicantName === '') fail('请填写申请人');
    else if (applicantName.length > 100) fail('申请人不能超过100个字');

    const typeText = norm(at('申请人类型'));
    const applicantType = APPLICANT_TYPES.find((t) => APPLICANT_TYPE_INFO[t].label === typeText);
    if (typeText === '') fail(`请填写申请人类型（${APPLICANT_TYPE_LABELS.join('、')}）`);
    else if (!applicantType)
      fail(`申请人类型“${at('申请人类型')}”不在格式中，应为${APPLICANT_TYPE_LABELS.join('、')}之一`);

    const receivedText = at('收到申请日期');
    const receivedOn = receivedText === '' ? null : parseLedgerDate(receivedText);
    if (receivedText === '') fail('请填写收到申请日期');
    else if (!receivedOn) fail(`收到申请日期“${receivedText}”无法识别，请写成2025-03-05或2025年3月5日`);
    else if (receivedOn > ctx.today) fail('收到申请日期不能晚于今天');

    const content = at('申请内容');
    if (content === '') fail('请填写申请内容');
    else if (content.length > 2000) fail('申请内容不能超过2000个字');

    const unitText = at('办理机关');
    const unit = unitText === '' ? null : (unitByName.get(norm(unitText)) ?? null);
    if (unitText !== '' && !unit)
      fail(`办理机关“${unitText}”不是本机关或其所属机构，请填写系统中的机构全称或留空`);

    const concludedText = at('办结日期');
    const concludedOn = concludedText === '' ? null : parseLedgerDate(concludedText);
    if (concludedText !== '' && !concludedOn)
      fail(`办结日期“${concludedText}”无法识别，请写成2025-03-05或2025年3月5日`);
    else if (concludedOn && receivedOn && concludedOn < receivedOn)
      fail(`办结日期（${concludedOn}）早于收到申请日期（${receivedOn}）`);
    else if (concludedOn && concludedOn > ctx.today) fail('办结日期不能晚于今天');

    const outcomeText = at('处理结果');
    const parsed = outcomeText === '' ? null : parseOutcome(outcomeText);
    if (outcomeText !== '' && !parsed)
      fail(
        `处理结果“${outcomeText}”无法识别，请填写年度报告表三的行名称（如“予以公开”“属于国家秘密”）或行号（如“三(四)1”）`,
      );
    if (concludedText !== '' && outcomeText === '') fail('已填写办结日期，请填写处理结果');
    if (outcomeText !== '' && concludedText === '')
      fail('已填写处理结果，请填写办结日期（尚未办结的申请两项都不填）');

    if (errors.length > before) continue;
    cases.push({
      row: r.row,
      caseNo,
      applicantName,
      applicantType: applicantType as ApplicantType,
      receivedOn: receivedOn as IsoDate,
      content,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      concludedOn,
      outcome: parsed?.outcome ?? null,
      ground: parsed?.ground ?? null,
      reportRow: parsed ? rowOf(parsed.outcome, parsed.ground) : null,
    });
  }
  return errors.length > 0 ? { cases: [], errors } : { cases, errors };
}

/** The stage an imported case is stored in: replied, closed (the withdrawn outcomes), or open. */
export function importedStage(
  c: Pick<LedgerCase, 'outcome' | 'unitId'>,
): 'replied' | 'closed' | 'processing' | 'registered' {
  if (c.outcome === null) return c.unitId === null ? 'registered' : 'processing';
  return OUTCOMES[c.outcome].group === 'other' ? 'closed' : 'replied';
}
