import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { loadCalendar, workingDaysUntil } from '../calendar/index.ts';
import { orgNames, userDisplayNames } from '../orgs/index.ts';
import { analyticsApi } from './analytics.api.ts';
import {
  actionBody,
  detailResponse,
  listQuery,
  listResponse,
  metaResponse,
  registerBody,
  signoffChainBody,
  signoffChainsResponse,
  signoffChainView,
} from './api.schemas.ts';
import { assistanceApi } from './assistance.api.ts';
import { kaseOf } from './case-actor.ts';
import { caseFilesApi } from './case-files.api.ts';
import { caseFiles } from './case-files.ts';
import { releasedDocuments } from './domain/case-files.ts';
import { can } from './domain/policies.ts';
import { isRunningStage } from './domain/stages.ts';
import { ledgerImportApi } from './import/api.ts';
import { caseLetters, lettersApi } from './letters.api.ts';
import { requestsMeta } from './meta.ts';
import { presentDetail, presentListItem } from './present.ts';
import * as service from './service.ts';
import * as signoff from './signoff.ts';

export async function requestsApi(root: FastifyInstance, { db, config }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const notNull = (ids: (number | null)[]) => ids.filter((i): i is number => i !== null);

  async function detailJson(d: service.CaseDetail) {
    const [users, orgs] = await Promise.all([
      userDisplayNames(db, notNull([...d.events.map((e) => e.actor_id), d.row.handler_id])),
      orgNames(db, notNull([d.row.org_id, d.row.unit_id])),
    ]);
    const detail = presentDetail(d, users);
    // The applicant's papers (identity) only for those who see personal data.
    const groups = d.personal ? undefined : (['assistance', 'released'] as const);
    const files = await caseFiles(db, d.events, groups);
    return {
      ...detail,
      letters: await caseLetters(db, d.row.id),
      files: files.map(({ sha256: _s, eventId: _e, ...f }) => f),
      releasedDocuments: releasedDocuments(
        d.events.map((e) => ({ id: e.id, type: e.type, on: e.on_date, data: e.data })),
      ).map(({ eventId: _e, ...r }) => r),
      case: {
        ...detail.case,
        orgName: orgs.get(d.row.org_id) ?? '',
        unitName: d.row.unit_id === null ? null : (orgs.get(d.row.unit_id) ?? null),
        handlerName: d.row.handler_id === null ? null : (users.get(d.row.handler_id) ?? null),
      },
    };
  }

  app.get(
    '/requests/meta',
    {
      schema: {
        tags: ['requests'],
        summary: '依申请公开：阶段、操作、答复类型等名称',
        response: { 200: metaResponse },
      },
    },
    async (req) => {
      requireActor(req);
      return requestsMeta();
    },
  );

  app.get(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: '依申请公开工作台（按答复期限排序）',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => {
      const today = chinaToday();
      const { overdue, paused, ...rest } = req.query;
      const { rows, total, actor } = await service.listCases(
        db,
        requireActor(req),
        { ...rest, overdue: overdue !== undefined, paused: paused !== undefined },
        today,
      );
      const calendar = await loadCalendar(db);
      const items = rows.map((r) => {
        let left: number | null = null;
        if (r.reply_due && isRunningStage(r.stage)) {
          try {
            left = workingDaysUntil(calendar, today, r.reply_due);
          } catch {
            left = null;
          }
        }
        return presentListItem(r, can(actor, 'view-personal', kaseOf(r)), left, today);
      });
      return { items, total };
    },
  );

  app.post(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: '登记政府信息公开申请（当面、邮寄、传真、电子邮件）',
        body: registerBody,
        response: { 200: detailResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const today = chinaToday();
      const row = await service.registerByStaff(db, actor, req.body, today);
      return detailJson(await service.getCase(db, actor, row.id, today));
    },
  );

  app.get(
    '/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: '申请详情（含期限与办理记录）',
        params: idParam,
        response: { 200: detailResponse },
      },
    },
    async (req) => detailJson(await service.getCase(db, requireActor(req), req.params.id, chinaToday())),
  );

  app.post(
    '/requests/:id/actions',
    {
      schema: {
        tags: ['requests'],
        summary: '办理操作',
        params: idParam,
        body: actionBody,
        response: { 200: detailResponse },
      },
    },
    async (req) => {
      const detail = await service.act(db, requireActor(req), req.params.id, req.body, chinaToday(), {
        dataDir: config.dataDir,
      });
      if (!detail) throw new Error('staff action returned no detail');
      return detailJson(detail);
    },
  );

  app.get(
    '/requests/signoff-chains',
    {
      schema: {
        tags: ['requests'],
        summary: '答复审核签发流程（各机关）',
        response: { 200: signoffChainsResponse },
      },
    },
    async (req) => signoff.listChains(db, requireActor(req)),
  );

  app.put(
    '/requests/signoff-chains/:id',
    {
      schema: {
        tags: ['requests'],
        summary: '设置机关的答复审核签发流程',
        params: idParam,
        body: signoffChainBody,
        response: { 200: signoffChainView },
      },
    },
    async (req) => signoff.saveChain(db, requireActor(req), req.params.id, req.body.chain),
  );

  await lettersApi(root, { db, config });
  await caseFilesApi(root, { db, config });
  await assistanceApi(root, { db, config });
  await analyticsApi(root, { db });
  await ledgerImportApi(root, { db });
}
