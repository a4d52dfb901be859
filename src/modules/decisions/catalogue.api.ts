import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { listOrgs } from '../orgs/index.ts';
import * as s from './api.schemas.ts';
import * as service from './catalogue.service.ts';
import { snapshotOf } from './catalogue.service.ts';
import { changedFields } from './domain/catalogue.ts';
import { can, type DecisionsActor } from './domain/policies.ts';
import { requiredSteps } from './domain/steps.ts';
import type { ItemRow, StepRow, VersionRow } from './store.ts';

const TAGS = ['decisions'];

export function presentItem(r: ItemRow, orgName: string, facts: DecisionsActor | null) {
  return {
    ...snapshotOf(r),
    id: r.id,
    orgId: r.org_id,
    orgName,
    year: r.year,
    consultationId: r.consultation_id,
    status: r.status,
    decidedOn: r.decided_on,
    everPublished: r.first_published_at !== null,
    canManage: facts !== null && can(facts, 'manage', { orgId: r.org_id }),
  };
}

export const presentStep = (x: StepRow) => ({
  step: x.step,
  startedOn: x.started_on,
  finishedOn: x.finished_on,
  unit: x.unit,
  materials: x.materials,
});

export const presentVersion = (v: VersionRow) => ({
  id: v.id,
  version: v.version,
  change: v.change,
  reason: v.reason,
  changedOn: v.changed_on,
  fields: v.before ? changedFields(v.before, v.after) : [],
  before: v.before,
  after: v.after,
});

/** 决策事项目录 staff API: catalogue items per government and year, their steps, 已决策. */
export async function catalogueApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const names = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
  const detail = async (actorReq: Parameters<typeof requireActor>[0], id: number) => {
    const { row, steps, versions, facts } = await service.getItem(db, requireActor(actorReq), id);
    return {
      item: presentItem(row, (await names()).get(row.org_id) ?? '', facts),
      steps: steps.map(presentStep),
      required: requiredSteps({
        hearingPlanned: row.hearing_planned,
        riskPlanned: row.risk_planned,
        expertPlanned: row.expert_planned,
      }),
      versions: versions.map(presentVersion),
    };
  };

  app.get(
    '/decisions/items',
    {
      schema: {
        tags: TAGS,
        summary: '决策事项目录',
        querystring: s.itemsQuery,
        response: { 200: s.itemList },
      },
    },
    async (req) => {
      const { rows, facts } = await service.listItems(db, requireActor(req), req.query.year);
      const n = await names();
      return { items: rows.map((r) => presentItem(r, n.get(r.org_id) ?? '', facts)) };
    },
  );

  app.post(
    '/decisions/items',
    { schema: { tags: TAGS, summary: '新增决策事项', body: s.itemBody, response: { 200: s.itemDetail } } },
    async (req) => {
      const row = await service.createItem(db, requireActor(req), req.body);
      return detail(req, row.id);
    },
  );

  app.get(
    '/decisions/items/:id',
    {
      schema: {
        tags: TAGS,
        summary: '决策事项和程序步骤',
        params: s.idParam,
        response: { 200: s.itemDetail },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  app.put(
    '/decisions/items/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改决策事项',
        params: s.idParam,
        body: s.itemUpdateBody,
        response: { 200: s.itemDetail },
      },
    },
    async (req) => {
      await service.updateItem(db, requireActor(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/items/:id/steps',
    {
      schema: {
        tags: TAGS,
        summary: '登记程序步骤',
        params: s.idParam,
        body: s.stepBody,
        response: { 200: s.itemDetail },
      },
    },
    async (req) => {
      await service.recordStep(db, requireActor(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/items/:id/decide',
    {
      schema: {
        tags: TAGS,
        summary: '确认已决策（法定步骤不全时拒绝并列明）',
        params: s.idParam,
        response: { 200: s.itemDetail },
      },
    },
    async (req) => {
      await service.decide(db, requireActor(req), req.params.id);
      return detail(req, req.params.id);
    },
  );
}
