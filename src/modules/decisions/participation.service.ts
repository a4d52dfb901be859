/**
 * Hearings, meetings with public representatives, open days and policy evaluations: load → the domain
 * decides → the store writes with its audit row, in one transaction. Staff calls ask the same policies
 * as consultations (`manage` for the agency's disclosure office); the portal's sign-up and survey are
 * anonymous and lock the event row so that capacity holds under concurrent sign-ups.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { formatChineseDate } from '../calendar/index.ts';
import { listOrgs } from '../orgs/index.ts';
import { checkSeed, drawParticipants } from './domain/draw.ts';
import {
  checkSignup,
  checkSurvey,
  type EvaluationResult,
  type EventKind,
  eventPhase,
  type Selection,
  type SignupInput,
  signupRefusal,
} from './domain/participation.ts';
import { can } from './domain/policies.ts';
import * as store from './participation.store.ts';
import { actorFacts, mayEditSettings } from './service.ts';
import { decisionsStats, targetCounts } from './stats.ts';

type Db = Kysely<Database>;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

async function authorisedEvent(db: Db, actor: Actor, id: number, action: 'view' | 'manage', lock = false) {
  const row = await store.findEvent(db, id, lock);
  const facts = await actorFacts(db, actor);
  if (!row || !can(facts, 'view', { orgId: row.org_id })) throw new AppError('NOT_FOUND');
  if (!can(facts, action, { orgId: row.org_id })) throw new AppError('FORBIDDEN');
  return row;
}

export type EventInput = {
  kind: EventKind;
  orgId: number;
  itemId?: number | null;
  title: string;
  description: string;
  heldOn: string;
  startsAt: string;
  place: string;
  signupClosesOn?: string | null;
  places: number;
  selection: Selection;
  selectionNote: string;
  materialsSentOn?: string | null;
  record: string;
  recordConfirmedOn?: string | null;
  streamUrl: string;
  recordingUrl: string;
  summary: string;
};

function checkEvent(input: Omit<EventInput, 'kind' | 'orgId'>, kind: EventKind) {
  if (input.signupClosesOn && input.signupClosesOn >= input.heldOn)
    throw invalid('signupClosesOn', '报名截止日期应早于举办日期');
  if (kind === 'open_day' && input.selection !== 'first_come')
    throw invalid('selection', '政府开放日按报名先后确定参加人员，额满为止');
  if (kind !== 'open_day' && input.selection === 'first_come')
    throw invalid('selection', '听证会和列席会议的人员应当公开抽签或按条件遴选');
  if (input.selection === 'criteria' && input.selectionNote.trim() === '')
    throw invalid('selectionNote', '按条件遴选的，请写明遴选条件');
  if (input.materialsSentOn && input.materialsSentOn > input.heldOn)
    throw invalid('materialsSentOn', '材料送达日期不能晚于听证会举行日期');
  if (input.recordConfirmedOn && input.recordConfirmedOn < input.heldOn)
    throw invalid('recordConfirmedOn', '笔录确认日期不能早于听证会举行日期');
}

const eventValues = (input: Omit<EventInput, 'kind' | 'orgId'>) => ({
  item_id: input.itemId ?? null,
  title: input.title,
  description: input.description,
  held_on: input.heldOn,
  starts_at: input.startsAt,
  place: input.place,
  signup_closes_on: input.signupClosesOn ?? null,
  places: input.places,
  selection: input.selection,
  selection_note: input.selectionNote,
  materials_sent_on: input.materialsSentOn ?? null,
  record: input.record,
  record_confirmed_on: input.recordConfirmedOn ?? null,
  stream_url: input.streamUrl,
  recording_url: input.recordingUrl,
  summary: input.summary,
});

export async function createEvent(db: Db, actor: Actor, input: EventInput) {
  const facts = await actorFacts(db, actor);
  if (!can(facts, 'manage', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  checkEvent(input, input.kind);
  return inTransaction(db, async (tx) => {
    const row = await store.insertEvent(tx, {
      kind: input.kind,
      org_id: input.orgId,
      ...eventValues(input),
      draw_seed: null,
      draw_candidates: null,
      drawn_at: null,
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.create',
      subjectType: 'decision_event',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateEvent(
  db: Db,
  actor: Actor,
  id: number,
  input: Omit<EventInput, 'kind' | 'orgId'>,
) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedEvent(tx, actor, id, 'manage', true);
    checkEvent(input, before.kind);
    if (before.drawn_at && input.selection !== before.selection)
      throw new AppError('EVENT_STATE', { detail: '已经抽签，不能再改变遴选方式' });
    const row = await store.updateEvent(tx, id, eventValues(input));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.update',
      subjectType: 'decision_event',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

export async function publishEvent(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedEvent(tx, actor, id, 'manage', true);
    if (before.status === 'published') throw new AppError('EVENT_STATE', { detail: '该活动已经发布' });
    const row = await store.updateEvent(tx, id, { status: 'published' });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.publish',
      subjectType: 'decision_event',
      subjectId: id,
    });
    return row;
  });
}

export async function listEvents(db: Db, actor: Actor) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listEvents(db, { orgIds: facts.visibleOrgIds });
  const counts = await store.countSignups(
    db,
    rows.map((r) => r.id),
  );
  return { rows, counts, facts };
}

export async function getEvent(db: Db, actor: Actor, id: number) {
  const row = await authorisedEvent(db, actor, id, 'view');
  const [signups, survey, facts] = await Promise.all([
    store.listSignups(db, id),
    store.surveyResults(db, id),
    actorFacts(db, actor),
  ]);
  return { row, signups, survey, facts };
}

/**
 * 抽签: after sign-up has closed, draw the places among all who signed up. The seed (given, e.g. the
 * day's lottery number, or generated) and the candidate ids are recorded; `drawParticipants` on them
 * gives the same names again. Once only.
 */
