import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readBlob } from '../../platform/files/storage.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { AppError, isCatalogCode } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { fileResponse } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import { planWorkbook } from './export.ts';
import { type ParsedPlan, PlanParseError, parsePlanFile } from './importers/index.ts';
import {
  presentAssignment,
  presentAssignmentDetail,
  presentPlanDetail,
  presentPlanSummary,
  presentPlanTask,
} from './present.ts';
import * as service from './service.ts';

/** Read the preview upload: one file part plus optional `year` and `orgId` fields. */
async function readUpload(req: FastifyRequest) {
  const { file, fields } = await readSingleUpload(req, () => new AppError('WORKPLAN_FILE_REQUIRED'));
  const num = (key: string, label: string, min: number, max: number): number | undefined => {
    const raw = fields[key]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: key, message: `${label}格式不正确` }]);
    }
    return n;
  };
  return { file, year: num('year', '年度', 2000, 2100), orgId: num('orgId', '所属机构', 1, 2 ** 31 - 1) };
}

/** Parse with the importer; its errors carry a Chinese message worth showing as is. */
export async function parseUpload(bytes: Uint8Array, name: string, year?: number): Promise<ParsedPlan> {
  try {
    return await parsePlanFile(bytes, name, year === undefined ? {} : { year });
  } catch (err) {
    if (err instanceof PlanParseError) {
      if (isCatalogCode(err.code)) throw new AppError(err.code, { detail: err.message });
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: err.message }]);
    }
    throw err;
  }
}

