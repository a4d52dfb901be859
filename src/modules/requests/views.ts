/**
 * Saved workbench views (常用筛选): a person's named filters of the 依申请公开 workbench, stored per user;
 * created, renamed (or their filter replaced) and deleted by their owner only.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { lockUser } from '../orgs/index.ts';

type Db = Kysely<Database>;

export const SAVED_VIEWS_MAX = 50;

/** The workbench filters a view may hold (the list's query parameters, typed). */
export type ViewFilter = {
  stage?: string;
  unitId?: number;
  overdue?: boolean;
  paused?: boolean;
  dueWithin?: number;
  q?: string;
  /** The “协助办理” list instead of the cases. */
  assistance?: 'open' | 'answered' | 'all';
};

export type SavedView = {
  id: number;
  name: string;
  filter: ViewFilter;
  createdAt: string;
  updatedAt: string;
};

type Row = { id: number; name: string; filter: unknown; created_at: Date; updated_at: Date };

const present = (r: Row): SavedView => ({
  id: r.id,
  name: r.name,
  filter: r.filter as ViewFilter,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listViews(db: Db, actor: Actor): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('request_saved_views')
    .select(['id', 'name', 'filter', 'created_at', 'updated_at'])
    .where('user_id', '=', actor.id)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

async function nameTaken(tx: Db, actor: Actor, name: string, exceptId: number | null): Promise<boolean> {
  let q = tx
    .selectFrom('request_saved_views')
    .select('id')
    .where('user_id', '=', actor.id)
    .where('name', '=', name);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createView(
  db: Db,
  actor: Actor,
  input: { name: string; filter: ViewFilter },
): Promise<SavedView> {
  const name = input.name.trim();
  return inTransaction(db, async (tx) => {
    // One person's views are written one at a time (the count and the name check hold until commit).
    await lockUser(tx, actor.id);
    const { n } = await tx
      .selectFrom('request_saved_views')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', actor.id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= SAVED_VIEWS_MAX) throw new AppError('SAVED_VIEW_LIMIT', { max: SAVED_VIEWS_MAX });
    if (await nameTaken(tx, actor, name, null)) throw new AppError('SAVED_VIEW_NAME_TAKEN', { name });
    const row = await tx
      .insertInto('request_saved_views')
      .values({ user_id: actor.id, name, filter: JSON.stringify(input.filter) })
      .returning(['id', 'name', 'filter', 'created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.view_saved',
      subjectType: 'request_saved_view',
      subjectId: row.id,
      after: { name, filter: input.filter },
    });
    return present(row);
  });
}

export async function updateView(
  db: Db,
  actor: Actor,
  id: number,
  input: { name?: string; filter?: ViewFilter },
): Promise<SavedView> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    const before = await tx
      .selectFrom('request_saved_views')
      .select(['id', 'name', 'filter'])
      .where('id', '=', id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const name = input.name?.trim() ?? before.name;
    if (await nameTaken(tx, actor, name, id)) throw new AppError('SAVED_VIEW_NAME_TAKEN', { name });
    const row = await tx
      .updateTable('request_saved_views')
      .set({
        name,
        ...(input.filter ? { filter: JSON.stringify(input.filter) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning(['id', 'name', 'filter', 'created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.view_updated',
      subjectType: 'request_saved_view',
      subjectId: id,
      before: { name: before.name, filter: before.filter },
      after: { name: row.name, filter: row.filter },
    });
    return present(row);
  });
}

export async function deleteView(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const row = await tx
      .deleteFrom('request_saved_views')
      .where('id', '=', id)
      .where('user_id', '=', actor.id)
      .returning(['id', 'name', 'filter'])
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.view_deleted',
      subjectType: 'request_saved_view',
      subjectId: id,
      before: { name: row.name, filter: row.filter },
    });
  });
}
