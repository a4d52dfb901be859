/**
 * 工作台账提醒: the hourly sweep that tells each unit of its work-plan tasks coming due and overdue, and
 * gives the plan owner's disclosure office a daily digest of what is overdue.
 *
 * - Due soon: the task is due within `windowDays` working days (GONGKAI_WORKPLAN_REMINDER_DAYS,
 *   default 5), the due day itself included; every active user of the assigned unit is told.
 * - Overdue: the due date has passed and the unit's part is not accepted as 已完成/长期坚持.
 * - Once per assignment, kind and day: the notification kind carries the day count
 *   (`workplan.due.3`, `workplan.overdue.2`) and the notifications' unique key (user, kind, subject,
 *   due date) drops repeats — hourly runs, a second process or a restart never duplicate one. Counted
 *   in working days, a weekend does not repeat Friday's reminder.
 * - Calendar: working days come from the stored 工作日历; where a year is not loaded the count falls
 *   back to calendar days and the message says so (kind suffix `d`).
 * - Office digest: one notification per office user per day (subject = the day), listing the overdue
 *   items of the plans of the organisation the office serves.
 * Only plans of this year and last year are swept (older ones belong to 回头看, not to reminders).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { chinaDateOf } from '../../platform/time.ts';
import {
  addCalendarDays,
  type Calendar,
  formatChineseDate,
  loadCalendar,
  provisionalNote,
} from '../calendar/index.ts';
import { createNotifications, type NewNotification } from '../notifications/index.ts';
import { activeUsers } from '../orgs/index.ts';
import * as store from './assessment.store.ts';
import { can, type WorkplanActor } from './domain/policies.ts';
import { type DueReminder, reminderFor, reminderKind } from './domain/reminders-due.ts';

export const DEFAULT_WINDOW_DAYS = 5;
/** Digest lines listed before "等N项". */
const DIGEST_LINES = 30;

export type WorkplanSweepOptions = { today: string; windowDays?: number };
export type WorkplanSweepResult = {
  due: number;
  overdue: number;
  created: number;
  calendarFallback: boolean;
};

function unitText(a: store.OpenAssignment, r: NonNullable<DueReminder>) {
  const unit = r.calendarDays ? '个自然日' : '个工作日';
  const date = formatChineseDate(a.due);
  const task = a.task.length > 60 ? `${a.task.slice(0, 60)}…` : a.task;
  const head = `《${a.plan_title}》第${a.seq}项：${task}`;
  const note = r.calendarDays
    ? `\n（${r.missingYear ?? ''}${r.missingYear ? '年' : ''}节假日安排尚未录入工作日历，暂按自然日计算。）`
    : r.missingYear !== null
      ? `\n（工作日数${provisionalNote([r.missingYear])}。）`
      : '';
  if (r.type === 'overdue') {
    return {
      title: `工作任务已逾期${r.days}${unit}（完成时限${date}）`,
      body: `${head}\n完成时限为${date}，已逾期${r.days}${unit}，请尽快办理并报送进展。${note}`,
    };
  }
  if (r.days === 0) {
    return {
      title: `工作任务今天到期（${date}）`,
      body: `${head}\n今天（${date}）是完成时限，请按时完成并报送进展。${note}`,
    };
  }
  return {
    title: `工作任务还有${r.days}${unit}到期（${date}）`,
    body: `${head}\n完成时限为${date}，还有${r.days}${unit}。${note}`,
  };
}

export async function sweepWorkplanReminders(
  db: Kysely<Database>,
  opts: WorkplanSweepOptions,
): Promise<WorkplanSweepResult> {
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  const calendar: Calendar = await loadCalendar(db);
  const thisYear = Number(opts.today.slice(0, 4));
  // Working days never span more than about 3× their number in calendar days, plus a long holiday.
  const until = addCalendarDays(opts.today, windowDays * 3 + 14);
  const open = await store.openAssignmentsDueBy(db, until, thisYear - 1);
  if (open.length === 0) return { due: 0, overdue: 0, created: 0, calendarFallback: false };

  const users = await activeUsers(db);
  const unitUsers = new Map<number, number[]>();
  const officeUsers = new Map<number, number[]>();
  const push = (m: Map<number, number[]>, k: number, v: number) => {
    const list = m.get(k);
    if (list) {
      if (!list.includes(v)) list.push(v);
    } else m.set(k, [v]);
  };
  for (const u of users) {
    // The policy decides who is told; scope is not needed for these two questions.
    const agencyIds = u.serves_org_id !== null ? [u.org_id, u.serves_org_id] : [u.org_id];
    const actor: WorkplanActor = { role: u.role, orgId: u.org_id, visible: new Set(), agencyIds };
    if (can(actor, 'reminder.unit', { orgId: u.org_id })) push(unitUsers, u.org_id, u.id);
    for (const orgId of agencyIds)
      if (can(actor, 'reminder.digest', { orgId })) push(officeUsers, orgId, u.id);
  }

  const rows: NewNotification[] = [];
  let due = 0;
  let overdue = 0;
  let fallback = false;
  /** office user → overdue lines of the plans of the organisation they serve. */
  const digest = new Map<number, string[]>();
  const byDate = new Map<string, DueReminder>();
  for (const a of open) {
    if (!byDate.has(a.due)) byDate.set(a.due, reminderFor(calendar, a.due, opts.today, windowDays));
    const r = byDate.get(a.due) ?? null;
    if (r === null) continue;
    if (r.calendarDays) fallback = true;
    if (r.type === 'due') due++;
    else overdue++;
    const text = unitText(a, r);
    for (const userId of unitUsers.get(a.org_id) ?? []) {
      rows.push({
        userId,
        kind: reminderKind(r),
        subjectType: 'work_assignment',
        subjectId: String(a.id),
        dueOn: a.due,
        ...text,
      });
    }
    if (r.type === 'overdue') {
      const line = `《${a.plan_title}》第${a.seq}项 ${a.org_name}：完成时限${formatChineseDate(a.due)}，已逾期${r.days}${r.calendarDays ? '个自然日' : '个工作日'}`;
      for (const userId of officeUsers.get(a.plan_org_id) ?? []) {
        const list = digest.get(userId) ?? [];
        list.push(line);
        digest.set(userId, list);
      }
    }
  }
  for (const [userId, lines] of digest) {
    const more = lines.length > DIGEST_LINES ? `\n……等共${lines.length}项。` : '';
    rows.push({
      userId,
      kind: 'workplan.overdue-digest',
      subjectType: 'workplan_digest',
      subjectId: opts.today,
      dueOn: null,
      title: `工作台账逾期汇总：${lines.length}项任务逾期（${formatChineseDate(opts.today)}）`,
      body: `${lines.slice(0, DIGEST_LINES).join('\n')}${more}`,
    });
  }
  const created = await createNotifications(db, rows);
  return { due, overdue, created, calendarFallback: fallback };
}

export const workplanRemindersJob: Job = {
  name: 'workplan.reminders',
  everyMinutes: 60,
  async run(db, now, { config, log }) {
    const result = await sweepWorkplanReminders(db, {
      today: chinaDateOf(now),
      windowDays: config.workplanReminderDays,
    });
    log.info(result, 'work-plan reminders');
    return result;
  },
};
