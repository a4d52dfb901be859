import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashPassword, randomPassword, verifyPassword } from '../../platform/http/passwords.ts';
import type { Actor } from '../../platform/http/session.ts';
import { agenciesServedBy } from './domain/offices.ts';
import { can, type OrgsAction, scopeMode, scopeRoot } from './domain/policies.ts';
import { allowedParentKinds, type OrgKind, type Role } from './domain/roles.ts';
import { keysClearedOnSuccess, overLimit, THROTTLE_WINDOW_MINUTES, throttleKeys } from './domain/throttle.ts';
import { canRestructure, subtreeIds, wouldCycle } from './domain/tree.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** Throws FORBIDDEN unless the orgs policy lets `actor` take `action`. */
export function authorize(actor: Actor, action: OrgsAction): void {
  if (!can(actor, action)) throw new AppError('FORBIDDEN');
}

/** The organisations whose records `actor` may see: its own, plus its subtree where the role allows. */
export async function visibleOrgIds(db: Db, actor: Actor): Promise<Set<number>> {
  if (scopeMode(actor.role) === 'self') return new Set([actor.orgId]);
  const orgs = await store.listOrgs(db);
  // A disclosure office (市政府办公室) works for the agency it serves, so it sees that agency's subtree.
  const own = orgs.find((o) => o.id === actor.orgId);
  const root = scopeRoot(actor, own?.serves_org_id ?? null);
  return subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id })),
    root,
  );
}

/**
 * Whether `actor`'s scope reaches every top of the tree (the administrator of the root government, or the
 * office serving it): platform-wide reference data and settings are changed by them only (DERIVED: a
 * department or county administrator administers its subtree, not the whole platform).
 */
export async function seesWholeTree(db: Db, actor: Actor): Promise<boolean> {
  const [orgs, visible] = await Promise.all([store.listOrgs(db), visibleOrgIds(db, actor)]);
  const roots = orgs.filter((o) => o.parent_id === null);
  return roots.length > 0 && roots.every((o) => visible.has(o.id));
}

/**
 * Whose actions an administrator reads in the audit trail: everything for the administrator of the top
 * of the tree (null), else the organisations of its subtree (DERIVED: the trail is read as far as one
 * administers).
 */
export async function auditScope(db: Db, actor: Actor): Promise<number[] | null> {
  const own = await store.findOrg(db, actor.orgId);
  if (own && own.parent_id === null) return null;
  return [...(await visibleOrgIds(db, actor))];
}

/**
 * The agencies a person acts for as disclosure office: their own organisation, and the agency their
 * organisation is the disclosure office of (市政府办公室 → 济宁市人民政府).
 */
export async function agencyIdsFor(db: Db, actor: Actor): Promise<number[]> {
  const org = await store.findOrg(db, actor.orgId);
  return agenciesServedBy({ id: actor.orgId, servesOrgId: org?.serves_org_id ?? null });
}

async function requireOrgInScope(db: Db, actor: Actor, orgId: number): Promise<void> {
  if (!(await visibleOrgIds(db, actor)).has(orgId)) throw new AppError('NOT_FOUND');
}

export type OrgInput = {
  parentId: number | null;
  name: string;
  kind: OrgKind;
  code: string | null;
  sortOrder: number;
  /** 受理方式 (edit only): the office designated to receive the agency's applications; null: its own. */
  receivingOfficeId?: number | null;
};

async function checkParent(db: Db, kind: OrgKind, parentId: number | null): Promise<void> {
  const parent = parentId === null ? null : await store.findOrg(db, parentId);
  if (parentId !== null && !parent) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'parentId', message: '上级机构不存在' }]);
  }
  const parentKind = (parent?.kind ?? null) as OrgKind | null;
  if (!allowedParentKinds(kind).includes(parentKind)) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'parentId', message: '该类型的机构不能设在所选上级之下' },
    ]);
  }
}

