/**
 * How 政策找人 reaches an enterprise: e-mail through the notifications module's mailer (SMTP when
 * configured) and SMS behind an adapter that stays disabled until a gateway is configured (none is
 * yet: no SMS setting exists). Every message first goes into the outbox (`enterprise_messages`, in the
 * caller's transaction), then is sent after commit and marked sent; tests read the outbox.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/database.ts';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';
import { createMailer } from '../notifications/index.ts';

export type Channel = {
  readonly enabled: boolean;
  send(to: string, subject: string, text: string): Promise<void>;
};
export type Channels = { email: Channel; sms: Channel };

/** An SMS gateway (a provider's API) when one is configured. */
export type SmsGateway = (to: string, text: string) => Promise<void>;

export function createChannels(config: Config, log: JobLogger, sms: SmsGateway | null = null): Channels {
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  return {
    email: {
      enabled: mailer.enabled,
      async send(to, subject, text) {
        await mailer.send({ to, subject, text });
      },
    },
    sms: {
      enabled: sms !== null,
      async send(to, _subject, text) {
        if (sms) await sms(to, text);
      },
    },
  };
}

export type OutboxMessage = {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  enterpriseId: number | null;
  purpose: 'code' | 'push';
};

/** Queue messages (inside the caller's transaction); returns their ids for `deliver`. */
export async function queue(db: Kysely<Database>, messages: readonly OutboxMessage[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await db
    .insertInto('enterprise_messages')
    .values(
      messages.map((m) => ({
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
        enterprise_id: m.enterpriseId,
        purpose: m.purpose,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Send queued messages through their channel (after commit); a disabled channel leaves them unsent. */
export async function deliver(
  db: Kysely<Database>,
  channels: Channels,
  ids: readonly number[],
  log: JobLogger,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .selectFrom('enterprise_messages')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('sent', '=', false)
    .execute();
  let sent = 0;
  for (const m of rows) {
    const channel = channels[m.channel];
    if (!channel.enabled) continue;
    try {
      await channel.send(m.recipient, m.subject, m.body);
      await db.updateTable('enterprise_messages').set({ sent: true }).where('id', '=', m.id).execute();
      sent += 1;
    } catch (error) {
      log.warn({ err: error, id: m.id }, 'enterprise message not sent');
    }
  }
  return sent;
}
