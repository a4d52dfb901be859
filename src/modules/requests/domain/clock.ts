/**
 * The statutory clock of an application for disclosure (依申请公开答复期限).
 *
 * 《中华人民共和国政府信息公开条例》(2019年修订，国务院令第711号)
 *
 * 第三十条 政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性
 *   告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。
 *   申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。
 * 第三十一条 行政机关收到政府信息公开申请的时间，按照下列规定确定：
 *   (一)申请人当面提交政府信息公开申请的，以提交之日为收到申请之日；
 *   (二)申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的
 *       邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为
 *       收到申请之日；
 *   (三)申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到
 *       申请之日。
 * 第三十二条 依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见。第三方应当
 *   自收到征求意见书之日起15个工作日内提出意见。第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否
 *   公开。……
 * 第三十三条 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。
 *   行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息
 *   公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。
 *   行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。
 * 第三十四条 申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关收到政府信息公开申请后可以
 *   征求相关行政机关的意见，被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的
 *   视为同意公开。
 *
 * Counting convention (docs/law/deadlines.md §3, DERIVED — a convention, not fully confirmed law):
 * 1. A working day is Mon–Fri and not an official day off, or an official make-up working day (调休上班日),
 *    even on a Saturday or Sunday. A deadline may therefore fall on a make-up Saturday/Sunday.
 * 2. The start day (收到申请之日) is not counted (民法典 Art. 201); the deadline is the N-th working day after it.
 *    The start day may itself be a non-working day (e.g. online confirmation on a holiday).
 * 3. 补正: the correction notice is due 7 working days after receipt; once the corrected application is
 *    received, 20 working days run afresh from that day. A correction is requested once (一次性告知).
 * 4. Extension: +20 working days counted after the original deadline, at most once.
 * 5. Consultation pause (Art. 33(3)): days used = working days in (start, dispatch day of the letter]; the
 *    clock stops and restarts after the day the reply is received, or — without a reply — after the 15th
 *    working day counted after the consulted party received the letter; remaining = total − used.
 *    Several consultations (in sequence or overlapping) are supported: the paused spans are merged.
 * 6. Information-processing fee: the time between sending the fee notice and payment pauses the clock only
 *    under a local rule (`rules.feePausesClock`, default false: the regulation says nothing about it).
 * 7. Reopening (a 复议/诉讼 decision corrected the answer and orders a new one, event `reopened`): 20 working
 *    days run afresh from its day; earlier corrections, consultations, fees and the extension no longer
 *    count (docs/law/deadlines.md §6, DERIVED where the decision fixes no period).
 *
 * `today` is a parameter (pure code). Without it, the clock is evaluated "as of" the last recorded event
 * (or the receipt day): `workingDaysUsed`, `workingDaysLeft` and `paused` describe that moment and
 * `overdue` is null (unknown).
 */
// Domain code imports domain code only (ARCHITECTURE rule 1): the calendar's pure core, not its
// index.ts, so this file stays pure whatever the calendar module exports later.
import {
  type Calendar,
  CalendarYearMissingError,
  type DayKind,
  type DayNumberCalendar,
} from '../../calendar/domain/calendar.ts';
import {
  formatChineseDate,
  type IsoDate,
  toDayNumber,
  weekdayOfDayNumber,
} from '../../calendar/domain/dates.ts';
import { provisionalYearsBetween } from '../../calendar/domain/provisional.ts';

/** How the application arrived (Art. 31); decides which date is 收到申请之日. */
export type ReceiptChannel = 'in-person' | 'post-signed' | 'post-confirmed' | 'online' | 'fax';

export const RECEIPT_CHANNELS: readonly ReceiptChannel[] = [
  'in-person',
  'post-signed',
  'post-confirmed',
  'online',
  'fax',
];

export function isReceiptChannel(value: unknown): value is ReceiptChannel {
  return (
    value === 'in-person' ||
    value === 'post-signed' ||
    value === 'post-confirmed' ||
    value === 'online' ||
    value === 'fax'
  );
}

export interface Receipt {
  channel: ReceiptChannel;
  /** 收到申请之日 per Art. 31: for post-confirmed / online / fax the confirmation date (确认之日). */
  receivedOn: IsoDate;
}

