import type { Generated, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  subject_type: string;
  subject_id: string;
  title: string;
  body: Generated<string>;
  due_on: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
  mailed_at: Timestamp | null;
  mail_attempts: Generated<number>;
  mail_error: string | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    notifications: NotificationsTable;
  }
}

export type NotificationRow = Selectable<NotificationsTable>;

/** One notification to create; `(userId, kind, subjectType, subjectId, dueOn)` identifies it. */
export type NewNotification = {
  userId: number;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  dueOn: string | null;
};

/** Rows per statement: 7 arrays of this length travel as 7 parameters. */
const CHUNK = 10_000;

/**
 * Set-based insert: one statement per 10,000 rows (`unnest` of one array per column), skipping every
 * notification that already exists (unique key `notifications_once_key`). Returns how many were new.
 */
export async function insertNotifications(db: Kysely<Database>, rows: readonly NewNotification[]) {
  let created = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const result = await sql`
      insert into notifications (user_id, kind, subject_type, subject_id, title, body, due_on)
      select * from unnest(
        ${part.map((r) => r.userId)}::integer[],
        ${part.map((r) => r.kind)}::text[],
        ${part.map((r) => r.subjectType)}::text[],
        ${part.map((r) => r.subjectId)}::text[],
        ${part.map((r) => r.title)}::text[],
        ${part.map((r) => r.body)}::text[],
        ${part.map((r) => r.dueOn)}::date[])
      on conflict do nothing`.execute(db);
    created += Number(result.numAffectedRows ?? 0);
  }
  return created;
}

export async function listForUser(
  db: Kysely<Database>,
  f: { userId: number; unreadOnly: boolean; page: number; pageSize: number },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', f.userId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, count, unread] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .where('user_id', '=', f.userId)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), unread: Number(unread.n) };
}

/** Marks the user's own notification read (keeps the first read time); false when it is not theirs. */
export async function markRead(db: Kysely<Database>, userId: number, id: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Kysely<Database>, userId: number, at: Date): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type MailClaim = { id: number; title: string; body: string; email: string };

/**
 * Claims up to `limit` notifications to e-mail (recipient has an address and is active; fewer than
 * `maxAttempts` tries; created after `since`; id after `afterId`): marks them mailed now, so two processes never send the
 * same one (`skip locked`). A failed send is handed back with `releaseMailClaim`.
 */
export async function claimForMail(
  db: Kysely<Database>,
  o: { now: Date; since: Date; afterId: number; limit: number; maxAttempts: number },
): Promise<MailClaim[]> {
  const result = await sql<MailClaim>`
    update notifications n
    set mailed_at = ${o.now}, mail_attempts = n.mail_attempts + 1
    from users u
    where u.id = n.user_id and n.id in (
      select c.id from notifications c
      join users cu on cu.id = c.user_id
      where c.mailed_at is null and c.id > ${o.afterId} and c.mail_attempts < ${o.maxAttempts} and c.created_at > ${o.since}
        and cu.email is not null and not cu.disabled
      order by c.id
      limit ${o.limit}
      for update of c skip locked)
    returning n.id, n.title, n.body, u.email`.execute(db);
  return result.rows;
}

export async function releaseMailClaim(db: Kysely<Database>, id: number, error: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ mailed_at: null, mail_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}
