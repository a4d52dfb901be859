import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { userIdByUsername } from '../../../test/helpers/factories.ts';
import { loadConfig } from '../../config.ts';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';
import { createMailer, createNotifications, deliverPending, mailJob } from './index.ts';

let t: TestApp;
let handlerId: number;
let officeId: number;
const NOW = new Date('2026-03-16T01:00:00Z');

function memoryLog() {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const at =
    (level: string) =>
    (obj: unknown, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  const log: JobLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

/** nodemailer's JSON transport: the message is built and returned as JSON, nothing leaves the process. */
function jsonMailer(log: JobLogger) {
  const sent: { to: { address: string }[]; from: { address: string }; subject: string; text: string }[] = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const mailer = createMailer({ smtpUrl: null, from: 'no-reply@gongkai.test', log, transport });
  return {
    mailer,
    sent,
    async drain(now = NOW) {
      const inner = mailer.send;
      const wrapped = {
        ...mailer,
        async send(m: Parameters<typeof inner>[0]) {
          const info = (await inner(m)) as { message: string };
          sent.push(JSON.parse(info.message));
          return info;
        },
      };
      return deliverPending(t.db, wrapped, { now, publicUrl: 'https://gk.example.cn/', log });
    },
  };
}

const note = (userId: number, n: number) => ({
  userId,
  kind: 'request.due.1',
  subjectType: 'request',
  subjectId: String(n),
  title: `申请2026-00000${n}答复期限还有1个工作日（2026年3月17日）`,
  body: '申请内容：测试',
  dueOn: '2026-03-17',
});

before(async () => {
  t = await createTestApp();
  handlerId = await userIdByUsername(t.db, 't_handler');
  officeId = await userIdByUsername(t.db, 't_office');
  await sql`update users set email = 'handler@example.cn' where id = ${handlerId}`.execute(t.db);
});
after(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('notifications').execute();
});

test('each new notification is e-mailed once to users with an address; users without one are skipped', async () => {
  await createNotifications(t.db, [note(handlerId, 1), note(handlerId, 2), note(officeId, 1)]);
  const m = jsonMailer(memoryLog().log);
  assert.equal(m.mailer.enabled, true);
  assert.deepEqual(await m.drain(), { sent: 2, failed: 0 });
  assert.deepEqual(
    m.sent.map((s) => s.to[0]?.address),
    ['handler@example.cn', 'handler@example.cn'],
  );
  const first = m.sent[0];
  assert.ok(first);
  assert.equal(first.from.address, 'no-reply@gongkai.test');
  assert.equal(first.subject, '申请2026-000001答复期限还有1个工作日（2026年3月17日）');
  assert.match(first.text, /申请内容：测试/);
  assert.match(first.text, /https:\/\/gk\.example\.cn\/admin\//);

  assert.deepEqual(await m.drain(), { sent: 0, failed: 0 }, 'nothing twice');
  const rows = await t.db.selectFrom('notifications').select(['user_id', 'mailed_at']).execute();
  assert.ok(rows.filter((r) => r.user_id === handlerId).every((r) => r.mailed_at !== null));
  assert.ok(rows.filter((r) => r.user_id === officeId).every((r) => r.mailed_at === null));
});

test('a failed send is recorded and retried on the next run, at most three times', async () => {
  await createNotifications(t.db, [note(handlerId, 3)]);
  const { log, lines } = memoryLog();
  const broken = nodemailer.createTransport({
    name: 'broken',
    version: '1',
    send: (_mail: unknown, done: (err: Error | null) => void) => done(new Error('connection refused')),
  });
  const failing = createMailer({ smtpUrl: null, from: 'no-reply@gongkai.test', log, transport: broken });
  const opts = { now: NOW, publicUrl: 'http://localhost:8080', log };
  assert.deepEqual(await deliverPending(t.db, failing, opts), { sent: 0, failed: 1 }, 'one try per run');
  assert.ok(lines.some((l) => l.level === 'warn'));
  const row = await t.db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.mailed_at, null);
  assert.equal(row.mail_attempts, 1);
  assert.equal(row.mail_error, 'connection refused');

  const m = jsonMailer(log);
  assert.deepEqual(await m.drain(), { sent: 1, failed: 0 }, 'the next run sends it');

  await createNotifications(t.db, [note(handlerId, 4)]);
  for (let i = 0; i < 4; i++) await deliverPending(t.db, failing, opts);
  const given = await t.db
    .selectFrom('notifications')
    .selectAll()
    .where('subject_id', '=', '4')
    .executeTakeFirstOrThrow();
  assert.equal(given.mail_attempts, 3, 'given up after three tries');
});

test('notifications older than a day are not e-mailed (e.g. SMTP configured later)', async () => {
  await createNotifications(t.db, [note(handlerId, 5)]);
  const m = jsonMailer(memoryLog().log);
  assert.deepEqual(await m.drain(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)), { sent: 0, failed: 0 });
});

test('without GONGKAI_SMTP_URL e-mail is a no-op logged at debug, and nothing is marked sent', async () => {
  await createNotifications(t.db, [note(handlerId, 6)]);
  const { log, lines } = memoryLog();
  const off = createMailer({ smtpUrl: null, from: 'x@y.z', log });
  assert.equal(off.enabled, false);
  assert.equal(await off.send({ to: 'a@b.c', subject: 's', text: 't' }), null);
  const config = loadConfig({});
  assert.equal(config.smtpUrl, null);
  assert.deepEqual(await mailJob.run(t.db, NOW, { config, log }), { sent: 0, failed: 0 });
  assert.ok(lines.length > 0 && lines.every((l) => l.level === 'debug'));
  const row = await t.db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.mailed_at, null);
});

test('an SMTP URL makes a real transport (not connected until a message is sent)', () => {
  const mailer = createMailer({
    smtpUrl: 'smtp://user:pass@127.0.0.1:2525',
    from: 'no-reply@gongkai.test',
    log: memoryLog().log,
  });
  assert.equal(mailer.enabled, true);
  mailer.close();
  const config = loadConfig({
    GONGKAI_SMTP_URL: 'smtps://u:p@mail.example.cn',
    GONGKAI_MAIL_FROM: 'gk@example.cn',
    GONGKAI_PUBLIC_URL: 'https://gk.example.cn',
  });
  assert.equal(config.smtpUrl, 'smtps://u:p@mail.example.cn');
  assert.equal(config.mailFrom, 'gk@example.cn');
  assert.equal(
    loadConfig({ GONGKAI_PUBLIC_URL: 'https://gk.example.cn' }).mailFrom,
    'no-reply@gk.example.cn',
  );
});