/** Consulted party: a third party (Art. 32) or another agency (Art. 34). */
export type ConsultedParty = 'third-party' | 'agency';

/** One entry of the case's event log that matters for the clock. */
export type ClockEvent =
  | { type: 'correction-notice-sent'; on: IsoDate }
  | { type: 'correction-received'; on: IsoDate }
  | { type: 'consultation-sent'; on: IsoDate; consultationId?: string; party?: ConsultedParty }
  | { type: 'consultation-delivered'; on: IsoDate; consultationId?: string }
  | { type: 'consultation-replied'; on: IsoDate; consultationId?: string }
  | { type: 'extension-approved'; on: IsoDate }
  | { type: 'fee-notice-sent'; on: IsoDate }
  | { type: 'fee-notice-received'; on: IsoDate }
  | { type: 'fee-paid'; on: IsoDate }
  /** A review or court corrected the answer and ordered a new one: the 20 working days start afresh. */
  | { type: 'reopened'; on: IsoDate };

export type ClockEventType = ClockEvent['type'];

/** Local rules (地方规定) that the regulation leaves open. */
export interface ClockRules {
  /**
   * The fee notice → payment span pauses the reply period. Default false (UNCONFIRMED:
   * docs/law/processing-fee.md).
   */
  feePausesClock?: boolean;
}

export interface ClockInput {
  calendar: Calendar;
  receipt: Receipt;
  /** Events so far, any order (sorted by date; same-day events in a natural order). */
  events?: readonly ClockEvent[];
  /** The day to evaluate `overdue`, `paused`, `workingDaysUsed` for. */
  today?: IsoDate;
  rules?: ClockRules;
}

/**
 * The rules this installation counts with: no local rule pauses the clock for a fee (the regulation says
 * nothing about it). The service's clock and the fee letter's wording both read this one value.
 */
export const CLOCK_RULES: Readonly<{ feePausesClock: boolean }> = { feePausesClock: false };

/** What the fee notice tells the applicant about the reply period while the fee is unpaid (CLOCK_RULES). */
export function feeClockSentence(feePausesClock: boolean): string {
  return feePausesClock
    ? '自本通知送达之日至您缴费之日的期间，不计算在答复期限内。'
    : '答复期限不因收费而中止计算，本机关将在答复期限内作出答复。';
}

