/**
 * The review and litigation register (行政复议、行政诉讼案件登记, table 四 of the annual report): the rules
 * of one entry, pure. The kinds and results are table 四's (../../domain/tables.ts).
 *
 * - An entry is received (filed_on: 收到复议申请/起诉状之日) and, once decided, has its result and
 *   decided date; a pending one has neither (the table's 尚未审结 column).
 * - A 纠正 result that orders a new reply (责令重新答复, 行政复议法 Art. 64, 66; 行政诉讼法 Art. 70, 72)
 *   reopens the application it concerns, once (docs/requests.md "Reopening").
 * - An entry counted in a submitted report (its agency's report of the year it was received in) can no
 *   longer be deleted, nor moved to another kind or year: the report's figures were frozen with it.
 */
import type { ReportState } from '../../domain/states.ts';
import type { ReviewKind, ReviewResult } from '../../domain/tables.ts';

export type FieldError = { path: string; message: string };

export type ReviewFacts = {
  kind: ReviewKind;
  filedOn: string;
  result: ReviewResult;
  decidedOn: string | null;
  ordersNewReply: boolean;
  /** The application (case) it is linked to, when there is one on the platform. */
  requestId: number | null;
};

/** The checks of an entry's own fields (dates against each other and today; a reopening needs its case). */
export function reviewErrors(r: ReviewFacts, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (r.filedOn > today) errors.push({ path: 'filedOn', message: '收到日期不能晚于今天' });
  if (r.result === 'pending' && r.decidedOn !== null)
    errors.push({ path: 'decidedOn', message: '尚未审结的案件不填审结日期' });
  if (r.result !== 'pending' && r.decidedOn === null)
    errors.push({ path: 'decidedOn', message: '请填写审结日期' });
  if (r.decidedOn !== null && r.decidedOn < r.filedOn)
    errors.push({ path: 'decidedOn', message: '审结日期不能早于收到日期' });
  if (r.decidedOn !== null && r.decidedOn > today)
    errors.push({ path: 'decidedOn', message: '审结日期不能晚于今天' });
  if (r.ordersNewReply && r.result !== 'corrected')
    errors.push({ path: 'ordersNewReply', message: '只有结果为纠正的案件才能责令重新答复' });
  if (r.ordersNewReply && r.requestId === null)
    errors.push({
      path: 'requestCaseNo',
      message: '责令重新答复的案件须关联本平台受理的申请（填写申请编号）',
    });
  return errors;
}

/** Whether saving `after` reopens the linked case: a new 纠正 ordering a new reply (not one already recorded). */
export function reopensCase(
  before: Pick<ReviewFacts, 'result' | 'ordersNewReply'> | null,
  after: Pick<ReviewFacts, 'result' | 'ordersNewReply' | 'requestId'>,
): boolean {
  const orders = (r: Pick<ReviewFacts, 'result' | 'ordersNewReply'>) =>
    r.result === 'corrected' && r.ordersNewReply;
  return after.requestId !== null && orders(after) && !(before !== null && orders(before));
}

/** The year of the report that counts an entry: the year it was received in (table 四). */
export const countedYear = (filedOn: string): number => Number(filedOn.slice(0, 4));

/** Whether the report counting the entry still allows it to go: no report yet, or a draft. */
export const reportOpen = (state: ReportState | null): boolean => state === null || state === 'draft';

/**
 * Whether a change moves the entry out of the cell a submitted report counted it in: its kind or the year
 * it was received in.
 */
export function movesCountedEntry(
  before: Pick<ReviewFacts, 'kind' | 'filedOn'>,
  after: Pick<ReviewFacts, 'kind' | 'filedOn'>,
): boolean {
  return before.kind !== after.kind || countedYear(before.filedOn) !== countedYear(after.filedOn);
}

/** The decision document: a PDF, OFD, Word file or a scan (image), at most 20 MB. */
export const DECISION_FILE_TYPES = [
  'application/pdf',
  'application/ofd',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/jpeg',
  'image/png',
] as const;
export const DECISION_FILE_MAX_BYTES = 20 * 1024 * 1024;

export function decisionFileErrors(file: { mime: string; size: number }): FieldError[] {
  if (!(DECISION_FILE_TYPES as readonly string[]).includes(file.mime))
    return [{ path: 'fileId', message: '决定书应为PDF、OFD、Word文件或扫描图片（JPG、PNG）' }];
  if (file.size > DECISION_FILE_MAX_BYTES) return [{ path: 'fileId', message: '决定书文件不能超过20MB' }];
  return [];
}
