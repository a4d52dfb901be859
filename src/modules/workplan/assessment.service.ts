/**
 * 考核: scoring rules per plan-owning organisation, assessments of a plan for a period, the ranking
 * computed from the ledger's records, and the workflow draft → submitted → approved (by a 负责人 of
 * the plan's organisation) → published (only an approved ranking; then shown on the portal).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import * as store from './assessment.store.ts';
import { can, type WorkplanAction } from './domain/policies.ts';
import {
  ASSESSMENT_STATE_LABELS,
  type AssessmentAction,
  type AssessmentState,
  checkRules,
  computeRanking,
  DEFAULT_RULES,
  nextState,
  PERIOD_LABELS,
  type Period,
  type PeriodKind,
  periodOf,
  type ScoreRules,
} from './domain/scoring.ts';
import { refuse, scopeOf } from './service.ts';

type Db = Kysely<Database>;

/** A manager's action on the records of `orgId`: office/admin whose scope covers it (else 403/404). */
export type ManagerAction = Extract<
  WorkplanAction,
  'plan.manage' | 'plan.lookback' | 'plan.cascade' | 'assessment.manage'
>;

/** Office/admin whose scope covers the organisation `orgId` (else 403/404 like the rest of the app). */
export async function requireManagerOf(
  db: Db,
  actor: Actor,
  orgId: number,
  action: ManagerAction,
): Promise<void> {
  const scope = await scopeOf(db, actor);
  if (!can(scope, action, { orgId })) refuse(scope, action);
}

/** The plan, when `actor` may do `action` on it as a manager of its owner organisation. */
export async function planForManager(db: Db, actor: Actor, planId: number, action: ManagerAction) {
  const plan = await store.findPlan(db, planId);
  if (!plan) throw new AppError('NOT_FOUND');
  await requireManagerOf(db, actor, plan.org_id, action);
  return plan;
}

function rulesOfRow(row: Awaited<ReturnType<typeof store.findRules>>): ScoreRules {
  if (!row) return { ...DEFAULT_RULES };
  return {
    base: row.base,
    onTimePoints: row.on_time_points,
    evidencePoints: row.evidence_points,
    overduePenalty: row.overdue_penalty,
    returnedPenalty: row.returned_penalty,
    bonusCap: row.bonus_cap,
    penaltyCap: row.penalty_cap,
  };
}

export async function getRules(db: Db, actor: Actor, orgId: number) {
  await requireManagerOf(db, actor, orgId, 'assessment.manage');
  const row = await store.findRules(db, orgId);
  return { orgId, rules: rulesOfRow(row), isDefault: row === undefined };
}

export async function setRules(db: Db, actor: Actor, orgId: number, rules: ScoreRules, now: Date) {
  await requireManagerOf(db, actor, orgId, 'assessment.manage');
  const errors = checkRules(rules);
  if (errors.length > 0) throw new AppError('WORKPLAN_RULES_INVALID', { errors: errors.join('；') });
  return inTransaction(db, async (tx) => {
    const before = await store.findRules(tx, orgId);
    const after = await store.upsertRules(tx, orgId, rules, actor.id, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.rules.update',
      subjectType: 'org',
      subjectId: orgId,
      before: before ?? null,
      after,
    });
    return { orgId, rules: rulesOfRow(after), isDefault: false };
  });
}

export type PeriodInput = { kind: PeriodKind; year: number; month?: number; start?: string; end?: string };

export function resolvePeriod(p: PeriodInput): Period {
  const std = periodOf(p.kind, p.year, p.kind === 'monthly' ? (p.month ?? 0) : undefined);
  if (p.start === undefined && p.end === undefined) return std;
  const start = p.start ?? std.start;
  const end = p.end ?? std.end;
  if (start > end)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'end', message: '考核期结束日期不能早于开始日期' }]);
  return { kind: p.kind, start, end, label: `${std.label}（${start}至${end}）` };
}

async function compute(
  tx: Db,
  assessmentId: number,
  planId: number,
  rules: ScoreRules,
  period: Period,
  asOf: string,
) {
  const records = await store.unitRecords(tx, planId);
  const units = new Map<
    number,
    {
      orgId: number;
      orgName: string;
      assignments: { due: string | null; status: string; reviewState: string; acceptedOn: string | null }[];
      reports: {
        decision: 'accepted' | 'returned' | null;
        reviewedOn: string | null;
        hasEvidence: boolean;
      }[];
    }
  >();
  for (const a of records.assignments) {
    let u = units.get(a.org_id);
    if (!u) {
      u = { orgId: a.org_id, orgName: a.org_name, assignments: [], reports: [] };
      units.set(a.org_id, u);
    }
    u.assignments.push({
      due: a.due,
      status: a.status,
      reviewState: a.review_state,
      acceptedOn: a.accepted_on,
    });
  }
  for (const r of records.reports) {
    units
      .get(r.org_id)
      ?.reports.push({ decision: r.decision, reviewedOn: r.reviewed_on, hasEvidence: r.evidence });
  }
  const ranked = computeRanking(rules, period, asOf, [...units.values()]);
  await store.replaceRanking(
    tx,
    assessmentId,
    ranked.map((r) => ({
      org_id: r.orgId,
      rank: r.rank,
      score: r.score,
      on_time: r.onTime,
      evidence: r.evidence,
      overdue: r.overdue,
      returned: r.returned,
      bonus: r.bonus,
      penalty: r.penalty,
    })),
  );
  return ranked;
}