/** Why the clock stands still: a correction notice, a consultation, an unpaid fee notice. */
export const PAUSE_REASONS = ['correction', 'consultation', 'fee'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface ClockState {
  received: IsoDate;
  channel: ReceiptChannel;
  /** The start day of the 20 working days: the receipt day, or the day the corrected application arrived. */
  countingFrom: IsoDate;
  /** Last day to send the one-time correction notice (Art. 30): 7 working days after receipt. */
  correctionNoticeDue: IsoDate;
  /** A correction notice was sent and the corrected application has not arrived. */
  correctionPending: boolean;
  /** Reply deadline in force (extended if an extension was approved); null while it cannot be known. */
  replyDue: IsoDate | null;
  /** The deadline without extension. */
  originalReplyDue: IsoDate | null;
  /** The deadline an extension gives (or would give); null if it cannot be known or reaches a year not loaded. */
  extendedReplyDue: IsoDate | null;
  extended: boolean;
  /** 20, or 40 with an extension. */
  totalWorkingDays: number;
  /** Working days counted so far (up to `asOf`, at most up to the deadline); null while awaiting correction. */
  workingDaysUsed: number | null;
  workingDaysLeft: number | null;
  paused: boolean;
  pausedSince: IsoDate | null;
  pauseReason: PauseReason | null;
  /** Last day of the consulted party's 15 working days (latest consultation whose letter was received). */
  thirdPartyDue: IsoDate | null;
  /** Last day to pay the fee: 20 working days after the fee notice was received (latest notice). */
  feePaymentDue: IsoDate | null;
  /** today > replyDue; null without `today`. */
  overdue: boolean | null;
  /** The day `paused` / `workingDaysUsed` refer to: `today`, or the last event day. */
  asOf: IsoDate;
  /** Set when `extendedReplyDue` (not in force) could not be computed because this year is not loaded. */
  calendarMissingYear: number | null;
  /**
   * Years without a loaded notice that the dates up to the reply deadline (or up to `asOf` while it is
   * unknown) were counted on provisionally (`calendar/domain/provisional.ts`). Non-empty: `replyDue` is
   * provisional (暂定) and must never be stated as final.
   */
  provisionalYears: number[];
}

export type ClockErrorCode =
  | 'EXTENSION_ALREADY_USED'
  | 'CORRECTION_ALREADY_REQUESTED'
  | 'CLOCK_EVENT_INVALID'
  | 'RECEIPT_CHANNEL_INVALID'
  | 'RECEIPT_DATE_MISSING';

/** A rule of the clock was broken by the input (stable `code`, `params` for the message catalog). */
export class ClockError extends Error {
  readonly code: ClockErrorCode;
  readonly params: Record<string, string | number | null>;
  constructor(code: ClockErrorCode, message: string, params: Record<string, string | number | null> = {}) {
    super(message);
    this.name = 'ClockError';
    this.code = code;
    this.params = params;
  }
}

/** The dates an application may carry; which one is 收到申请之日 depends on the channel (Art. 31). */
export interface ReceiptDates {
  /** 提交之日 (in person). */
  submittedOn?: IsoDate;
  /** 签收之日 (registered post). */
  signedOn?: IsoDate;
  /** 确认之日 (ordinary post, online, fax). */
  confirmedOn?: IsoDate;
}

/** Art. 31: picks 收到申请之日 for a channel; throws `RECEIPT_DATE_MISSING` if that date is absent. */
export function receiptDateFor(channel: ReceiptChannel, dates: ReceiptDates): IsoDate {
  const field =
    channel === 'in-person' ? 'submittedOn' : channel === 'post-signed' ? 'signedOn' : 'confirmedOn';
  const value = dates[field];
  if (value === undefined) {
    throw new ClockError('RECEIPT_DATE_MISSING', `Receipt date missing: channel ${channel} needs ${field}`, {
      channel,
      field,
    });
  }
  toDayNumber(value);
  return value;
}

/** Order of same-day events (a letter is sent before it is delivered, etc.); -1 for an unknown type. */
function typeOrder(type: string): number {
  switch (type) {
    case 'correction-notice-sent':
      return 0;
    case 'correction-received':
      return 1;
    case 'consultation-sent':
      return 2;
    case 'consultation-delivered':
      return 3;
    case 'consultation-replied':
      return 4;
    case 'extension-approved':
      return 5;
    case 'fee-notice-sent':
      return 6;
    case 'fee-notice-received':
      return 7;
    case 'fee-paid':
      return 8;
    case 'reopened':
      return 9;
    default:
      return -1;
  }
}

interface Consultation {
  id: string | undefined;
  sent: number;
  delivered: number | null;
  replied: number | null;
  /** Last day of the consulted party's 15 working days (known once the letter was delivered). */
  expiry: number | null;
}

interface Fee {
  sent: number;
  received: number | null;
  paid: number | null;
}

/** A span (from, to] in which working days are not counted; `to` = Infinity while open-ended. */
interface Pause {
  from: number;
  to: number;
  reason: 'consultation' | 'fee';
}

interface Analysis {
  cal: DayNumberCalendar;
  receivedDay: number;
  start: number;
  correctionNoticeDue: number;
  correctionSent: number | null;
  correctionPending: boolean;
  extended: boolean;
  total: number;
  pauses: Pause[];
  merged: Pause[];
  consultations: Consultation[];
  fees: Fee[];
  feePauses: boolean;
  asOf: number;
  today: number | null;
}

function invalid(event: ClockEvent, reason: string): ClockError {
  return new ClockError(
    'CLOCK_EVENT_INVALID',
    `Invalid clock event ${event.type} on ${event.on}: ${reason}`,
    {
      type: event.type,
      on: event.on,
      reason,
    },
  );
}

/** The consultation an event refers to: by id, or the latest one still lacking that step. */
function findConsultation(
  list: Consultation[],
  event: ClockEvent & { consultationId?: string },
  step: 'delivered' | 'replied',
): Consultation {
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i] as Consultation;
    if (event.consultationId !== undefined) {
      if (c.id === event.consultationId) return c;
    } else if ((step === 'delivered' ? c.delivered : c.replied) === null) {
      return c;
    }
  }
  throw invalid(event, 'no matching consultation-sent');
}

