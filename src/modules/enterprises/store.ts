/** SQL of 政策找人: profiles, conditions, pushes, the outbox, portal codes and tokens, packages. */
import {
  type ColumnType,
  type Generated,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Conditions } from './domain/conditions.ts';
import type { Industry, Qualification, Size } from './domain/profile.ts';

export interface EnterprisesTable {
  id: Generated<number>;
  credit_code: string;
  name: string;
  industry: Industry;
  size: Size;
  region_id: number;
  registered_capital: ColumnType<string | null, number | string | null, number | string | null>;
  founded_on: string;
  qualifications: ColumnType<Qualification[], Qualification[] | undefined, Qualification[]>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  phone: string | null;
  email: string | null;
  source: 'staff' | 'import' | 'self';
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PolicyConditionsTable {
  document_id: number;
  org_id: number;
  conditions: ColumnType<Conditions, string, string>;
  automatic: boolean;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface PolicyPushesTable {
  id: Generated<number>;
  document_id: number;
  enterprise_id: number;
  org_id: number;
  pushed_at: Timestamp;
  pushed_by: number | null;
  emailed: ColumnType<boolean, boolean | undefined, boolean>;
  opened_at: Timestamp | null;
  applied_at: Timestamp | null;
  granted_at: Timestamp | null;
  without_application: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EnterpriseMessagesTable {
  id: Generated<number>;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  enterprise_id: number | null;
  purpose: 'code' | 'push';
  sent: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
}

export interface EnterpriseCodesTable {
  id: Generated<number>;
  enterprise_id: number;
  code_hash: string;
  expires_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface EnterpriseAccessTable {
  token_hash: string;
  enterprise_id: number;
  expires_at: Timestamp;
}

export interface PolicyPackagesTable {
  id: Generated<number>;
  theme: string;
  title: string;
  summary: string;
  published: boolean;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PolicyPackageItemsTable {
  package_id: number;
  kind: 'document' | 'qa_pair';
  ref_id: number;
  sort_order: number;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    enterprises: EnterprisesTable;
    policy_conditions: PolicyConditionsTable;
    policy_pushes: PolicyPushesTable;
    enterprise_messages: EnterpriseMessagesTable;
    enterprise_codes: EnterpriseCodesTable;
    enterprise_access: EnterpriseAccessTable;
    policy_packages: PolicyPackagesTable;
    policy_package_items: PolicyPackageItemsTable;
  }
}

type Db = Kysely<Database>;
export type EnterpriseRow = Selectable<EnterprisesTable>;
export type ConditionsRow = Selectable<PolicyConditionsTable>;
export type PushRow = Selectable<PolicyPushesTable>;
export type PackageRow = Selectable<PolicyPackagesTable>;

/**
 * The matcher of `domain/conditions.ts` in SQL, over the enterprise aliased `e` and a jsonb condition set
 * (a parameter for bulk matching — its sub-selects then run once — or `pc.conditions` per policy). An
 * absent key is no condition; a NULL comparison (unknown capital) fails, as in the domain.
 */
export function matchesSql(c: RawBuilder<unknown>): RawBuilder<SqlBool> {
  const texts = (key: string) => sql`array(select jsonb_array_elements_text(${c} -> ${key}))`;
  return sql<SqlBool>`coalesce(
  (not (${c} ? 'industries') or e.industry = any(${texts('industries')}))
  and (not (${c} ? 'sizes') or e.size = any(${texts('sizes')}))
  and (not (${c} ? 'regionIds') or e.region_id = any(array(select x::int from jsonb_array_elements_text(${c} -> 'regionIds') x)))
  and (not (${c} ? 'foundedBefore') or e.founded_on < (${c} ->> 'foundedBefore')::date)
  and (not (${c} ? 'foundedFrom') or e.founded_on >= (${c} ->> 'foundedFrom')::date)
  and (not (${c} ? 'capitalMin') or e.registered_capital >= (${c} ->> 'capitalMin')::numeric)
  and (not (${c} ? 'capitalMax') or e.registered_capital <= (${c} ->> 'capitalMax')::numeric)
  and (not (${c} ? 'qualifications') or e.qualifications && ${texts('qualifications')})
  and (not (${c} ? 'tags') or e.tags && ${texts('tags')}),
  false)`;
}

export const conditionsParam = (c: Conditions) => sql`${JSON.stringify(c)}::jsonb`;

/** The ids of the enterprises a condition set matches (set-based), in id order. */
export async function matchingIds(db: Db, c: Conditions): Promise<number[]> {
  const rows = await db
    .selectFrom('enterprises as e')
    .select('e.id')
    .where(matchesSql(conditionsParam(c)))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function countMatching(db: Db, c: Conditions): Promise<number> {
  const r = await db
    .selectFrom('enterprises as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(matchesSql(conditionsParam(c)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Pushes a policy to every enterprise its conditions match that has not had it yet (one statement; the
 * unique (document_id, enterprise_id) keeps a second push from reaching anyone twice). Returns the new
 * pushes' enterprises.
 */
export async function insertPushes(
  db: Db,
  p: { documentId: number; orgId: number; conditions: Conditions; at: Date; by: number | null },
): Promise<{ id: number; enterprise_id: number }[]> {
  const r = await sql<{ id: number; enterprise_id: number }>`
    insert into policy_pushes (document_id, enterprise_id, org_id, pushed_at, pushed_by)
    select ${p.documentId}, e.id, ${p.orgId}, ${p.at}, ${p.by}
    from enterprises e
    where ${matchesSql(conditionsParam(p.conditions))}
    on conflict (document_id, enterprise_id) do nothing
    returning id, enterprise_id`.execute(db);
  return r.rows;
}

/** Enterprises a department may see: matched by one of its policies' conditions. */
export function matchedByOrg(orgId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from policy_conditions pc where pc.org_id = ${orgId} and ${matchesSql(sql`pc.conditions`)})`;
}

/** The departments (issuers) whose policies match an enterprise. */
export async function matchingOrgIds(db: Db, enterpriseId: number): Promise<number[]> {
  const rows = await sql<{ org_id: number }>`
    select distinct pc.org_id from policy_conditions pc, enterprises e
    where e.id = ${enterpriseId} and ${matchesSql(sql`pc.conditions`)}`.execute(db);
  return rows.rows.map((r) => r.org_id);
}

export function findEnterprise(db: Db, id: number): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByCreditCode(db: Db, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', code).executeTakeFirst();
}

export async function existingCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('enterprises')
    .select('credit_code')
    .where('credit_code', 'in', [...codes])
    .execute();
  return rows.map((r) => r.credit_code);
}

export type EnterpriseListFilter = {
  q?: string;
  industry?: Industry;
  orgId?: number;
  /** With `orgId`: also the profiles of these regions (the register of the governments one sees). */
  regionIds?: readonly number[];
  limit: number;
  offset: number;
};

/**
 * Profiles, newest first; `orgId` limits them to those the department's policies match, or (with
 * `regionIds`) of those regions.
 */
export async function listEnterprises(db: Db, f: EnterpriseListFilter) {
  let q = db.selectFrom('enterprises as e');
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('e.name', 'like', `%${f.q}%`), eb('e.credit_code', '=', f.q?.toUpperCase() ?? '')]),
    );
  if (f.industry) q = q.where('e.industry', '=', f.industry);
  if (f.orgId !== undefined) {
    const orgId = f.orgId;
    const regionIds = f.regionIds ?? [];
    q =
      regionIds.length > 0
        ? q.where((eb) => eb.or([eb('e.region_id', 'in', [...regionIds]), matchedByOrg(orgId)]))
        : q.where(matchedByOrg(orgId));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q.selectAll('e').orderBy('e.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), items };
}

/** The policies' conditions; `orgIds`: of policies issued by these organisations only. */
export function listConditions(db: Db, orgIds?: readonly number[]): Promise<ConditionsRow[]> {
  let q = db.selectFrom('policy_conditions').selectAll();
  if (orgIds !== undefined) {
    if (orgIds.length === 0) return Promise.resolve([]);
    q = q.where('org_id', 'in', [...orgIds]);
  }
  return q.orderBy('updated_at', 'desc').execute();
}

export function findConditions(db: Db, documentId: number): Promise<ConditionsRow | undefined> {
  return db
    .selectFrom('policy_conditions')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

export async function upsertConditions(
  db: Db,
  row: {
    document_id: number;
    org_id: number;
    conditions: Conditions;
    automatic: boolean;
    updated_by: number | null;
    updated_at: Date;
  },
): Promise<ConditionsRow> {
  const values = { ...row, conditions: JSON.stringify(row.conditions) };
  return db
    .insertInto('policy_conditions')
    .values(values)
    .onConflict((oc) =>
      oc.column('document_id').doUpdateSet({
        conditions: values.conditions,
        automatic: values.automatic,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function pushesOfEnterprise(db: Db, enterpriseId: number): Promise<PushRow[]> {
  return db
    .selectFrom('policy_pushes')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('pushed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findPush(db: Db, id: number): Promise<PushRow | undefined> {
  return db.selectFrom('policy_pushes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pushes of one policy with their enterprises (the push history). */
export function pushesOfPolicy(db: Db, documentId: number) {
  return db
    .selectFrom('policy_pushes as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .select([
      'p.id',
      'p.enterprise_id',
      'e.name as enterprise_name',
      'e.credit_code',
      'p.pushed_at',
      'p.emailed',
      'p.opened_at',
      'p.applied_at',
      'p.granted_at',
      'p.without_application',
    ])
    .where('p.document_id', '=', documentId)
    .orderBy('p.pushed_at', 'desc')
    .orderBy('p.id')
    .execute();
}

export type FunnelCounts = {
  document_id: number;
  org_id: number;
  reached: number;
  opened: number;
  applied: number;
  granted: number;
  without_application: number;
};

/** The funnel per policy (pushes of a year when given; organisations when given). */
export async function funnel(
  db: Db,
  f: { year?: number; orgIds?: readonly number[] },
): Promise<FunnelCounts[]> {
  let q = db
    .selectFrom('policy_pushes')
    .select((eb) => [
      'document_id',
      'org_id',
      eb.fn.countAll<number>().as('reached'),
      eb.fn.count<number>('opened_at').as('opened'),
      eb.fn.count<number>('applied_at').as('applied'),
      eb.fn.count<number>('granted_at').as('granted'),
      sql<number>`count(*) filter (where without_application)`.as('without_application'),
    ])
    .groupBy(['document_id', 'org_id']);
  if (f.year !== undefined)
    q = q
      .where('pushed_at', '>=', new Date(`${f.year}-01-01T00:00:00+08:00`))
      .where('pushed_at', '<', new Date(`${f.year + 1}-01-01T00:00:00+08:00`));
  if (f.orgIds) q = f.orgIds.length ? q.where('org_id', 'in', [...f.orgIds]) : q.where(sql<SqlBool>`false`);
  const rows = await q.orderBy('document_id').execute();
  return rows.map((r) => ({
    document_id: r.document_id,
    org_id: r.org_id,
    reached: Number(r.reached),
    opened: Number(r.opened),
    applied: Number(r.applied),
    granted: Number(r.granted),
    without_application: Number(r.without_application),
  }));
}

export function listPackages(db: Db, publishedOnly: boolean): Promise<PackageRow[]> {
  let q = db.selectFrom('policy_packages').selectAll();
  if (publishedOnly) q = q.where('published', '=', true);
  return q.orderBy('theme').orderBy('id').execute();
}

export function packageItems(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('policy_package_items')
    .selectAll()
    .where('package_id', 'in', [...ids])
    .orderBy('package_id')
    .orderBy('sort_order')
    .execute();
}

export async function replacePackageItems(
  db: Db,
  packageId: number,
  items: { kind: 'document' | 'qa_pair'; refId: number }[],
): Promise<void> {
  await db.deleteFrom('policy_package_items').where('package_id', '=', packageId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('policy_package_items')
    .values(items.map((i, n) => ({ package_id: packageId, kind: i.kind, ref_id: i.refId, sort_order: n })))
    .execute();
}

/** Published Q&A pairs of 政策问答库 by id, read-only (the qa module exports no reader of them). */
export async function publishedQaPairs(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('qa_pairs')
    .select(['id', 'question', 'answer', 'document_id'])
    .where('id', 'in', [...ids])
    .where('status', '=', 'published')
    .where('flagged', '=', false)
    .execute();
}
