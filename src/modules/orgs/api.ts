import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  auditActionLabel,
  auditActions,
  auditSubjectLabel,
  auditSubjects,
} from '../../platform/audit/labels.ts';
import { listAudit } from '../../platform/audit/query.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { now } from '../../platform/time.ts';
import { orgAliasesApi } from './aliases.api.ts';
import * as s from './api.schemas.ts';
import { presentOrg, presentUser } from './present.ts';
import { agenciesWithoutOwnReceiver } from './receiving.ts';
import * as service from './service.ts';
import * as store from './store.ts';

export async function orgsApi(root: FastifyInstance, ctx: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db, sessions } = ctx;
  const loginLimiter = createRateLimiter({ limit: 20, windowMs: 60_000 });
  await orgAliasesApi(root, ctx);

  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], summary: '登录', body: s.loginBody, response: { 200: s.meResponse } } },
    async (req, reply) => {
      if (!loginLimiter.hit(req.ip)) throw new AppError('RATE_LIMITED');
      const userId = await service.authenticate(db, req.body.username, req.body.password, req.ip, now());
      await sessions.start(reply, req, userId);
      const user = await store.findUserView(db, userId);
      if (!user) throw new AppError('LOGIN_FAILED');
      return { user: presentUser(user), now: now().toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: s.ok } } },
    async (req, reply) => {
      await sessions.end(reply, req);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: s.meResponse } } },
    async (req) => {
      const actor = requireActor(req);
      const user = await store.findUserView(db, actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return { user: presentUser(user), now: now().toISOString() };
    },
  );

  app.get(
    '/orgs',
    { schema: { tags: ['orgs'], summary: '机构树', response: { 200: s.orgList } } },
    async (req) => {
      requireActor(req);
      const rows = await store.listOrgs(db);
      return { items: rows.map(presentOrg), total: rows.length };
    },
  );

  app.get(
    '/orgs/receivers',
    {
      schema: {
        tags: ['orgs'],
        summary: '受理依申请公开但没有本机关公开办账号的机关，及代为受理的机构',
        response: { 200: s.receiversResponse },
      },
    },
    async (req) => ({ items: await agenciesWithoutOwnReceiver(db, requireActor(req)) }),
  );

  app.post(
    '/orgs',
    { schema: { tags: ['orgs'], summary: '新增机构', body: s.orgCreateBody, response: { 200: s.orgView } } },
    async (req) => presentOrg(await service.createOrg(db, requireActor(req), req.body)),
  );

  app.patch(
    '/orgs/:id',
    {
      schema: {
        tags: ['orgs'],
        summary: '修改机构',
        params: s.idParam,
        body: s.orgPatchBody,
        response: { 200: s.orgView },
      },
    },
    async (req) => presentOrg(await service.updateOrg(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表',
        querystring: s.userListQuery,
        response: { 200: s.userList },
      },
    },
    async (req) => {
      const { rows, total } = await service.listUsers(db, requireActor(req), req.query);
      return { items: rows.map(presentUser), total };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: '用户详情', params: s.idParam, response: { 200: s.userView } } },
    async (req) => presentUser(await service.getUser(db, requireActor(req), req.params.id)),
  );

  app.post(
    '/users',
    {
      schema: { tags: ['users'], summary: '新增用户', body: s.userCreateBody, response: { 200: s.userView } },
    },
    async (req) => {
      const row = await service.createUser(db, requireActor(req), req.body);
      return presentUser(await service.getUser(db, requireActor(req), row.id));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户',
        params: s.idParam,
        body: s.userPatchBody,
        response: { 200: s.userView },
      },
    },
    async (req) => {
      await service.updateUser(db, requireActor(req), req.params.id, req.body);
      return presentUser(await service.getUser(db, requireActor(req), req.params.id));
    },
  );

  app.get(
    '/audit/names',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志中的操作与对象类型名称',
        response: { 200: s.auditNames },
      },
    },
    async (req) => {
      service.authorize(requireActor(req), 'audit.view');
      return { actions: auditActions(), subjects: auditSubjects() };
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: s.auditQuery,
        response: { 200: s.auditList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      service.authorize(actor, 'audit.view');
      const scope = await service.auditScope(db, actor);
      const { rows, total } = await listAudit(db, { ...req.query, ...(scope ? { orgIds: scope } : {}) });
      const names = await store.userDisplayNames(
        db,
        rows.map((r) => r.actor_id).filter((id): id is number => id !== null),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_id === null ? null : (names.get(r.actor_id) ?? null),
          action: r.action,
          actionLabel: auditActionLabel(r.action),
          subjectType: r.subject_type,
          subjectLabel: auditSubjectLabel(r.subject_type),
          subjectId: r.subject_id,
          before: r.before,
          after: r.after,
        })),
        total,
      };
    },
  );
}