const NO_EVENTS: readonly ClockEvent[] = [];

/**
 * Day numbers of the events and the order to read them in: by date, same-day events by type order,
 * then as recorded. A reopening keeps its place in the log: events recorded after it stay after it,
 * even on the same day. `order` is null when the log is already in that order (the usual case).
 */
function orderEvents(events: readonly ClockEvent[]): { days: number[]; order: number[] | null } {
  const days: number[] = new Array(events.length);
  const segments: number[] = new Array(events.length);
  let sorted = true;
  let prevDay = Number.NEGATIVE_INFINITY;
  let prevType = -1;
  let segment = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ClockEvent;
    const day = toDayNumber(event.on);
    const type = typeOrder(event.type);
    if (type < 0) throw invalid(event, 'unknown event type');
    days[i] = day;
    segments[i] = segment;
    if (event.type === 'reopened') segment++;
    if (day < prevDay || (day === prevDay && type < prevType && segments[i] === segments[i - 1])) {
      sorted = false;
    }
    prevDay = day;
    prevType = type;
  }
  if (sorted) return { days, order: null };
  const order = days.map((_, i) => i);
  order.sort(
    (x, y) =>
      (days[x] as number) - (days[y] as number) ||
      (segments[x] as number) - (segments[y] as number) ||
      typeOrder((events[x] as ClockEvent).type) - typeOrder((events[y] as ClockEvent).type) ||
      x - y,
  );
  return { days, order };
}

