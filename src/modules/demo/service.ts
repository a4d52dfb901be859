import { rm } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { blobPath } from '../../platform/files/storage.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { forgetPortalFacets } from '../documents/index.ts';
import { forgetSite } from '../site/index.ts';
import { can } from './domain/policies.ts';
import {
  type Blocker,
  deletionOrder,
  describeBlockers,
  type KeyRef,
  type RecordRef,
  tableLabel,
} from './domain/references.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type TableCount = { table: string; label: string; count: number };

export type DemoSummary = {
  status: 'none' | 'seeding' | 'seeded' | 'removed';
  present: boolean;
  total: number;
  tables: TableCount[];
};

export type RemoveResult = { total: number; tables: TableCount[]; message: string };

/** Blockers named in a refusal (the message says how many there are in all). */
const SHOWN_BLOCKERS = 5;

const withLabels = (rows: { table: string; count: number }[]): TableCount[] =>
  rows.map((r) => ({ ...r, label: tableLabel(r.table) }));

async function actorIsDemo(db: Db, actor: Actor): Promise<boolean> {
  const row = await db
    .selectFrom('demo_records')
    .select('record_id')
    .where('table_name', '=', 'users')
    .where('record_id', '=', actor.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether demo data is present, with its rows per table. Administrators only. */
export async function demoSummary(db: Db, actor: Actor): Promise<DemoSummary> {
  if (!can(actor, 'view')) throw new AppError('FORBIDDEN');
  const state = await store.getState(db);
  const tables = withLabels(await store.countsPerTable(db));
  const total = tables.reduce((s, t) => s + t.count, 0);
  return { status: state?.status ?? 'none', present: total > 0, total, tables };
}

/**
 * Around demo seeding (the manifest's `seedGuard`): the demo is seeded once, on a database without
 * organisations, never after it was seeded or removed. Before the seeds run, the largest id of every
 * table is kept; afterwards every row above it is recorded as demo.
 */
export const demoSeedGuard = {
  async before(db: Db): Promise<boolean> {
    const state = await store.getState(db);
    if (state) return state.status === 'seeding';
    if (await store.hasOrgs(db)) return false;
    await store.setState(db, 'seeding', await store.largestIds(db, await store.idTables(db)));
    return true;
  },
  async after(db: Db): Promise<void> {
    await inTransaction(db, async (tx) => {
      const state = await store.getState(tx);
      if (state?.status !== 'seeding') return;
      for (const t of await store.idTables(tx)) await store.recordRows(tx, t, state.baseline[t] ?? 0);
      await store.setState(tx, 'seeded');
    });
  },
};

/** The rows that would still reference a deleted demo row (with the demo rows gone, constraints deferred). */
async function findBlockers(tx: Db, fks: store.ForeignKey[]) {
  const found: { fk: store.ForeignKey; key: Record<string, unknown>; ref: Record<string, unknown> }[] = [];
  let total = 0;
  for (const fk of fks) {
    // Cascading keys took their rows along; set null / set default keep theirs valid.
    if (fk.onDelete !== 'a' && fk.onDelete !== 'r') continue;
    const cols = await store.columnsOf(tx, fk.table);
    const key = cols.includes('id') ? ['id'] : await store.primaryKeyOf(tx, fk.table);
    const rows = await store.danglingReferences(tx, fk, key.length ? key : fk.columns, SHOWN_BLOCKERS);
    for (const r of rows) found.push({ fk, key: r.key, ref: r.ref });
    total += rows[0] ? Number(rows[0].total) : 0;
  }
  return { found, total };
}

/**
 * A record as a refusal names it: its label, and for each column of its key that points to another record
 * (a single-column foreign key), that record's table and label, so no key reads as `org_id=3`.
 */
async function recordRef(
  tx: Db,
  fks: readonly store.ForeignKey[],
  table: string,
  key: Record<string, unknown>,
): Promise<RecordRef> {
  const refs: Record<string, KeyRef> = {};
  for (const [column, value] of Object.entries(key)) {
    const fk = fks.find((f) => f.table === table && f.columns.length === 1 && f.columns[0] === column);
    const refColumn = fk?.refColumns[0];
    if (!fk || refColumn === undefined || value === null) continue;
    refs[column] = {
      table: fk.refTable,
      label: await store.labelOf(tx, fk.refTable, { [refColumn]: value }),
    };
  }
  return { table, key, label: await store.labelOf(tx, table, key), refs };
}

/**
 * Deletes every demo record, all or nothing, in one transaction with its audit row: refuses (and deletes
 * nothing) when records of the organisation's own still reference demo records, naming them. `actor` is
 * null for the command line. Blobs of deleted demo files that no file row uses any more are removed
 * after the commit (`dataDir`).
 */
export async function removeDemo(db: Db, actor: Actor | null, opts: { dataDir?: string } = {}) {
  const { result, hashes } = await inTransaction(db, async (tx) => {
    if (actor) {
      const subject = { actorIsDemo: await actorIsDemo(tx, actor) };
      if (!can(actor, 'remove', subject)) {
        throw new AppError(can(actor, 'view') && subject.actorIsDemo ? 'DEMO_OWN_ACCOUNT' : 'FORBIDDEN');
      }
    }
    const present = await store.countsPerTable(tx);
    if (present.length === 0) {
      await store.clearRegistry(tx);
      const nothing: RemoveResult = { total: 0, tables: [], message: '没有演示数据，无需删除。' };
      return { result: nothing, hashes: [] as string[] };
    }
    await sql`set constraints all deferred`.execute(tx);
    await sql`savepoint demo_remove`.execute(tx);
    const hashes = await store.demoFileHashes(tx);
    const detached = await store.detachAuditActors(tx);
    const fks = await store.foreignKeys(tx);
    for (const t of deletionOrder(
      present.map((p) => p.table),
      fks,
    )) {
      await store.deleteDemoRows(tx, t);
    }
    const tables = new Set(await store.tableNames(tx));
    for (const t of store.OWNED_BY_ORG) if (tables.has(t)) await store.deleteOwnedByDemoOrgs(tx, t);

    const { found, total } = await findBlockers(tx, fks);
    if (found.length > 0) {
      // Back to before the deletions, to name the demo records in the way.
      await sql`rollback to savepoint demo_remove`.execute(tx);
      const blockers: Blocker[] = [];
      for (const b of found.slice(0, SHOWN_BLOCKERS)) {
        blockers.push({
          record: await recordRef(tx, fks, b.fk.table, b.key),
          demo: await recordRef(tx, fks, b.fk.refTable, b.ref),
        });
      }
      throw new AppError('DEMO_REFERENCED', {
        list: describeBlockers(blockers, total, SHOWN_BLOCKERS),
        total,
      });
    }
    await store.clearRegistry(tx);
    await store.setState(tx, 'removed');
    const removed = withLabels(present);
    const count = removed.reduce((s, t) => s + t.count, 0);
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'demo.remove',
      subjectType: 'demo',
      subjectId: null,
      before: {
        tables: Object.fromEntries(present.map((p) => [p.table, p.count])),
        auditActorsCleared: detached,
      },
    });
    const done: RemoveResult = {
      total: count,
      tables: removed,
      message: `已删除全部演示数据，共 ${count} 条记录；本单位自己的数据未受影响。`,
    };
    return { result: done, hashes };
  });
  // The portal's in-memory lists (e.g. 发文机关 of the document search) and the site identity (the demo
  // government's) would show demo entries a while longer.
  if (result.total > 0) {
    forgetPortalFacets();
    forgetSite(db);
  }
  if (opts.dataDir && hashes.length > 0) {
    for (const h of await store.unusedHashes(db, hashes))
      await rm(blobPath(opts.dataDir, h), { force: true });
  }
  return result;
}
