/**
 * The registers' pure rules: the errata's due date in working days (provisional over a year whose holiday
 * notice is not loaded), its overdue flag, a response's time in hours, the silent-account flag, the
 * 全文/摘要 publication rule of proposal results and the state each record is in. No I/O: "today" and the
 * calendar are parameters.
 */
import type { Calendar } from '../../calendar/domain/calendar.ts';
import { addCalendarDays } from '../../calendar/domain/dates.ts';
import { provisionalYearsBetween } from '../../calendar/domain/provisional.ts';
import type { EditableRegister, State } from './registers.ts';

/**
 * An error report on the site is answered within 3 working days of its receipt (DERIVED: the 国办 rule
 * for 政府网站找错 — the site's organiser handles and answers within three working days).
 */
export const ERRATA_ANSWER_WORKING_DAYS = 3;

/**
 * An account without an update for more than 14 days is flagged (《政府网站与政务新媒体检查指标》: a
 * government new-media account not updated in the two weeks before a check fails the check).
 */
export const SILENT_DAYS = 14;

export type FieldError = { path: string; message: string };

/** The answer's due date and the years it was counted over provisionally (暂定) — null beyond the calendar. */
export function errataDue(
  calendar: Calendar,
  receivedOn: string,
  days: number = ERRATA_ANSWER_WORKING_DAYS,
): { dueOn: string; provisionalYears: number[] } | null {
  try {
    const dueOn = calendar.addWorkingDays(receivedOn, days);
    return { dueOn, provisionalYears: provisionalYearsBetween(calendar, receivedOn, dueOn) };
  } catch {
    return null;
  }
}