function analyse(input: ClockInput): Analysis {
  const cal = input.calendar.byDayNumber;
  const { receipt } = input;
  if (!isReceiptChannel(receipt.channel)) {
    throw new ClockError('RECEIPT_CHANNEL_INVALID', `Unknown receipt channel: ${String(receipt.channel)}`, {
      channel: String(receipt.channel),
    });
  }
  const receivedDay = toDayNumber(receipt.receivedOn);
  const today = input.today === undefined ? null : toDayNumber(input.today);
  const feePauses = input.rules?.feePausesClock === true;

  let correctionSent: number | null = null;
  let correctionReceived: number | null = null;
  let extensions = 0;
  const consultations: Consultation[] = [];
  const fees: Fee[] = [];
  let lastEventDay = receivedDay;
  let reopened: number | null = null;

  const events = input.events ?? NO_EVENTS;
  const { days, order } = orderEvents(events);
  for (let k = 0; k < events.length; k++) {
    const i = order === null ? k : (order[k] as number);
    const event = events[i] as ClockEvent;
    const day = days[i] as number;
    if (day < receivedDay) throw invalid(event, 'before the receipt date');
    if (day > lastEventDay) lastEventDay = day;
    switch (event.type) {
      case 'correction-notice-sent':
        if (correctionSent !== null) {
          throw new ClockError(
            'CORRECTION_ALREADY_REQUESTED',
            'A correction notice was already sent: Art. 30 requires one notice listing everything (一次性告知)',
            { on: event.on },
          );
        }
        correctionSent = day;
        break;
      case 'correction-received':
        if (correctionSent === null) throw invalid(event, 'no correction notice was sent');
        if (correctionReceived !== null)
          throw invalid(event, 'the corrected application was already received');
        correctionReceived = day;
        break;
      case 'consultation-sent':
        consultations.push({
          id: event.consultationId,
          sent: day,
          delivered: null,
          replied: null,
          expiry: null,
        });
        break;
      case 'consultation-delivered': {
        const c = findConsultation(consultations, event, 'delivered');
        if (c.delivered !== null) throw invalid(event, 'delivery already recorded');
        if (day < c.sent) throw invalid(event, 'delivered before the letter was sent');
        c.delivered = day;
        break;
      }
      case 'consultation-replied': {
        const c = findConsultation(consultations, event, 'replied');
        if (c.replied !== null) throw invalid(event, 'reply already recorded');
        if (day < c.sent || (c.delivered !== null && day < c.delivered)) {
          throw invalid(event, 'reply dated before the letter was sent or delivered');
        }
        c.replied = day;
        break;
      }
      case 'extension-approved':
        extensions++;
        if (extensions > 1) {
          throw new ClockError(
            'EXTENSION_ALREADY_USED',
            'The reply period was already extended once: Art. 33 allows one extension of at most 20 working days',
            { on: event.on },
          );
        }
        break;
      case 'fee-notice-sent':
        fees.push({ sent: day, received: null, paid: null });
        break;
      case 'fee-notice-received':
      case 'fee-paid': {
        const key = event.type === 'fee-paid' ? 'paid' : 'received';
        const fee = fees.findLast((f) => f[key] === null);
        if (fee === undefined) throw invalid(event, 'no matching fee-notice-sent');
        fee[key] = day;
        break;
      }
      case 'reopened':
        // DERIVED (docs/law/deadlines.md §6): a new answer ordered by a reconsideration decision or a
        // judgment is a new Art. 33 period from the decision; what happened before no longer counts.
        reopened = day;
        correctionSent = null;
        correctionReceived = null;
        extensions = 0;
        consultations.length = 0;
        fees.length = 0;
        break;
      default:
        throw invalid(event, 'unknown event type');
    }
  }

  const start = correctionReceived ?? reopened ?? receivedDay;
  const pauses: Pause[] = [];
  for (const c of consultations) {
    // Without a reply the pause ends when the consulted party's 15 working days run out; a late reply
    // does not extend it.
    const expiry = c.delivered === null ? null : cal.addWorkingDays(c.delivered, 15);
    c.expiry = expiry;
    let to = Number.POSITIVE_INFINITY;
    if (c.replied !== null) to = expiry !== null && expiry < c.replied ? expiry : c.replied;
    else if (expiry !== null) to = expiry;
    if (to > start) pauses.push({ from: c.sent, to, reason: 'consultation' });
  }
  if (feePauses) {
    for (const f of fees) {
      const to = f.paid ?? Number.POSITIVE_INFINITY;
      if (to > start) pauses.push({ from: f.sent, to, reason: 'fee' });
    }
  }
  let merged: Pause[] = pauses;
  if (pauses.length > 1) {
    merged = [];
    for (const p of [...pauses].sort((x, y) => x.from - y.from)) {
      const last = merged.length === 0 ? undefined : merged[merged.length - 1];
      if (last !== undefined && p.from <= last.to) {
        if (p.to > last.to) last.to = p.to;
      } else {
        merged.push({ from: p.from, to: p.to, reason: p.reason });
      }
    }
  }

  const extended = extensions > 0;
  return {
    cal,
    receivedDay,
    start,
    correctionNoticeDue: cal.addWorkingDays(reopened ?? receivedDay, 7),
    correctionSent,
    correctionPending: correctionSent !== null && correctionReceived === null,
    extended,
    total: extended ? 40 : 20,
    pauses,
    merged,
    consultations,
    fees,
    feePauses,
    asOf: today ?? lastEventDay,
    today,
  };
}

/** The `total`-th counted working day after `start`, skipping paused spans; null if it lies beyond an open pause. */
function nthCountedDay(cal: DayNumberCalendar, start: number, total: number, merged: Pause[]): number | null {
  let pos = start;
  let remaining = total;
  for (const p of merged) {
    if (p.to <= pos) continue;
    const from = Math.max(p.from, pos);
    const candidate = cal.addWorkingDays(pos, remaining);
    if (candidate <= from) return candidate;
    remaining -= cal.countWorkingDays(pos, from);
    if (p.to === Number.POSITIVE_INFINITY) return null;
    pos = p.to;
  }
  return cal.addWorkingDays(pos, remaining);
}

/** Counted working days in (start, until], paused spans excluded. */
function countedUpTo(cal: DayNumberCalendar, start: number, until: number, merged: Pause[]): number {
  if (until <= start) return 0;
  let pos = start;
  let used = 0;
  for (const p of merged) {
    if (p.to <= pos) continue;
    const from = Math.max(p.from, pos);
    if (until <= from) return used + cal.countWorkingDays(pos, until);
    used += cal.countWorkingDays(pos, from);
    if (until <= p.to) return used;
    pos = p.to;
  }
  return used + cal.countWorkingDays(pos, until);
}

