/**
 * 依申请公开 analytics for one year (统计分析): pure aggregation of counts the database has already
 * grouped, plus the statutory clock for the few replied cases whose clock was paused.
 *
 * Inputs are rows of `group by grouping sets` (one row per value of one breakdown, `n` cases each), so
 * that the database does the counting; hand-made rows with `n: 1` per case work the same way.
 *
 * - The year's cases are those received (收到申请之日, Art. 31) in that year; applications still
 *   awaiting confirmation have no receipt date and are not counted.
 * - Outcomes are counted on the rows of table 三 of the annual report (`reportRowFor`), by applicant type
 *   (its columns). Cases without an outcome yet are counted as 办理中.
 * - On time: replied on or before the reply deadline in force (a reply while the clock had no deadline,
 *   i.e. during an open consultation, is on time). The rate of replies on time counts every case that
 *   has come due: the replies, and the open cases past their deadline (逾期未答复) — a case 11 working
 *   days overdue must pull the rate down before it is answered, not only after. Past the deadline means
 *   what the workbench's 已逾期 view means: the stored reply deadline is before today.
 * - Working days to reply: working days from the receipt day (not counted) to the reply day, minus the
 *   days the clock did not run (waiting for a correction, consultations: `pausedDays`). The sum over
 *   cases uses Σ(count(reply) − count(receipt)) = Σ W(reply) − Σ W(receipt), W(d) being the working days
 *   up to d, so only the number of cases per receipt day and per reply day is needed.
 */
import { type Calendar, CalendarYearMissingError } from '../../calendar/domain/calendar.ts';
import type { IsoDate } from '../../calendar/domain/dates.ts';
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES, type ApplicantType, isApplicantType } from './applicant.ts';
import { computeClock, type ReceiptChannel } from './clock.ts';
import {
  isOutcomeCode,
  OUTCOME_GROUP_LABELS,
  type OutcomeGroup,
  REPORT_ROWS,
  type ReportRowKey,
  reportRowFor,
  validateOutcome,
} from './outcomes.ts';
import { type LoggedEvent, STAGE_LABELS, STAGES, type Stage, toClockEvents } from './stages.ts';

/** A count of cases sharing one value of one breakdown (one row of SQL `group by grouping sets`). */
export type CountRow =
  | { dim: 'month'; key: number; n: number }
  | { dim: 'channel'; key: string; n: number }
  | { dim: 'applicantType'; key: string; n: number }
  | { dim: 'unit'; key: number | null; n: number }
  | { dim: 'stage'; key: string; n: number }
  /** Outcome (null = not decided yet) and ground, by applicant type: the cells of table 三. */
  | { dim: 'outcome'; key: string | null; ground: string | null; applicantType: string; n: number };

/** Replied cases counted per receipt day and per reply day, split by whether the reply was on time. */
export interface ReplyDayRow {
  side: 'received' | 'replied';
  day: IsoDate;
  onTime: boolean;
  n: number;
}

/** A replied case whose clock stopped at some point (correction, consultation): its log is replayed. */
export interface PausedReply {
  receivedOn: IsoDate;
  /** Receipt channel as the clock knows it (e-mail counts as online). */
  channel: ReceiptChannel;
  repliedOn: IsoDate;
  /** The case's events (stored rows mapped to `{ type, on, data }`), up to and including the reply. */
  events: readonly LoggedEvent[];
}

/**
 * The paused replies added up: how many, their paused working days (those the calendar could count), and
 * the year the calendar lacked for the first one (by case id) it could not count.
 */
export interface PausedTotals {
  cases: number;
  days: number;
  missingYear: number | null;
}

/** One paused reply's working days without the clock, or the calendar year that was missing to count them. */
export type PausedFact = { days: number; missingYear: null } | { days: null; missingYear: number };

export interface AnalyticsInput {
  year: number;
  counts: readonly CountRow[];
  replies: readonly ReplyDayRow[];
  /** The paused replies to replay, or their totals (facts stored per case, see `pausedFactOf`). */
  paused: readonly PausedReply[] | PausedTotals;
  calendar: Calendar;
  /** Names of the handling units that appear in `counts`. */
  unitNames?: Readonly<Record<number, string>>;
  /** The year's open cases past their reply deadline today (none when left out). */
  overdueOpen?: number;
}

