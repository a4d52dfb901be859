import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readBlob } from '../../../platform/files/storage.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { fileResponse, idParam } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import * as s from './api.schemas.ts';
import { presentComplaint, presentRegisterReview } from './present.ts';
import * as service from './service.ts';

/** The registers behind the annual report: 行政复议、行政诉讼案件登记 (table 四) and 投诉举报登记. */
export async function registersApi(root: FastifyInstance, { db, config }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  app.get(
    '/report-reviews',
    {
      schema: {
        tags,
        summary: '行政复议、行政诉讼案件登记（表四）：按机关、收到年度、审理结果筛选',
        querystring: s.reviewsQuery,
        response: { 200: s.reviewsResponse },
      },
    },
    async (req) => ({
      items: (await service.listReviews(db, requireActor(req), req.query)).map(presentRegisterReview),
    }),
  );

  app.post(
    '/report-reviews',
    {
      schema: {
        tags,
        summary: '登记一件行政复议或行政诉讼案件（结果为纠正并责令重新答复的，关联的申请重新办理）',
        body: s.reviewBody,
        response: { 200: s.registerReviewView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await service.createReview(db, actor, req.body);
      return presentRegisterReview(await service.getReview(db, actor, row.id));
    },
  );

  app.get(
    '/report-reviews/:id',
    {
      schema: { tags, summary: '一件复议诉讼案件', params: idParam, response: { 200: s.registerReviewView } },
    },
    async (req) => presentRegisterReview(await service.getReview(db, requireActor(req), req.params.id)),
  );

  app.put(
    '/report-reviews/:id',
    {
      schema: {
        tags,
        summary: '修改一件复议诉讼案件（已计入已报送年度报告的，不能更改类型和收到年度）',
        params: idParam,
        body: s.reviewBody,
        response: { 200: s.registerReviewView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.updateReview(db, actor, req.params.id, req.body);
      return presentRegisterReview(await service.getReview(db, actor, req.params.id));
    },
  );

  app.delete(
    '/report-reviews/:id',
    {
      schema: {
        tags,
        summary: '删除一件复议诉讼案件（已计入已报送年度报告的不能删除）',
        params: idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.deleteReview(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/report-reviews/:id/file',
    {
      schema: { tags, summary: '下载复议决定书或判决书', params: idParam, response: { 200: fileResponse } },
    },
    async (req, reply) => {
      const file = await service.reviewFile(db, requireActor(req), req.params.id);
      reply.type(file.mime);
      reply.header('content-disposition', contentDisposition(file.name));
      return reply.send(readBlob(config.dataDir, file.sha256));
    },
  );

  app.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: '投诉举报登记：按年度、被投诉机关、状态、是否逾期筛选',
        querystring: s.complaintsQuery,
        response: { 200: s.complaintsResponse },
      },
    },
    async (req) => ({
      items: (await service.listComplaints(db, requireActor(req), req.query)).map(presentComplaint),
    }),
  );

  app.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: '登记一件投诉或举报（答复期限按设置的工作日数计算）',
        body: s.complaintBody,
        response: { 200: s.complaintView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await service.createComplaint(db, actor, req.body);
      return presentComplaint(await service.getComplaint(db, actor, row.id));
    },
  );

  app.get(
    '/complaints/:id',
    {
      schema: { tags, summary: '一件投诉举报', params: idParam, response: { 200: s.complaintView } },
    },
    async (req) => presentComplaint(await service.getComplaint(db, requireActor(req), req.params.id)),
  );

  app.put(
    '/complaints/:id',
    {
      schema: {
        tags,
        summary: '修改投诉举报的登记内容',
        params: idParam,
        body: s.complaintBody,
        response: { 200: s.complaintView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.updateComplaint(db, actor, req.params.id, req.body);
      return presentComplaint(await service.getComplaint(db, actor, req.params.id));
    },
  );

  app.post(
    '/complaints/:id/steps',
    {
      schema: {
        tags,
        summary: '交办（assign）、答复（answer）、办结（close）',
        params: idParam,
        body: s.complaintStepBody,
        response: { 200: s.complaintView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.stepComplaint(db, actor, req.params.id, req.body);
      return presentComplaint(await service.getComplaint(db, actor, req.params.id));
    },
  );

  app.delete(
    '/complaints/:id',
    {
      schema: { tags, summary: '删除一件投诉举报登记', params: idParam, response: { 200: s.ok } },
    },
    async (req) => {
      await service.deleteComplaint(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/complaint-settings',
    {
      schema: { tags, summary: '投诉举报答复期限（工作日）', response: { 200: s.complaintSettings } },
    },
    async (req) => {
      requireActor(req);
      return service.complaintSettings(db);
    },
  );

  app.put(
    '/complaint-settings',
    {
      schema: {
        tags,
        summary: '设置投诉举报答复期限（工作日，对此后登记的投诉举报生效）',
        body: s.complaintSettings,
        response: { 200: s.complaintSettings },
      },
    },
    async (req) => service.saveComplaintSettings(db, requireActor(req), req.body.answerWorkingDays),
  );
}
