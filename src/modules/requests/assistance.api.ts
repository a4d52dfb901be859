/**
 * HTTP: assistance requests (协助调查/会商) — the “协助办理” list of the unit asked, a case's requests,
 * the answer, an answer's files — and the saved workbench views (常用筛选).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readBlob } from '../../platform/files/storage.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { fileResponse, idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import {
  assistanceFileParam,
  assistanceItem,
  assistanceListResponse,
  assistanceQuery,
  assistanceReplyBody,
  caseAssistanceResponse,
  ok,
  savedView,
  savedViewsResponse,
  viewCreateBody,
  viewUpdateBody,
} from './api.schemas.ts';
import * as assistance from './assistance.ts';
import * as views from './views.ts';

const tags = ['requests'];

export async function assistanceApi(
  root: FastifyInstance,
  { db, config }: Pick<ModuleContext, 'db' | 'config'>,
) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/requests/assistance',
    {
      schema: {
        tags,
        summary: '协助办理：本单位收到的协助调查/会商请求（未答复的按期限排序）',
        querystring: assistanceQuery,
        response: { 200: assistanceListResponse },
      },
    },
    async (req) => assistance.listMyAssistance(db, requireActor(req), req.query, chinaToday()),
  );

  app.post(
    '/requests/assistance/:id/reply',
    {
      schema: {
        tags,
        summary: '答复协助请求（文字，可附本人上传的文件）',
        params: idParam,
        body: assistanceReplyBody,
        response: { 200: assistanceItem },
      },
    },
    async (req) => {
      const today = chinaToday();
      return assistance.answer(
        db,
        requireActor(req),
        req.params.id,
        { text: req.body.text, fileIds: req.body.fileIds, on: req.body.on ?? today },
        today,
      );
    },
  );

  app.get(
    '/requests/assistance/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '下载协助答复的附件',
        params: assistanceFileParam,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const file = await assistance.answerFile(db, requireActor(req), req.params.id, req.params.fileId);
      reply.type(file.mime);
      reply.header('content-disposition', contentDisposition(file.name));
      reply.header('cache-control', 'private, no-store');
      return reply.send(readBlob(config.dataDir, file.sha256));
    },
  );

  app.get(
    '/requests/:id/assistance',
    {
      schema: {
        tags,
        summary: '本案的协助调查/会商请求及答复',
        params: idParam,
        response: { 200: caseAssistanceResponse },
      },
    },
    async (req) => ({
      items: await assistance.listCaseAssistance(db, requireActor(req), req.params.id, chinaToday()),
    }),
  );

  app.get(
    '/requests/views',
    { schema: { tags, summary: '我的常用筛选（工作台）', response: { 200: savedViewsResponse } } },
    async (req) => ({ items: await views.listViews(db, requireActor(req)) }),
  );

  app.post(
    '/requests/views',
    {
      schema: { tags, summary: '保存常用筛选', body: viewCreateBody, response: { 200: savedView } },
    },
    async (req) => views.createView(db, requireActor(req), req.body),
  );

  app.patch(
    '/requests/views/:id',
    {
      schema: {
        tags,
        summary: '重命名常用筛选或更新其条件',
        params: idParam,
        body: viewUpdateBody,
        response: { 200: savedView },
      },
    },
    async (req) => views.updateView(db, requireActor(req), req.params.id, req.body),
  );

  app.delete(
    '/requests/views/:id',
    { schema: { tags, summary: '删除常用筛选', params: idParam, response: { 200: ok } } },
    async (req) => {
      await views.deleteView(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
}