export interface Count<K> {
  key: K;
  label: string;
  count: number;
}

export interface OutcomeRowCount {
  key: ReportRowKey;
  group: OutcomeGroup;
  groupLabel: string;
  label: string;
  /** Cases by applicant type, in the order of APPLICANT_TYPES (the report's columns). */
  byApplicantType: number[];
  count: number;
}

export interface Timeliness {
  replied: number;
  onTime: number;
  late: number;
  /** Open cases (the clock running or paused) whose reply deadline has passed: 逾期未答复. */
  overdueOpen: number;
  /** onTime / (replied + overdueOpen), 0…1; null when no case has come due. */
  onTimeRate: number | null;
  /** Average working days from receipt to reply, paused days excluded; null if unknown. */
  averageWorkingDays: number | null;
  /** Working days between receipt and reply on which the clock did not run, over all replies; null if unknown. */
  pausedWorkingDays: number | null;
  /** Replies whose clock was paused at some point. */
  pausedCases: number;
  /** A year the holiday calendar lacks, which left the working-day figures unknown. */
  calendarMissingYear: number | null;
}

export interface Analytics {
  year: number;
  total: number;
  byMonth: Count<number>[];
  byChannel: Count<string>[];
  byApplicantType: Count<string>[];
  byUnit: Count<number | null>[];
  byStage: Count<string>[];
  /** The 21 rows of table 三 “本年度办理结果”. */
  byOutcome: OutcomeRowCount[];
  /** Totals of the six outcome groups （一）…（六）. */
  byOutcomeGroup: Count<OutcomeGroup>[];
  /** Cases without an outcome yet (办理中), and cases whose outcome/ground could not be mapped. */
  undecided: number;
  unmapped: number;
  timeliness: Timeliness;
}

const UNIT_NONE_LABEL = '未分办';

function sortByCount<K>(list: Count<K>[]): Count<K>[] {
  return list.sort((a, b) => b.count - a.count || String(a.label).localeCompare(String(b.label), 'zh-CN'));
}

function add<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Working days after `receivedOn` up to `repliedOn` on which the clock did not run. */
export function pausedDaysOf(calendar: Calendar, r: PausedReply): number {
  const state = computeClock({
    calendar,
    receipt: { channel: r.channel, receivedOn: r.receivedOn },
    events: toClockEvents(r.events.filter((e) => !e.on || e.on <= r.repliedOn)),
    today: r.repliedOn,
  });
  const due = state.replyDue;
  if (due !== null && r.repliedOn > due) {
    // Late: up to the deadline the clock counted exactly its total; every other working day was paused.
    return Math.max(0, calendar.countWorkingDays(r.receivedOn, due) - state.totalWorkingDays);
  }
  const elapsed = calendar.countWorkingDays(r.receivedOn, r.repliedOn);
  return Math.max(0, elapsed - (state.workingDaysUsed ?? elapsed));
}

/** `pausedDaysOf`, with a missing calendar year reported instead of thrown. */
export function pausedFactOf(calendar: Calendar, r: PausedReply): PausedFact {
  try {
    return { days: pausedDaysOf(calendar, r), missingYear: null };
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    return { days: null, missingYear: err.params.year };
  }
}

/** Adds up paused replies' facts, in case order (the first missing year is the one reported). */
export function sumPausedFacts(facts: readonly PausedFact[]): PausedTotals {
  let days = 0;
  let missingYear: number | null = null;
  for (const f of facts) {
    if (f.missingYear !== null) missingYear ??= f.missingYear;
    else days += f.days;
  }
  return { cases: facts.length, days, missingYear };
}

function isTotals(p: AnalyticsInput['paused']): p is PausedTotals {
  return !Array.isArray(p);
}

