/**
 * 答复期限提醒: the hourly sweep over running cases that reminds the assigned handler and the agency's
 * disclosure office of a coming or passed reply deadline.
 *
 * When (working days counted with the stored calendar, `today` a China date):
 * - N working days left, N in the configured set (GONGKAI_REMINDER_DAYS, default 5 and 1);
 * - on the due day itself (0);
 * - overdue: on the first working day after the deadline, then every 5 working days (a working week),
 *   so an overdue case is not repeated every day.
 * Each reminder is created once: its kind carries the milestone (`request.due.5`, `request.due.0`,
 * `request.overdue.6`) and the notifications' unique key (user, kind, subject, due date) drops repeats,
 * so hourly runs, a second server process, or a restart never duplicate one. A new deadline (e.g. after
 * an extension) starts its own reminders.
 * A deadline counted provisionally over a year whose 节假日安排 is not loaded yet is reminded of as
 * provisional (暂定). One that cannot be counted at all (beyond the provisional years) is never guessed:
 * the office gets one notification per missing year (CALENDAR_YEAR_MISSING) listing the cases concerned.
 *
 * Cost: one aggregate over the due-date index (distinct deadlines), the milestone computed once per
 * date, one indexed query for the cases on those dates, one query for the recipients, and set-based
 * inserts — independent of how many cases are open.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { describeError } from '../../platform/http/errors.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { chinaDateOf } from '../../platform/time.ts';
import {
  type Calendar,
  CalendarYearMissingError,
  formatChineseDate,
  loadCalendar,
  provisionalNote,
  workingDaysUntil,
} from '../calendar/index.ts';
import { createNotifications, type NewNotification } from '../notifications/index.ts';
import { activeUsers, loadReceiving } from '../orgs/index.ts';
import { recipientActor } from './case-actor.ts';
import { can, REMINDED_ROLES } from './domain/policies.ts';
import { runningStageSql } from './store.ts';

/** Overdue reminders repeat after this many working days. */
export const OVERDUE_REPEAT_WORKING_DAYS = 5;

/** Verbatim the predicate of `requests_due_idx`, so the planner uses the partial index. */
const RUNNING = runningStageSql();

/** What a reply deadline calls for today; null: nothing. */
export type Milestone =
  | { type: 'due'; daysLeft: number }
  | { type: 'overdue'; daysOver: number }
  | { type: 'calendar-missing'; year: number }
  | null;

/** The reminder a deadline `due` calls for on `today` (pure; the calendar throws for a missing year). */
export function milestoneFor(
  calendar: Calendar,
  due: string,
  today: string,
  days: ReadonlySet<number>,
): Milestone {
  if (due === today) return { type: 'due', daysLeft: 0 };
  try {
    const left = workingDaysUntil(calendar, today, due);
    if (due > today) return days.has(left) ? { type: 'due', daysLeft: left } : null;
    const over = -left;
    return over >= 1 && (over - 1) % OVERDUE_REPEAT_WORKING_DAYS === 0
      ? { type: 'overdue', daysOver: over }
      : null;
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return { type: 'calendar-missing', year: err.params.year };
    throw err;
  }
}

type CaseRow = {
  id: number;
  case_no: string | null;
  subject: string;
  org_id: number;
  unit_id: number | null;
  handler_id: number | null;
  reply_due: string | null;
  clock_missing_year: number | null;
};

type Recipients = {
  /** Handlers of the assigned unit, or the case's own handler when set (and active). */
  handlersOf(c: CaseRow): readonly number[];
  /** Office users of the addressed agency: in the agency itself or in its disclosure office. */
  officesOf(agencyId: number): readonly number[];
};

async function loadRecipients(db: Kysely<Database>, handlerIds: number[]): Promise<Recipients> {
  const [rows, receiving] = await Promise.all([
    activeUsers(db, { roles: REMINDED_ROLES, alsoIds: handlerIds }),
    loadReceiving(db),
  ]);
  const active = new Set<number>();
  const handlersByUnit = new Map<number, number[]>();
  const officesByAgency = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const u of rows) {
    active.add(u.id);
    const who = recipientActor(u, receiving);
    if (can(who, 'unit-deadline-reminder', { unitId: u.org_id })) push(handlersByUnit, u.org_id, u.id);
    for (const agencyId of who.agencyIds) {
      if (can(who, 'office-deadline-reminder', { orgId: agencyId })) push(officesByAgency, agencyId, u.id);
    }
  }
  const none: number[] = [];
  return {
    handlersOf(c) {
      if (c.handler_id !== null && active.has(c.handler_id)) return [c.handler_id];
      return c.unit_id === null ? none : (handlersByUnit.get(c.unit_id) ?? none);
    },
    officesOf: (agencyId) => officesByAgency.get(agencyId) ?? none,
  };
}

