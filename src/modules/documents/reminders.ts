/**
 * 主动公开期限提醒 (条例第二十六条: 20 working days from formation): the daily sweep over proactive
 * documents not yet published reminds their drafter 5 and 1 working days before the deadline, on the
 * day, and once overdue. A year whose 节假日安排 is missing is reported, never guessed. Notifications
 * are unique per (user, kind, subject, due date), so repeated runs do not duplicate them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { chinaDateOf } from '../../platform/time.ts';
import {
  CalendarYearMissingError,
  formatChineseDate,
  loadCalendar,
  proactivePublicationDue,
  provisionalNote,
  provisionalYearsBetween,
  workingDaysUntil,
} from '../calendar/index.ts';
import { createNotifications, type NewNotification } from '../notifications/index.ts';
import { unpublishedProactiveDocuments } from './store.ts';

export const REMIND_DAYS_LEFT = new Set([5, 1, 0]);

export async function remindPublicationDeadlines(db: Kysely<Database>, today: string): Promise<number> {
  const calendar = await loadCalendar(db);
  const rows = await unpublishedProactiveDocuments(db);
  const out: NewNotification[] = [];
  for (const r of rows) {
    const userId = r.created_by as number;
    try {
      const due = proactivePublicationDue(calendar, r.written_date);
      const provisional = provisionalYearsBetween(calendar, today < due ? today : due, due);
      const dueText =
        provisional.length > 0
          ? `${formatChineseDate(due)}（${provisionalNote(provisional)}）`
          : formatChineseDate(due);
      const left = workingDaysUntil(calendar, today, due);
      if (!REMIND_DAYS_LEFT.has(left) && left !== -1) continue;
      out.push({
        userId,
        kind: left < 0 ? 'document.publish_overdue' : `document.publish_due.${left}`,
        subjectType: 'document',
        subjectId: String(r.id),
        title: left < 0 ? `文件已超过主动公开期限：${r.title}` : `文件主动公开期限将至：${r.title}`,
        body:
          left < 0
            ? `按条例第二十六条，应在${dueText}前公开，现已逾期，请尽快完成审查并发布。`
            : left === 0
              ? `今天（${dueText}）是主动公开期限的最后一天。`
              : `应在${dueText}前公开（还剩${left}个工作日）。`,
        dueOn: due,
      });
    } catch (err) {
      if (!(err instanceof CalendarYearMissingError)) throw err;
      out.push({
        userId,
        kind: 'document.calendar_missing',
        subjectType: 'document',
        subjectId: String(r.id),
        title: `无法计算主动公开期限：${r.title}`,
        body: `${err.params.year}年的节假日安排尚未录入工作日历，无法计算20个工作日的主动公开期限，请联系系统管理员录入。`,
        dueOn: null,
      });
    }
  }
  return createNotifications(db, out);
}

export const publicationRemindersJob: Job = {
  name: 'documents.publication-reminders',
  everyMinutes: 60 * 6,
  run: (db, now) => remindPublicationDeadlines(db, chinaDateOf(now)),
};