function timeliness(input: AnalyticsInput): Timeliness {
  let replied = 0;
  let onTime = 0;
  const days = new Map<IsoDate, number>();
  for (const r of input.replies) {
    if (r.side === 'received') {
      replied += r.n;
      if (r.onTime) onTime += r.n;
      add(days, r.day, -r.n);
    } else {
      add(days, r.day, r.n);
    }
  }
  let missingYear: number | null = null;
  let elapsed = 0;
  const sorted = [...days.keys()].sort();
  const anchor = sorted[0];
  try {
    if (anchor !== undefined) {
      // Σ over cases of (W(reply) − W(receipt)), W measured from the earliest day (W(anchor) = 0).
      for (const day of sorted)
        elapsed += (days.get(day) as number) * input.calendar.countWorkingDays(anchor, day);
    }
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    missingYear = err.params.year;
  }
  const totals = isTotals(input.paused)
    ? input.paused
    : sumPausedFacts(input.paused.map((p) => pausedFactOf(input.calendar, p)));
  const paused = totals.days;
  missingYear ??= totals.missingYear;
  const overdueOpen = input.overdueOpen ?? 0;
  const due = replied + overdueOpen;
  return {
    replied,
    onTime,
    late: replied - onTime,
    overdueOpen,
    onTimeRate: due === 0 ? null : onTime / due,
    averageWorkingDays:
      replied === 0 || missingYear !== null ? null : Math.round(((elapsed - paused) / replied) * 10) / 10,
    pausedWorkingDays: missingYear === null ? paused : null,
    pausedCases: totals.cases,
    calendarMissingYear: missingYear,
  };
}

/** The report row of an outcome and ground, or null when the pair is invalid (never guessed). */
export function reportRowOf(outcome: string, ground: string | null): ReportRowKey | null {
  // 部分公开 counts in （二） whatever its ground (区分处理的，只计这一情形): a case imported from an office's
  // ledger (requests/import) records none.
  if (outcome === 'PARTIAL' && ground === null) return '3.2';
  if (!isOutcomeCode(outcome) || validateOutcome(outcome, ground).length > 0) return null;
  return reportRowFor(outcome, ground);
}

/** The outcome rows of table 三 by applicant type, from the `outcome` counts. */
export interface OutcomeCounts {
  /** The 21 rows of table 三 “本年度办理结果”. */
  rows: OutcomeRowCount[];
  /** Cases without an outcome yet (办理中), and cases whose outcome/ground could not be mapped. */
  undecided: number;
  unmapped: number;
}

/** Counts the `outcome` rows of grouped counts on the rows (and applicant-type columns) of table 三. */
export function countOutcomes(counts: readonly CountRow[]): OutcomeCounts {
  const rows = new Map<ReportRowKey, number[]>(REPORT_ROWS.map((r) => [r.key, APPLICANT_TYPES.map(() => 0)]));
  let undecided = 0;
  let unmapped = 0;
  for (const c of counts) {
    if (c.dim !== 'outcome') continue;
    if (c.key === null) {
      undecided += c.n;
      continue;
    }
    const key = reportRowOf(c.key, c.ground);
    const column = APPLICANT_TYPES.indexOf(c.applicantType as ApplicantType);
    const cells = key === null ? undefined : rows.get(key);
    if (cells === undefined || column < 0) unmapped += c.n;
    else cells[column] = (cells[column] as number) + c.n;
  }
  return {
    rows: REPORT_ROWS.map((r): OutcomeRowCount => {
      const cells = rows.get(r.key) as number[];
      return {
        key: r.key,
        group: r.group,
        groupLabel: OUTCOME_GROUP_LABELS[r.group],
        label: r.label,
        byApplicantType: cells,
        count: cells.reduce((s, n) => s + n, 0),
      };
    }),
    undecided,
    unmapped,
  };
}

