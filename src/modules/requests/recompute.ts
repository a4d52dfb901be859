/**
 * When the working days of some years change (a year's notice loaded, a year corrected), every running
 * case whose reply deadline depends on those years is recomputed at once, in the transaction that
 * saves the calendar, and the disclosure office of each agency gets one notice listing the cases whose
 * deadline changed (old → new). Cases whose deadline was provisional for a year now loaded become
 * final here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { type CalendarChanged, formatChineseDate, loadCalendar, provisionalNote } from '../calendar/index.ts';
import { createNotifications, type NewNotification } from '../notifications/index.ts';
import { activeUsers, loadReceiving } from '../orgs/index.ts';
import { recipientActor } from './case-actor.ts';
import { can } from './domain/policies.ts';
import { RUNNING_STAGES } from './domain/stages.ts';
import { deriveClock } from './service.ts';
import * as store from './store.ts';

const CHUNK = 500;
const LISTED_CASES = 30;

export type DeadlineChange = {
  id: number;
  caseNo: string;
  orgId: number;
  before: string | null;
  after: string | null;
  /** The years the new deadline is still provisional for (empty: final). */
  provisionalYears: number[];
};

/** Running cases whose deadline may depend on `years`: received before their end, not due before their start. */
async function affectedCases(db: Kysely<Database>, years: number[]): Promise<store.RequestRow[]> {
  const first = `${Math.min(...years)}-01-01`;
  const last = `${Math.max(...years)}-12-31`;
  return db
    .selectFrom('requests')
    .selectAll()
    .where('stage', 'in', RUNNING_STAGES)
    .where('imported', '=', false)
    .where('received_on', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('clock_missing_year', 'is not', null),
        eb('reply_due', 'is', null),
        eb.and([eb('received_on', '<=', last), eb('reply_due', '>=', first)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function recomputeDeadlines(db: Kysely<Database>, change: CalendarChanged) {
  if (change.years.length === 0) return [];
  const calendar = await loadCalendar(db);
  const today = chinaToday();
  const cases = await affectedCases(db, change.years);
  const changes: DeadlineChange[] = [];
  for (let i = 0; i < cases.length; i += CHUNK) {
    const chunk = cases.slice(i, i + CHUNK);
    const events = await db
      .selectFrom('request_events')
      .selectAll()
      .where(
        'request_id',
        'in',
        chunk.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    const byCase = Map.groupBy(events, (e) => e.request_id);
    for (const row of chunk) {
      const clock = deriveClock(calendar, row, byCase.get(row.id) ?? [], today);
      const replyDue = clock.state?.replyDue ?? null;
      const paused = clock.state?.paused ?? false;
      if (replyDue === row.reply_due && paused === row.paused && clock.missingYear === row.clock_missing_year)
        continue;
      await store.updateDerived(db, row.id, {
        reply_due: replyDue,
        paused,
        clock_missing_year: clock.missingYear,
      });
      changes.push({
        id: row.id,
        caseNo: row.case_no ?? `#${row.id}`,
        orgId: row.org_id,
        before: row.reply_due,
        after: replyDue,
        provisionalYears: clock.state?.provisionalYears ?? [],
      });
    }
  }
  await notifyOffices(db, change, changes);
  return changes;
}

const dateText = (d: string | null) => (d === null ? '无法计算' : formatChineseDate(d));

function line(c: DeadlineChange): string {
  const still = c.provisionalYears.length > 0 ? `（${provisionalNote(c.provisionalYears)}）` : '';
  return `${c.caseNo}：${dateText(c.before)} → ${dateText(c.after)}${still}`;
}

/** One notice per office user of each agency concerned, listing that agency's changed deadlines. */
async function notifyOffices(db: Kysely<Database>, change: CalendarChanged, changes: DeadlineChange[]) {
  // Only deadlines whose date moved are news; a provisional date confirmed unchanged is listed too,
  // because the office may have told the applicant it was provisional.
  if (changes.length === 0) return;
  const [offices, receiving] = await Promise.all([activeUsers(db, { roles: ['office'] }), loadReceiving(db)]);
  const years = change.years.map((y) => `${y}年`).join('、');
  const stamp = now().toISOString();
  const rows: NewNotification[] = [];
  for (const office of offices) {
    const who = recipientActor(office, receiving);
    const mine = changes.filter((c) => can(who, 'office-deadline-reminder', { orgId: c.orgId }));
    if (mine.length === 0) continue;
    const listed = mine.slice(0, LISTED_CASES).map(line);
    const more = mine.length > LISTED_CASES ? `\n……共${mine.length}件` : '';
    rows.push({
      userId: office.id,
      kind: 'request.deadlines-recomputed',
      subjectType: 'calendar_year',
      subjectId: `${change.years.join(',')}@${stamp}`,
      title: `${years}工作日历已更新，${mine.length}件申请的答复期限已重新计算`,
      body: `以下申请的答复期限按更新后的工作日历重新计算（原期限 → 新期限）：\n${listed.join('\n')}${more}`,
      dueOn: null,
    });
  }
  await createNotifications(db, rows);
}
