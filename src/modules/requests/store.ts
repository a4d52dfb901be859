import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import { OPEN_STAGES, RUNNING_STAGES } from './domain/stages.ts';

type Json<T> = ColumnType<T, string, string>;

export type ApplicantRecord = {
  type: string;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  contactName: string | null;
};

export interface RequestsTable {
  id: Generated<number>;
  case_no: string | null;
  org_id: number;
  unit_id: number | null;
  handler_id: number | null;
  channel: string;
  submitted_on: string;
  received_on: string | null;
  stage: string;
  applicant_type: string;
  applicant_name: string;
  applicant: Json<ApplicantRecord>;
  subject: string;
  doc_number: string | null;
  description: string;
  form_wanted: string | null;
  delivery_wanted: string | null;
  outcome: string | null;
  outcome_ground: string | null;
  reply_due: string | null;
  paused: Generated<boolean>;
  clock_missing_year: number | null;
  tracking_code: string | null;
  tracking_password_hash: string | null;
  submission_key: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** The day of the reply event; kept by a trigger on request_events (0011_requests_stats.sql). */
  replied_on: Generated<string | null>;
  /** A correction notice or a consultation was logged; kept by the same trigger (null: not known yet). */
  paused_ever: Generated<boolean | null>;
  /** Imported from an office's existing ledger (import/, 0028_past_years.sql): read-only. */
  imported: Generated<boolean>;
  /** The sign-off step the reply draft waits for ('review' | 'sign'), null without one (0046). */
  signoff_step: Generated<string | null>;
}

/** An agency's sign-off chain for replies (domain/signoff.ts; 0046_request_signoff.sql). */
export interface RequestSignoffChainsTable {
  org_id: number;
  chain: string;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  at: Generated<Date>;
  on_date: string;
  type: string;
  actor_id: number | null;
  data: Json<Record<string, unknown>>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    requests: RequestsTable;
    request_events: RequestEventsTable;
    request_signoff_chains: RequestSignoffChainsTable;
    request_case_counters: { year: number; last_no: number };
  }
}

export type RequestRow = Selectable<RequestsTable>;
export type RequestEventRow = Selectable<RequestEventsTable>;
export type NewRequest = Omit<
  RequestsTable,
  | 'id'
  | 'case_no'
  | 'paused'
  | 'created_at'
  | 'updated_at'
  | 'applicant'
  | 'outcome'
  | 'outcome_ground'
  | 'reply_due'
  | 'clock_missing_year'
  | 'replied_on'
  | 'paused_ever'
  | 'imported'
  | 'signoff_step'
> & { applicant: ApplicantRecord };

