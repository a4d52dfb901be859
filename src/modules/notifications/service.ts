import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';
import type { Mailer } from './mail.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/**
 * Creates notifications, set-based, skipping those that exist already (same user, kind, subject and
 * due date), in one transaction. Returns how many are new. E-mail follows from `deliverPending`.
 */
export async function createNotifications(db: Db, rows: readonly store.NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  return inTransaction(db, (tx) => store.insertNotifications(tx, rows));
}

/** A person's own notifications only: there is no way to ask for someone else's. */
export function listOwn(db: Db, actor: Actor, f: { unreadOnly: boolean; page: number; pageSize: number }) {
  return store.listForUser(db, { ...f, userId: actor.id });
}

export async function markRead(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  if (!(await store.markRead(db, actor.id, id, now))) throw new AppError('NOT_FOUND');
}

export function markAllRead(db: Db, actor: Actor, now: Date): Promise<number> {
  return store.markAllRead(db, actor.id, now);
}

export type DeliveryResult = { sent: number; failed: number };

/** Notifications older than this are not e-mailed any more (e.g. after SMTP was configured late). */
const MAIL_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAIL_BATCH = 100;
const MAIL_MAX_ATTEMPTS = 3;

/**
 * E-mails the notifications not yet sent to recipients who have an address, batch by batch. Each batch
 * is claimed first (marked sent), so two processes never send the same one; a failed send is released
 * for a later try (at most three tries, within a day of creation). Without SMTP nothing is read.
 */
export async function deliverPending(
  db: Db,
  mailer: Mailer,
  o: { now: Date; publicUrl: string; log: JobLogger },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  if (!mailer.enabled) {
    o.log.debug({}, 'SMTP not configured (GONGKAI_SMTP_URL): notifications are not e-mailed');
    return result;
  }
  const since = new Date(o.now.getTime() - MAIL_WINDOW_MS);
  // One try per notification and run: a failed one waits for the next run.
  let afterId = 0;
  for (;;) {
    const batch = await store.claimForMail(db, {
      now: o.now,
      since,
      afterId,
      limit: MAIL_BATCH,
      maxAttempts: MAIL_MAX_ATTEMPTS,
    });
    for (const n of batch) {
      afterId = Math.max(afterId, n.id);
      try {
        await mailer.send({ to: n.email, subject: n.title, text: mailText(n, o.publicUrl) });
        result.sent++;
      } catch (err) {
        result.failed++;
        o.log.warn({ err, notification: n.id }, 'notification e-mail failed');
        await store.releaseMailClaim(db, n.id, err instanceof Error ? err.message : String(err));
      }
    }
    if (batch.length < MAIL_BATCH) return result;
  }
}

function mailText(n: { title: string; body: string }, publicUrl: string): string {
  return [
    n.title,
    '',
    n.body,
    '',
    `请登录政务公开工作平台查看和办理：${publicUrl.replace(/\/$/, '')}/admin/`,
    '（本邮件由系统自动发送，请勿直接回复。）',
  ].join('\n');
}
