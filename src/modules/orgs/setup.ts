/**
 * What the first run of a real government needs from orgs (the site module's setup, `gongkai setup`),
 * and a person's own password: the government with its disclosure office and first administrator, and
 * the change of a password someone else gave (generated at setup).
 */
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashPassword, randomPassword, verifyPassword } from '../../platform/http/passwords.ts';
import type { Actor } from '../../platform/http/session.ts';
import { checkNewPassword } from './domain/password.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** A random password that meets the policy (`domain/password.ts`: letters and digits), shown once. */
export function generatePassword(username = ''): string {
  for (;;) {
    const p = randomPassword();
    if (checkNewPassword(p, username) === null) return p;
  }
}

/**
 * Takes the organisations table for the rest of `tx`, so that two first runs at the same moment take
 * turns and the second sees the first one's government.
 */
export async function lockOrgsForSetup(tx: Db): Promise<void> {
  await sql`lock table orgs in share row exclusive mode`.execute(tx);
}

export type FirstGovernmentInput = {
  /** The government, e.g. 梁山县人民政府: the root of the organisation tree. */
  government: string;
  /** Its 行政区划代码, or null. */
  regionCode: string | null;
  /** Its disclosure office (政府信息公开工作机构), e.g. 梁山县人民政府办公室. */
  office: string;
  admin: FirstUserInput;
  /** The office's first account: role office, in the disclosure office. */
  officeUser: FirstUserInput;
};

type FirstUserInput = {
  username: string;
  displayName: string;
  password: string;
  mustChangePassword: boolean;
};

async function insertFirstUser(tx: Db, input: FirstUserInput, role: 'admin' | 'office', orgId: number) {
  const inserted = await store.insertUser(tx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role,
    orgId,
  });
  return tx
    .updateTable('users')
    .set({ must_change_password: input.mustChangePassword })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Creates the root government, its disclosure office (a department whose `serves_org_id` is the
 * government, as 市政府办公室 is for the demo city), the first administrator and the office's first
 * account (so that the government receives applications at once), with their audit rows, in the
 * caller's transaction. The caller has checked that no organisation exists (`countOrgs`).
 */
export async function createFirstGovernment(tx: Db, input: FirstGovernmentInput) {
  const government = await store.insertOrg(tx, {
    parentId: null,
    name: input.government,
    kind: 'government',
    code: null,
    sortOrder: 0,
  });
  const withRegion = await tx
    .updateTable('orgs')
    .set({ region_code: input.regionCode })
    .where('id', '=', government.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const office = await store.insertOrg(tx, {
    parentId: government.id,
    name: input.office,
    kind: 'department',
    code: null,
    sortOrder: 0,
    servesOrgId: government.id,
  });
  const admin = await insertFirstUser(tx, input.admin, 'admin', government.id);
  const officeUser = await insertFirstUser(tx, input.officeUser, 'office', office.id);
  for (const org of [withRegion, office]) {
    await recordAudit(tx, {
      actorId: null,
      action: 'org.create',
      subjectType: 'org',
      subjectId: org.id,
      after: org,
    });
  }
  for (const user of [admin, officeUser]) {
    await recordAudit(tx, {
      actorId: null,
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      after: user,
    });
  }
  return { government: withRegion, office, admin, officeUser };
}

/** Whether the user must choose a new password before anything else. */
export async function mustChangePassword(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('must_change_password')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.must_change_password ?? false;
}

/**
 * A person changes their own password: the current one must be right and the new one must meet the
 * policy and differ from it. Ends the person's other sessions; clears `must_change_password`.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { oldPassword: string; newPassword: string; keepSessionId: number | null },
): Promise<void> {
  const user = await store.findUser(db, actor.id);
  if (!user) throw new AppError('SESSION_EXPIRED');
  if (!(await verifyPassword(user.password_hash, input.oldPassword))) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'oldPassword', message: '当前密码不正确' }]);
  }
  const problem =
    checkNewPassword(input.newPassword, user.username) ??
    (input.newPassword === input.oldPassword ? '新密码不能与当前密码相同' : null);
  if (problem) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false })
      .where('id', '=', user.id)
      .execute();
    let others = tx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (input.keepSessionId !== null) others = others.where('id', '!=', input.keepSessionId);
    await others.execute();
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_change',
      subjectType: 'user',
      subjectId: user.id,
      before: { mustChangePassword: user.must_change_password },
      after: { mustChangePassword: false },
    });
  });
}
