import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import { idParam, isoDate, recordId } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { chinaToday } from '../../../platform/time.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';
import * as store from './store.ts';

function presentColumn(c: service.ColumnView) {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    item: c.item,
    itemText: service.article20Item(c.item)?.text ?? '',
    name: c.name,
    updatePeriodDays: c.updatePeriodDays,
    genres: c.genres,
    manualUpdatedOn: c.manualUpdatedOn,
    lastUpdated: c.lastUpdated,
    documentCount: c.documentCount,
    dueOn: c.dueOn,
    stale: c.stale,
    neverUpdated: c.neverUpdated,
    daysOverdue: c.daysOverdue,
  };
}

/**
 * Catalogue administration: the Art. 20 statutory columns (with their update period and the staleness
 * check for the office's dashboard), the per-organisation 公开指南 texts and the 公共企事业单位 list.
 */
export async function catalogueApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents-catalogue'];

  app.get(
    '/documents/catalogue/articles',
    {
      schema: {
        tags,
        summary: '条例第二十条法定主动公开事项（1–15项）',
        response: {
          200: s.articlesResponse,
        },
      },
    },
    async (req) => {
      requireActor(req);
      return { items: [...service.ARTICLE_20_ITEMS] };
    },
  );

  app.get(
    '/documents/catalogue/columns',
    {
      schema: {
        tags,
        summary: '法定主动公开栏目（含最后更新日期和是否超期未更新）',
        querystring: z.object({ orgId: recordId.optional() }),
        response: { 200: s.columnList },
      },
    },
    async (req) => {
      const today = chinaToday();
      const rows = await service.listColumnsFor(db, requireActor(req), today, req.query.orgId);
      return { today, items: rows.map(presentColumn) };
    },
  );

  app.get(
    '/documents/catalogue/columns/stale',
    {
      schema: {
        tags,
        summary: '超期未更新的法定主动公开栏目（公开办工作台）',
        querystring: z.object({ today: isoDate.optional() }),
        response: { 200: s.staleColumnList },
      },
    },
    async (req) => {
      const today = req.query.today ?? chinaToday();
      const rows = await service.staleColumns(db, requireActor(req), today);
      return { today, total: rows.length, items: rows.map(presentColumn) };
    },
  );

  async function columnOut(id: number) {
    const [c] = await store.listColumns(db, { id });
    if (!c) throw new AppError('NOT_FOUND');
    return presentColumn(service.withStaleness(c, chinaToday()));
  }

  app.post(
    '/documents/catalogue/columns',
    {
      schema: { tags, summary: '新建法定主动公开栏目', body: s.columnBody, response: { 200: s.columnView } },
    },
    async (req) => {
      const row = await service.createColumn(db, requireActor(req), req.body);
      return columnOut(row.id);
    },
  );

  app.patch(
    '/documents/catalogue/columns/:id',
    {
      schema: {
        tags,
        summary: '修改栏目名称、更新周期或关联体裁',
        params: idParam,
        body: s.columnPatchBody,
        response: { 200: s.columnView },
      },
    },
    async (req) => {
      await service.updateColumn(db, requireActor(req), req.params.id, req.body);
      return columnOut(req.params.id);
    },
  );

  app.delete(
    '/documents/catalogue/columns/:id',
    {
      schema: {
        tags,
        summary: '删除栏目',
        params: idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.deleteColumn(db, requireActor(req), req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/documents/catalogue/columns/:id/touch',
    {
      schema: {
        tags,
        summary: '登记栏目已更新（默认今天）',
        params: idParam,
        body: z.object({ on: isoDate.optional() }).optional(),
        response: { 200: s.columnView },
      },
    },
    async (req) => {
      await service.touchColumn(db, requireActor(req), req.params.id, req.body?.on ?? chinaToday());
      return columnOut(req.params.id);
    },
  );

  app.post(
    '/documents/catalogue/columns/:id/documents',
    {
      schema: {
        tags,
        summary: '关联或取消关联文件',
        params: idParam,
        body: z.object({
          add: z.array(z.number().int().positive()).max(500).optional(),
          remove: z.array(z.number().int().positive()).max(500).optional(),
        }),
        response: { 200: s.columnView },
      },
    },
    async (req) => {
      await service.setColumnDocuments(db, requireActor(req), req.params.id, req.body);
      return columnOut(req.params.id);
    },
  );

  app.get(
    '/documents/catalogue/guides/:orgId',
    {
      schema: {
        tags,
        summary: '机关的政府信息公开指南文本',
        params: s.orgParam,
        response: { 200: s.guideView },
      },
    },
    async (req) => {
      requireActor(req);
      const g = await service.getGuide(db, req.params.orgId);
      return {
        orgId: req.params.orgId,
        custom: g !== null,
        body: g?.body ?? null,
        updatedAt: g ? new Date(g.updated_at).toISOString() : null,
      };
    },
  );

  app.put(
    '/documents/catalogue/guides/:orgId',
    {
      schema: {
        tags,
        summary: '保存公开指南（纯文本；以“一、”等开头的行作为标题；空文本恢复默认指南）',
        params: s.orgParam,
        body: z.object({ body: z.string().max(50000) }),
        response: { 200: s.guideView },
      },
    },
    async (req) => {
      const g = await service.saveGuide(db, requireActor(req), req.params.orgId, req.body.body);
      return {
        orgId: req.params.orgId,
        custom: g !== null && g !== undefined,
        body: g?.body ?? null,
        updatedAt: g ? new Date(g.updated_at).toISOString() : null,
      };
    },
  );

  function presentEnterprise(r: store.PublicEnterpriseRow & { org_name?: string | null }) {
    return {
      id: r.id,
      sector: r.sector,
      name: r.name,
      url: r.url,
      orgId: r.org_id,
      orgName: r.org_name ?? null,
      description: r.description,
      sortOrder: r.sort_order,
    };
  }

  app.get(
    '/documents/catalogue/enterprises',
    {
      schema: {
        tags,
        summary: '公共企事业单位信息公开栏目',
        response: { 200: s.enterpriseList },
      },
    },
    async (req) => {
      requireActor(req);
      return { items: (await store.listEnterprises(db)).map(presentEnterprise) };
    },
  );

  app.post(
    '/documents/catalogue/enterprises',
    {
      schema: {
        tags,
        summary: '新增公共企事业单位',
        body: s.enterpriseBody,
        response: { 200: s.enterpriseView },
      },
    },
    async (req) => presentEnterprise(await service.createEnterprise(db, requireActor(req), req.body)),
  );

  app.patch(
    '/documents/catalogue/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改公共企事业单位',
        params: idParam,
        body: s.enterpriseBody.partial(),
        response: { 200: s.enterpriseView },
      },
    },
    async (req) =>
      presentEnterprise(await service.updateEnterprise(db, requireActor(req), req.params.id, req.body)),
  );

  app.delete(
    '/documents/catalogue/enterprises/:id',
    {
      schema: {
        tags,
        summary: '删除公共企事业单位',
        params: idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.deleteEnterprise(db, requireActor(req), req.params.id);
      return { ok: true };
    },
  );
}