/** Overdue: not answered and today after the due day (the due day itself is not overdue). */
export function isOverdue(state: State, dueOn: string | null, today: string): boolean {
  return (
    dueOn !== null && state !== 'answered' && state !== 'replied' && state !== 'published' && today > dueOn
  );
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/;

/** A local date-time "YYYY-MM-DD HH:mm" (China time) as minutes since the epoch; null when malformed. */
export function minutesOf(dateTime: string): number | null {
  const m = DATETIME.exec(dateTime);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:00Z`);
  return Number.isNaN(t) || Number(m[2]) > 23 ? null : t / 60_000;
}

/** Hours from discovery to response, to one decimal; null until responded or when it is before discovery. */
export function responseHours(discoveredAt: string, respondedAt: string | null | undefined): number | null {
  if (!respondedAt) return null;
  const a = minutesOf(discoveredAt);
  const b = minutesOf(respondedAt);
  if (a === null || b === null || b < a) return null;
  return Math.round((b - a) / 6) / 10;
}

/**
 * Silent: an active account whose last update (or, never updated, its opening) is more than `days` days
 * before today.
 */
export function isSilent(
  a: { closedOn?: string | null; lastUpdateOn?: string | null; occurredOn: string },
  today: string,
  days: number = SILENT_DAYS,
): boolean {
  if (a.closedOn) return false;
  const last = a.lastUpdateOn || a.occurredOn;
  return addCalendarDays(last, days) < today;
}

type ProposalFacts = {
  reply?: string | null;
  repliedOn?: string | null;
  satisfaction?: string | null;
  publication?: string | null;
  publicationReason?: string | null;
  summaryText?: string | null;
  publishedOn?: string | null;
};

/**
 * The publication rule of a proposal's result: published only once replied; 摘要公开 requires its reason
 * and the summary published (LW21 二(二): 全文公开 as the rule, a summary with the reason why not in full); a publication date only
 * for a published result; the deputy's opinion only on a reply.
 */
export function proposalErrors(p: ProposalFacts, occurredOn: string): FieldError[] {
  const errors: FieldError[] = [];
  const replied = Boolean(p.reply?.trim()) && Boolean(p.repliedOn);
  if (Boolean(p.reply?.trim()) !== Boolean(p.repliedOn))
    errors.push({ path: 'repliedOn', message: '答复内容和答复日期应同时填写' });
  if (p.repliedOn && p.repliedOn < occurredOn)
    errors.push({ path: 'repliedOn', message: '答复日期不能早于交办日期' });
  if (p.satisfaction && !replied)
    errors.push({ path: 'satisfaction', message: '答复后才能填写代表委员意见' });
  const publication = p.publication ?? 'none';
  if (publication !== 'none' && !replied)
    errors.push({ path: 'publication', message: '答复后才能公开办理结果' });
  if (publication === 'summary' && !p.publicationReason?.trim())
    errors.push({ path: 'publicationReason', message: '摘要公开的，应当说明不全文公开的理由' });
  if (publication === 'summary' && !p.summaryText?.trim())
    errors.push({ path: 'summaryText', message: '摘要公开的，请填写公开的摘要' });
  if (publication !== 'none' && !p.publishedOn)
    errors.push({ path: 'publishedOn', message: '请填写公开日期' });
  if (publication === 'none' && p.publishedOn)
    errors.push({ path: 'publishedOn', message: '未公开的不能填写公开日期' });
  if (p.publishedOn && p.repliedOn && p.publishedOn < p.repliedOn)
    errors.push({ path: 'publishedOn', message: '公开日期不能早于答复日期' });
  return errors;
}

type OpinionFacts = {
  discoveredAt?: string | null;
  respondedAt?: string | null;
  responseKind?: string | null;
};

/** A response has its kind and time, not before the event was discovered. */
export function opinionErrors(o: OpinionFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (Boolean(o.respondedAt) !== Boolean(o.responseKind))
    errors.push({ path: 'responseKind', message: '回应方式和回应时间应同时填写' });
  if (o.discoveredAt && o.respondedAt && responseHours(o.discoveredAt, o.respondedAt) === null)
    errors.push({ path: 'respondedAt', message: '回应时间不能早于发现时间' });
  return errors;
}

type AccountFacts = { closedOn?: string | null; closureRef?: string | null; lastUpdateOn?: string | null };

/** A closure (注销) has its date and approval; nothing happens before the account was opened. */
export function accountErrors(a: AccountFacts, occurredOn: string): FieldError[] {
  const errors: FieldError[] = [];
  if (a.closedOn && !a.closureRef?.trim())
    errors.push({ path: 'closureRef', message: '注销账号应当填写注销审批文号' });
  if (a.closedOn && a.closedOn < occurredOn)
    errors.push({ path: 'closedOn', message: '注销日期不能早于开设日期' });
  if (a.lastUpdateOn && a.lastUpdateOn < occurredOn)
    errors.push({ path: 'lastUpdateOn', message: '最近更新日期不能早于开设日期' });
  return errors;
}

/** The cross-field errors of a record of `register`, on top of its schema's. */
export function recordErrors(
  register: EditableRegister,
  r: Record<string, unknown> & { occurredOn: string },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (r.occurredOn > today) errors.push({ path: 'occurredOn', message: '日期不能晚于今天' });
  const facts = r as Record<string, string | null | undefined>;
  if (register === 'proposals') errors.push(...proposalErrors(facts, r.occurredOn));
  if (register === 'opinions') errors.push(...opinionErrors(facts));
  if (register === 'accounts') errors.push(...accountErrors(facts, r.occurredOn));
  return errors;
}

/** The state a staff-entered record is in, from its facts. */
export function stateOf(register: EditableRegister, r: Record<string, unknown>): State {
  switch (register) {
    case 'opinions':
      return r.respondedAt ? 'responded' : 'open';
    case 'proposals':
      return r.publication && r.publication !== 'none' ? 'published' : r.reply ? 'replied' : 'handling';
    case 'accounts':
      return r.closedOn ? 'closed' : 'active';
  }
}

/** Errata: the office assigns until answered; the answer closes it. */
export function errataNext(state: State, step: 'assign' | 'answer'): State | null {
  if (state !== 'received' && state !== 'assigned') return null;
  return step === 'assign' ? 'assigned' : 'answered';
}
