import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { findOrg, visibleOrgIds } from '../../orgs/index.ts';
import { GENRE_CODES } from '../domain/codes.ts';
import { can } from '../domain/policies.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** 条例第二十条: the fifteen items every agency must disclose proactively (names as in the regulation). */
export const ARTICLE_20_ITEMS: readonly { item: number; name: string; text: string }[] = [
  { item: 1, name: '法规规章和规范性文件', text: '行政法规、规章和规范性文件' },
  { item: 2, name: '机构职能', text: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { item: 3, name: '规划信息', text: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { item: 4, name: '统计信息', text: '国民经济和社会发展统计信息' },
  {
    item: 5,
    name: '行政许可和对外管理服务',
    text: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  },
  {
    item: 6,
    name: '行政处罚和行政强制',
    text: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  },
  { item: 7, name: '财政预算决算', text: '财政预算、决算信息' },
  { item: 8, name: '行政事业性收费', text: '行政事业性收费项目及其依据、标准' },
  { item: 9, name: '政府集中采购', text: '政府集中采购项目的目录、标准及实施情况' },
  { item: 10, name: '重大建设项目', text: '重大建设项目的批准和实施情况' },
  {
    item: 11,
    name: '民生政策措施',
    text: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  },
  { item: 12, name: '突发公共事件', text: '突发公共事件的应急预案、预警信息及应对情况' },
  {
    item: 13,
    name: '监督检查情况',
    text: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  },
  { item: 14, name: '公务员招考', text: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
  {
    item: 15,
    name: '其他应主动公开信息',
    text: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
  },
];

export function article20Item(item: number) {
  return ARTICLE_20_ITEMS.find((x) => x.item === item);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (ISO dates; positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO date + n days. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export type Staleness = {
  /** The date by which the column must be updated next (null: never updated). */
  dueOn: string | null;
  stale: boolean;
  /** Days past `dueOn` (0 when not stale; for a never-updated column: 0 and `neverUpdated`). */
  daysOverdue: number;
  neverUpdated: boolean;
};

/**
 * Pure staleness rule: a column is stale when it was never updated, or when more than its update period
 * (in days) has passed since its last update. Updated on day D with a period of P days, it is due on D+P
 * and stale from D+P+1.
 */
export function staleness(lastUpdated: string | null, updatePeriodDays: number, today: string): Staleness {
  if (lastUpdated === null) return { dueOn: null, stale: true, daysOverdue: 0, neverUpdated: true };
  const dueOn = addDays(lastUpdated, updatePeriodDays);
  const over = daysBetween(dueOn, today);
  return { dueOn, stale: over > 0, daysOverdue: Math.max(0, over), neverUpdated: false };
}

/**
 * Writes on an organisation's columns, guide and public enterprises: the office for the organisations it
 * oversees, an administrator for those of the subtree it administers (the top's: every one).
 */
async function requireOrgEditor(db: Db, actor: Actor, orgId: number): Promise<void> {
  if (!can(actor, 'catalogue')) throw new AppError('FORBIDDEN');
  if (!(await visibleOrgIds(db, actor)).has(orgId)) throw new AppError('FORBIDDEN');
}

function requireCatalogueEditor(actor: Actor): void {
  if (!can(actor, 'catalogue')) throw new AppError('FORBIDDEN');
}

export type ColumnView = store.ColumnWithUpdate & Staleness;

export function withStaleness(c: store.ColumnWithUpdate, today: string): ColumnView {
  return { ...c, ...staleness(c.lastUpdated, c.updatePeriodDays, today) };
}

/** The columns the actor sees (their organisations' subtree), with staleness as of `today`. */
export async function listColumnsFor(
  db: Db,
  actor: Actor,
  today: string,
  orgId?: number,
): Promise<ColumnView[]> {
  const visible = can(actor, 'catalogue_all_orgs') ? null : [...(await visibleOrgIds(db, actor))];
  let orgIds = visible ?? undefined;
  if (orgId !== undefined) orgIds = visible === null || visible.includes(orgId) ? [orgId] : [];
  const rows = await store.listColumns(db, orgIds === undefined ? {} : { orgIds });
  return rows.map((c) => withStaleness(c, today));
}

/** The staleness check for the office's dashboard: the columns not updated within their period. */
export async function staleColumns(db: Db, actor: Actor, today: string): Promise<ColumnView[]> {
  return (await listColumnsFor(db, actor, today))
    .filter((c) => c.stale)
    .sort((a, b) => Number(b.neverUpdated) - Number(a.neverUpdated) || b.daysOverdue - a.daysOverdue);
}

export type ColumnInput = {
  orgId: number;
  item: number;
  name?: string;
  updatePeriodDays: number;
  genres?: string[];
  sortOrder?: number;
};

function checkGenres(genres: string[] | undefined): void {
  const bad = (genres ?? []).find((g) => !GENRE_CODES.includes(g));
  if (bad !== undefined)
    throw new AppError('DISCLOSURE_COLUMN_INVALID', { reason: `未知的体裁代码“${bad}”` });
}

export async function createColumn(db: Db, actor: Actor, input: ColumnInput) {
  await requireOrgEditor(db, actor, input.orgId);
  const item = article20Item(input.item);
  if (!item)
    throw new AppError('DISCLOSURE_COLUMN_INVALID', { reason: '栏目应对应条例第二十条第（一）至（十五）项' });
  checkGenres(input.genres);
  return inTransaction(db, async (tx) => {
    const dup = await store.findColumnByItem(tx, input.orgId, input.item);
    if (dup) throw new AppError('DUPLICATE', { what: `第二十条第${input.item}项栏目` });
    const row = await store.insertColumn(tx, {
      org_id: input.orgId,
      item: input.item,
      name: input.name?.trim() || item.name,
      update_period_days: input.updatePeriodDays,
      genres: input.genres ?? [],
      sort_order: input.sortOrder ?? input.item,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'disclosure_column.create',
      subjectType: 'disclosure_column',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export type ColumnPatch = Partial<{
  name: string;
  updatePeriodDays: number;
  genres: string[];
  sortOrder: number;
}>;

export async function updateColumn(db: Db, actor: Actor, id: number, patch: ColumnPatch) {
  const before = await store.findColumn(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  await requireOrgEditor(db, actor, before.org_id);
  checkGenres(patch.genres);
  return inTransaction(db, async (tx) => {
    const after = await store.updateColumn(tx, id, {
      name: patch.name?.trim() || before.name,
      update_period_days: patch.updatePeriodDays ?? before.update_period_days,
      genres: patch.genres ?? before.genres,
      sort_order: patch.sortOrder ?? before.sort_order,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'disclosure_column.update',
      subjectType: 'disclosure_column',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteColumn(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await store.findColumn(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  await requireOrgEditor(db, actor, before.org_id);
  await inTransaction(db, async (tx) => {
    await store.deleteColumn(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'disclosure_column.delete',
      subjectType: 'disclosure_column',
      subjectId: id,
      before,
    });
  });
}

/** Record that the column's content was updated on `on` (e.g. a page edited outside the document library). */
export async function touchColumn(db: Db, actor: Actor, id: number, on: string) {
  const before = await store.findColumn(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  await requireOrgEditor(db, actor, before.org_id);
  return inTransaction(db, async (tx) => {
    const after = await store.updateColumn(tx, id, { manual_updated_on: on, updated_at: new Date() });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'disclosure_column.touch',
      subjectType: 'disclosure_column',
      subjectId: id,
      before: { manual_updated_on: before.manual_updated_on },
      after: { manual_updated_on: on },
    });
    return after;
  });
}

export async function setColumnDocuments(
  db: Db,
  actor: Actor,
  id: number,
  change: { add?: number[]; remove?: number[] },
): Promise<void> {
  const column = await store.findColumn(db, id);
  if (!column) throw new AppError('NOT_FOUND');
  await requireOrgEditor(db, actor, column.org_id);
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  const known = await store.existingDocumentIds(db, add);
  const missing = add.find((d) => !known.has(d));
  if (missing !== undefined)
    throw new AppError('DISCLOSURE_COLUMN_INVALID', { reason: `文件（编号${missing}）不存在` });
  await inTransaction(db, async (tx) => {
    await store.linkDocuments(tx, id, add);
    await store.unlinkDocuments(tx, id, remove);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'disclosure_column.documents',
      subjectType: 'disclosure_column',
      subjectId: id,
      after: { add, remove },
    });
  });
}

/** The organisation's edited guide text, or null when the default guide applies. */
export async function getGuide(db: Db, orgId: number) {
  return (await store.findGuide(db, orgId)) ?? null;
}

/** Save (or, with an empty text, reset to the default) an organisation's 公开指南. */
export async function saveGuide(db: Db, actor: Actor, orgId: number, body: string) {
  await requireOrgEditor(db, actor, orgId);
  if (!(await findOrg(db, orgId))) throw new AppError('NOT_FOUND');
  const text = body.replace(/\r\n?/g, '\n').trim();
  return inTransaction(db, async (tx) => {
    const before = await store.findGuide(tx, orgId);
    if (text === '') await store.deleteGuide(tx, orgId);
    else await store.upsertGuide(tx, orgId, text, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: text === '' ? 'disclosure_guide.reset' : 'disclosure_guide.save',
      subjectType: 'org',
      subjectId: orgId,
      before: before ? { body: before.body } : null,
      after: text === '' ? null : { body: text },
    });
    return text === '' ? null : await store.findGuide(tx, orgId);
  });
}

export type EnterpriseInput = {
  sector: string;
  name: string;
  url: string;
  orgId?: number | null;
  description?: string;
  sortOrder?: number;
};

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput) {
  requireCatalogueEditor(actor);
  if (input.orgId != null) await requireOrgEditor(db, actor, input.orgId);
  return inTransaction(db, async (tx) => {
    const dup = await store.findEnterpriseByName(tx, input.sector, input.name);
    if (dup) throw new AppError('DUPLICATE', { what: `“${input.name}”` });
    const row = await store.insertEnterprise(tx, {
      sector: input.sector,
      name: input.name,
      url: input.url,
      org_id: input.orgId ?? null,
      description: input.description ?? '',
      sort_order: input.sortOrder ?? 0,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'public_enterprise.create',
      subjectType: 'public_enterprise',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateEnterprise(db: Db, actor: Actor, id: number, patch: Partial<EnterpriseInput>) {
  requireCatalogueEditor(actor);
  if (patch.orgId != null) await requireOrgEditor(db, actor, patch.orgId);
  return inTransaction(db, async (tx) => {
    const before = await store.findEnterprise(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.org_id !== null) await requireOrgEditor(tx, actor, before.org_id);
    const sector = patch.sector ?? before.sector;
    const name = patch.name ?? before.name;
    if (sector !== before.sector || name !== before.name) {
      const dup = await store.findEnterpriseByName(tx, sector, name, id);
      if (dup) throw new AppError('DUPLICATE', { what: `“${name}”` });
    }
    const after = await store.updateEnterprise(tx, id, {
      sector,
      name,
      url: patch.url ?? before.url,
      org_id: patch.orgId === undefined ? before.org_id : patch.orgId,
      description: patch.description ?? before.description,
      sort_order: patch.sortOrder ?? before.sort_order,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'public_enterprise.update',
      subjectType: 'public_enterprise',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteEnterprise(db: Db, actor: Actor, id: number): Promise<void> {
  requireCatalogueEditor(actor);
  await inTransaction(db, async (tx) => {
    const before = await store.findEnterprise(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.org_id !== null) await requireOrgEditor(tx, actor, before.org_id);
    await store.deleteEnterprise(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'public_enterprise.delete',
      subjectType: 'public_enterprise',
      subjectId: id,
      before,
    });
  });
}
