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
import { loadCalendar } from '../calendar/index.ts';
import { type ConsultationAction, can } from './domain/policies.ts';
import { checkDecide, type Step } from './domain/steps.ts';
import { actorFacts } from './service.ts';
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
};

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

export async function listItems(db: Db, actor: Actor, year?: number) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listItems(db, {
    orgIds: facts.role === 'admin' ? null : facts.visibleOrgIds,
    year,
  });
  return { rows, facts };
}

export async function getItem(db: Db, actor: Actor, id: number) {
  const row = await authorisedItem(db, actor, id, 'view');
  return { row, steps: await store.listSteps(db, id), facts: await actorFacts(db, actor) };
}

export async function createItem(db: Db, actor: Actor, input: ItemInput) {
  const facts = await actorFacts(db, actor);
  if (!can(facts, 'manage', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const row = await store.insertItem(tx, {
      org_id: input.orgId,
      year: input.year,
      ...columns(input),
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.item.create',
      subjectType: 'decision_item',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateItem(db: Db, actor: Actor, id: number, input: Omit<ItemInput, 'orgId' | 'year'>) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedItem(tx, actor, id, 'manage');
    const row = await store.updateItem(tx, id, columns(input));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.item.update',
      subjectType: 'decision_item',
      subjectId: id,
      before,
      after: row,
    });
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