export async function drawEvent(
  db: Db,
  actor: Actor,
  id: number,
  seed: string | null,
  today: string,
  now: Date,
) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedEvent(tx, actor, id, 'manage', true);
    if (before.selection !== 'draw')
      throw new AppError('EVENT_STATE', { detail: '该活动不采用抽签方式遴选' });
    if (before.drawn_at) throw new AppError('EVENT_STATE', { detail: '已经抽签，不能重复抽签' });
    const phase = eventPhase(
      {
        heldOn: before.held_on,
        signupClosesOn: before.signup_closes_on,
        listPublished: before.list_published,
      },
      today,
    );
    if (before.status !== 'published' || phase === 'signup')
      throw new AppError('EVENT_STATE', { detail: '报名截止后才能抽签' });
    if (seed !== null) {
      const problem = checkSeed(seed);
      if (problem) throw invalid('seed', problem);
    }
    const usedSeed = seed ?? randomBytes(8).toString('hex');
    const candidates = (await store.listSignups(tx, id)).map((s) => s.id);
    if (candidates.length === 0) throw new AppError('EVENT_STATE', { detail: '没有人报名，无法抽签' });
    const selected = drawParticipants(usedSeed, candidates, before.places);
    await store.setSelected(tx, id, selected);
    const row = await store.updateEvent(tx, id, {
      draw_seed: usedSeed,
      draw_candidates: candidates,
      drawn_at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.draw',
      subjectType: 'decision_event',
      subjectId: id,
      after: { seed: usedSeed, candidates, selected },
    });
    return row;
  });
}

