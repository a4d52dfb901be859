import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import { createChannels } from './channels.ts';
import { presentEnterprise, presentPackage, presentPush } from './present.ts';
import * as service from './service.ts';

const TAGS = ['enterprises'];

/** The uploaded .xlsx of an import (multipart: one file). */
async function readUpload(req: FastifyRequest) {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('ORGS_IMPORT_FILE', { detail: '请选择要导入的 .xlsx 文件' }),
  );
  return file;
}

/** 政策找人 for staff: profiles, conditions, pushes, the funnel, packages (CSRF on writes by the platform). */
export async function enterprisesApi(root: FastifyInstance, { db, config }: ModuleContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { channels: createChannels(config, root.log), publicUrl: config.publicUrl, log: root.log };

  app.get(
    '/enterprises/regions',
    { schema: { tags: TAGS, summary: '企业所在地区（县市区、乡镇）', response: { 200: s.regionList } } },
    async (req) => {
      requireActor(req);
      return { items: await service.listRegions(db) };
    },
  );

  app.get(
    '/enterprises',
    {
      schema: {
        tags: TAGS,
        summary: '企业档案（部门只看到其政策匹配的企业）',
        querystring: s.enterpriseListQuery,
        response: { 200: s.enterpriseList },
      },
    },
    async (req) => {
      const r = await service.listEnterprisesFor(db, requireActor(req), req.query);
      return { total: r.total, items: r.items.map(presentEnterprise) };
    },
  );

  app.post(
    '/enterprises',
    {
      schema: {
        tags: TAGS,
        summary: '新建企业档案',
        body: s.enterpriseBody,
        response: { 200: s.enterpriseView },
      },
    },
    async (req) => presentEnterprise(await service.createEnterprise(db, requireActor(req), req.body)),
  );

  app.post(
    '/enterprises/import',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: TAGS,
        summary: '从 .xlsx 导入企业档案（逐行校验；有错则全部不导入）',
        response: { 200: s.importResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      return service.importEnterprises(db, actor, file.bytes, file.name);
    },
  );

  app.get(
    '/enterprises/:id',
    {
      schema: {
        tags: TAGS,
        summary: '企业档案、匹配的政策及推送记录',
        params: s.pushParams,
        response: { 200: s.enterpriseDetail },
      },
    },
    async (req) => {
      const d = await service.enterpriseDetail(db, requireActor(req), req.params.id);
      return {
        enterprise: presentEnterprise(d.enterprise),
        matches: d.matches.map((m) => ({
          documentId: m.documentId,
          title: m.title,
          orgName: m.orgName,
          matched: m.matched,
          results: m.results,
        })),
        pushes: d.pushes.map(presentPush),
      };
    },
  );

  app.put(
    '/enterprises/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改企业档案',
        params: s.pushParams,
        body: s.enterpriseBody,
        response: { 200: s.enterpriseView },
      },
    },
    async (req) =>
      presentEnterprise(await service.updateEnterprise(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/enterprises/policies',
    { schema: { tags: TAGS, summary: '设置了申报条件的政策', response: { 200: s.policyList } } },
    async (req) => ({ items: await service.listPolicies(db, requireActor(req)) }),
  );

  app.put(
    '/enterprises/policies/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: '设置政策的申报条件（制发部门）',
        params: s.documentParams,
        body: s.conditionsBody,
        response: { 200: s.policyList },
      },
    },
    async (req) => ({
      items: [await service.saveConditions(db, requireActor(req), req.params.documentId, req.body)].flatMap(
        (p) => (p ? [p] : []),
      ),
    }),
  );

  app.post(
    '/enterprises/policies/:documentId/push',
    {
      schema: {
        tags: TAGS,
        summary: '向符合条件的企业推送政策（每户只推送一次）',
        params: s.documentParams,
        response: { 200: s.pushResult },
      },
    },
    async (req) => service.pushPolicy(db, requireActor(req), req.params.documentId, deps),
  );

  app.get(
    '/enterprises/policies/:documentId/pushes',
    {
      schema: {
        tags: TAGS,
        summary: '政策的推送记录',
        params: s.documentParams,
        response: { 200: s.pushHistory },
      },
    },
    async (req) => ({
      items: (await service.pushHistory(db, requireActor(req), req.params.documentId)).map(presentPush),
    }),
  );

  app.post(
    '/enterprises/pushes/:id/outcome',
    {
      schema: {
        tags: TAGS,
        summary: '登记申报、兑现或免申即享',
        params: s.pushParams,
        body: s.outcomeBody,
        response: { 200: s.outcomeResult },
      },
    },
    async (req) => {
      const p = await service.recordOutcome(db, requireActor(req), req.params.id, req.body.outcome);
      const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
      return {
        id: p.id,
        appliedAt: iso(p.applied_at),
        grantedAt: iso(p.granted_at),
        withoutApplication: p.without_application,
      };
    },
  );

  app.get(
    '/enterprises/funnel',
    {
      schema: {
        tags: TAGS,
        summary: '政策推送漏斗（按政策、按部门）',
        querystring: s.funnelQuery,
        response: { 200: s.funnelView },
      },
    },
    async (req) => service.funnelFor(db, requireActor(req), req.query.year),
  );

  app.get(
    '/enterprises/packages',
    { schema: { tags: TAGS, summary: '政策包', response: { 200: s.packageList } } },
    async (req) => ({ items: (await service.listPackagesFor(db, requireActor(req))).map(presentPackage) }),
  );

  app.post(
    '/enterprises/packages',
    { schema: { tags: TAGS, summary: '新建政策包', body: s.packageBody, response: { 200: s.packageList } } },
    async (req) => ({
      items: (await service.savePackage(db, requireActor(req), null, req.body)).map(presentPackage),
    }),
  );

  app.put(
    '/enterprises/packages/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改政策包',
        params: s.packageParams,
        body: s.packageBody,
        response: { 200: s.packageList },
      },
    },
    async (req) => ({
      items: (await service.savePackage(db, requireActor(req), req.params.id, req.body)).map(presentPackage),
    }),
  );
}