export async function insertRequest(db: Kysely<Database>, v: NewRequest): Promise<RequestRow> {
  return db
    .insertInto('requests')
    .values({
      ...v,
      case_no: await nextCaseNo(db, v.submitted_on.slice(0, 4)),
      applicant: JSON.stringify(v.applicant),
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The next case number of `year` (`2026-000042`), from the year's counter (0057_request_case_counters.sql)
 * in the caller's transaction: a registration that rolls back gives its number back, so the numbers have
 * no gaps. A number an imported ledger already uses is skipped.
 */
async function nextCaseNo(db: Kysely<Database>, year: string): Promise<string> {
  for (;;) {
    const { last_no } = await db
      .insertInto('request_case_counters')
      .values({ year: Number(year), last_no: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_no: sql`request_case_counters.last_no + 1` }))
      .returning('last_no')
      .executeTakeFirstOrThrow();
    const caseNo = `${year}-${String(last_no).padStart(6, '0')}`;
    if (!(await findRequestByCaseNo(db, caseNo))) return caseNo;
  }
}

export function findRequest(db: Kysely<Database>, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRequestByCaseNo(db: Kysely<Database>, caseNo: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
}

/** The row, locked for the rest of the transaction so two actions on one case run one after the other. */
export function lockRequest(db: Kysely<Database>, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findBySubmissionKey(db: Kysely<Database>, key: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('submission_key', '=', key).executeTakeFirst();
}

export function findByTrackingCode(db: Kysely<Database>, code: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('tracking_code', '=', code).executeTakeFirst();
}

export function listEvents(db: Kysely<Database>, requestId: number): Promise<RequestEventRow[]> {
  return db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function appendEvent(
  db: Kysely<Database>,
  e: { requestId: number; on: string; type: string; actorId: number | null; data: Record<string, unknown> },
): Promise<RequestEventRow> {
  return db
    .insertInto('request_events')
    .values({
      request_id: e.requestId,
      on_date: e.on,
      type: e.type,
      actor_id: e.actorId,
      data: JSON.stringify(e.data),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateDerived(
  db: Kysely<Database>,
  id: number,
  v: Partial<
    Pick<
      RequestRow,
      | 'stage'
      | 'org_id'
      | 'received_on'
      | 'unit_id'
      | 'handler_id'
      | 'outcome'
      | 'outcome_ground'
      | 'reply_due'
      | 'paused'
      | 'clock_missing_year'
      | 'signoff_step'
    >
  >,
): Promise<RequestRow> {
  return db
    .updateTable('requests')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * `stage in ('registered', …)` over the running stages as literals (not parameters): verbatim the
 * predicate of the partial index `requests_due_idx`, so the planner can use it.
 */
export const runningStageSql = (column: 'stage' | 'r.stage' = 'stage') =>
  sql.raw(`${column} in (${RUNNING_STAGES.map((s) => `'${s}'`).join(', ')})`);

export type ListFilter = {
  /** Cases addressed to these agencies, or assigned to these units (the caller's scope). */
  scope: { orgIds: number[]; unitIds: number[] };
  stage?: string;
  unitId?: number;
  overdue?: boolean;
  paused?: boolean;
  dueBy?: string;
  q?: string;
  today: string;
  page: number;
  pageSize: number;
};

/** The workbench list: open cases first by reply deadline (plain indexed queries on stored due dates). */
export async function listRequests(db: Kysely<Database>, f: ListFilter) {
  let q = db
    .selectFrom('requests as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .leftJoin('orgs as u', 'u.id', 'r.unit_id')
    .leftJoin('users as h', 'h.id', 'r.handler_id');
  const { orgIds, unitIds } = f.scope;
  if (orgIds.length === 0 && unitIds.length === 0) return { rows: [], total: 0 };
  q = q.where((eb) =>
    eb.or([
      ...(orgIds.length ? [eb('r.org_id', 'in', orgIds)] : []),
      ...(unitIds.length ? [eb('r.unit_id', 'in', unitIds)] : []),
    ]),
  );
  if (f.stage === 'open') q = q.where('r.stage', 'in', OPEN_STAGES);
  else if (f.stage && f.stage !== 'all') q = q.where('r.stage', '=', f.stage);
  if (f.unitId !== undefined) q = q.where('r.unit_id', '=', f.unitId);
  if (f.overdue) q = q.where('r.stage', 'in', RUNNING_STAGES).where('r.reply_due', '<', f.today);
  if (f.paused) q = q.where('r.paused', '=', true);
  if (f.dueBy) q = q.where('r.stage', 'in', RUNNING_STAGES).where('r.reply_due', '<=', f.dueBy);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('r.subject', 'like', like),
        eb('r.case_no', 'like', like),
        eb('r.description', 'like', like),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('r')
      .select(['o.name as org_name', 'u.name as unit_name', 'h.display_name as handler_name'])
      // Running cases first (the clock is ticking), then those awaiting confirmation, then finished ones.
      .orderBy(
        sql`case when ${runningStageSql('r.stage')} then 0 when r.stage = 'awaiting-confirmation' then 1 else 2 end`,
      )
      .orderBy(sql`r.reply_due asc nulls last`)
      .orderBy('r.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type RequestListRow = Awaited<ReturnType<typeof listRequests>>['rows'][number];

export interface RequestSecretsTable {
  name: string;
  secret: Uint8Array;
  created_at: Generated<Date>;
}

export interface RequestAssistanceTable {
  id: Generated<number>;
  public_id: string;
  request_id: number;
  unit_id: number;
  kind: string;
  question: string;
  asked_on: string;
  due_on: string;
  asked_by: number | null;
  status: Generated<string>;
  reply_text: string | null;
  reply_file_ids: Generated<number[]>;
  replied_on: string | null;
  replied_by: number | null;
  created_at: Generated<Date>;
}

export interface RequestSavedViewsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  filter: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    request_secrets: RequestSecretsTable;
    request_assistance: RequestAssistanceTable;
    request_saved_views: RequestSavedViewsTable;
  }
}

/** The saved sign-off chain of each of `orgIds` (absent: none saved). */
export async function signoffChains(
  db: Kysely<Database>,
  orgIds: readonly number[],
): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('request_signoff_chains')
    .select(['org_id', 'chain'])
    .where('org_id', 'in', [...orgIds])
    .execute();
  return new Map(rows.map((r) => [r.org_id, r.chain]));
}

export async function saveSignoffChain(
  db: Kysely<Database>,
  v: { orgId: number; chain: string; updatedBy: number | null },
): Promise<void> {
  await db
    .insertInto('request_signoff_chains')
    .values({ org_id: v.orgId, chain: v.chain, updated_by: v.updatedBy })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ chain: v.chain, updated_by: v.updatedBy, updated_at: new Date() }),
    )
    .execute();
}

/**
 * 按件 (办法第四条 同一申请人一个自然月内累计申请): the same applicant's applications (same document type and
 * number: identity number or credit code) received in the natural month of `row`'s receipt before it
 * (earlier day, or the same day and registered earlier). Each counts as one item.
 */
export async function applicantMonthCount(
  db: Kysely<Database>,
  row: Pick<RequestRow, 'id' | 'applicant' | 'received_on' | 'submitted_on'>,
): Promise<number> {
  const day = row.received_on ?? row.submitted_on;
  const monthStart = `${day.slice(0, 7)}-01`;
  const idNumber = row.applicant.idNumber.trim().toUpperCase();
  if (!idNumber) return 0;
  const found = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '<>', row.id)
    .where(sql<boolean>`upper(trim(applicant->>'idNumber')) = ${idNumber}`)
    .where(sql<boolean>`applicant->>'idType' = ${row.applicant.idType}`)
    .where('received_on', 'is not', null)
    .where('received_on', '>=', monthStart)
    .where(sql<boolean>`(received_on < ${day}::date or (received_on = ${day}::date and id < ${row.id}))`)
    .executeTakeFirstOrThrow();
  return Number(found.n);
}
