import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  code: string | null;
  sort_order: Generated<number>;
  /** This organisation is the disclosure office (政府信息公开工作机构) of that agency. */
  serves_org_id: Generated<number | null>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  /** Where notifications are e-mailed when SMTP is configured. */
  email: Generated<string | null>;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    orgs: OrgsTable;
    users: UsersTable;
  }
}

export type OrgRow = Selectable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;

export function listOrgs(db: Kysely<Database>): Promise<OrgRow[]> {
  return db.selectFrom('orgs').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export function findOrg(db: Kysely<Database>, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOrg(
  db: Kysely<Database>,
  v: { parentId: number | null; name: string; kind: string; code: string | null; sortOrder: number },
): Promise<OrgRow> {
  return db
    .insertInto('orgs')
    .values({ parent_id: v.parentId, name: v.name, kind: v.kind, code: v.code, sort_order: v.sortOrder })
    .returningAll()
    .executeTakeFirstOrThrow();
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
    role: string;
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
    role: string;
    org_id: number;
    disabled: boolean;
    email: string | null;
    password_hash: string;
    failed_logins: number;
    locked_until: Date | null;
    last_login_at: Date;
  }>,
): Promise<UserRow> {
  return db.updateTable('users').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