/** 按条件遴选: staff pick the participants among those who signed up (no more than the places). */
export async function selectParticipants(db: Db, actor: Actor, id: number, signupIds: readonly number[]) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedEvent(tx, actor, id, 'manage', true);
    if (before.selection !== 'criteria')
      throw new AppError('EVENT_STATE', { detail: '该活动不采用按条件遴选方式' });
    if (before.list_published) throw new AppError('EVENT_STATE', { detail: '名单已经公布，不能再修改' });
    const own = new Set((await store.listSignups(tx, id)).map((s) => s.id));
    const ids = [...new Set(signupIds)];
    if (ids.some((s) => !own.has(s))) throw invalid('signupIds', '所选人员不在本活动的报名名单中');
    if (ids.length > before.places) throw invalid('signupIds', `入选人数不能超过名额（${before.places}人）`);
    await store.setSelected(tx, id, ids);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.select',
      subjectType: 'decision_event',
      subjectId: id,
      after: { selected: ids },
    });
  });
}

/** 公布名单: the selected participants' names go on the portal (names only). */
export async function publishList(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const before = await authorisedEvent(tx, actor, id, 'manage', true);
    if (before.status !== 'published') throw new AppError('EVENT_STATE', { detail: '请先发布活动' });
    if (before.list_published) throw new AppError('EVENT_STATE', { detail: '名单已经公布' });
    const selected = (await store.listSignups(tx, id)).filter((s) => s.selected);
    if (selected.length === 0) throw new AppError('EVENT_STATE', { detail: '还没有确定入选人员' });
    const row = await store.updateEvent(tx, id, { list_published: true });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.list',
      subjectType: 'decision_event',
      subjectId: id,
      after: { selected: selected.map((s) => s.id) },
    });
    return row;
  });
}

/** A representative's opinion at the meeting and the government's answer (both published). */
export async function setOpinion(
  db: Db,
  actor: Actor,
  signupId: number,
  v: { opinion: string; answer: string },
) {
  return inTransaction(db, async (tx) => {
    const before = await store.findSignup(tx, signupId);
    if (!before) throw new AppError('NOT_FOUND');
    await authorisedEvent(tx, actor, before.event_id, 'manage', true);
    if (!before.selected) throw new AppError('EVENT_STATE', { detail: '只能记录入选代表的意见' });
    const row = await store.updateSignup(tx, signupId, { opinion: v.opinion, answer: v.answer });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decision.event.opinion',
      subjectType: 'decision_event_signup',
      subjectId: signupId,
      before: { opinion: before.opinion, answer: before.answer },
      after: { opinion: row.opinion, answer: row.answer },
    });
    return row;
  });
}

/**
 * A sign-up from the portal. The event row is locked, so the count and the insert see the same state:
 * an open day with its places taken refuses with EVENT_FULL and nothing is stored.
 */
export async function submitSignup(db: Db, id: number, input: SignupInput, today: string) {
  return inTransaction(db, async (tx) => {
    const e = await store.findEvent(tx, id, true);
    if (e?.status !== 'published') throw new AppError('NOT_FOUND');
    const check = checkSignup(input);
    if (!check.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        check.errors.map((x) => ({ path: x.field, message: x.message })),
      );
    const taken = (await store.countSignups(tx, [id])).get(id)?.total ?? 0;
    const refusal = signupRefusal(
      {
        heldOn: e.held_on,
        signupClosesOn: e.signup_closes_on,
        listPublished: e.list_published,
        selection: e.selection,
        places: e.places,
      },
      taken,
      today,
    );
    if (refusal?.code === 'closed')
      throw new AppError('EVENT_SIGNUP_CLOSED', { lastDay: formatChineseDate(refusal.lastDay) });
    if (refusal?.code === 'full') throw new AppError('EVENT_FULL', { places: refusal.places });
    const row = await store.insertSignup(tx, {
      event_id: id,
      ...check.value,
      // First come: whoever gets a place is in.
      selected: e.selection === 'first_come',
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'decision.event.signup',
      subjectType: 'decision_event',
      subjectId: id,
      after: { signupId: row.id },
    });
    return row;
  });
}

