import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Role } from '../../platform/roles.ts';

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  code: string | null;
  sort_order: Generated<number>;
  /** This organisation is the disclosure office (政府信息公开工作机构) of that agency. */
  serves_org_id: Generated<number | null>;
  /** 行政区划代码 of a government (6 or 12 digits); null for other organisations. */
  region_code: Generated<string | null>;
  /** 简称, 统一社会信用代码, 是否受理依申请公开, 停用 (migration 0022). */
  short_name: Generated<string | null>;
  credit_code: Generated<string | null>;
  accepts_requests: Generated<boolean>;
  disabled: Generated<boolean>;
  /** The office organisation that receives this agency's applications; null: its own office (0024). */
  receiving_office_id: Generated<number | null>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_id: number;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  /** Where notifications are e-mailed when SMTP is configured. */
  email: Generated<string | null>;
  /** The password was given by someone else (setup): the next sign-in must choose a new one first. */
  must_change_password: Generated<boolean>;
  /** 手机 (migration 0022). */
  phone: Generated<string | null>;
  created_at: Generated<Date>;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: Timestamp;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    orgs: OrgsTable;
    users: UsersTable;
    login_throttle: LoginThrottleTable;
  }
}

/**
 * Counts one sign-in attempt in `key`'s window, atomically (one statement: concurrent attempts each get
 * their own count), starting a new window when the last began `windowMinutes` or more ago.
 */
export async function countAttempt(
  db: Kysely<Database>,
  key: string,
  now: Date,
  windowMinutes: number,
): Promise<number> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const r = await sql<{ attempts: number }>`
    insert into login_throttle (key, attempts, window_start) values (${key}, 1, ${now})
    on conflict (key) do update set
      attempts = case when login_throttle.window_start <= ${since} then 1 else login_throttle.attempts + 1 end,
      window_start = case when login_throttle.window_start <= ${since} then ${now} else login_throttle.window_start end
    returning attempts`.execute(db);
  return Number(r.rows[0]?.attempts ?? 0);
}

export async function clearAttempts(db: Kysely<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length)
    await db
      .deleteFrom('login_throttle')
      .where('key', 'in', [...keys])
      .execute();
}

/** Forgets every counter of a name (an administrator reset the account's password). */
export async function clearAttemptsOfName(db: Kysely<Database>, username: string): Promise<void> {
  const name = username.trim().toLowerCase();
  const pair = `pair:${name}|`;
  await db
    .deleteFrom('login_throttle')
    .where((eb) => eb.or([eb('key', '=', `account:${name}`), eb(sql`left(key, ${pair.length})`, '=', pair)]))
    .execute();
}

export type OrgRow = Selectable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;

