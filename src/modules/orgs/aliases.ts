import type { Generated, Kysely, Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import {
  type MatchCandidate,
  type MatchVia,
  matchUnitName,
  normaliseOrgName,
  placeNamesOf,
} from './domain/aliases.ts';
import { allowedParentKinds, type OrgKind } from './domain/roles.ts';
import { subtreeIds } from './domain/tree.ts';
import { authorize, visibleOrgIds } from './service.ts';
import type { OrgRow } from './store.ts';

/** A remembered mapping "unit name as written in an imported table" → organisation. */
export interface OrgAliasesTable {
  id: Generated<number>;
  alias: string;
  org_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    org_aliases: OrgAliasesTable;
  }
}

export type OrgAliasRow = Selectable<OrgAliasesTable>;

type Db = Kysely<Database>;

export function listAliasRows(db: Db, orgIds?: number[]): Promise<(OrgAliasRow & { org_name: string })[]> {
  let q = db
    .selectFrom('org_aliases')
    .innerJoin('orgs', 'orgs.id', 'org_aliases.org_id')
    .selectAll('org_aliases')
    .select('orgs.name as org_name');
  if (orgIds) {
    if (orgIds.length === 0) return Promise.resolve([]);
    q = q.where('org_aliases.org_id', 'in', orgIds);
  }
  return q.orderBy('org_aliases.alias').execute();
}

/** Every organisation's name and every alias (e.g. search vocabulary), in two small queries. */
export async function orgNamesAndAliases(db: Db): Promise<string[]> {
  const [orgs, aliases] = await Promise.all([
    db.selectFrom('orgs').select('name').execute(),
    db.selectFrom('org_aliases').select('alias').execute(),
  ]);
  return [...orgs.map((o) => o.name), ...aliases.map((a) => a.alias)];
}

/**
 * Remember `alias` → `orgId` (inside the caller's transaction; the caller audits). An alias that
 * equals the organisation's own name is not stored; an existing alias is re-pointed.
 */
export async function rememberAlias(
  tx: Db,
  v: { alias: string; orgId: number; createdBy: number | null },
): Promise<OrgAliasRow | null> {
  const alias = v.alias.trim();
  if (alias === '') return null;
  const org = await tx.selectFrom('orgs').select('name').where('id', '=', v.orgId).executeTakeFirst();
  if (!org) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'orgId', message: '所属机构不存在' }]);
  if (org.name === alias) return null;
  return tx
    .insertInto('org_aliases')
    .values({ alias, org_id: v.orgId, created_by: v.createdBy })
    .onConflict((oc) => oc.column('alias').doUpdateSet({ org_id: v.orgId, created_by: v.createdBy }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Aliases of the organisations the actor sees. */
export async function listAliases(db: Db, actor: Actor) {
  const visible = await visibleOrgIds(db, actor);
  return listAliasRows(db, [...visible]);
}

export async function createAlias(db: Db, actor: Actor, input: { alias: string; orgId: number }) {
  authorize(actor, 'aliases.manage');
  return inTransaction(db, async (tx) => {
    if (!(await visibleOrgIds(tx, actor)).has(input.orgId)) throw new AppError('NOT_FOUND');
    const existing = await tx
      .selectFrom('org_aliases')
      .selectAll()
      .where('alias', '=', input.alias.trim())
      .executeTakeFirst();
    if (existing && existing.org_id !== input.orgId) {
      throw new AppError('DUPLICATE', { what: `简称“${input.alias.trim()}”` });
    }
    const row = await rememberAlias(tx, { ...input, createdBy: actor.id });
    if (!row) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'alias', message: '简称与机构全称相同，无需添加' },
      ]);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org_alias.create',
      subjectType: 'org',
      subjectId: input.orgId,
      after: row,
    });
    return row;
  });
}

export async function deleteAlias(db: Db, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'aliases.manage');
  await inTransaction(db, async (tx) => {
    const row = await tx.selectFrom('org_aliases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await visibleOrgIds(tx, actor)).has(row.org_id)) throw new AppError('NOT_FOUND');
    await tx.deleteFrom('org_aliases').where('id', '=', id).execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org_alias.delete',
      subjectType: 'org',
      subjectId: row.org_id,
      before: row,
    });
  });
}

