/** /api/workplan 回头看: last year's unfinished tasks, and carrying them into this year's plan. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, isoDate } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import * as service from './lookback.service.ts';

export const carryBody = z
  .object({
    toPlanId: z.number('请选择转入的工作计划').int().positive('请选择转入的工作计划').optional(),
    /** Create the next year's plan with this title instead of choosing one. */
    newPlanTitle: z
      .string()
      .trim()
      .min(1, '请填写新计划的标题')
      .max(300, '计划标题不能超过300个字')
      .optional(),
    taskIds: z
      .array(z.number().int().positive(), '请选择要结转的任务')
      .min(1, '请至少选择一项要结转的任务')
      .max(2000, '一次最多结转2000项任务'),
    /** New due dates by original task id (null: no date); default: the same day of the new year. */
    dues: z.record(z.string().regex(/^\d+$/, '任务编号无效'), isoDate.nullable()).optional(),
  })
  .refine((b) => (b.toPlanId === undefined) !== (b.newPlanTitle === undefined), {
    message: '请选择转入的工作计划，或填写新计划的标题（二选一）',
    path: ['toPlanId'],
  });

export async function lookbackApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['workplan'];

  app.get(
    '/workplan/plans/:id/lookback',
    {
      schema: {
        tags,
        summary: '回头看：计划中未完成的任务（供整改和结转）',
        params: idParam,
        response: { 200: s.lookback },
      },
    },
    async (req) => service.lookback(db, requireActor(req), req.params.id, chinaToday()),
  );

  app.post(
    '/workplan/plans/:id/carry-over',
    {
      schema: {
        tags,
        summary: '回头看：把所选未完成任务结转到下一年度计划',
        params: idParam,
        body: carryBody,
        response: { 200: s.carryOverResult },
      },
    },
    async (req) =>
      service.carryOver(db, requireActor(req), {
        fromPlanId: req.params.id,
        toPlanId: req.body.toPlanId,
        newPlanTitle: req.body.newPlanTitle,
        taskIds: req.body.taskIds,
        dues: req.body.dues,
      }),
  );

  app.get(
    '/workplan/plans/:id/carried-origins',
    {
      schema: {
        tags,
        summary: '回头看：本计划中结转任务的原任务链接',
        params: idParam,
        response: { 200: s.carriedOrigins },
      },
    },
    async (req) => service.originsFor(db, requireActor(req), req.params.id),
  );
}