/** All figures for one year from grouped counts, reply days and paused replies. */
export function computeAnalytics(input: AnalyticsInput): Analytics {
  const months = new Map<number, number>();
  const channels = new Map<string, number>();
  const types = new Map<string, number>();
  const units = new Map<number | null, number>();
  const stages = new Map<string, number>();
  for (const c of input.counts) {
    switch (c.dim) {
      case 'month':
        add(months, c.key, c.n);
        break;
      case 'channel':
        add(channels, c.key, c.n);
        break;
      case 'applicantType':
        add(types, c.key, c.n);
        break;
      case 'unit':
        add(units, c.key, c.n);
        break;
      case 'stage':
        add(stages, c.key, c.n);
        break;
    }
  }
  const total = [...months.values()].reduce((s, n) => s + n, 0);
  const { rows: byOutcome, undecided, unmapped } = countOutcomes(input.counts);
  const groups = new Map<OutcomeGroup, number>();
  for (const r of byOutcome) add(groups, r.group, r.count);
  const names = input.unitNames ?? {};
  return {
    year: input.year,
    total,
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      key: i + 1,
      label: `${i + 1}月`,
      count: months.get(i + 1) ?? 0,
    })),
    byChannel: sortByCount([...channels].map(([key, count]) => ({ key, label: key, count }))),
    // Every column of the report, in its order, even when empty; an unknown type is kept, not dropped.
    byApplicantType: [
      ...APPLICANT_TYPES.map((key) => ({
        key,
        label: APPLICANT_TYPE_INFO[key].label,
        count: types.get(key) ?? 0,
      })),
      ...[...types]
        .filter(([key]) => !isApplicantType(key))
        .map(([key, count]) => ({ key, label: key, count })),
    ],
    byUnit: sortByCount(
      [...units].map(([key, count]) => ({
        key,
        label: key === null ? UNIT_NONE_LABEL : (names[key] ?? `单位${key}`),
        count,
      })),
    ),
    byStage: [...stages]
      .map(([key, count]) => ({ key, label: STAGE_LABELS[key as Stage] ?? key, count }))
      .sort((a, b) => STAGES.indexOf(a.key as Stage) - STAGES.indexOf(b.key as Stage)),
    byOutcome,
    byOutcomeGroup: (Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[]).map((key) => ({
      key,
      label: OUTCOME_GROUP_LABELS[key],
      count: groups.get(key) ?? 0,
    })),
    undecided,
    unmapped,
    timeliness: timeliness(input),
  };
}

/** One application for the release suggestions: its topical subject words (from the segmenter). */
export interface SubjectTerms {
  id: number;
  subject: string;
  terms: readonly string[];
  /** Replied with DISCLOSE or PARTIAL, and not in the release queue yet: it may be flagged. */
  flaggable: boolean;
}

export interface ReleaseSuggestion {
  /** The two words the applications share. */
  keywords: [string, string];
  /** Applications whose subject has both words. */
  count: number;
  /** A few of their subjects (distinct). */
  subjects: string[];
  /** Of those, the ones that may be flagged for 转主动公开 (at most 20). */
  flaggableIds: number[];
}

/**
 * Subjects asked for again and again (条例第四十四条: information requested by several applicants may be
 * published proactively): pairs of subject words shared by at least `minApplications` applications, most
 * frequent first; a pair whose applications are all covered by an earlier suggestion is left out.
 */
export function releaseSuggestions(
  apps: readonly SubjectTerms[],
  minApplications = 3,
  limit = 10,
): ReleaseSuggestion[] {
  // Words are numbered so that a pair is one number (first × K + second): no string per pair.
  const ids = new Map<string, number>();
  const words: string[] = [];
  const lists = apps.map((app) =>
    [...new Set(app.terms)]
      .slice(0, 12)
      .sort()
      .map((w) => {
        let id = ids.get(w);
        if (id === undefined) {
          id = words.length;
          ids.set(w, id);
          words.push(w);
        }
        return id;
      }),
  );
  const K = words.length;
  const pairs = new Map<number, number[]>();
  lists.forEach((list, index) => {
    for (let i = 0; i < list.length; i++) {
      const base = (list[i] as number) * K;
      for (let j = i + 1; j < list.length; j++) {
        const key = base + (list[j] as number);
        const found = pairs.get(key);
        if (found) found.push(index);
        else pairs.set(key, [index]);
      }
    }
  });
  const frequent: [string, number[]][] = [];
  for (const [key, list] of pairs) {
    if (list.length >= minApplications) {
      frequent.push([`${words[Math.floor(key / K)]}\u0000${words[key % K]}`, list]);
    }
  }
  frequent.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const covered = new Set<number>();
  const out: ReleaseSuggestion[] = [];
  for (const [key, list] of frequent) {
    if (out.length >= limit) break;
    if (list.every((i) => covered.has(i))) continue;
    for (const i of list) covered.add(i);
    const members = list.map((i) => apps[i] as SubjectTerms);
    out.push({
      keywords: key.split('\u0000') as [string, string],
      count: list.length,
      subjects: [...new Set(members.map((a) => a.subject))].slice(0, 3),
      flaggableIds: members
        .filter((a) => a.flaggable)
        .map((a) => a.id)
        .slice(0, 20),
    });
  }
  return out;
}
