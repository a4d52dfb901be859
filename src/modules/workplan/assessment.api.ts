/** /api/workplan 考核: scoring rules, assessments of a plan and their approval workflow. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, isoDate } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import * as service from './assessment.service.ts';
import type { WorkAssessmentRankRow, WorkAssessmentRow } from './assessment.store.ts';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATE_LABELS,
  type AssessmentState,
  PERIOD_KINDS,
  PERIOD_LABELS,
} from './domain/scoring.ts';

const orgParam = z.object({ orgId: z.coerce.number().int().positive('机构编号无效') });
const points = (label: string) =>
  z.number(`${label}应为数字`).min(0, `${label}不能为负数`).max(1000, `${label}不能超过1000`);

export const rulesBody = z.object({
  base: points('基础分'),
  onTimePoints: points('按时完成加分'),
  evidencePoints: points('佐证材料加分'),
  overduePenalty: points('逾期扣分'),
  returnedPenalty: points('退回扣分'),
  bonusCap: points('加分上限').nullable(),
  penaltyCap: points('扣分上限').nullable(),
});

export const createAssessmentBody = z
  .object({
    planId: z.number('请选择工作计划').int().positive('请选择工作计划'),
    period: z.object({
      kind: z.enum(PERIOD_KINDS, '请选择考核周期（月度、半年或年度）'),
      year: z.number('请填写考核年度').int().min(2000, '年度无效').max(2100, '年度无效'),
      month: z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12').optional(),
      start: isoDate.optional(),
      end: isoDate.optional(),
    }),
  })
  .refine((b) => b.period.kind !== 'monthly' || b.period.month !== undefined, {
    message: '月度考核请选择月份',
    path: ['period', 'month'],
  });

const actionParams = z.object({
  id: z.coerce.number().int().positive('编号无效'),
  action: z.enum(ASSESSMENT_ACTIONS, '未知的考核操作'),
});
const actionBody = z
  .object({ comment: z.string().trim().max(500, '意见不能超过500个字').nullish() })
  .nullish();

function presentAssessment(
  a: WorkAssessmentRow & { plan_title?: string; plan_year?: number; org_name?: string },
) {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: a.id,
    planId: a.plan_id,
    planTitle: a.plan_title ?? null,
    planYear: a.plan_year ?? null,
    orgId: a.org_id,
    orgName: a.org_name ?? null,
    periodKind: a.period_kind,
    periodKindLabel: PERIOD_LABELS[a.period_kind],
    periodLabel: a.period_label,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    asOf: a.as_of,
    state: a.state,
    stateLabel: ASSESSMENT_STATE_LABELS[a.state as AssessmentState],
    rules: a.rules,
    submittedAt: iso(a.submitted_at),
    approvedBy: a.approved_by,
    approvedAt: iso(a.approved_at),
    returnedComment: a.returned_comment,
    publishedAt: iso(a.published_at),
  };
}

export function presentRanking(rows: WorkAssessmentRankRow[]) {
  return rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    rank: r.rank,
    score: r.score,
    onTime: r.on_time,
    evidence: r.evidence,
    overdue: r.overdue,
    returned: r.returned,
    bonus: r.bonus,
    penalty: r.penalty,
  }));
}

export async function assessmentApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['workplan'];

  app.get(
    '/workplan/score-rules/:orgId',
    {
      schema: {
        tags,
        summary: '工作台账考核：评分规则（未设置时为默认规则）',
        params: orgParam,
        response: { 200: s.scoreRulesView },
      },
    },
    async (req) => service.getRules(db, requireActor(req), req.params.orgId),
  );

  app.put(
    '/workplan/score-rules/:orgId',
    {
      schema: {
        tags,
        summary: '工作台账考核：设置评分规则',
        params: orgParam,
        body: rulesBody,
        response: { 200: s.scoreRulesView },
      },
    },
    async (req) => service.setRules(db, requireActor(req), req.params.orgId, req.body, new Date()),
  );

  app.get(
    '/workplan/plans/:id/assessments',
    {
      schema: {
        tags,
        summary: '工作台账考核：计划的考核列表',
        params: idParam,
        response: { 200: z.array(s.assessment) },
      },
    },
    async (req) =>
      (await service.listAssessments(db, requireActor(req), req.params.id)).map(presentAssessment),
  );

  app.post(
    '/workplan/assessments',
    {
      schema: {
        tags,
        summary: '工作台账考核：按周期计算考核排名（草稿）',
        body: createAssessmentBody,
        response: { 200: s.assessmentDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const id = await service.createAssessment(db, actor, req.body, chinaToday());
      const d = await service.getAssessment(db, actor, id);
      return { assessment: presentAssessment(d.assessment), ranking: presentRanking(d.ranking) };
    },
  );

  app.get(
    '/workplan/assessments/:id',
    {
      schema: {
        tags,
        summary: '工作台账考核：考核详情与排名',
        params: idParam,
        response: { 200: s.assessmentDetail },
      },
    },
    async (req) => {
      const d = await service.getAssessment(db, requireActor(req), req.params.id);
      return { assessment: presentAssessment(d.assessment), ranking: presentRanking(d.ranking) };
    },
  );

  app.post(
    '/workplan/assessments/:id/:action',
    {
      schema: {
        tags,
        summary: '工作台账考核：重新计算、提交审批、负责人审批/退回、发布',
        params: actionParams,
        body: actionBody,
        response: { 200: s.assessmentDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.act(db, actor, req.params.id, req.params.action, {
        comment: req.body?.comment ?? null,
        today: chinaToday(),
        now: new Date(),
      });
      const d = await service.getAssessment(db, actor, req.params.id);
      return { assessment: presentAssessment(d.assessment), ranking: presentRanking(d.ranking) };
    },
  );
}
