/**
 * 重大行政决策事项目录 (713 Art. 3(3)) and each decision's steps (Art. 14–37): load → the domain decides →
 * write with the audit row, in one transaction. Same policies as the consultations: the agency's office
 * and its head manage their government's catalogue.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { loadCalendar } from '../calendar/index.ts';
import { adjustmentOf, CHANGE_LABELS, type ItemSnapshot } from './domain/catalogue.ts';
import { type ConsultationAction, can } from './domain/policies.ts';
import { checkDecide, type Step } from './domain/steps.ts';
import { actorFacts } from './service.ts';
import type { ItemRow } from './store.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type ItemInput = {
  orgId: number;
  year: number;
  subject: string;
  undertaker: string;
  plannedTime: string;
  hearingPlanned: boolean;
  riskPlanned: boolean;
  expertPlanned: boolean;
  partyConsentOn?: string | null;
  partyConsentNote: string;
  consultationId?: number | null;
  published: boolean;
  /** 调整原因: required when the change is an adjustment of the published catalogue. */
  reason?: string;
};

export const snapshotOf = (r: ItemRow): ItemSnapshot => ({
  subject: r.subject,
  undertaker: r.undertaker,
  plannedTime: r.planned_time,
  hearingPlanned: r.hearing_planned,
  riskPlanned: r.risk_planned,
  expertPlanned: r.expert_planned,
  partyConsentOn: r.party_consent_on,
  partyConsentNote: r.party_consent_note,
  published: r.published,
});

/**
 * Decides whether a change is an adjustment of the published catalogue (domain/catalogue.ts); refuses it
 * without a reason; keeps the item's values before and after in `decision_item_versions`, audited, in
 * the caller's transaction. Called after the change was written (`after` is the stored row).
 */
async function keepAdjustment(
  tx: Db,
  actor: Actor,
  before: ItemRow | null,
  after: ItemRow,
  reason: string | undefined,
) {
  const change = adjustmentOf({
    before: before && snapshotOf(before),
    after: snapshotOf(after),
    everPublished: before?.first_published_at != null,
    cataloguePublishedOn: await store.cataloguePublishedOn(tx, after.org_id, after.year, after.id),
    today: chinaToday(),
  });
  if (change === null) return;
  if (!reason)
    throw new AppError(
      'DECISION_ITEM_REASON',
      {
        change: CHANGE_LABELS[change],
        why:
          change === 'add' ? `${after.year}年度决策事项目录已经公布，此后新增的事项属于目录调整` : undefined,
      },
      [{ path: 'reason', message: '请填写调整原因' }],
    );
  const version = await store.insertVersion(tx, {
    item_id: after.id,
    org_id: after.org_id,
    year: after.year,
    change,
    reason,
    // An addition had no public version before (an unpublished draft is not one).
    before: before && change !== 'add' ? snapshotOf(before) : null,
    after: snapshotOf(after),
    changed_on: chinaToday(),
    created_by: actor.id,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'decision.item.adjust',
    subjectType: 'decision_item',
    subjectId: after.id,
    after: { change, reason, version: version.version },
  });
}

async function authorisedItem(db: Db, actor: Actor, id: number, action: ConsultationAction) {
  const row = await store.findItem(db, id);
  const facts = await actorFacts(db, actor);
  if (!row || !can(facts, 'view', { orgId: row.org_id })) throw new AppError('NOT_FOUND');
  if (!can(facts, action, { orgId: row.org_id })) throw new AppError('FORBIDDEN');
  return row;
}

const columns = (i: Omit<ItemInput, 'orgId' | 'year'>) => ({
  subject: i.subject,
  undertaker: i.undertaker,
  planned_time: i.plannedTime,
  hearing_planned: i.hearingPlanned,
  risk_planned: i.riskPlanned,
  expert_planned: i.expertPlanned,
  party_consent_on: i.partyConsentOn ?? null,
  party_consent_note: i.partyConsentNote,
  consultation_id: i.consultationId ?? null,
  published: i.published,
});

/** The first publication time is set once, the first time the item is published. */
const firstPublished = (before: ItemRow | null, published: boolean) =>
  published && !before?.first_published_at ? { first_published_at: now() } : {};

export async function listItems(db: Db, actor: Actor, year?: number) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listItems(db, {
    orgIds: facts.visibleOrgIds,
    year,
  });
  return { rows, facts };
}

export async function getItem(db: Db, actor: Actor, id: number) {
  const row = await authorisedItem(db, actor, id, 'view');
  return {
    row,
    steps: await store.listSteps(db, id),
    versions: await store.listVersions(db, { itemId: id }),
    facts: await actorFacts(db, actor),
  };
}

export async function createItem(db: Db, actor: Actor, input: ItemInput) {
  const facts = await actorFacts(db, actor);
  if (!can(facts, 'manage', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const row = await store.insertItem(tx, {
      org_id: input.orgId,
      year: input.year,
      ...columns(input),
      ...firstPublished(null, input.published),
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.item.create',
      subjectType: 'decision_item',
      subjectId: row.id,
      after: row,
    });
    await keepAdjustment(tx, actor, null, row, input.reason);
    return row;
  });
}

export async function updateItem(db: Db, actor: Actor, id: number, input: Omit<ItemInput, 'orgId' | 'year'>) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedItem(tx, actor, id, 'manage');
    const row = await store.updateItem(tx, id, {
      ...columns(input),
      ...firstPublished(before, input.published),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.item.update',
      subjectType: 'decision_item',
      subjectId: id,
      before,
      after: row,
    });
    await keepAdjustment(tx, actor, before, row, input.reason);
    return row;
  });
}

export async function recordStep(
  db: Db,
  actor: Actor,
  id: number,
  input: { step: Step; startedOn: string; finishedOn?: string | null; unit: string; materials: string },
) {
  return inTransaction(db, async (tx) => {
    await authorisedItem(tx, actor, id, 'manage');
    if (input.finishedOn && input.finishedOn < input.startedOn)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'finishedOn', message: '完成日期不能早于开始日期' },
      ]);
    const row = await store.upsertStep(tx, {
      item_id: id,
      step: input.step,
      started_on: input.startedOn,
      finished_on: input.finishedOn ?? null,
      unit: input.unit,
      materials: input.materials,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.step',
      subjectType: 'decision_item',
      subjectId: id,
      after: row,
    });
    return row;
  });
}

/** 已决策: refused, with each missing step named, unless the statutory steps are done (713). */
export async function decide(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedItem(tx, actor, id, 'manage');
    if (before.status === 'decided') throw new AppError('DECISION_STEPS', { detail: '该事项已决策' });
    const steps = await store.listSteps(tx, id);
    const cal = await loadCalendar(tx);
    const r = checkDecide(
      {
        hearingPlanned: before.hearing_planned,
        riskPlanned: before.risk_planned,
        expertPlanned: before.expert_planned,
      },
      steps.map((s) => ({ step: s.step, startedOn: s.started_on, finishedOn: s.finished_on })),
      cal,
    );
    if (!r.ok) throw new AppError('DECISION_STEPS', { detail: `不能确认已决策：${r.problems.join('；')}。` });
    const row = await store.updateItem(tx, id, { status: 'decided', decided_on: r.decidedOn });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.item.decide',
      subjectType: 'decision_item',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}
