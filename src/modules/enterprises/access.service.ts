/**
 * The enterprise's own page: it proves who it is by its 统一社会信用代码 and a contact on file (phone or
 * e-mail), to which a one-time code is sent (six digits, 10 minutes, 5 tries, 5 codes an hour); the code
 * opens a token (random, stored as its SHA-256 only) carried in an HttpOnly cookie for 12 hours. The
 * answer to a code request never tells whether the enterprise or the contact is on file.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';
import { now } from '../../platform/time.ts';
import { type Channels, deliver, queue } from './channels.ts';
import { checkCreditCode } from './domain/credit-code.ts';
import { EMAIL_RE, PHONE_RE } from './domain/import.ts';
import type { Qualification, Size } from './domain/profile.ts';
import { matchesOf, packagesWithContent } from './service.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

const CODE_TTL_MS = 10 * 60_000;
const CODE_TRIES = 5;
const CODES_PER_HOUR = 5;
export const ACCESS_TTL_MS = 12 * 60 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (enterpriseId: number, code: string) => sha256(`${enterpriseId}:${code}`);

export type CodeRequest = { creditCode: string; contact: string };
export type CodeRequestResult =
  | { ok: true; channel: 'email' | 'sms' | null }
  | { ok: false; field: 'creditCode' | 'contact'; message: string };

/** Checks the form, then (when the enterprise and contact are on file) queues and sends a code. */
export async function requestCode(
  db: Db,
  deps: { channels: Channels; log: JobLogger },
  input: CodeRequest,
): Promise<CodeRequestResult> {
  const code = checkCreditCode(input.creditCode);
  if (!code.ok) return { ok: false, field: 'creditCode', message: code.reason };
  const contact = input.contact.trim();
  const channel = EMAIL_RE.test(contact) ? 'email' : PHONE_RE.test(contact) ? 'sms' : null;
  if (!channel) return { ok: false, field: 'contact', message: '请填写企业档案中登记的手机号码或电子邮箱' };
  if (channel === 'sms' && !deps.channels.sms.enabled)
    return {
      ok: false,
      field: 'contact',
      message: '短信验证暂未开通，请改用企业档案中登记的电子邮箱接收验证码',
    };
  const e = await store.findByCreditCode(db, code.code);
  const onFile =
    e && (channel === 'email' ? e.email?.toLowerCase() === contact.toLowerCase() : e.phone === contact);
  if (!e || !onFile) return { ok: true, channel: null };
  const at = now();
  const recent = await db
    .selectFrom('enterprise_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', e.id)
    .where('created_at', '>', new Date(at.getTime() - 60 * 60_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_HOUR) return { ok: true, channel: null };
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const ids = await inTransaction(db, async (tx) => {
    await tx
      .insertInto('enterprise_codes')
      .values({
        enterprise_id: e.id,
        code_hash: codeHash(e.id, otp),
        expires_at: new Date(at.getTime() + CODE_TTL_MS),
        created_at: at,
      })
      .execute();
    return queue(tx, [
      {
        channel,
        recipient: contact,
        subject: '企业身份验证码',
        body: `您正在查看“${e.name}”的政策服务页面，验证码为 ${otp}，10分钟内有效。如非本人操作，请忽略。`,
        enterpriseId: e.id,
        purpose: 'code',
      },
    ]);
  });
  await deliver(db, deps.channels, ids, deps.log);
  return { ok: true, channel };
}

/** The code typed in: a token for the enterprise's page, or null (wrong, expired, too many tries). */
export async function verifyCode(
  db: Db,
  input: { creditCode: string; code: string },
): Promise<string | null> {
  const cc = checkCreditCode(input.creditCode);
  if (!cc.ok || !/^\d{6}$/.test(input.code.trim())) return null;
  const e = await store.findByCreditCode(db, cc.code);
  if (!e) return null;
  const at = now();
  const row = await db
    .selectFrom('enterprise_codes')
    .selectAll()
    .where('enterprise_id', '=', e.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row || row.attempts >= CODE_TRIES) return null;
  const expected = Buffer.from(row.code_hash, 'hex');
  const given = Buffer.from(codeHash(e.id, input.code.trim()), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await db
      .updateTable('enterprise_codes')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .execute();
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await inTransaction(db, async (tx) => {
    await tx.updateTable('enterprise_codes').set({ used_at: at }).where('id', '=', row.id).execute();
    await tx.deleteFrom('enterprise_access').where('expires_at', '<', at).execute();
    await tx
      .insertInto('enterprise_access')
      .values({
        token_hash: sha256(token),
        enterprise_id: e.id,
        expires_at: new Date(at.getTime() + ACCESS_TTL_MS),
      })
      .execute();
    await recordAudit(tx, {
      actorId: null,
      action: 'enterprise.verified',
      subjectType: 'enterprise',
      subjectId: e.id,
    });
  });
  return token;
}

export async function enterpriseByToken(
  db: Db,
  token: string | undefined,
): Promise<store.EnterpriseRow | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('enterprise_access as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .selectAll('e')
    .where('a.token_hash', '=', sha256(token))
    .where('a.expires_at', '>', now())
    .executeTakeFirst();
  return row ?? null;
}

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('enterprise_access').where('token_hash', '=', sha256(token)).execute();
}

/** The own page: profile, pushes (in-app messages, marked opened as they are shown), matches, packages. */
export async function ownPage(db: Db, e: store.EnterpriseRow) {
  const pushes = await store.pushesOfEnterprise(db, e.id);
  const unopened = pushes.filter((p) => p.opened_at === null).map((p) => p.id);
  if (unopened.length)
    await db.updateTable('policy_pushes').set({ opened_at: now() }).where('id', 'in', unopened).execute();
  const matches = await matchesOf(db, e);
  const titles = new Map(matches.map((m) => [m.documentId, m.title]));
  return {
    pushes: pushes.map((p) => ({ ...p, title: titles.get(p.document_id) ?? null })),
    matches,
    packages: await packagesWithContent(db, true),
  };
}

export type SelfUpdate = {
  size: Size;
  capital: number | null;
  qualifications: Qualification[];
  tags: string[];
  phone: string | null;
  email: string | null;
};

/** What an enterprise completes itself: size, capital, qualifications, tags and its contacts. */
export async function updateOwnProfile(db: Db, e: store.EnterpriseRow, patch: SelfUpdate) {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .updateTable('enterprises')
      .set({
        size: patch.size,
        registered_capital: patch.capital,
        qualifications: [...new Set(patch.qualifications)],
        tags: [...new Set(patch.tags)],
        phone: patch.phone,
        email: patch.email,
        updated_at: now(),
      })
      .where('id', '=', e.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: null,
      action: 'enterprise.self_updated',
      subjectType: 'enterprise',
      subjectId: e.id,
      before: e,
      after: row,
    });
    return row;
  });
}