function reminderText(c: CaseRow, due: string, m: { type: 'due' | 'overdue'; n: number }) {
  const caseNo = c.case_no ?? `#${c.id}`;
  // A deadline counted over a year whose notice is not loaded is provisional, and said to be.
  const date =
    c.clock_missing_year === null
      ? formatChineseDate(due)
      : `${formatChineseDate(due)}，${provisionalNote([c.clock_missing_year])}`;
  if (m.type === 'overdue') {
    return {
      kind: `request.overdue.${m.n}`,
      title: `申请${caseNo}已超过答复期限${m.n}个工作日（${date}）`,
      body: `申请内容：${c.subject}\n答复期限为${date}，已超过${m.n}个工作日，请尽快答复。`,
    };
  }
  if (m.n === 0) {
    return {
      kind: 'request.due.0',
      title: `申请${caseNo}答复期限为今天（${date}）`,
      body: `申请内容：${c.subject}\n今天（${date}）是答复期限的最后一天，请在今天内作出答复。`,
    };
  }
  return {
    kind: `request.due.${m.n}`,
    title: `申请${caseNo}答复期限还有${m.n}个工作日（${date}）`,
    body: `申请内容：${c.subject}\n答复期限为${date}，还有${m.n}个工作日。`,
  };
}

const LISTED_CASES = 20;

function calendarMissingNotice(userId: number, year: number, caseNos: string[]): NewNotification {
  const listed = caseNos.slice(0, LISTED_CASES).join('、');
  const more = caseNos.length > LISTED_CASES ? `等${caseNos.length}件` : '';
  return {
    userId,
    kind: 'request.calendar-missing',
    subjectType: 'calendar_year',
    subjectId: String(year),
    title: `${year}年节假日安排尚未录入，${caseNos.length}件申请的答复期限无法计算`,
    body: `${describeError('CALENDAR_YEAR_MISSING', { year }).message}\n涉及的申请：${listed}${more}。`,
    dueOn: null,
  };
}

export type SweepOptions = {
  /** Today in China, `YYYY-MM-DD`. */
  today: string;
  /** Working days before the deadline to remind on (the due day always reminds). */
  days: readonly number[];
};

export type SweepResult = {
  /** Running cases that called for a reminder today. */
  cases: number;
  /** Notifications created (repeats of earlier runs not counted). */
  created: number;
  /** Years whose missing calendar kept a deadline from being counted. */
  missingYears: number[];
};

export async function sweepReminders(db: Kysely<Database>, opts: SweepOptions): Promise<SweepResult> {
  const calendar = await loadCalendar(db);
  const days = new Set(opts.days);

  // 1. The distinct deadlines of running cases (requests_due_idx), each judged once.
  const deadlines = await sql<{ reply_due: string }>`
    select distinct reply_due from requests where ${RUNNING} and reply_due is not null`.execute(db);
  const milestones = new Map<string, NonNullable<Milestone>>();
  for (const { reply_due } of deadlines.rows) {
    const m = milestoneFor(calendar, reply_due, opts.today, days);
    if (m) milestones.set(reply_due, m);
  }

  // 2. The cases on those dates, and those whose deadline could not be computed at all.
  const { rows: cases } = await sql<CaseRow>`
    select id, case_no, subject, org_id, unit_id, handler_id, reply_due, clock_missing_year
    from requests
    where ${RUNNING}
      and (reply_due = any(${[...milestones.keys()]}::date[])
        or (reply_due is null and clock_missing_year is not null))
    order by id`.execute(db);
  if (cases.length === 0) return { cases: 0, created: 0, missingYears: [] };

  // 3. Who to tell.
  const handlerIds = [...new Set(cases.flatMap((c) => (c.handler_id === null ? [] : [c.handler_id])))];
  const recipients = await loadRecipients(db, handlerIds);

  // 4. The notifications, one per person and reminder.
  const rows: NewNotification[] = [];
  /** office user → missing year → case numbers. */
  const missing = new Map<number, Map<number, string[]>>();
  const missingYears = new Set<number>();
  for (const c of cases) {
    // A stored "year missing" whose year has been loaded since is stale, not missing: no notice.
    const m: Milestone =
      c.reply_due !== null
        ? (milestones.get(c.reply_due) ?? null)
        : c.clock_missing_year !== null && !calendar.hasYear(c.clock_missing_year)
          ? { type: 'calendar-missing', year: c.clock_missing_year }
          : null;
    if (m === null) continue;
    if (m.type === 'calendar-missing') {
      missingYears.add(m.year);
      for (const userId of recipients.officesOf(c.org_id)) {
        const byYear = missing.get(userId) ?? new Map<number, string[]>();
        missing.set(userId, byYear);
        const list = byYear.get(m.year);
        if (list) list.push(c.case_no ?? `#${c.id}`);
        else byYear.set(m.year, [c.case_no ?? `#${c.id}`]);
      }
      continue;
    }
    const due = c.reply_due as string;
    const text = reminderText(c, due, {
      type: m.type,
      n: m.type === 'due' ? m.daysLeft : m.daysOver,
    });
    const people = new Set([...recipients.handlersOf(c), ...recipients.officesOf(c.org_id)]);
    for (const userId of people) {
      rows.push({ userId, subjectType: 'request', subjectId: String(c.id), dueOn: due, ...text });
    }
  }
  for (const [userId, byYear] of missing) {
    for (const [year, caseNos] of byYear) rows.push(calendarMissingNotice(userId, year, caseNos));
  }

  const created = await createNotifications(db, rows);
  return { cases: cases.length, created, missingYears: [...missingYears].sort((a, b) => a - b) };
}

/** The sweep, hourly: new reminders appear within the hour after midnight (China time). */
export const remindersJob: Job = {
  name: 'requests.reminders',
  everyMinutes: 60,
  async run(db, now, { config, log }) {
    const result = await sweepReminders(db, { today: chinaDateOf(now), days: config.reminderDays });
    log.info(result, 'reply deadline reminders');
    return result;
  },
};