/** The survey after an open day (anonymous): from the day it was held. */
export async function submitSurvey(
  db: Db,
  id: number,
  input: { rating: string; remark: string },
  today: string,
) {
  return inTransaction(db, async (tx) => {
    const e = await store.findEvent(tx, id);
    if (e?.status !== 'published' || e.kind !== 'open_day') throw new AppError('NOT_FOUND');
    if (today < e.held_on)
      throw new AppError('EVENT_STATE', {
        detail: `活动将于${formatChineseDate(e.held_on)}举行，活动结束后才能填写调查问卷`,
      });
    const check = checkSurvey(input);
    if (!check.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        check.errors.map((x) => ({ path: x.field, message: x.message })),
      );
    const row = await store.insertSurvey(tx, { event_id: id, ...check.value });
    await recordAudit(tx, {
      actorId: null,
      action: 'decision.event.survey',
      subjectType: 'decision_event',
      subjectId: id,
      after: { surveyId: row.id },
    });
    return row;
  });
}

export type EvaluationInput = {
  orgId: number;
  policy: string;
  evaluator: string;
  method: string;
  findings: string;
  result: EvaluationResult;
  evaluatedOn: string;
  published: boolean;
};

export async function listEvaluations(db: Db, actor: Actor) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listEvaluations(db, { orgIds: facts.visibleOrgIds });
  return { rows, facts };
}

export async function createEvaluation(db: Db, actor: Actor, input: EvaluationInput) {
  const facts = await actorFacts(db, actor);
  if (!can(facts, 'manage', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const row = await store.insertEvaluation(tx, {
      org_id: input.orgId,
      policy: input.policy,
      evaluator: input.evaluator,
      method: input.method,
      findings: input.findings,
      result: input.result,
      evaluated_on: input.evaluatedOn,
      published: input.published,
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'policy.evaluation.create',
      subjectType: 'policy_evaluation',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateEvaluation(
  db: Db,
  actor: Actor,
  id: number,
  input: Omit<EvaluationInput, 'orgId'>,
) {
  return inTransaction(db, async (tx) => {
    const before = await store.findEvaluation(tx, id);
    const facts = await actorFacts(tx, actor);
    if (!before || !can(facts, 'view', { orgId: before.org_id })) throw new AppError('NOT_FOUND');
    if (!can(facts, 'manage', { orgId: before.org_id })) throw new AppError('FORBIDDEN');
    const row = await store.updateEvaluation(tx, id, {
      policy: input.policy,
      evaluator: input.evaluator,
      method: input.method,
      findings: input.findings,
      result: input.result,
      evaluated_on: input.evaluatedOn,
      published: input.published,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'policy.evaluation.update',
      subjectType: 'policy_evaluation',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** The yearly targets (meetings with public representatives, evaluations): who edits the settings. */
export async function updateTargets(db: Db, actor: Actor, t: store.Targets) {
  if (!(await mayEditSettings(db, actor))) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const before = await store.targets(tx);
    await store.setTargets(tx, t);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.targets',
      subjectType: 'decision_settings',
      subjectId: 1,
      before,
      after: t,
    });
    return store.targets(tx);
  });
}

/**
 * The year's meetings and evaluations against the current targets, per organisation the person sees
 * (`decisions.targets` of the stats), with the governments that have none yet (their shortfall is the
 * whole target).
 */
export async function targetsProgress(db: Db, actor: Actor, year: number) {
  const facts = await actorFacts(db, actor);
  const visible = new Set(facts.visibleOrgIds);
  const [tables, current, orgs, canEdit] = await Promise.all([
    decisionsStats(db, { year, orgIds: facts.visibleOrgIds, tables: ['decisions.targets'] }),
    store.targets(db),
    listOrgs(db),
    mayEditSettings(db, actor),
  ]);
  const rows = new Map(
    (tables.find((x) => x.key === 'decisions.targets')?.rows ?? []).map((r) => [Number(r.key), r]),
  );
  for (const o of orgs)
    if ((o.kind === 'government' || o.kind === 'county') && !rows.has(o.id) && visible.has(o.id))
      rows.set(o.id, { key: String(o.id), label: o.name, counts: targetCounts(o.kind, 0, 0, current) });
  return { targets: current, rows: [...rows.values()], canEdit };
}