export function listOrgs(db: Kysely<Database>): Promise<OrgRow[]> {
  return db.selectFrom('orgs').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export function findOrg(db: Kysely<Database>, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An organisation by its exact name; among `parentId`'s children when that is given. */
export function findOrgByName(
  db: Kysely<Database>,
  name: string,
  parentId?: number,
): Promise<OrgRow | undefined> {
  let q = db.selectFrom('orgs').selectAll().where('name', '=', name);
  if (parentId !== undefined) q = q.where('parent_id', '=', parentId);
  return q.orderBy('id').executeTakeFirst();
}

/** The names of the given organisations, in one query (none for no ids); unknown ids are left out. */
export async function orgNames(db: Kysely<Database>, ids: Iterable<number>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countOrgs(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export type NewOrg = {
  parentId: number | null;
  name: string;
  kind: string;
  code: string | null;
  sortOrder: number;
  /** This organisation is the disclosure office of that agency. */
  servesOrgId?: number | null;
};

const orgValues = (v: NewOrg) => ({
  parent_id: v.parentId,
  name: v.name,
  kind: v.kind,
  code: v.code,
  sort_order: v.sortOrder,
  serves_org_id: v.servesOrgId ?? null,
});

export function insertOrg(db: Kysely<Database>, v: NewOrg): Promise<OrgRow> {
  return db.insertInto('orgs').values(orgValues(v)).returningAll().executeTakeFirstOrThrow();
}

/** Inserts organisations in one statement (seeds); returns them in the given order. */
export async function insertOrgs(db: Kysely<Database>, list: readonly NewOrg[]): Promise<OrgRow[]> {
  if (list.length === 0) return [];
  const rows = await db.insertInto('orgs').values(list.map(orgValues)).returningAll().execute();
  return rows.sort((a, b) => a.id - b.id);
}

export function updateOrgRow(
  db: Kysely<Database>,
  id: number,
  v: Partial<{
    parent_id: number | null;
    name: string;
    kind: string;
    code: string | null;
    sort_order: number;
    receiving_office_id: number | null;
  }>,
): Promise<OrgRow> {
  return db.updateTable('orgs').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

const userWithOrg = (db: Kysely<Database>) =>
  db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.org_id',
      'users.disabled',
      'users.last_login_at',
      'users.email',
      'users.must_change_password',
      'users.created_at',
      'orgs.name as org_name',
    ]);

export type UserListRow = Awaited<ReturnType<ReturnType<typeof userWithOrg>['executeTakeFirstOrThrow']>>;

export async function listUsers(
  db: Kysely<Database>,
  f: { orgIds: number[]; q?: string; page: number; pageSize: number },
): Promise<{ rows: UserListRow[]; total: number }> {
  if (f.orgIds.length === 0) return { rows: [], total: 0 };
  let q = userWithOrg(db).where('users.org_id', 'in', f.orgIds);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy('users.org_id')
      .orderBy('users.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findUserView(db: Kysely<Database>, id: number): Promise<UserListRow | undefined> {
  return userWithOrg(db).where('users.id', '=', id).executeTakeFirst();
}

/** The display names of the given users, in one query (none for no ids); unknown ids are left out. */
export async function userDisplayNames(
  db: Kysely<Database>,
  ids: Iterable<number>,
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** An active user, with the agency their organisation is the disclosure office of (null: none). */
export type ActiveUser = { id: number; role: Role; org_id: number; serves_org_id: number | null };

/**
 * Active (not disabled) users by id, with their organisation's `serves_org_id`, in one query: the
 * recipients of reminders and notices. `roles` keeps those roles, plus the users in `alsoIds`.
 */
export function activeUsers(
  db: Kysely<Database>,
  o: { roles?: readonly Role[]; alsoIds?: readonly number[] } = {},
): Promise<ActiveUser[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.role', 'u.org_id', 'o.serves_org_id'])
    .where('u.disabled', '=', false);
  const { roles, alsoIds = [] } = o;
  if (roles) {
    if (roles.length === 0 && alsoIds.length === 0) return Promise.resolve([]);
    q = q.where((eb) =>
      eb.or([
        ...(roles.length > 0 ? [eb('u.role', 'in', [...roles])] : []),
        // One array parameter however many ids.
        ...(alsoIds.length > 0 ? [sql<boolean>`u.id = any(${[...alsoIds]}::integer[])`] : []),
      ]),
    );
  }
  return q.orderBy('u.id').execute();
}

/** Users of the given organisations (id and organisation), by id. */
export function usersOfOrgs(
  db: Kysely<Database>,
  orgIds: Iterable<number>,
): Promise<{ id: number; org_id: number }[]> {
  const wanted = [...new Set(orgIds)];
  if (wanted.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('org_id', 'in', wanted)
    .orderBy('id')
    .execute();
}

/** The first user (lowest id), of one of `roles` when given: whom demo data is attributed to. */
export function firstUser(db: Kysely<Database>, roles?: readonly Role[]): Promise<UserRow | undefined> {
  let q = db.selectFrom('users').selectAll();
  if (roles) q = q.where('role', 'in', [...roles]);
  return q.orderBy('id').limit(1).executeTakeFirst();
}

/** Locks a user's row until the transaction ends, so that user's concurrent writes take turns. */
export async function lockUser(tx: Kysely<Database>, id: number): Promise<void> {
  await tx.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
}

export function findUser(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function insertUser(
  db: Kysely<Database>,
  v: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    orgId: number;
    email?: string | null;
  },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: v.username,
      display_name: v.displayName,
      password_hash: v.passwordHash,
      role: v.role,
      org_id: v.orgId,
      email: v.email ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUserRow(
  db: Kysely<Database>,
  id: number,
  v: Partial<{
    display_name: string;
    role: Role;
    org_id: number;
    disabled: boolean;
    email: string | null;
    password_hash: string;
    failed_logins: number;
    locked_until: Date | null;
    last_login_at: Date;
    must_change_password: boolean;
  }>,
): Promise<UserRow> {
  // A change of nothing (a PATCH whose fields were all unknown) reads the user: `update … set` needs a column.
  if (Object.values(v).every((x) => x === undefined))
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('users').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The organisations with at least one active office-role user (those who could receive applications). */
export async function staffedOrgIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('users')
    .select('org_id')
    .distinct()
    .where('role', '=', 'office')
    .where('disabled', '=', false)
    .execute();
  return new Set(rows.map((r) => r.org_id));
}
