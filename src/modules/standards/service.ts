/**
 * 标准目录 and 定向公开: load → the domain decides → the store writes with its audit row, in one
 * transaction. Every staff call asks the pure policies; a record the person may not see is NOT_FOUND.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { disclosureColumns } from '../documents/index.ts';
import { agencyIdsFor, visibleOrgIds } from '../orgs/index.ts';
import { areaOrder } from './domain/areas.ts';
import { type ItemInput, parseCatalogueSheet, type SheetRow } from './domain/catalogue-import.ts';
import { maskList } from './domain/masking.ts';
import { can, type StandardsAction, type StandardsActor } from './domain/policies.ts';
import { type Freshness, freshness, parseTimeLimit, type TimeLimit } from './domain/time-limit.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;
const json = (v: unknown) => JSON.stringify(v) as never;

export async function actorFacts(db: Db, actor: Actor): Promise<StandardsActor> {
  const [agencyIds, visible] = await Promise.all([agencyIdsFor(db, actor), visibleOrgIds(db, actor)]);
  return { role: actor.role, agencyIds, visibleOrgIds: [...visible] };
}

function check(facts: StandardsActor, action: StandardsAction, orgId: number): void {
  if (!can(facts, 'view', { orgId })) throw new AppError('NOT_FOUND');
  if (!can(facts, action, { orgId })) throw new AppError('FORBIDDEN');
}

// ---- 标准目录 ----

export type ItemView = store.StandardItemRow & {
  limit: TimeLimit;
  freshness: Freshness;
  columnName: string | null;
};

/** Items with their column's last update and freshness as of `today`. */
export async function withFreshness(
  db: Db,
  rows: readonly store.StandardItemRow[],
  today: string,
): Promise<ItemView[]> {
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const columns = orgIds.length ? await disclosureColumns(db, { orgIds }) : [];
  const byId = new Map(columns.map((c) => [c.id, c]));
  return rows
    .map((r) => {
      const col = r.column_id === null ? undefined : byId.get(r.column_id);
      const linked = col !== undefined || (r.link_path ?? '') !== '';
      const last = col ? col.lastUpdated : r.verified_on;
      const limit = parseTimeLimit(r.time_limit);
      return { ...r, limit, freshness: freshness(limit, linked, last, today), columnName: col?.name ?? null };
    })
    .sort(
      (a, b) =>
        a.org_id - b.org_id ||
        areaOrder(a.area) - areaOrder(b.area) ||
        a.area.localeCompare(b.area) ||
        a.sort_order - b.sort_order ||
        a.id - b.id,
    );
}

export async function listItems(
  db: Db,
  actor: Actor,
  opts: { orgId?: number; area?: string; today: string },
) {
  const facts = await actorFacts(db, actor);
  let orgIds: number[] = facts.visibleOrgIds.slice();
  if (opts.orgId !== undefined) orgIds = orgIds.includes(opts.orgId) ? [opts.orgId] : [];
  const rows = await store.listItems(db, { orgIds, ...(opts.area ? { area: opts.area } : {}) });
  return { items: await withFreshness(db, rows, opts.today), facts };
}

/** The columns an item of `orgId` may be tied to: the organisation's statutory columns. */
export async function columnOptions(db: Db, actor: Actor, orgId: number) {
  check(await actorFacts(db, actor), 'view', orgId);
  return (await disclosureColumns(db, { orgIds: [orgId] })).map((c) => ({ id: c.id, name: c.name }));
}

export type ItemFields = ItemInput & {
  orgId: number;
  columnId: number | null;
  linkPath: string | null;
  verifiedOn: string | null;
};

async function checkColumn(db: Db, orgId: number, columnId: number | null): Promise<void> {
  if (columnId === null) return;
  const cols = await disclosureColumns(db, { id: columnId });
  if (cols[0]?.orgId !== orgId)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'columnId', message: '所选栏目不属于该机关' }]);
}

const itemRow = (f: ItemFields) => ({
  org_id: f.orgId,
  area: f.area,
  matter: f.matter,
  sub_matter: f.subMatter,
  content: f.content,
  basis: f.basis,
  time_limit: f.timeLimit,
  publisher: f.publisher,
  channels: f.channels,
  audience: f.audience,
  manner: f.manner,
  level: f.level,
  column_id: f.columnId,
  link_path: f.linkPath,
  verified_on: f.verifiedOn,
});

async function refuseDuplicate(tx: Db, f: ItemFields, except?: number): Promise<void> {
  const id = (await store.itemKeys(tx, f.orgId)).get(`${f.area}|${f.matter}|${f.subMatter}`);
  if (id !== undefined && id !== except)
    throw new AppError('DUPLICATE', {
      what: `该领域的“${f.matter}${f.subMatter ? `—${f.subMatter}` : ''}”事项`,
    });
}

