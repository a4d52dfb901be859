/**
 * Loading a year from the State Council notice itself (国务院办公厅关于20XX年部分节假日安排的通知): the
 * text is read by `domain/notice.ts`, previewed against what is stored (or, for a year not loaded yet,
 * against its provisional calendar), and saved after confirmation through `saveYears` — one
 * transaction, audited, deadlines recomputed. Days the notice gives of the previous year (元旦 ranges
 * such as 2026-12-31) are merged into that year's stored entry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Emit } from '../../platform/events.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { CalendarYear } from './domain/calendar.ts';
import {
  type CalendarYearDiff,
  diffCalendarYear,
  mergePreviousYearDays,
  type NoticeHoliday,
  parseHolidayNotice,
  toCalendarYears,
} from './domain/notice.ts';
import { provisionalYear } from './domain/provisional.ts';
import { authorize, saveYears } from './service.ts';
import * as store from './store.ts';

export type NoticeInput = { text: string; url?: string | null };

export type NoticePreview = {
  year: number;
  notice: CalendarYear['notice'];
  holidays: NoticeHoliday[];
  /** The year as it would be saved. */
  entry: CalendarYear;
  /** The previous year's stored entry with the notice's days added, when it has any and is loaded. */
  previousEntry: CalendarYear | null;
  /** Days of the previous year in the notice that cannot be saved because that year is not loaded. */
  previousIgnored: string[];
  /** `loaded`: the year is already stored and would be replaced; `provisional`: compared with the estimate. */
  comparedWith: 'loaded' | 'provisional';
  diff: CalendarYearDiff;
  previousDiff: CalendarYearDiff | null;
  /** Notes on what the notice lacks (signing date), in Chinese; non-empty blocks saving. */
  missing: string[];
};

function refuse(errors: string[]): never {
  throw new AppError(
    'CALENDAR_NOTICE_UNREADABLE',
    {},
    errors.map((message) => ({ path: 'text', message })),
  );
}

/** Reads the notice and compares it with the calendar as stored; saves nothing. */
export async function previewNotice(db: Kysely<Database>, actor: Actor | null, input: NoticeInput) {
  // null: the operator at the command line.
  if (actor) authorize(actor, 'calendar.manage');
  const parsed = parseHolidayNotice(input.text);
  if (!parsed.ok) refuse(parsed.errors);
  const url = input.url?.trim() ?? '';
  const { current, previous, missing } = toCalendarYears(parsed, url);
  const stored = await store.findYearRow(db, current.year);
  const before = stored ? store.rowToYear(stored) : provisionalYear(current.year);
  let previousEntry: CalendarYear | null = null;
  let previousDiff: CalendarYearDiff | null = null;
  const previousIgnored: string[] = [];
  if (previous) {
    const prevRow = await store.findYearRow(db, previous.year);
    if (prevRow) {
      const prev = store.rowToYear(prevRow);
      previousEntry = mergePreviousYearDays(prev, previous);
      previousDiff = diffCalendarYear(prev, previousEntry);
    } else {
      previousIgnored.push(...previous.daysOff, ...previous.makeupWorkdays);
    }
  }
  return {
    year: current.year,
    notice: current.notice,
    holidays: parsed.holidays,
    entry: current,
    previousEntry: previousDiff?.changed ? previousEntry : null,
    previousIgnored,
    comparedWith: stored ? 'loaded' : 'provisional',
    diff: diffCalendarYear(before, current),
    previousDiff: previousDiff?.changed ? previousDiff : null,
    // The web address is optional here: a pasted notice is often a copy from a newspaper or an OA system.
    missing: missing.filter((m) => !m.includes('网址')),
  } satisfies NoticePreview;
}

/**
 * Saves the notice's year (and the previous year's extra days). A year already loaded is replaced
 * only with `replace: true` (the office has seen the differences); a notice without a signing date is
 * refused. Nothing is saved half-way.
 */
export async function loadNotice(
  db: Kysely<Database>,
  actor: Actor | null,
  emit: Emit,
  input: NoticeInput & { replace?: boolean },
) {
  const preview = await previewNotice(db, actor, input);
  if (preview.missing.length > 0) refuse(preview.missing);
  if (preview.comparedWith === 'loaded' && !input.replace) {
    throw new AppError('CALENDAR_YEAR_EXISTS', { year: preview.year });
  }
  const entries = preview.previousEntry ? [preview.previousEntry, preview.entry] : [preview.entry];
  const rows = await saveYears(db, actor, emit, entries);
  return { preview, years: rows.map((r) => r.year) };
}