export async function createOrg(db: Db, actor: Actor, input: OrgInput) {
  authorize(actor, 'orgs.manage');
  if (input.parentId === null)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'parentId', message: '请选择上级机构' }]);
  return inTransaction(db, async (tx) => {
    await requireOrgInScope(tx, actor, input.parentId as number);
    await checkParent(tx, input.kind, input.parentId);
    const row = await store.insertOrg(tx, input);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.create',
      subjectType: 'org',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateOrg(db: Db, actor: Actor, id: number, patch: Partial<OrgInput>) {
  authorize(actor, 'orgs.manage');
  return inTransaction(db, async (tx) => {
    await requireOrgInScope(tx, actor, id);
    const before = await store.findOrg(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const parentId = patch.parentId === undefined ? before.parent_id : patch.parentId;
    const kind = (patch.kind ?? before.kind) as OrgKind;
    if (parentId !== before.parent_id || kind !== before.kind) {
      if (parentId === null)
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'parentId', message: '机构不能移出机构树，请选择上级机构' },
        ]);
      if (!canRestructure(await visibleOrgIds(tx, actor), { parentId: before.parent_id }, parentId))
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: 'parentId',
            message: '只能在您管理的范围内调整下级机构的上级和类型；本机构的上级和类型由上级机构的管理员调整',
          },
        ]);
      const all = await store.listOrgs(tx);
      if (
        wouldCycle(
          all.map((o) => ({ id: o.id, parentId: o.parent_id })),
          id,
          parentId,
        )
      ) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'parentId', message: '不能把机构移到它自己的下级机构之下' },
        ]);
      }
      await checkParent(tx, kind, parentId);
    }
    if (patch.receivingOfficeId !== undefined && patch.receivingOfficeId !== null) {
      const office = await store.findOrg(tx, patch.receivingOfficeId);
      const visible = await visibleOrgIds(tx, actor);
      if (!office || office.id === id || office.disabled || !visible.has(office.id)) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'receivingOfficeId', message: '请选择本机关以外、未停用的机构代为受理' },
        ]);
      }
    }
    const after = await store.updateOrgRow(tx, id, {
      parent_id: parentId,
      kind,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      ...(patch.receivingOfficeId !== undefined ? { receiving_office_id: patch.receivingOfficeId } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.update',
      subjectType: 'org',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function listUsers(
  db: Db,
  actor: Actor,
  f: { orgId?: number; q?: string; page: number; pageSize: number },
) {
  authorize(actor, 'users.view');
  const visible = await visibleOrgIds(db, actor);
  let orgIds = [...visible];
  if (f.orgId !== undefined) {
    if (!visible.has(f.orgId)) throw new AppError('NOT_FOUND');
    orgIds = [f.orgId];
  }
  return store.listUsers(db, { orgIds, q: f.q, page: f.page, pageSize: f.pageSize });
}

export async function getUser(db: Db, actor: Actor, id: number) {
  authorize(actor, 'users.view');
  const user = await store.findUserView(db, id);
  if (!user || !(await visibleOrgIds(db, actor)).has(user.org_id)) throw new AppError('NOT_FOUND');
  return user;
}

export type UserInput = {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  password: string;
  email?: string | null;
};

/** Create a staff account. `actor` null means the command line (`gongkai user add`) or seeding. */
export async function createUser(db: Db, actor: Actor | null, input: UserInput) {
  if (actor) authorize(actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (actor) await requireOrgInScope(tx, actor, input.orgId);
    if (!(await store.findOrg(tx, input.orgId))) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'orgId', message: '所属机构不存在' }]);
    }
    if (await store.findUserByUsername(tx, input.username)) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'username', message: '该用户名已被使用' }]);
    }
    const row = await store.insertUser(tx, { ...input, passwordHash });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'user.create',
      subjectType: 'user',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export type UserPatch = Partial<{
  displayName: string;
  role: Role;
  orgId: number;
  disabled: boolean;
  password: string;
  email: string | null;
}>;

export async function updateUser(db: Db, actor: Actor | null, id: number, patch: UserPatch) {
  if (actor) authorize(actor, 'users.manage');
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return inTransaction(db, async (tx) => {
    const before = await store.findUser(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (actor) {
      const visible = await visibleOrgIds(tx, actor);
      if (!visible.has(before.org_id)) throw new AppError('NOT_FOUND');
      if (patch.orgId !== undefined && !visible.has(patch.orgId)) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'orgId', message: '所属机构不存在' }]);
      }
      if (
        actor.id === id &&
        (patch.disabled === true || (patch.role !== undefined && patch.role !== before.role))
      ) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'role', message: '不能停用自己的账号或修改自己的角色' },
        ]);
      }
    }
    const after = await store.updateUserRow(tx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.orgId !== undefined ? { org_id: patch.orgId } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    });
    if (passwordHash || patch.disabled === true) {
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    if (passwordHash) await store.clearAttemptsOfName(tx, before.username);
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

// A real argon2id hash of a random string, so unknown usernames cost the same time as known ones.
let dummyHash: Promise<string> | null = null;

/**
 * Check a password. The attempt is counted first (`domain/throttle.ts`: per name and address, per name,
 * per address), so concurrent guesses cannot pass the limit, and a count over its limit is refused with
 * one message whether or not the account exists. Every outcome on an account is audited. Returns the
 * user id on success.
 */
export async function authenticate(
  db: Db,
  username: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<number> {
  const keys = throttleKeys(username, address);
  const attempts: number[] = [];
  for (const k of keys) attempts.push(await store.countAttempt(db, k.key, now, THROTTLE_WINDOW_MINUTES));
  const user = await store.findUserByUsername(db, username);
  if (overLimit(keys, attempts)) {
    if (user && attempts[0] === (keys[0]?.limit ?? 0) + 1)
      await recordAudit(db, {
        actorId: null,
        action: 'auth.locked',
        subjectType: 'user',
        subjectId: user.id,
        after: { address },
      });
    throw new AppError('LOGIN_THROTTLED', { minutes: THROTTLE_WINDOW_MINUTES });
  }
  if (!user) {
    dummyHash ??= hashPassword(randomPassword());
    await verifyPassword(await dummyHash, password);
    throw new AppError('LOGIN_FAILED');
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok) {
    await recordAudit(db, {
      actorId: null,
      action: 'auth.login_failed',
      subjectType: 'user',
      subjectId: user.id,
      after: { address },
    });
    throw new AppError('LOGIN_FAILED');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  await inTransaction(db, async (tx) => {
    await store.clearAttempts(tx, keysClearedOnSuccess(username, address));
    await store.updateUserRow(tx, user.id, { last_login_at: now });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
  return user.id;
}

/** Load the actor for a session; disabled accounts have none. */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const u = await store.findUser(db, userId);
  if (!u || u.disabled) return null;
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id };
}