export async function createItem(db: Db, actor: Actor, f: ItemFields) {
  check(await actorFacts(db, actor), 'manage', f.orgId);
  await checkColumn(db, f.orgId, f.columnId);
  return inTransaction(db, async (tx) => {
    await refuseDuplicate(tx, f);
    const [row] = await store.insertItems(tx, [{ ...itemRow(f), created_by: actor.id }]);
    const created = row as store.StandardItemRow;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard_item.create',
      subjectType: 'standard_item',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateItem(db: Db, actor: Actor, id: number, f: ItemFields) {
  const facts = await actorFacts(db, actor);
  const before = await store.findItem(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  check(facts, 'manage', before.org_id);
  if (f.orgId !== before.org_id) check(facts, 'manage', f.orgId);
  await checkColumn(db, f.orgId, f.columnId);
  return inTransaction(db, async (tx) => {
    await refuseDuplicate(tx, f, id);
    const after = await store.updateItem(tx, id, { ...itemRow(f), updated_at: new Date() });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard_item.update',
      subjectType: 'standard_item',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteItem(db: Db, actor: Actor, id: number) {
  const before = await store.findItem(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  check(await actorFacts(db, actor), 'manage', before.org_id);
  await inTransaction(db, async (tx) => {
    await store.deleteItem(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard_item.delete',
      subjectType: 'standard_item',
      subjectId: id,
      before,
    });
  });
}

/**
 * Imports a published catalogue: every row checked (the sheet's own problems and duplicates of items
 * already in the catalogue), every bad row named, and nothing saved unless all are good.
 */
export async function importItems(
  db: Db,
  actor: Actor,
  opts: { orgId: number; area: string; rows: readonly SheetRow[]; dryRun: boolean },
) {
  check(await actorFacts(db, actor), 'manage', opts.orgId);
  return inTransaction(db, async (tx) => {
    const parsed = parseCatalogueSheet(opts.rows, opts.area);
    const existing = await store.itemKeys(tx, opts.orgId);
    const errors = [...parsed.errors];
    for (const i of parsed.items)
      if (existing.has(`${i.area}|${i.matter}|${i.subMatter}`))
        errors.push({
          row: i.row,
          message: `目录中已有该事项（${i.area}：${i.matter}${i.subMatter ? `—${i.subMatter}` : ''}）`,
        });
    errors.sort((a, b) => a.row - b.row);
    if (errors.length)
      throw new AppError(
        'STANDARDS_IMPORT_INVALID',
        { count: errors.length },
        errors.slice(0, 200).map((e) => ({ path: `row${e.row}`, message: `第${e.row}行：${e.message}` })),
      );
    if (opts.dryRun) return { imported: 0, items: parsed.items.length };
    const base = existing.size;
    await store.insertItems(
      tx,
      parsed.items.map((i, n) => ({
        ...itemRow({ ...i, orgId: opts.orgId, columnId: null, linkPath: null, verifiedOn: null }),
        sort_order: base + n + 1,
        created_by: actor.id,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard_item.import',
      subjectType: 'standard_item',
      subjectId: null,
      after: { orgId: opts.orgId, count: parsed.items.length },
    });
    return { imported: parsed.items.length, items: parsed.items.length };
  });
}

// ---- 定向公开 ----

export type NoticeFields = {
  orgId: number;
  title: string;
  place: string;
  audience: string;
  intro: string;
  periodStart: string;
  periodEnd: string;
  contact: string;
};

async function authorisedNotice(db: Db, actor: Actor, id: number, action: StandardsAction, lock = false) {
  const row = lock ? await store.lockNotice(db, id) : await store.findNotice(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const facts = await actorFacts(db, actor);
  check(facts, action, row.org_id);
  return { row, facts };
}

function periodOk(f: { periodStart: string; periodEnd: string }): void {
  if (f.periodEnd < f.periodStart)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'periodEnd', message: '公示截止日期不能早于开始日期' },
    ]);
}

const STATE_LABELS: Record<store.NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

export async function listNotices(db: Db, actor: Actor) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listNotices(db, { orgIds: facts.visibleOrgIds });
  const postings = await store.listPostings(
    db,
    rows.map((r) => r.id),
  );
  return { rows, postings, facts };
}

export async function getNotice(db: Db, actor: Actor, id: number) {
  const { row, facts } = await authorisedNotice(db, actor, id, 'view');
  return { row, postings: await store.listPostings(db, [id]), facts };
}

export async function createNotice(db: Db, actor: Actor, f: NoticeFields) {
  check(await actorFacts(db, actor), 'manage', f.orgId);
  periodOk(f);
  return inTransaction(db, async (tx) => {
    const row = await store.insertNotice(tx, {
      org_id: f.orgId,
      title: f.title,
      place: f.place,
      audience: f.audience,
      intro: f.intro,
      period_start: f.periodStart,
      period_end: f.periodEnd,
      contact: f.contact,
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.create',
      subjectType: 'targeted_notice',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateNotice(db: Db, actor: Actor, id: number, f: Omit<NoticeFields, 'orgId'>) {
  periodOk(f);
  return inTransaction(db, async (tx) => {
    const { row: before } = await authorisedNotice(tx, actor, id, 'manage', true);
    if (before.status !== 'draft')
      throw new AppError('TARGETED_STATE', { state: STATE_LABELS[before.status], action: '修改' });
    const after = await store.updateNotice(tx, id, {
      title: f.title,
      place: f.place,
      audience: f.audience,
      intro: f.intro,
      period_start: f.periodStart,
      period_end: f.periodEnd,
      contact: f.contact,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.update',
      subjectType: 'targeted_notice',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export const MAX_LIST_ROWS = 5000;

/** Replaces a draft's list: masked as it comes in (identity numbers never stored). */
export async function setList(
  db: Db,
  actor: Actor,
  id: number,
  header: readonly string[],
  rows: readonly (readonly string[])[],
) {
  if (header.every((h) => h.trim() === ''))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '名单没有表头' }]);
  if (rows.length > MAX_LIST_ROWS)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'file', message: `名单最多${MAX_LIST_ROWS}行，请分村（组）公开` },
    ]);
  const masked = maskList(header, rows);
  if (masked.rows.length === 0) throw new AppError('TARGETED_EMPTY');
  return inTransaction(db, async (tx) => {
    const { row: before } = await authorisedNotice(tx, actor, id, 'manage', true);
    if (before.status !== 'draft')
      throw new AppError('TARGETED_STATE', { state: STATE_LABELS[before.status], action: '更换名单' });
    const after = await store.updateNotice(tx, id, {
      columns: json(masked.columns),
      kinds: json(masked.kinds),
      rows: json(masked.rows),
      removed_columns: json(masked.removed),
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.list',
      subjectType: 'targeted_notice',
      subjectId: id,
      after: { rows: masked.rows.length, columns: masked.columns, removed: masked.removed },
    });
    return after;
  });
}

export async function publishNotice(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const { row } = await authorisedNotice(tx, actor, id, 'manage', true);
    if (row.status !== 'draft')
      throw new AppError('TARGETED_STATE', { state: STATE_LABELS[row.status], action: '发布' });
    if (row.rows.length === 0) throw new AppError('TARGETED_EMPTY');
    const after = await store.updateNotice(tx, id, {
      status: 'published',
      published_at: new Date(),
      published_by: actor.id,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.publish',
      subjectType: 'targeted_notice',
      subjectId: id,
    });
    return after;
  });
}

export async function withdrawNotice(db: Db, actor: Actor, id: number, reason: string) {
  return inTransaction(db, async (tx) => {
    const { row } = await authorisedNotice(tx, actor, id, 'manage', true);
    if (row.status !== 'published')
      throw new AppError('TARGETED_STATE', { state: STATE_LABELS[row.status], action: '撤回' });
    const after = await store.updateNotice(tx, id, {
      status: 'withdrawn',
      withdraw_reason: reason,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.withdraw',
      subjectType: 'targeted_notice',
      subjectId: id,
      after: { reason },
    });
    return after;
  });
}

export type PostingFields = {
  location: string;
  postedOn: string;
  removedOn: string | null;
  postedBy: string;
  note: string;
};

export async function addPosting(db: Db, actor: Actor, id: number, f: PostingFields) {
  if (f.removedOn !== null && f.removedOn < f.postedOn)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'removedOn', message: '撤下日期不能早于张贴日期' }]);
  return inTransaction(db, async (tx) => {
    const { row } = await authorisedNotice(tx, actor, id, 'post', true);
    if (row.status === 'draft')
      throw new AppError('TARGETED_STATE', { state: STATE_LABELS.draft, action: '登记张贴' });
    const p = await store.insertPosting(tx, {
      notice_id: id,
      location: f.location,
      posted_on: f.postedOn,
      removed_on: f.removedOn,
      posted_by: f.postedBy,
      note: f.note,
      recorded_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'targeted.posting',
      subjectType: 'targeted_notice',
      subjectId: id,
      after: p,
    });
    return p;
  });
}