/** Computes the clock of one application from its receipt and events. Pure. */
export function computeClock(input: ClockInput): ClockState {
  const a = analyse(input);
  const { cal, asOf } = a;

  let original: number | null = null;
  let extendedDue: number | null = null;
  let calendarMissingYear: number | null = null;
  if (!a.correctionPending) {
    original = nthCountedDay(cal, a.start, 20, a.merged);
    // The original deadline is a counted day outside every pause: the extension's 20 counted days
    // continue from it.
    if (original !== null) {
      if (a.extended) {
        extendedDue = nthCountedDay(cal, original, 20, a.merged);
      } else {
        try {
          extendedDue = nthCountedDay(cal, original, 20, a.merged);
        } catch (error) {
          if (!(error instanceof CalendarYearMissingError)) throw error;
          calendarMissingYear = error.params.year;
        }
      }
    }
  }
  const replyDue = a.extended ? extendedDue : original;

  let used: number | null = null;
  if (!a.correctionPending) {
    const until = replyDue !== null && replyDue < asOf ? replyDue : asOf;
    used = countedUpTo(cal, a.start, until, a.merged);
  }

  // What stops the clock on `asOf` (earliest cause first).
  let pausedSince: number | null = null;
  let pauseReason: PauseReason | null = null;
  if (a.correctionPending && a.correctionSent !== null && a.correctionSent <= asOf) {
    pausedSince = a.correctionSent;
    pauseReason = 'correction';
  } else {
    for (const c of a.consultations) {
      const answered = c.replied !== null && c.replied <= asOf;
      const expired = c.expiry !== null && c.expiry < asOf;
      if (c.sent <= asOf && !answered && !expired && (pausedSince === null || c.sent < pausedSince)) {
        pausedSince = c.sent;
        pauseReason = 'consultation';
      }
    }
    if (a.feePauses) {
      for (const f of a.fees) {
        const paid = f.paid !== null && f.paid <= asOf;
        if (f.sent <= asOf && !paid && (pausedSince === null || f.sent < pausedSince)) {
          pausedSince = f.sent;
          pauseReason = 'fee';
        }
      }
    }
  }

  // (Length checks first: reading index -1 of an empty array is a slow named-property lookup.)
  const nc = a.consultations.length;
  const thirdPartyDue = nc === 0 ? null : (a.consultations[nc - 1] as Consultation).expiry;
  let feePaymentDue: number | null = null;
  const lastFee = a.fees.length === 0 ? undefined : a.fees[a.fees.length - 1];
  if (lastFee !== undefined && lastFee.received !== null) {
    // The payment period must not take the reply deadline down with it: a year not loaded leaves it
    // unknown (null) and is reported in calendarMissingYear, never guessed.
    try {
      feePaymentDue = cal.addWorkingDays(lastFee.received, 20);
    } catch (err) {
      if (!(err instanceof CalendarYearMissingError)) throw err;
      calendarMissingYear ??= err.params.year;
    }
  }

  return {
    received: input.receipt.receivedOn,
    channel: input.receipt.channel,
    countingFrom: cal.toIso(a.start),
    correctionNoticeDue: cal.toIso(a.correctionNoticeDue),
    correctionPending: a.correctionPending,
    replyDue: replyDue === null ? null : cal.toIso(replyDue),
    originalReplyDue: original === null ? null : cal.toIso(original),
    extendedReplyDue: extendedDue === null ? null : cal.toIso(extendedDue),
    extended: a.extended,
    totalWorkingDays: a.total,
    workingDaysUsed: used,
    workingDaysLeft: used === null ? null : Math.max(0, a.total - used),
    paused: pauseReason !== null,
    pausedSince: pausedSince === null ? null : cal.toIso(pausedSince),
    pauseReason,
    thirdPartyDue: thirdPartyDue === null ? null : cal.toIso(thirdPartyDue),
    feePaymentDue: feePaymentDue === null ? null : cal.toIso(feePaymentDue),
    overdue: a.today === null ? null : replyDue !== null && a.today > replyDue,
    asOf: cal.toIso(asOf),
    calendarMissingYear,
    provisionalYears: provisionalYearsBetween(
      input.calendar,
      input.receipt.receivedOn,
      cal.toIso(replyDue ?? Math.max(asOf, a.start)),
    ),
  };
}

