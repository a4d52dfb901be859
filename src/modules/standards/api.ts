import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { htmlPage } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { listOrgs, readImportSheet } from '../orgs/index.ts';
import * as s from './api.schemas.ts';
import { STANDARD_AREAS } from './domain/areas.ts';
import { can } from './domain/policies.ts';
import { printableNotice } from './portal/print.ts';
import { presentItem, presentNotice } from './present.ts';
import * as service from './service.ts';

const TAGS = ['standards'];

/** The one uploaded .xlsx of a multipart request, read as a sheet. */
async function readUpload(req: FastifyRequest, what: string) {
  const { file } = await readSingleUpload(
    req,
    () =>
      new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: `请选择要上传的${what}（.xlsx）` }]),
  );
  return readImportSheet(new Uint8Array(file.bytes), file.name);
}

/** 标准目录 and 定向公开 staff API (CSRF by the platform). */
export async function standardsApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const orgNames = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  app.get(
    '/standards/orgs',
    { schema: { tags: TAGS, summary: '可维护标准目录和定向公开的机关', response: { 200: s.columnOptions } } },
    async (req) => {
      const facts = await service.actorFacts(db, requireActor(req));
      const orgs = await listOrgs(db);
      return {
        items: orgs
          .filter((o) => can(facts, 'manage', { orgId: o.id }))
          .map((o) => ({ id: o.id, name: o.name })),
      };
    },
  );

  app.get(
    '/standards/items',
    {
      schema: {
        tags: TAGS,
        summary: '政务公开事项标准目录',
        querystring: s.itemQuery,
        response: { 200: s.itemList },
      },
    },
    async (req) => {
      const { items, facts } = await service.listItems(db, requireActor(req), {
        ...req.query,
        today: chinaToday(),
      });
      const names = await orgNames();
      const own = [...new Set(items.map((i) => i.area))].filter(
        (a) => !(STANDARD_AREAS as readonly string[]).includes(a),
      );
      return {
        items: items.map((i) => presentItem(i, { orgName: names.get(i.org_id) ?? '', facts })),
        areas: [...STANDARD_AREAS, ...own.sort()],
      };
    },
  );

  app.get(
    '/standards/columns/:orgId',
    {
      schema: {
        tags: TAGS,
        summary: '可关联的法定主动公开栏目',
        params: s.orgParam,
        response: { 200: s.columnOptions },
      },
    },
    async (req) => ({ items: await service.columnOptions(db, requireActor(req), req.params.orgId) }),
  );

  const itemResponse = async (req: FastifyRequest, id: number) => {
    const { items, facts } = await service.listItems(db, requireActor(req), { today: chinaToday() });
    const item = items.find((i) => i.id === id);
    if (!item) throw new AppError('NOT_FOUND');
    return presentItem(item, { orgName: (await orgNames()).get(item.org_id) ?? '', facts });
  };

  app.post(
    '/standards/items',
    { schema: { tags: TAGS, summary: '新增标准目录事项', body: s.itemBody, response: { 200: s.itemView } } },
    async (req) => itemResponse(req, (await service.createItem(db, requireActor(req), req.body)).id),
  );

  app.put(
    '/standards/items/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改标准目录事项',
        params: s.idParam,
        body: s.itemBody,
        response: { 200: s.itemView },
      },
    },
    async (req) =>
      itemResponse(req, (await service.updateItem(db, requireActor(req), req.params.id, req.body)).id),
  );

  app.delete(
    '/standards/items/:id',
    { schema: { tags: TAGS, summary: '删除标准目录事项', params: s.idParam, response: { 200: s.ok } } },
    async (req) => {
      await service.deleteItem(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/standards/import',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: TAGS,
        summary: '导入标准目录（.xlsx）',
        querystring: s.importQuery,
        response: { 200: s.importResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const sheet = await readUpload(req, '标准目录');
      const rows = [{ row: sheet.headerRow, cells: sheet.headers }, ...sheet.rows];
      return service.importItems(db, actor, {
        orgId: req.query.orgId,
        area: req.query.area,
        rows,
        dryRun: req.query.dryRun === 'true',
      });
    },
  );

  // ---- 定向公开 ----

  const noticeResponse = async (req: FastifyRequest, id: number) => {
    const { row, postings, facts } = await service.getNotice(db, requireActor(req), id);
    return presentNotice(row, { orgName: (await orgNames()).get(row.org_id) ?? '', postings, facts });
  };

  app.get(
    '/targeted',
    { schema: { tags: TAGS, summary: '定点、定向公开信息列表', response: { 200: s.noticeList } } },
    async (req) => {
      const { rows, postings, facts } = await service.listNotices(db, requireActor(req));
      const names = await orgNames();
      return {
        items: rows.map((r) =>
          presentNotice(r, {
            orgName: names.get(r.org_id) ?? '',
            postings: postings.filter((p) => p.notice_id === r.id),
            facts,
          }),
        ),
      };
    },
  );

  app.get(
    '/targeted/:id',
    { schema: { tags: TAGS, summary: '定向公开信息', params: s.idParam, response: { 200: s.noticeView } } },
    async (req) => noticeResponse(req, req.params.id),
  );

  app.post(
    '/targeted',
    {
      schema: {
        tags: TAGS,
        summary: '新建定向公开信息',
        body: s.noticeBody,
        response: { 200: s.noticeView },
      },
    },
    async (req) => noticeResponse(req, (await service.createNotice(db, requireActor(req), req.body)).id),
  );

  app.put(
    '/targeted/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改定向公开信息',
        params: s.idParam,
        body: s.noticeUpdateBody,
        response: { 200: s.noticeView },
      },
    },
    async (req) => {
      await service.updateNotice(db, requireActor(req), req.params.id, req.body);
      return noticeResponse(req, req.params.id);
    },
  );

  app.post(
    '/targeted/:id/list',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: TAGS,
        summary: '上传名单（.xlsx，个人信息自动脱敏）',
        params: s.idParam,
        response: { 200: s.noticeView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const sheet = await readUpload(req, '名单');
      await service.setList(
        db,
        actor,
        req.params.id,
        sheet.headers,
        sheet.rows.map((r) => r.cells),
      );
      return noticeResponse(req, req.params.id);
    },
  );

  app.post(
    '/targeted/:id/publish',
    {
      schema: { tags: TAGS, summary: '发布定向公开信息', params: s.idParam, response: { 200: s.noticeView } },
    },
    async (req) => {
      await service.publishNotice(db, requireActor(req), req.params.id);
      return noticeResponse(req, req.params.id);
    },
  );

  app.post(
    '/targeted/:id/withdraw',
    {
      schema: {
        tags: TAGS,
        summary: '撤回定向公开信息',
        params: s.idParam,
        body: s.withdrawBody,
        response: { 200: s.noticeView },
      },
    },
    async (req) => {
      await service.withdrawNotice(db, requireActor(req), req.params.id, req.body.reason);
      return noticeResponse(req, req.params.id);
    },
  );

  app.post(
    '/targeted/:id/postings',
    {
      schema: {
        tags: TAGS,
        summary: '登记张贴情况',
        params: s.idParam,
        body: s.postingBody,
        response: { 200: s.noticeView },
      },
    },
    async (req) => {
      await service.addPosting(db, requireActor(req), req.params.id, req.body);
      return noticeResponse(req, req.params.id);
    },
  );

  app.get(
    '/targeted/:id/print',
    { schema: { tags: TAGS, summary: '打印公开栏张贴稿', params: s.idParam, response: { 200: htmlPage } } },
    async (req, reply) => {
      const { row } = await service.getNotice(db, requireActor(req), req.params.id);
      const orgName = (await orgNames()).get(row.org_id) ?? '';
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(printableNotice(row, orgName));
    },
  );
}