export type UnitCandidate = MatchCandidate & { parentId: number | null; kind: string };
export type UnitMatch = {
  name: string;
  orgId: number | null;
  orgName: string | null;
  via: MatchVia | null;
};

/** Names of the governments/counties from `orgId` up to the root, for stripping place prefixes. */
function placeChain(byId: Map<number, OrgRow>, orgId: number): string[] {
  const out: string[] = [];
  let cur = byId.get(orgId);
  let guard = 0;
  while (cur && guard++ < 20) {
    if (cur.kind === 'government' || cur.kind === 'county' || cur.kind === 'town') {
      out.push(...placeNamesOf(cur.name));
    }
    cur = cur.parent_id === null ? undefined : byId.get(cur.parent_id);
  }
  return out;
}

/**
 * The organisations a unit named in `ownerOrgId`'s task table may be: the owner and its subtree, and
 * the departments of the owner's parent government. Rank 0: the owner and its direct children;
 * 1: the parent government's departments; 2: deeper in the subtree.
 */
export async function unitCandidates(
  db: Db,
  ownerOrgId: number,
): Promise<{ candidates: UnitCandidate[]; placeNames: string[] }> {
  const orgs = await db.selectFrom('orgs').selectAll().orderBy('sort_order').orderBy('id').execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const owner = byId.get(ownerOrgId);
  if (!owner) return { candidates: [], placeNames: [] };
  const inSubtree = subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id })),
    ownerOrgId,
  );
  const out: UnitCandidate[] = [];
  const toCandidate = (o: OrgRow, rank: number): UnitCandidate => ({
    id: o.id,
    name: o.name,
    parentId: o.parent_id,
    kind: o.kind,
    rank,
    key: normaliseOrgName(o.name, placeChain(byId, o.parent_id ?? o.id)),
  });
  for (const o of orgs) {
    if (inSubtree.has(o.id))
      out.push(toCandidate(o, o.id === ownerOrgId || o.parent_id === ownerOrgId ? 0 : 2));
    else if (owner.parent_id !== null && o.parent_id === owner.parent_id && o.kind === 'department') {
      out.push(toCandidate(o, 1));
    }
  }
  return { candidates: out, placeNames: placeChain(byId, ownerOrgId) };
}

/** Match written unit names to the candidates: exact name, remembered alias, normalised name. */
export async function matchUnitNames(
  db: Db,
  names: readonly string[],
  ctx: { candidates: readonly UnitCandidate[]; placeNames: readonly string[] },
): Promise<UnitMatch[]> {
  const ids = ctx.candidates.map((c) => c.id);
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('org_aliases').select(['alias', 'org_id']).where('org_id', 'in', ids).execute();
  const exact = new Map(rows.map((r) => [r.alias, r.org_id]));
  const byKey = new Map(rows.map((r) => [normaliseOrgName(r.alias, ctx.placeNames), r.org_id]));
  return names.map((name) => {
    const m = matchUnitName(name, ctx.candidates, { exact, byKey }, ctx.placeNames);
    return m ? { name, ...m } : { name, orgId: null, orgName: null, via: null };
  });
}

/**
 * Create an organisation named in an imported table (inside the caller's transaction; the caller
 * checks the parent is in scope and audits).
 */
export async function insertUnitOrg(
  tx: Db,
  v: { name: string; parentId: number; kind: OrgKind },
): Promise<OrgRow> {
  const parent = await tx.selectFrom('orgs').selectAll().where('id', '=', v.parentId).executeTakeFirst();
  if (!parent) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'createUnits', message: '上级机构不存在' }]);
  }
  if (!allowedParentKinds(v.kind).includes(parent.kind as OrgKind)) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'createUnits', message: `“${v.name}”的机构类型不能设在“${parent.name}”之下` },
    ]);
  }
  const clash = await tx
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', v.parentId)
    .where('name', '=', v.name)
    .executeTakeFirst();
  if (clash) throw new AppError('DUPLICATE', { what: `机构“${v.name}”` });
  const max = await tx
    .selectFrom('orgs')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('parent_id', '=', v.parentId)
    .executeTakeFirst();
  return tx
    .insertInto('orgs')
    .values({
      parent_id: v.parentId,
      name: v.name,
      kind: v.kind,
      code: null,
      sort_order: Number(max?.m ?? 0) + 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