/** A new assessment (draft) of a plan for a period, scored at once with the organisation's rules. */
export async function createAssessment(
  db: Db,
  actor: Actor,
  input: { planId: number; period: PeriodInput },
  today: string,
) {
  return inTransaction(db, async (tx) => {
    const plan = await planForManager(tx, actor, input.planId, 'assessment.manage');
    const period = resolvePeriod(input.period);
    const existing = await tx
      .selectFrom('work_assessments')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('period_kind', '=', period.kind)
      .where('starts_on', '=', period.start)
      .where('ends_on', '=', period.end)
      .executeTakeFirst();
    if (existing)
      throw new AppError('DUPLICATE', { what: `${period.label}（${PERIOD_LABELS[period.kind]}）考核` });
    const rules = rulesOfRow(await store.findRules(tx, plan.org_id));
    const row = await tx
      .insertInto('work_assessments')
      .values({
        plan_id: plan.id,
        org_id: plan.org_id,
        period_kind: period.kind,
        period_label: period.label,
        starts_on: period.start,
        ends_on: period.end,
        as_of: today,
        rules: JSON.stringify(rules),
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ranking = await compute(tx, row.id, plan.id, rules, period, today);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.assessment.create',
      subjectType: 'work_assessment',
      subjectId: row.id,
      after: { ...row, ranking },
    });
    return row.id;
  });
}

const ACTION_LABELS: Record<AssessmentAction, string> = {
  recompute: '重新计算',
  submit: '提交审批',
  approve: '审批同意',
  return: '退回修改',
  publish: '发布',
};

/** The assessments of `orgId`, when `actor` may see them: managers of the organisation, or its 负责人. */
async function requireAssessmentViewer(db: Db, actor: Actor, orgId: number): Promise<void> {
  const scope = await scopeOf(db, actor);
  // Someone else: FORBIDDEN for a role that never manages assessments, NOT_FOUND for a manager elsewhere.
  if (!can(scope, 'assessment.view', { orgId })) refuse(scope, 'assessment.manage');
}

/** An assessment `actor` may see. */
async function loadForActor(db: Db, actor: Actor, id: number) {
  const a = await store.findAssessment(db, id);
  if (!a) throw new AppError('NOT_FOUND');
  await requireAssessmentViewer(db, actor, a.org_id);
  return a;
}

export async function getAssessment(db: Db, actor: Actor, id: number) {
  const a = await loadForActor(db, actor, id);
  return { assessment: a, ranking: await store.rankingRows(db, id) };
}

export async function listAssessments(db: Db, actor: Actor, planId: number) {
  const plan = await store.findPlan(db, planId);
  if (!plan) throw new AppError('NOT_FOUND');
  await requireAssessmentViewer(db, actor, plan.org_id);
  return store.listAssessments(db, { planId });
}

/**
 * One step of the workflow. recompute/submit/publish: a manager of the organisation; approve/return:
 * a 负责人 (approver) of the plan's own organisation (or of the organisation its office serves).
 * Publishing anything not approved is refused with WORKPLAN_ASSESSMENT_NOT_APPROVED.
 */
export async function act(
  db: Db,
  actor: Actor,
  id: number,
  action: AssessmentAction,
  opts: { comment?: string | null; today: string; now: Date },
) {
  return inTransaction(db, async (tx) => {
    const before = await tx
      .selectFrom('work_assessments')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    if (action === 'approve' || action === 'return') {
      if (!can(await scopeOf(tx, actor), 'assessment.approve', { orgId: before.org_id })) {
        // Someone who cannot even see it gets 404; a manager who is not the 负责人 is told who may.
        await requireManagerOf(tx, actor, before.org_id, 'assessment.manage');
        throw new AppError('WORKPLAN_APPROVER_REQUIRED');
      }
    } else {
      await requireManagerOf(tx, actor, before.org_id, 'assessment.manage');
    }
    const state = before.state as AssessmentState;
    const next = nextState(state, action);
    if (next === null) {
      if (action === 'publish') throw new AppError('WORKPLAN_ASSESSMENT_NOT_APPROVED');
      throw new AppError('WORKPLAN_ASSESSMENT_STATE', {
        stateLabel: ASSESSMENT_STATE_LABELS[state],
        actionLabel: ACTION_LABELS[action],
      });
    }
    const patch: Partial<store.WorkAssessmentRow> = { state: next };
    if (action === 'recompute') {
      const rules = rulesOfRow(await store.findRules(tx, before.org_id));
      await compute(
        tx,
        id,
        before.plan_id,
        rules,
        {
          kind: before.period_kind,
          start: before.starts_on,
          end: before.ends_on,
          label: before.period_label,
        },
        opts.today,
      );
      Object.assign(patch, { as_of: opts.today, rules: JSON.stringify(rules) });
    }
    if (action === 'submit')
      Object.assign(patch, { submitted_by: actor.id, submitted_at: opts.now, returned_comment: null });
    if (action === 'approve') Object.assign(patch, { approved_by: actor.id, approved_at: opts.now });
    if (action === 'return')
      Object.assign(patch, { returned_comment: opts.comment ?? null, approved_by: null, approved_at: null });
    if (action === 'publish') Object.assign(patch, { published_by: actor.id, published_at: opts.now });
    const after = await tx
      .updateTable('work_assessments')
      .set(patch as never)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: `workplan.assessment.${action}`,
      subjectType: 'work_assessment',
      subjectId: id,
      before,
      after: opts.comment ? { ...after, comment: opts.comment } : after,
    });
    return after;
  });
}
