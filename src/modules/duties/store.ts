/** SQL of the duty registers: one table, `duty_records` (db/migrations/0051_duties_registers.sql). */
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Register, State } from './domain/registers.ts';

export interface DutyRecordsTable {
  id: Generated<number>;
  register: Register;
  org_id: number;
  assignee_org_id: number | null;
  title: string;
  occurred_on: string;
  due_on: string | null;
  state: State;
  flagged: Generated<boolean>;
  code: string | null;
  data: Record<string, unknown>;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    duty_records: DutyRecordsTable;
  }
}

type Db = Kysely<Database>;
export type DutyRow = Selectable<DutyRecordsTable>;
export type NewDutyRow = Insertable<DutyRecordsTable>;

const json = (row: NewDutyRow | Updateable<DutyRecordsTable>) =>
  row.data === undefined
    ? row
    : { ...row, data: JSON.stringify(row.data) as unknown as Record<string, unknown> };

export async function insertRecords(db: Db, rows: NewDutyRow[]): Promise<DutyRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('duty_records')
    .values(rows.map((r) => json(r) as NewDutyRow))
    .returningAll()
    .execute();
}

export async function updateRecord(
  db: Db,
  id: number,
  patch: Updateable<DutyRecordsTable>,
): Promise<DutyRow> {
  return db
    .updateTable('duty_records')
    .set({ ...json(patch), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRecord(db: Db, register: Register, id: number): Promise<DutyRow | undefined> {
  return db
    .selectFrom('duty_records')
    .selectAll()
    .where('register', '=', register)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findByCode(db: Db, code: string): Promise<DutyRow | undefined> {
  return db
    .selectFrom('duty_records')
    .selectAll()
    .where('register', '=', 'errata')
    .where('code', '=', code)
    .executeTakeFirst();
}

export type ListFilter = {
  register: Register;
  year?: number;
  orgId?: number;
  state?: string;
  /** Records of these units, or assigned to `assigneeOrgId`; undefined: every unit. */
  orgIds?: readonly number[];
  assigneeOrgId?: number;
};

export async function listRecords(db: Db, f: ListFilter): Promise<DutyRow[]> {
  let q = db.selectFrom('duty_records').selectAll().where('register', '=', f.register);
  if (f.year) {
    q = q.where('occurred_on', '<=', `${f.year}-12-31`);
    // Accounts are listed in every year they exist (opened by its end); the others in the year they occurred.
    if (f.register !== 'accounts') q = q.where('occurred_on', '>=', `${f.year}-01-01`);
  }
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.state) q = q.where('state', '=', f.state as State);
  const { orgIds, assigneeOrgId } = f;
  if (orgIds)
    q = q.where((eb) =>
      eb.or([
        eb('org_id', 'in', orgIds.length ? [...orgIds] : [-1]),
        eb('assignee_org_id', '=', assigneeOrgId ?? -1),
      ]),
    );
  return q.orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(2000).execute();
}

/** The published results of proposals of these units (the portal column), newest first. */
export async function publishedProposals(db: Db, orgIds: readonly number[] | undefined): Promise<DutyRow[]> {
  let q = db
    .selectFrom('duty_records')
    .selectAll()
    .where('register', '=', 'proposals')
    .where('state', '=', 'published');
  if (orgIds) q = q.where('org_id', 'in', orgIds.length ? [...orgIds] : [-1]);
  return q.orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** The accounts of these units (the portal's list), active first. */
export async function accountsOf(db: Db, orgIds: readonly number[] | undefined): Promise<DutyRow[]> {
  let q = db.selectFrom('duty_records').selectAll().where('register', '=', 'accounts');
  if (orgIds) q = q.where('org_id', 'in', orgIds.length ? [...orgIds] : [-1]);
  return q.orderBy('state').orderBy('org_id').orderBy('id').execute();
}

export async function setFlags(db: Db, ids: { flagged: number[]; clear: number[] }): Promise<void> {
  if (ids.flagged.length)
    await db.updateTable('duty_records').set({ flagged: true }).where('id', 'in', ids.flagged).execute();
  if (ids.clear.length)
    await db.updateTable('duty_records').set({ flagged: false }).where('id', 'in', ids.clear).execute();
}

/** The records of one register counted in a year (stats): the columns and data the counts need. */
export async function recordsOfYear(
  db: Db,
  register: Register,
  year: number,
  orgIds: readonly number[] | undefined,
): Promise<DutyRow[]> {
  let q = db
    .selectFrom('duty_records')
    .selectAll()
    .where('register', '=', register)
    .where('occurred_on', '<=', `${year}-12-31`);
  // Accounts count while they exist; the others by the year they occurred in.
  if (register !== 'accounts') q = q.where('occurred_on', '>=', `${year}-01-01`);
  if (orgIds) q = q.where('org_id', 'in', orgIds.length ? [...orgIds] : [-1]);
  return q.execute();
}