/** 工作台账 core routes: import, plans, dashboard, export, units' tasks and progress. */
export async function workplanApi(root: FastifyInstance, { db, config }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['workplan'];

  app.post(
    '/workplan/import/preview',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx', '.docx'] }),
        tags,
        summary: '导入预览：解析任务分解表并匹配单位（multipart：file，可选 year、orgId）',
        response: { 200: s.importPreview },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const upload = await readUpload(req);
      const ownerOrgId = upload.orgId ?? (await service.defaultOwnerOrgId(db, actor));
      // Authorise before parsing: a non-manager learns nothing about the file.
      await service.requireImporter(db, actor, ownerOrgId);
      const parsed = await parseUpload(upload.file.bytes, upload.file.name, upload.year);
      const { units, candidates, ownerName } = await service.previewUnits(
        db,
        actor,
        ownerOrgId,
        parsed.tasks,
      );
      return {
        ownerOrgId,
        ownerOrgName: ownerName,
        fileName: upload.file.name,
        parsed,
        units,
        candidates: candidates.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, kind: c.kind })),
      };
    },
  );

  app.post(
    '/workplan/plans',
    // A large table (thousands of rows plus the source text) is well over the default 1 MB.
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags, summary: '保存导入的工作台账', body: s.savePlanBody, response: { 200: s.created } },
    },
    async (req) => service.savePlan(db, requireActor(req), req.body),
  );

  app.get(
    '/workplan/plans',
    {
      schema: {
        tags,
        summary: '工作台账列表',
        querystring: s.planListQuery,
        response: { 200: z.array(s.planSummary) },
      },
    },
    async (req) => {
      const rows = await service.listPlans(db, requireActor(req), req.query, chinaToday());
      return rows.map(presentPlanSummary);
    },
  );

  app.get(
    '/workplan/plans/:id',
    {
      schema: {
        tags,
        summary: '工作台账详情（任务、责任单位、办理状态）',
        params: s.idParam,
        querystring: s.planDetailQuery,
        response: { 200: s.planDetail },
      },
    },
    async (req) =>
      presentPlanDetail(
        await service.getPlan(db, requireActor(req), req.params.id, chinaToday(), {
          tasks: req.query.tasks === 'all',
        }),
      ),
  );

  app.get(
    '/workplan/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: '工作台账的任务清单（分页、筛选、搜索）',
        params: s.idParam,
        querystring: s.planTasksQuery,
        response: { 200: s.planTasksPage },
      },
    },
    async (req) => {
      const { filter, q, page, pageSize } = req.query;
      const r = await service.getPlanTasks(
        db,
        requireActor(req),
        req.params.id,
        { filter, keyword: q, page, pageSize },
        chinaToday(),
      );
      return { total: r.total, page, pageSize, tasks: r.tasks.map(presentPlanTask) };
    },
  );

  app.patch(
    '/workplan/plans/:id',
    {
      schema: {
        tags,
        summary: '修改工作台账（名称、是否在门户公开）',
        params: s.idParam,
        body: s.planPatchBody,
        response: { 200: s.planSummary },
      },
    },
    async (req) => {
      await service.updatePlan(db, requireActor(req), req.params.id, req.body);
      return presentPlanSummary(await service.planSummary(db, req.params.id, chinaToday()));
    },
  );

  app.post(
    '/workplan/plans/:id/progress',
    {
      schema: {
        tags,
        summary: '发布落实情况（门户网站显示的任务进展，截至今天）',
        params: s.idParam,
        response: { 200: s.progressPublished },
      },
    },
    async (req) => {
      const r = await service.publishProgress(db, requireActor(req), req.params.id, chinaToday());
      return { ...r, publishedAt: r.publishedAt.toISOString() };
    },
  );

  app.get(
    '/workplan/plans/:id/dashboard',
    {
      schema: {
        tags,
        summary: '工作台账统计（按单位完成率、逾期清单）',
        params: s.idParam,
        response: { 200: s.dashboard },
      },
    },
    async (req) => service.planDashboard(db, requireActor(req), req.params.id, chinaToday()),
  );

  app.get(
    '/workplan/plans/:id/export.xlsx',
    {
      schema: { tags, summary: '导出工作台账（Excel）', params: s.idParam, response: { 200: fileResponse } },
    },
    async (req, reply) => {
      const data = await service.planForExport(db, requireActor(req), req.params.id, chinaToday());
      const body = await planWorkbook(data);
      const name = `${data.detail.plan.title}（工作台账）.xlsx`;
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(name, `workplan-${req.params.id}.xlsx`));
      return reply.send(body);
    },
  );

  app.get(
    '/workplan/my-tasks',
    {
      schema: {
        tags,
        summary: '本单位的工作任务（跨台账）',
        querystring: s.myTasksQuery,
        response: { 200: z.array(s.assignment) },
      },
    },
    async (req) => {
      const today = chinaToday();
      const rows = await service.myTasks(db, requireActor(req), req.query);
      return rows.map((r) => presentAssignment(r, today));
    },
  );

  app.get(
    '/workplan/review-queue',
    {
      schema: {
        tags,
        summary: '待审核的进展报送（公开办）',
        querystring: s.reviewQueueQuery,
        response: { 200: z.array(s.reviewQueueItem) },
      },
    },
    async (req) => {
      const today = chinaToday();
      const rows = await service.reviewQueue(db, requireActor(req), req.query);
      return rows.map((r) => ({ ...presentAssignment(r, today), progressId: r.progress_id }));
    },
  );

  app.get(
    '/workplan/assignments/:id',
    {
      schema: {
        tags,
        summary: '单位任务详情及进展记录',
        params: s.idParam,
        response: { 200: s.assignmentDetail },
      },
    },
    async (req) =>
      presentAssignmentDetail(
        await service.getAssignment(db, requireActor(req), req.params.id),
        chinaToday(),
      ),
  );

  app.post(
    '/workplan/assignments/:id/progress',
    {
      schema: {
        tags,
        summary: '报送进展',
        params: s.idParam,
        body: s.progressBody,
        response: { 200: s.assignmentDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.submitProgress(db, actor, req.params.id, req.body);
      return presentAssignmentDetail(await service.getAssignment(db, actor, req.params.id), chinaToday());
    },
  );

  app.post(
    '/workplan/progress/:id/review',
    {
      schema: {
        tags,
        summary: '审核进展（通过或退回）',
        params: s.idParam,
        body: s.reviewBody,
        response: { 200: s.assignmentDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const assignmentId = await service.reviewProgress(db, actor, req.params.id, req.body);
      return presentAssignmentDetail(await service.getAssignment(db, actor, assignmentId), chinaToday());
    },
  );

  app.get(
    '/workplan/progress/:id/files/:fileId',
    { schema: { tags, summary: '下载佐证材料', params: s.fileParam, response: { 200: fileResponse } } },
    async (req, reply) => {
      const file = await service.progressFile(db, requireActor(req), req.params.id, req.params.fileId);
      reply.type(file.mime);
      reply.header('content-disposition', contentDisposition(file.name));
      return reply.send(readBlob(config.dataDir, file.sha256));
    },
  );
}
