/**
 * SQL of the assistance requests (协助调查/会商, table request_assistance): a case's handler asks another
 * organisation's unit for assistance with a due date; that unit answers. The case's log carries the
 * matching 'assist-request' / 'assist-reply' events (same transaction, service.ts `act`).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';

type Db = Kysely<Database>;

export type AssistanceRow = {
  id: number;
  public_id: string;
  request_id: number;
  unit_id: number;
  kind: string;
  question: string;
  asked_on: string;
  due_on: string;
  asked_by: number | null;
  status: string;
  reply_text: string | null;
  reply_file_ids: number[];
  replied_on: string | null;
  replied_by: number | null;
};

/** The open or answered request `publicId` of case `requestId`, locked for the transaction. */
export function lockAssistance(
  db: Db,
  requestId: number,
  publicId: string,
): Promise<AssistanceRow | undefined> {
  return db
    .selectFrom('request_assistance')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('public_id', '=', publicId)
    .forUpdate()
    .executeTakeFirst() as Promise<AssistanceRow | undefined>;
}

export function findAssistance(db: Db, id: number): Promise<AssistanceRow | undefined> {
  return db.selectFrom('request_assistance').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    AssistanceRow | undefined
  >;
}

export async function insertAssistance(
  db: Db,
  v: Omit<AssistanceRow, 'id' | 'status' | 'reply_text' | 'reply_file_ids' | 'replied_on' | 'replied_by'>,
): Promise<void> {
  await db.insertInto('request_assistance').values(v).execute();
}

export async function answerAssistance(
  db: Db,
  id: number,
  v: { text: string; fileIds: number[]; on: string; by: number | null },
): Promise<void> {
  await db
    .updateTable('request_assistance')
    .set({
      status: 'answered',
      reply_text: v.text,
      reply_file_ids: sql<number[]>`${v.fileIds}::int[]`,
      replied_on: v.on,
      replied_by: v.by,
    })
    .where('id', '=', id)
    .execute();
}

/** Files uploaded by `userId` among `ids` (an answer may attach only its author's uploads). */
export async function ownFiles(db: Db, userId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('id', 'in', ids)
    .where('created_by', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}

export type AssistanceListRow = AssistanceRow & {
  case_no: string | null;
  subject: string;
  description: string;
  case_org_id: number;
  case_unit_id: number | null;
  case_handler_id: number | null;
  from_name: string;
  unit_name: string;
  asked_by_name: string | null;
  replied_by_name: string | null;
};

function listQuery(db: Db) {
  return db
    .selectFrom('request_assistance as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .innerJoin('orgs as u', 'u.id', 'a.unit_id')
    .innerJoin('orgs as f', (j) => j.on(sql<boolean>`f.id = coalesce(r.unit_id, r.org_id)`))
    .leftJoin('users as ab', 'ab.id', 'a.asked_by')
    .leftJoin('users as rb', 'rb.id', 'a.replied_by')
    .selectAll('a')
    .select([
      'r.case_no',
      'r.subject',
      sql<string>`left(r.description, 500)`.as('description'),
      'r.org_id as case_org_id',
      'r.unit_id as case_unit_id',
      'r.handler_id as case_handler_id',
      'f.name as from_name',
      'u.name as unit_name',
      'ab.display_name as asked_by_name',
      'rb.display_name as replied_by_name',
    ]);
}

/** The requests addressed to a unit: open ones by due date first, then answered ones, newest first. */
export async function listForUnit(
  db: Db,
  f: { unitId: number; status: 'open' | 'answered' | 'all'; today: string; page: number; pageSize: number },
): Promise<{ rows: AssistanceListRow[]; total: number; open: number; overdue: number }> {
  let q = listQuery(db).where('a.unit_id', '=', f.unitId);
  if (f.status !== 'all') q = q.where('a.status', '=', f.status);
  const rows = (await q
    .orderBy(sql`a.status = 'open'`, 'desc')
    .orderBy(sql`case when a.status = 'open' then a.due_on end`, 'asc')
    .orderBy('a.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as AssistanceListRow[];
  const counts = await sql<{ total: number; open: number; overdue: number }>`
    select count(*) filter (where ${f.status === 'all' ? sql`true` : sql`status = ${f.status}`})::int as total,
      count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'open' and due_on < ${f.today}::date)::int as overdue
    from request_assistance where unit_id = ${f.unitId}`.execute(db);
  const c = counts.rows[0] ?? { total: 0, open: 0, overdue: 0 };
  return { rows, total: c.total, open: c.open, overdue: c.overdue };
}

export async function listForCase(db: Db, requestId: number): Promise<AssistanceListRow[]> {
  return (await listQuery(db)
    .where('a.request_id', '=', requestId)
    .orderBy('a.id')
    .execute()) as AssistanceListRow[];
}

export async function fileRows(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size', 'sha256'])
    .where('id', 'in', ids)
    .execute();
}
