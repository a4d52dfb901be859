import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { OrgRow } from './store.ts';
import * as s from './upkeep.schemas.ts';
import * as upkeep from './upkeep.service.ts';

function present(o: OrgRow): z.infer<typeof s.orgRegisterView> {
  return {
    id: o.id,
    parentId: o.parent_id,
    name: o.name,
    kind: o.kind,
    shortName: o.short_name,
    creditCode: o.credit_code,
    acceptsRequests: o.accepts_requests,
    disabled: o.disabled,
  };
}

/** 机构维护 (rename, move, disable, merge, delete) and 重置密码. */
export async function orgUpkeepApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];

  app.post(
    '/orgs/:id/rename',
    {
      schema: {
        tags,
        summary: '机构重命名（原名称保留为简称，供导入时匹配）',
        params: s.idParam,
        body: s.renameBody,
        response: { 200: s.orgRegisterView },
      },
    },
    async (req) => present(await upkeep.renameOrg(db, requireActor(req), req.params.id, req.body.name)),
  );

  app.post(
    '/orgs/:id/move',
    {
      schema: {
        tags,
        summary: '移动机构到新的上级机构',
        params: s.idParam,
        body: s.moveBody,
        response: { 200: s.orgRegisterView },
      },
    },
    async (req) => present(await upkeep.moveOrg(db, requireActor(req), req.params.id, req.body.parentId)),
  );

  app.post(
    '/orgs/:id/disabled',
    {
      schema: {
        tags,
        summary: '停用或启用机构（停用后不再出现在选择列表和门户中，记录保留）',
        params: s.idParam,
        body: s.disableBody,
        response: { 200: s.orgRegisterView },
      },
    },
    async (req) =>
      present(await upkeep.setOrgDisabled(db, requireActor(req), req.params.id, req.body.disabled)),
  );

  app.post(
    '/orgs/:id/merge',
    {
      schema: {
        tags,
        summary: '把本机构合并到另一机构（用户和全部记录转过去，本机构名称成为其简称）',
        params: s.idParam,
        body: s.mergeBody,
        response: { 200: s.mergeResponse },
      },
    },
    async (req) => {
      const r = await upkeep.mergeOrg(db, requireActor(req), req.params.id, req.body.targetId);
      return { target: present(r.target), moved: r.moved };
    },
  );

  app.get(
    '/orgs/:id/references',
    {
      schema: {
        tags,
        summary: '引用本机构的记录（删除前查看）',
        params: s.idParam,
        response: { 200: s.referencesResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const items = await upkeep.orgReferencesFor(db, actor, req.params.id);
      return { items };
    },
  );

  app.delete(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: '删除机构（仅限没有任何记录引用的机构）',
        params: s.idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await upkeep.deleteOrg(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: '管理员重置用户密码（不显示原密码；未给出新密码时随机生成并只显示一次）',
        params: s.idParam,
        body: s.resetPasswordBody,
        response: { 200: s.resetPasswordResponse },
      },
    },
    async (req) => upkeep.resetPassword(db, requireActor(req), req.params.id, req.body.password),
  );
}