/** One day of a deadline explanation. */
export interface ExplainedDay {
  date: IsoDate;
  /** 星期一 … 星期日. */
  weekday: string;
  kind: DayKind;
  counted: boolean;
  /** Number of the counted working day (1-based), null when skipped. */
  ordinal: number | null;
  /** Why it counts or not: 工作日 / 周末 / 法定节假日（春节） / 调休上班日计入（春节） / 征求意见期间不计算. */
  reason: string;
  /** Marks the original and the final deadline. */
  note: string | null;
}

/** A day-by-day account of how the reply deadline was counted (for the public 答复期限计算 page). */
export interface DeadlineExplanation {
  received: IsoDate;
  countingFrom: IsoDate;
  /** Sentence on the start day, e.g. 2024年2月8日为收到申请之日，当日不计入，自次日起计算。 */
  startNote: string;
  due: IsoDate | null;
  originalDue: IsoDate | null;
  totalWorkingDays: number;
  days: ExplainedDay[];
  summary: string;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const PAUSE_TEXT: Record<Pause['reason'], string> = {
  consultation: '征求意见期间，不计算（条例第三十三条第三款）',
  fee: '收费通知至缴费期间，不计算（本地规定）',
};

/**
 * Lists every day from the day after the start day up to the reply deadline, each counted working day
 * with its number and each skipped day with its reason in Chinese. Uses the same rules as `computeClock`.
 */
export function explainDeadline(input: ClockInput): DeadlineExplanation {
  const state = computeClock(input);
  const a = analyse(input);
  const { cal } = a;
  const startText = formatChineseDate(state.countingFrom);
  const startNote =
    a.start === a.receivedDay
      ? `${startText}为收到申请之日，当日不计入，自次日起计算。`
      : `${startText}为收到补正后申请之日，答复期限重新计算，当日不计入，自次日起计算。`;
  const days: ExplainedDay[] = [];
  if (a.correctionPending) {
    return {
      received: state.received,
      countingFrom: state.countingFrom,
      startNote,
      due: null,
      originalDue: null,
      totalWorkingDays: a.total,
      days,
      summary: '已告知申请人补正，答复期限自收到补正后的申请之日起重新计算。',
    };
  }
  const due = state.replyDue === null ? null : toDayNumber(state.replyDue);
  const originalDue = state.originalReplyDue === null ? null : toDayNumber(state.originalReplyDue);
  const openPause = a.merged.find((p) => p.to === Number.POSITIVE_INFINITY);
  const last = due ?? Math.max(openPause?.from ?? a.start, a.asOf);
  let ordinal = 0;
  for (let day = a.start + 1; day <= last; day++) {
    const kind = cal.dayKind(day);
    const name = cal.holidayName(day);
    const pause = a.pauses.find((p) => p.from < day && day <= p.to);
    const working = kind === 'workday' || kind === 'makeup-workday';
    const named = name === null ? '' : `（${name}）`;
    const counted = pause === undefined && working;
    let reason: string;
    if (kind === 'workday') reason = '工作日';
    else if (kind === 'makeup-workday') reason = `调休上班日计入${named}`;
    else if (kind === 'holiday') reason = `法定节假日${named}`;
    else reason = '周末';
    if (pause !== undefined) reason = working ? PAUSE_TEXT[pause.reason] : `${reason}（暂停期间）`;
    if (counted) ordinal++;
    let note: string | null = null;
    if (day === due) note = a.extended ? '延长后的答复期限' : '答复期限';
    else if (a.extended && day === originalDue) note = '原答复期限（已延长20个工作日）';
    days.push({
      date: cal.toIso(day),
      weekday: WEEKDAYS[weekdayOfDayNumber(day)] as string,
      kind,
      counted,
      ordinal: counted ? ordinal : null,
      reason,
      note,
    });
  }
  const summary =
    due === null
      ? `已计算${ordinal}个工作日；自${formatChineseDate(cal.toIso(openPause?.from ?? a.start))}起暂停计算，恢复日期尚未确定。`
      : `共计${a.total}个工作日，答复期限为${formatChineseDate(cal.toIso(due))}（${WEEKDAYS[weekdayOfDayNumber(due)]}）。`;
  return {
    received: state.received,
    countingFrom: state.countingFrom,
    startNote,
    due: state.replyDue,
    originalDue: state.originalReplyDue,
    totalWorkingDays: a.total,
    days,
    summary,
  };
}
