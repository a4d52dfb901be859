/** /api/workplan 分解到县（市、区）: derive a county plan from the city's, map units, city roll-up. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import * as service from './cascade.service.ts';
import { ASSIGNMENT_ROLES } from './domain/status.ts';
import { linkSuggestions, saveLinks } from './links.service.ts';

const countyQuery = z.object({
  countyOrgId: z.coerce.number('请选择县（市、区）').int().positive('请选择县（市、区）'),
});

export const deriveBody = z.object({
  countyOrgId: z.number('请选择县（市、区）').int().positive('请选择县（市、区）'),
  title: z.string().trim().max(300, '计划标题不能超过300个字').optional(),
});

export const unitsBody = z.object({
  units: z
    .array(
      z.object({
        orgId: z.number('请选择责任单位').int().positive('请选择责任单位'),
        role: z.enum(ASSIGNMENT_ROLES, '单位类型应为牵头单位或责任单位'),
      }),
    )
    .min(1, '请至少选择一个单位')
    .max(500, '单位过多')
    .refine((u) => new Set(u.map((x) => x.orgId)).size === u.length, '同一单位不能重复选择'),
});

export async function cascadeApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['workplan'];

  app.get(
    '/workplan/plans/:id/cascade/preview',
    {
      schema: {
        tags,
        summary: '分解到县：预览市级计划中需由该县（市、区）承担的任务',
        params: idParam,
        querystring: countyQuery,
        response: { 200: s.cascadePreview },
      },
    },
    async (req) => service.previewCascade(db, requireActor(req), req.params.id, req.query.countyOrgId),
  );

  app.post(
    '/workplan/plans/:id/cascade',
    {
      schema: {
        tags,
        summary: '分解到县：由市级计划生成县（市、区）计划',
        params: idParam,
        body: deriveBody,
        response: { 200: s.cascadeResult },
      },
    },
    async (req) =>
      service.deriveCountyPlan(db, requireActor(req), {
        cityPlanId: req.params.id,
        countyOrgId: req.body.countyOrgId,
        title: req.body.title,
      }),
  );

  app.put(
    '/workplan/tasks/:id/units',
    {
      schema: {
        tags,
        summary: '分解到县：把分解来的任务分配给本县（市、区）所属单位',
        params: idParam,
        body: unitsBody,
        response: { 200: s.taskUnits },
      },
    },
    async (req) => ({
      assignments: await service.mapDerivedTask(db, requireActor(req), req.params.id, req.body.units),
    }),
  );

  app.get(
    '/workplan/plans/:id/links',
    {
      schema: {
        tags,
        summary: '上下级计划衔接：本计划各任务建议对应的上级计划任务（按文字相似度）',
        params: idParam,
        querystring: s.linkQuery,
        response: { 200: s.linkSuggestions },
      },
    },
    async (req) => linkSuggestions(db, requireActor(req), req.params.id, req.query.parentPlanId),
  );

  app.put(
    '/workplan/plans/:id/links',
    {
      schema: {
        tags,
        summary: '上下级计划衔接：保存确认的上级计划及各任务对应的上级任务',
        params: idParam,
        body: s.saveLinksBody,
        response: { 200: s.savedLinks },
      },
    },
    async (req) => saveLinks(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/workplan/plans/:id/rollup',
    {
      schema: {
        tags,
        summary: '分解到县：市级计划各任务在各县（市、区）的落实情况',
        params: idParam,
        response: { 200: s.cityRollup },
      },
    },
    async (req) => service.cityRollup(db, requireActor(req), req.params.id, chinaToday()),
  );
}
