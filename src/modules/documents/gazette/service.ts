import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { listOrgs, visibleOrgIds } from '../../orgs/index.ts';
import { can } from '../domain/policies.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/**
 * Only the disclosure office and administrators compose and publish the gazette (政府公报) — the
 * government's, so those who act for the whole tree (the government's office and administrator), not a
 * department's.
 */
export async function requireGazetteEditor(db: Db, actor: Actor): Promise<void> {
  if (!can(actor, 'gazette')) throw new AppError('FORBIDDEN');
  const [visible, orgs] = await Promise.all([visibleOrgIds(db, actor), listOrgs(db)]);
  if (!orgs.filter((o) => o.parent_id === null).every((o) => visible.has(o.id)))
    throw new AppError('FORBIDDEN');
}

export type IssueInput = {
  year: number;
  number: number;
  totalNumber?: number | null;
  issueDate: string;
  title: string;
  items?: store.GazetteItemInput[];
};

/** Items must name exactly one published document or interpretation each, without repeats. */
async function checkItems(db: Db, items: store.GazetteItemInput[]): Promise<void> {
  const docIds: number[] = [];
  const interpIds: number[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const hasDoc = it.documentId !== undefined && it.documentId !== null;
    const hasInterp = it.interpretationId !== undefined && it.interpretationId !== null;
    if (hasDoc === hasInterp) {
      throw new AppError('GAZETTE_ITEM_INVALID', { position: i + 1 }, [
        { path: `items.${i}`, message: '每一项应当且只能选择一个文件或一个解读' },
      ]);
    }
    const key = hasDoc ? `d${it.documentId}` : `i${it.interpretationId}`;
    if (seen.has(key)) {
      throw new AppError('GAZETTE_ITEM_INVALID', { position: i + 1 }, [
        { path: `items.${i}`, message: '同一文件或解读在一期公报中只能出现一次' },
      ]);
    }
    seen.add(key);
    if (hasDoc) docIds.push(it.documentId as number);
    else interpIds.push(it.interpretationId as number);
  });
  const targets = await store.itemTargets(db, docIds, interpIds);
  items.forEach((it, i) => {
    const published =
      it.documentId !== undefined && it.documentId !== null
        ? targets.documents.get(it.documentId)
        : targets.interpretations.get(it.interpretationId as number);
    if (published !== true) {
      throw new AppError('GAZETTE_ITEM_NOT_PUBLISHED', { position: i + 1 }, [
        { path: `items.${i}`, message: '政府公报只能刊登已发布的文件及其解读' },
      ]);
    }
  });
}

function checkDate(issueDate: string, year: number): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate) || Number.isNaN(Date.parse(issueDate))) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'issueDate', message: '出版日期格式应为 YYYY-MM-DD' },
    ]);
  }
  if (Number(issueDate.slice(0, 4)) !== year) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'issueDate', message: '出版日期应在该期公报所属年度内' },
    ]);
  }
}

async function requireUniqueNumber(db: Db, year: number, number: number, exceptId?: number): Promise<void> {
  const other = await store.findIssueByNumber(db, year, number);
  if (other && other.id !== exceptId) {
    throw new AppError('DUPLICATE', { what: `${year}年第${number}期政府公报` });
  }
}

export async function getIssue(db: Db, id: number) {
  const issue = await store.findIssue(db, id);
  if (!issue) throw new AppError('NOT_FOUND');
  return { issue, entries: await store.issueEntries(db, id) };
}

export async function createIssue(db: Db, actor: Actor, input: IssueInput) {
  await requireGazetteEditor(db, actor);
  checkDate(input.issueDate, input.year);
  const items = input.items ?? [];
  return inTransaction(db, async (tx) => {
    await requireUniqueNumber(tx, input.year, input.number);
    await checkItems(tx, items);
    const issue = await store.insertIssue(tx, {
      year: input.year,
      number: input.number,
      total_number: input.totalNumber ?? null,
      issue_date: input.issueDate,
      title: input.title,
      created_by: actor.id,
    });
    await store.replaceItems(tx, issue.id, items);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'gazette.create',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      after: { ...issue, items },
    });
    return issue;
  });
}

export async function updateIssue(db: Db, actor: Actor, id: number, patch: Partial<IssueInput>) {
  await requireGazetteEditor(db, actor);
  return inTransaction(db, async (tx) => {
    const before = await store.findIssue(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === 'published') throw new AppError('GAZETTE_ISSUE_PUBLISHED');
    const year = patch.year ?? before.year;
    const number = patch.number ?? before.number;
    checkDate(patch.issueDate ?? before.issue_date, year);
    if (year !== before.year || number !== before.number) await requireUniqueNumber(tx, year, number, id);
    if (patch.items) await checkItems(tx, patch.items);
    const after = await store.updateIssue(tx, id, {
      year,
      number,
      total_number: patch.totalNumber === undefined ? before.total_number : patch.totalNumber,
      issue_date: patch.issueDate ?? before.issue_date,
      title: patch.title ?? before.title,
      updated_at: new Date(),
    });
    if (patch.items) await store.replaceItems(tx, id, patch.items);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'gazette.update',
      subjectType: 'gazette_issue',
      subjectId: id,
      before,
      after: { ...after, items: patch.items },
    });
    return after;
  });
}

/** Publish an issue: it must carry at least one item, and every item must still be published. */
export async function publishIssue(db: Db, actor: Actor, id: number) {
  await requireGazetteEditor(db, actor);
  return inTransaction(db, async (tx) => {
    const before = await store.findIssue(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === 'published') throw new AppError('GAZETTE_ISSUE_PUBLISHED');
    const entries = await store.issueEntries(tx, id);
    if (entries.length === 0) throw new AppError('GAZETTE_ISSUE_EMPTY');
    const unpublished = entries.findIndex((e) => !e.published);
    if (unpublished >= 0) throw new AppError('GAZETTE_ITEM_NOT_PUBLISHED', { position: unpublished + 1 });
    const after = await store.updateIssue(tx, id, {
      status: 'published',
      published_at: new Date(),
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'gazette.publish',
      subjectType: 'gazette_issue',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/** Withdraw a published issue from the portal (e.g. to correct it); it becomes a draft again. */
export async function unpublishIssue(db: Db, actor: Actor, id: number) {
  await requireGazetteEditor(db, actor);
  return inTransaction(db, async (tx) => {
    const before = await store.findIssue(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await store.updateIssue(tx, id, {
      status: 'draft',
      published_at: null,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'gazette.unpublish',
      subjectType: 'gazette_issue',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteIssue(db: Db, actor: Actor, id: number): Promise<void> {
  await requireGazetteEditor(db, actor);
  await inTransaction(db, async (tx) => {
    const before = await store.findIssue(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === 'published') throw new AppError('GAZETTE_ISSUE_PUBLISHED');
    await store.deleteIssue(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'gazette.delete',
      subjectType: 'gazette_issue',
      subjectId: id,
      before,
    });
  });
}

/** Candidate items for composing an issue: published proactive documents of a period with their interpretations. */
export async function candidates(
  db: Db,
  actor: Actor,
  opts: { from: string; to: string; orgIds?: number[]; notInIssue?: boolean; limit?: number },
) {
  await requireGazetteEditor(db, actor);
  return store.candidateItems(db, {
    from: opts.from,
    to: opts.to,
    orgIds: opts.orgIds,
    notInIssue: opts.notInIssue ?? true,
    limit: Math.min(opts.limit ?? 200, 500),
  });
}
