import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { createAlias, deleteAlias, listAliases, type OrgAliasRow } from './aliases.ts';
import * as s from './api.schemas.ts';

function present(r: OrgAliasRow, orgName: string): z.infer<typeof s.aliasView> {
  return {
    id: r.id,
    alias: r.alias,
    orgId: r.org_id,
    orgName,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** 机构简称：names of organisations as written in imported tables, remembered for matching. */
export async function orgAliasesApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/orgs/aliases',
    {
      schema: {
        tags: ['orgs'],
        summary: '机构简称（导入时的单位名称对应）',
        response: { 200: s.aliasList },
      },
    },
    async (req) => (await listAliases(db, requireActor(req))).map((r) => present(r, r.org_name)),
  );

  app.post(
    '/orgs/aliases',
    {
      schema: { tags: ['orgs'], summary: '新增机构简称', body: s.aliasBody, response: { 200: s.aliasView } },
    },
    async (req) => {
      const row = await createAlias(db, requireActor(req), req.body);
      const org = await db.selectFrom('orgs').select('name').where('id', '=', row.org_id).executeTakeFirst();
      return present(row, org?.name ?? '');
    },
  );

  app.delete(
    '/orgs/aliases/:id',
    {
      schema: {
        tags: ['orgs'],
        summary: '删除机构简称',
        params: s.idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await deleteAlias(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
}
