/**
 * 年度报告报送提醒: a daily sweep that reminds each reporting agency's disclosure office of its report on
 * last year while Art. 49 still asks something of it (domain/board.ts `owedOf`): a department to submit it
 * (by 31 January), then to publish it once accepted; a government to publish it (by 31 March).
 *
 * When (domain/board.ts `reminderDue`, working days of the stored calendar): the first working day of the
 * due month, 5 working days before the due date, the last working day on or before it, and the first
 * working day after it (overdue). A department's report the authority is reviewing (已报送) is not
 * reminded of: the next step is not the department's.
 * Who: the agency's users who may take the next step (policies.ts `can`: 'submit' while there is no
 * report or a draft — its office and 负责人, in the agency or its disclosure office; 'publish' once accepted
 * — its office).
 * Idempotent: the notification's kind carries the step and milestone (`report.submit.five`) and the
 * notifications' unique key (user, kind, subject, due date) drops repeats, so the job may run every few
 * hours, on several processes, or catch up a day it missed (the latest milestone reached is sent).
 * A year the calendar does not hold (beyond the provisional years) is skipped, never guessed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { Job } from '../../../platform/jobs/scheduler.ts';
import { chinaDateOf } from '../../../platform/time.ts';
import { CalendarYearMissingError, formatChineseDate, loadCalendar } from '../../calendar/index.ts';
import { createNotifications, type NewNotification } from '../../notifications/index.ts';
import { activeUsers, agenciesServedBy, listOrgs } from '../../orgs/index.ts';
import {
  boardStateOf,
  dueDateOf,
  owedOf,
  publisherOf,
  type ReminderMilestone,
  reminderDue,
} from '../domain/board.ts';
import { authorityOf, can } from '../domain/policies.ts';
import * as store from '../store.ts';
import { lastTransitions } from './store.ts';

function reminderText(
  name: string,
  year: number,
  owed: 'submit' | 'publish',
  publisher: 'department' | 'government',
  m: ReminderMilestone,
  due: string,
) {
  const what = owed === 'submit' ? '报送' : '公开';
  const report = `${name}${year}年度政府信息公开工作年度报告`;
  const rule =
    publisher === 'department'
      ? '按《政府信息公开条例》第四十九条，应在1月31日前向本级政府信息公开工作主管部门提交并向社会公布'
      : '按《政府信息公开条例》第四十九条，本级政府的年度报告应在3月31日前向社会公布';
  const dueText = formatChineseDate(due);
  switch (m) {
    case 'first':
      return { title: `请按时${what}${report}`, body: `${rule}。${what}期限为${dueText}。` };
    case 'five':
      return {
        title: `${report}${what}期限还有5个工作日`,
        body: `${rule}。${what}期限为${dueText}，请抓紧办理。`,
      };
    case 'last':
      return {
        title: `${report}今天须完成${what}`,
        body: `${rule}。${what}期限为${dueText}，今天是期限前最后一个工作日。`,
      };
    case 'overdue':
      return {
        title: `${report}已逾期未${what}`,
        body: `${rule}。${what}期限${dueText}已过，请尽快${what}。`,
      };
  }
}

export type ReportReminderResult = {
  year: number;
  agencies: number;
  created: number;
  missingYears: number[];
};

/** The sweep for `today` (a China date): reports on the year before `today`'s year. */
export async function remindAnnualReports(
  db: Kysely<Database>,
  today: string,
): Promise<ReportReminderResult> {
  const year = Number(today.slice(0, 4)) - 1;
  const [calendar, orgs, records, users] = await Promise.all([
    loadCalendar(db),
    listOrgs(db),
    store.reportsOfYear(db, year),
    activeUsers(db, { roles: ['office', 'approver'] }),
  ]);
  const byOrg = new Map(records.map((r) => [r.org_id, r]));
  const last = await lastTransitions(
    db,
    records.filter((r) => r.state === 'draft').map((r) => r.id),
  );
  const actors = users.map((u) => ({
    id: u.id,
    actor: {
      role: u.role,
      agencyIds: agenciesServedBy({ id: u.org_id, servesOrgId: u.serves_org_id }),
      visibleOrgIds: [],
    },
  }));
  const out: NewNotification[] = [];
  const missingYears = new Set<number>();
  let agencies = 0;
  for (const org of orgs) {
    if (org.serves_org_id !== null || org.disabled) continue;
    const report = byOrg.get(org.id);
    const publisher = publisherOf(org.kind);
    const state = boardStateOf(report?.state ?? null, report ? (last.get(report.id) ?? null) : null);
    const owed = owedOf(publisher, state);
    if (owed === null || (publisher === 'department' && state === 'submitted')) continue;
    const due = dueDateOf(year, publisher);
    let milestone: ReminderMilestone | null;
    try {
      milestone = reminderDue(calendar, due, today);
    } catch (err) {
      if (!(err instanceof CalendarYearMissingError)) throw err;
      missingYears.add(err.params.year);
      continue;
    }
    if (milestone === null) continue;
    const subject = {
      orgId: org.id,
      authorityOrgId: authorityOf({ id: org.id, kind: org.kind, parentId: org.parent_id }),
    };
    // The agency's own people only: the authority's office publishes a department's report too, but is
    // not reminded of the department's duty.
    // Whoever may take the next step: prepare and submit while a draft, publish once accepted.
    const step = state === 'none' || state === 'draft' || state === 'returned' ? 'submit' : 'publish';
    const recipients = actors.filter(
      (a) => a.actor.agencyIds.includes(org.id) && can(a.actor, step, subject),
    );
    if (recipients.length === 0) continue;
    agencies++;
    const text = reminderText(org.name, year, owed, publisher, milestone, due);
    for (const r of recipients)
      out.push({
        userId: r.id,
        kind: `report.${owed}.${milestone}`,
        subjectType: 'annual_report',
        subjectId: `${org.id}/${year}`,
        dueOn: due,
        ...text,
      });
  }
  const created = await createNotifications(db, out);
  return { year, agencies, created, missingYears: [...missingYears].sort((a, b) => a - b) };
}

/** Every 6 hours: a day's reminders appear in its first hours (China time), whatever the start time. */
export const reportRemindersJob: Job = {
  name: 'reports.deadline-reminders',
  everyMinutes: 60 * 6,
  async run(db, now, { log }) {
    const result = await remindAnnualReports(db, chinaDateOf(now));
    log.info(result, 'annual report reminders');
    return result;
  },
};
