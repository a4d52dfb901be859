import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';
import * as store from './store.ts';

function presentIssue(r: store.GazetteIssueRow) {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    totalNumber: r.total_number,
    issueDate: r.issue_date,
    title: r.title,
    status: r.status,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
  };
}

function presentEntry(e: store.GazetteEntry) {
  return {
    itemId: e.itemId,
    section: e.section,
    kind: e.kind,
    documentId: e.documentId,
    interpretationId: e.interpretationId,
    title: e.title,
    docNumber: e.docNumber,
    orgName: e.orgName,
    date: e.date,
    published: e.published,
  };
}

/** 政府公报 administration: compose, edit, publish issues (office and administrators). */
export async function gazetteApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents-gazette'];

  async function detailOf(id: number) {
    const d = await service.getIssue(db, id);
    return { issue: presentIssue(d.issue), items: d.entries.map(presentEntry) };
  }

  app.get(
    '/documents/gazette/issues',
    {
      schema: {
        tags,
        summary: '政府公报期次列表（含草稿）',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
        response: { 200: s.issueList },
      },
    },
    async (req) => {
      await service.requireGazetteEditor(db, requireActor(req));
      const rows = await store.listIssues(db, { publishedOnly: false, year: req.query.year });
      return { items: rows.map(presentIssue) };
    },
  );

  app.get(
    '/documents/gazette/candidates',
    {
      schema: {
        tags,
        summary: '可刊登的已发布文件及解读（按发布日期）',
        querystring: s.candidatesQuery,
        response: { 200: s.candidateList },
      },
    },
    async (req) => {
      const items = await service.candidates(db, requireActor(req), {
        from: req.query.from,
        to: req.query.to,
        orgIds: req.query.orgId ? [req.query.orgId] : undefined,
        notInIssue: req.query.includeUsed !== '1',
        limit: req.query.limit,
      });
      return { items };
    },
  );

  app.post(
    '/documents/gazette/issues',
    { schema: { tags, summary: '新建一期政府公报', body: s.issueBody, response: { 200: s.issueDetail } } },
    async (req) => {
      const issue = await service.createIssue(db, requireActor(req), req.body);
      return detailOf(issue.id);
    },
  );

  app.get(
    '/documents/gazette/issues/:id',
    { schema: { tags, summary: '一期政府公报及其目录', params: idParam, response: { 200: s.issueDetail } } },
    async (req) => {
      await service.requireGazetteEditor(db, requireActor(req));
      return detailOf(req.params.id);
    },
  );

  app.patch(
    '/documents/gazette/issues/:id',
    {
      schema: {
        tags,
        summary: '修改一期政府公报（未发布时）；items 给出时整体替换目录',
        params: idParam,
        body: s.issueBody.partial(),
        response: { 200: s.issueDetail },
      },
    },
    async (req) => {
      await service.updateIssue(db, requireActor(req), req.params.id, req.body);
      return detailOf(req.params.id);
    },
  );

  app.post(
    '/documents/gazette/issues/:id/publish',
    { schema: { tags, summary: '发布一期政府公报', params: idParam, response: { 200: s.issueDetail } } },
    async (req) => {
      await service.publishIssue(db, requireActor(req), req.params.id);
      return detailOf(req.params.id);
    },
  );

  app.post(
    '/documents/gazette/issues/:id/unpublish',
    {
      schema: { tags, summary: '撤回发布（恢复为草稿）', params: idParam, response: { 200: s.issueDetail } },
    },
    async (req) => {
      await service.unpublishIssue(db, requireActor(req), req.params.id);
      return detailOf(req.params.id);
    },
  );

  app.delete(
    '/documents/gazette/issues/:id',
    {
      schema: {
        tags,
        summary: '删除未发布的一期',
        params: idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.deleteIssue(db, requireActor(req), req.params.id);
      return { ok: true };
    },
  );
}
