import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload, type UploadedFile } from '../../platform/http/multipart.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { createMailer } from '../notifications/index.ts';
import { listOrgs, readImportSheet } from '../orgs/index.ts';
import * as s from './api.schemas.ts';
import * as consultations from './consultations.service.ts';
import * as pairs from './pairs.service.ts';
import { presentConsultation, presentPair, presentRouted } from './present.ts';
import * as routed from './routing.service.ts';
import * as service from './service.ts';

/** 政策问答 for staff: the ask tester and rebuilding the index (CSRF on the POSTs by the platform). */
export async function qaApi(root: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/qa/ask',
    {
      schema: {
        tags: ['qa'],
        summary: '政策问答测试：从现行有效文件中回答问题',
        body: s.askBody,
        response: { 200: s.askResult },
      },
    },
    async (req) => service.askAsStaff(db, requireActor(req), req.body.question, req.body.limit ?? 3),
  );

  app.post(
    '/qa/reindex',
    {
      schema: {
        tags: ['qa'],
        summary: '重建政策问答索引',
        response: { 200: s.indexReport },
      },
    },
    async (req) => service.reindexAsStaff(db, requireActor(req)),
  );

  app.get(
    '/qa/pairs',
    {
      schema: {
        tags: ['qa'],
        summary: '政策问答库',
        querystring: s.pairListQuery,
        response: { 200: s.pairList },
      },
    },
    async (req) => ({ items: (await pairs.listPairsFor(db, requireActor(req), req.query)).map(presentPair) }),
  );

  app.post(
    '/qa/pairs',
    {
      schema: { tags: ['qa'], summary: '新增问答（草稿）', body: s.pairBody, response: { 200: s.pairView } },
    },
    async (req) => presentPair(await pairs.createPair(db, requireActor(req), req.body)),
  );

  app.put(
    '/qa/pairs/:id',
    {
      schema: {
        tags: ['qa'],
        summary: '修改问答（回到草稿）',
        params: s.pairParams,
        body: s.pairBody,
        response: { 200: s.pairView },
      },
    },
    async (req) => presentPair(await pairs.updatePair(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/qa/pairs/:id/:action',
    {
      schema: {
        tags: ['qa'],
        summary: '提交审核、审核发布或退回',
        params: s.pairActionParams,
        response: { 200: s.pairView },
      },
    },
    async (req) =>
      presentPair(await pairs.actOnPair(db, requireActor(req), req.params.id, req.params.action)),
  );
}

/** The uploaded spreadsheet of an import (multipart: one file). */
async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('QA_CONSULTATION_IMPORT_FILE', { detail: '请选择要导入的 .xlsx 文件' }),
  );
  return file;
}

/** 政策问答转办 and 咨询记录 for staff (CSRF on the writes by the platform). */
export async function qaRoutingApi(root: FastifyInstance, { db, config }: ModuleContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['qa'];
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: root.log });
  root.addHook('onClose', async () => mailer.close());

  app.get(
    '/qa/routed',
    {
      schema: {
        tags,
        summary: '转办问题（可按状态、超期筛选）',
        querystring: s.routedQuery,
        response: { 200: s.routedList },
      },
    },
    async (req) => {
      const r = await routed.listRoutedFor(db, requireActor(req), req.query);
      return { items: r.items.map(presentRouted), overdue: r.overdue };
    },
  );

  app.get(
    '/qa/routed/:id',
    { schema: { tags, summary: '转办问题详情', params: s.routedParams, response: { 200: s.routedView } } },
    async (req) => presentRouted(await routed.getRouted(db, requireActor(req), req.params.id)),
  );

  app.post(
    '/qa/routed/:id/assign',
    {
      schema: {
        tags,
        summary: '确认或改派承办单位',
        params: s.routedParams,
        body: s.assignBody,
        response: { 200: s.routedView },
      },
    },
    async (req) =>
      presentRouted(await routed.assignRouted(db, requireActor(req), req.params.id, req.body.orgId)),
  );

  app.post(
    '/qa/routed/:id/answer',
    {
      schema: {
        tags,
        summary: '承办单位答复',
        params: s.routedParams,
        body: s.routedAnswerBody,
        response: { 200: s.routedView },
      },
    },
    async (req) => presentRouted(await routed.answerRouted(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/qa/routed/:id/review',
    {
      schema: {
        tags,
        summary: '审核答复：通过并发送，或退回承办单位',
        params: s.routedParams,
        body: s.reviewBody,
        response: { 200: s.routedView },
      },
    },
    async (req) =>
      presentRouted(
        await routed.reviewRouted(
          db,
          requireActor(req),
          req.params.id,
          req.body.step,
          req.body.note || null,
          mailer,
        ),
      ),
  );

  app.get(
    '/qa/routed-settings',
    { schema: { tags, summary: '转办问题答复期限', response: { 200: s.routedSettings } } },
    async (req) => {
      requireActor(req);
      return routed.routedSettings(db);
    },
  );

  app.put(
    '/qa/routed-settings',
    {
      schema: {
        tags,
        summary: '设置转办问题答复期限',
        body: s.routedSettings,
        response: { 200: s.routedSettings },
      },
    },
    async (req) => routed.saveRoutedSettings(db, requireActor(req), req.body.dueDays),
  );

  app.get(
    '/qa/consultations',
    {
      schema: {
        tags,
        summary: '咨询记录',
        querystring: s.consultationQuery,
        response: { 200: s.consultationList },
      },
    },
    async (req) => ({
      items: (await consultations.listConsultationsFor(db, requireActor(req), req.query)).map(
        presentConsultation,
      ),
    }),
  );

  app.get(
    '/qa/consultations/insights',
    {
      schema: {
        tags,
        summary: '高频问题与热点主题（按月）',
        querystring: s.consultationQuery,
        response: { 200: s.consultationInsights },
      },
    },
    async (req) => consultations.consultationInsights(db, requireActor(req), req.query),
  );

  app.post(
    '/qa/consultations',
    {
      schema: {
        tags,
        summary: '录入咨询记录',
        body: s.consultationBody,
        response: { 200: s.consultationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const orgs = req.body.orgId ? await listOrgs(db) : [];
      const row = await consultations.createConsultation(db, actor, {
        channel: req.body.channel,
        askedOn: req.body.askedOn,
        question: req.body.question,
        answer: req.body.answer ?? '',
        unit: req.body.orgId
          ? (orgs.find((o) => o.id === req.body.orgId)?.name ?? String(req.body.orgId))
          : '',
        topic: req.body.topic ?? '',
      });
      return presentConsultation({ row, orgName: orgs.find((o) => o.id === row.org_id)?.name ?? null });
    },
  );

  app.post(
    '/qa/consultations/import',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags,
        summary: '从 .xlsx 导入咨询记录（全部导入或全部不导入）',
        response: { 200: s.importResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      const sheet = await readImportSheet(file.bytes, file.name);
      return { imported: await consultations.importConsultations(db, actor, sheet) };
    },
  );

  app.post(
    '/qa/consultations/suggest',
    {
      schema: {
        tags,
        summary: '高频问题推荐到政策问答库（草稿）',
        body: s.suggestBody,
        response: { 200: s.pairView },
      },
    },
    async (req) => presentPair(await consultations.suggestPair(db, requireActor(req), req.body)),
  );
}
