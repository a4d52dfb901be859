import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import { reportHistoryApi } from './history/api.ts';
import { presentDetail, presentListItem } from './present.ts';
import * as service from './service.ts';

/** 年度报告 staff routes: the year's reports per agency, one report, its figures, texts, states (registers: registers/api.ts). */
export async function reportsApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: '各机关某年度的年度报告：状态和校验结果',
        querystring: s.yearQuery,
        response: { 200: s.listResponse },
      },
    },
    async (req) => {
      const items = await service.listReports(db, requireActor(req), req.query.year);
      return { year: req.query.year, items: items.map(presentListItem) };
    },
  );

  app.get(
    '/reports/:orgId/:year',
    {
      schema: {
        tags,
        summary: '一个机关的年度报告（草稿时为实时计算的数据）',
        params: s.reportParams,
        response: { 200: s.detailResponse },
      },
    },
    async (req) =>
      presentDetail(await service.getReport(db, requireActor(req), req.params.orgId, req.params.year)),
  );

  app.put(
    '/reports/:orgId/:year/figures',
    {
      schema: {
        tags,
        summary: '填报表二中的行政许可、行政处罚、行政强制决定数量和行政事业性收费金额（万元）',
        params: s.reportParams,
        body: s.figuresBody,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.saveManualFigures(db, requireActor(req), req.params.orgId, req.params.year, req.body);
      return { ok: true as const };
    },
  );

  app.put(
    '/reports/:orgId/:year/narrative',
    {
      schema: {
        tags,
        summary: '保存正文：一、总体情况；五、存在的主要问题及改进情况；六、其他需要报告的事项',
        params: s.reportParams,
        body: s.narrativeBody,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.saveNarrative(db, requireActor(req), req.params.orgId, req.params.year, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/reports/:orgId/:year/correct',
    {
      schema: {
        tags,
        summary: '更正已公开的年度报告：生成新版本（须填写更正说明），重新报送、审核、公开后取代原报告',
        params: s.reportParams,
        body: s.correctBody,
        response: { 200: s.stateResponse },
      },
    },
    async (req) => {
      const { orgId, year } = req.params;
      const created = await service.correctReport(db, requireActor(req), orgId, year, req.body.reason);
      return { state: created.state };
    },
  );

  app.post(
    '/reports/:orgId/:year/:action',
    {
      schema: {
        tags,
        summary:
          '报送（submit，须通过校验，数据随即固定）、审核通过（accept）、退回（return）、公开（publish）',
        params: s.transitionParams,
        response: { 200: s.stateResponse },
      },
    },
    async (req) => {
      const { orgId, year, action } = req.params;
      const after = await service.transition(db, requireActor(req), orgId, year, action);
      return { state: after.state };
    },
  );
  await reportHistoryApi(root, { db });
}
