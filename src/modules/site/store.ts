import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';

/** A government's site identity (`db/migrations/0020_site_identity.sql`). */
export interface SiteIdentityTable {
  org_id: number;
  site_name: string;
  sponsor: string | null;
  office_org_id: number | null;
  office_phone: string | null;
  office_address: string | null;
  office_hours: string | null;
  site_code: string | null;
  icp_record: string | null;
  police_record: string | null;
  logo_file_id: number | null;
  /** Host names that serve this site (0025): lower case, no port; unique across sites (the service checks). */
  hosts: Generated<string[]>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    site_identity: SiteIdentityTable;
  }
}

export type SiteIdentityRow = Selectable<SiteIdentityTable>;

/** An organisation as the sites see it. */
export type SiteOrg = Awaited<ReturnType<typeof listSiteOrgs>>[number];

/** The fields an identity is written with (all but the key and the stamp). */
export type SiteIdentityValues = Omit<SiteIdentityRow, 'org_id' | 'updated_at' | 'updated_by' | 'hosts'> & {
  hosts?: string[];
};

/** The identity with the names it refers to: the office's name, the logo's type. */
export type SiteIdentityView = SiteIdentityRow & { office_name: string | null; logo_mime: string | null };

/**
 * The identity of the site: the root government's (the one without a parent; today the only site).
 * Undefined while no government has one.
 */
export function findRootIdentity(db: Kysely<Database>): Promise<SiteIdentityView | undefined> {
  return db
    .selectFrom('site_identity as s')
    .innerJoin('orgs as g', 'g.id', 's.org_id')
    .leftJoin('orgs as o', 'o.id', 's.office_org_id')
    .leftJoin('files as f', 'f.id', 's.logo_file_id')
    .selectAll('s')
    .select(['o.name as office_name', 'f.mime as logo_mime'])
    .where('g.parent_id', 'is', null)
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .limit(1)
    .executeTakeFirst();
}

/** Every government's identity, with the names it refers to. */
export function listIdentities(db: Kysely<Database>): Promise<SiteIdentityView[]> {
  return db
    .selectFrom('site_identity as s')
    .leftJoin('orgs as o', 'o.id', 's.office_org_id')
    .leftJoin('files as f', 'f.id', 's.logo_file_id')
    .selectAll('s')
    .select(['o.name as office_name', 'f.mime as logo_mime'])
    .orderBy('s.org_id')
    .execute();
}

/** The organisation tree as the sites need it (kind, name, 行政区划代码). */
export async function listSiteOrgs(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'kind', 'name', 'region_code'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    regionCode: r.region_code,
  }));
}

/** The organisations' count and largest id: changes when one is created or deleted. */
export async function orgsFingerprint(db: Kysely<Database>): Promise<string> {
  // Count and largest id change when an organisation is added or deleted; the weighted sum of parents
  // when one moves.
  const r = await sql<{ f: string }>`
    select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(coalesce(parent_id, 0)::bigint * id), 0)
      as f from orgs`.execute(db);
  return r.rows[0]?.f ?? '';
}

/** The other sites that already serve one of `hosts` (host names are unique across sites). */
export function findHostOwners(db: Kysely<Database>, orgId: number, hosts: readonly string[]) {
  if (hosts.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('site_identity as s')
    .select(['s.org_id', 's.site_name', 's.hosts'])
    .where('s.org_id', '<>', orgId)
    .where(sql<boolean>`s.hosts && ${sql.val([...hosts])}::text[]`)
    .execute();
}

export function findIdentity(db: Kysely<Database>, orgId: number): Promise<SiteIdentityRow | undefined> {
  return db.selectFrom('site_identity').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export function insertIdentity(
  db: Kysely<Database>,
  orgId: number,
  v: SiteIdentityValues,
  by: number | null,
): Promise<SiteIdentityRow> {
  return db
    .insertInto('site_identity')
    .values({ org_id: orgId, ...v, updated_by: by })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateIdentity(
  db: Kysely<Database>,
  orgId: number,
  v: SiteIdentityValues,
  by: number,
  at: Date,
): Promise<SiteIdentityRow> {
  return db
    .updateTable('site_identity')
    .set({ ...v, updated_by: by, updated_at: at })
    .where('org_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The first government without a parent: whose site a fresh identity belongs to. */
export function findRootGovernment(db: Kysely<Database>) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** An uploaded file's row, for the logo. */
export function findFile(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('files')
    .select(['id', 'sha256', 'mime', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation that is the disclosure office of `orgId` (its `serves_org_id`), if any. */
export async function findOfficeOf(db: Kysely<Database>, orgId: number): Promise<number | null> {
  const row = await db
    .selectFrom('orgs')
    .select('id')
    .where('serves_org_id', '=', orgId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
