import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { listOrgs } from '../orgs/index.ts';
import * as s from './api.schemas.ts';
import { can } from './domain/policies.ts';
import { presentArticles, presentComment, presentConsultation, presentGroups } from './present.ts';
import * as service from './service.ts';
import { readXlsxSheet } from './sheet.ts';
import type { ConsultationRow } from './store.ts';

const TAGS = ['decisions'];

/** The uploaded spreadsheet of a comment import (multipart: one file). */
async function readUpload(req: FastifyRequest) {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('CONSULTATION_IMPORT_FILE', { detail: '请选择要导入的 .xlsx 文件' }),
  );
  return file;
}

/** 决策公开 staff API: consultations, their comments, groups and feedback (CSRF by the platform). */
export async function decisionsApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const orgNames = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
  const view = async (
    rows: readonly ConsultationRow[],
    facts: Awaited<ReturnType<typeof service.actorFacts>>,
    counts: (id: number) => number,
  ) => {
    const today = chinaToday();
    const [names, fb] = await Promise.all([orgNames(), service.feedbackState(db, rows, today)]);
    return rows.map((r) =>
      presentConsultation(r, {
        orgName: names.get(r.org_id) ?? '',
        today,
        commentCount: counts(r.id),
        canManage: can(facts, 'manage', { orgId: r.org_id }),
        due: fb.get(r.id)?.due ?? null,
        overdue: fb.get(r.id)?.overdue ?? false,
      }),
    );
  };
  const detail = async (req: FastifyRequest, id: number) => {
    const { row, comments, facts } = await service.getConsultation(db, requireActor(req), id);
    const [consultation] = await view([row], facts, () => comments.length);
    return {
      consultation: consultation as NonNullable<typeof consultation>,
      articles: presentArticles(row.draft),
      comments: comments.map(presentComment),
      groups: presentGroups(comments),
    };
  };

  app.get(
    '/decisions/consultations',
    { schema: { tags: TAGS, summary: '意见征集列表', response: { 200: s.consultationList } } },
    async (req) => {
      const { rows, counts, facts } = await service.listConsultations(db, requireActor(req));
      return { items: await view(rows, facts, (id) => counts.get(id)?.total ?? 0) };
    },
  );

  app.get(
    '/decisions/orgs',
    { schema: { tags: TAGS, summary: '可发起意见征集的机关', response: { 200: s.orgOptions } } },
    async (req) => {
      const facts = await service.actorFacts(db, requireActor(req));
      const orgs = await listOrgs(db);
      return {
        items: orgs
          .filter((o) => can(facts, 'manage', { orgId: o.id }))
          .map((o) => ({ id: o.id, name: o.name })),
      };
    },
  );

  app.post(
    '/decisions/consultations',
    {
      schema: {
        tags: TAGS,
        summary: '新建意见征集',
        body: s.consultationBody,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => {
      const row = await service.createConsultation(db, requireActor(req), req.body);
      return detail(req, row.id);
    },
  );

  app.get(
    '/decisions/consultations/:id',
    {
      schema: {
        tags: TAGS,
        summary: '意见征集详情（含意见和分组）',
        params: s.idParam,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  app.put(
    '/decisions/consultations/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改意见征集',
        params: s.idParam,
        body: s.consultationUpdateBody,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => {
      await service.updateConsultation(db, requireActor(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/consultations/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布（开始征求意见）',
        params: s.idParam,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => {
      await service.publishConsultation(db, requireActor(req), req.params.id, now());
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/consultations/:id/close',
    {
      schema: { tags: TAGS, summary: '结束征集', params: s.idParam, response: { 200: s.consultationDetail } },
    },
    async (req) => {
      await service.closeConsultation(db, requireActor(req), req.params.id, now());
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/consultations/:id/comments',
    {
      schema: {
        tags: TAGS,
        summary: '录入信件、电子邮件、电话收到的意见',
        params: s.idParam,
        body: s.enterCommentBody,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => {
      await service.enterComment(db, requireActor(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/decisions/consultations/:id/import',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: TAGS,
        summary: '从 .xlsx 导入意见（“意见内容”列必填；全部导入或全部不导入）',
        params: s.idParam,
        response: { 200: s.importResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      const sheet = await readXlsxSheet(file.bytes, file.name);
      return { imported: await service.importComments(db, actor, req.params.id, sheet, chinaToday()) };
    },
  );

  app.post(
    '/decisions/comments/:id/moderate',
    {
      schema: {
        tags: TAGS,
        summary: '审核意见（公开或不公开并说明理由）',
        params: s.idParam,
        body: s.moderateBody,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.moderateComment(db, requireActor(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/decisions/consultations/:id/regroup',
    {
      schema: {
        tags: TAGS,
        summary: '重复意见自动分组',
        params: s.idParam,
        response: { 200: s.regroupResponse },
      },
    },
    async (req) => ({ groups: await service.regroup(db, requireActor(req), req.params.id) }),
  );

  app.post(
    '/decisions/comments/:id/split',
    { schema: { tags: TAGS, summary: '把意见移出所在分组', params: s.idParam, response: { 200: s.ok } } },
    async (req) => {
      await service.splitComment(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/decisions/consultations/:id/merge',
    {
      schema: {
        tags: TAGS,
        summary: '合并两个分组',
        params: s.idParam,
        body: s.mergeBody,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.mergeGroups(db, requireActor(req), req.params.id, req.body.into, req.body.from);
      return { ok: true as const };
    },
  );

  app.post(
    '/decisions/comments/:id/feedback',
    {
      schema: {
        tags: TAGS,
        summary: '填写采纳情况（可对整组）',
        params: s.idParam,
        body: s.feedbackBody,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.setFeedback(db, requireActor(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/decisions/consultations/:id/feedback',
    {
      schema: {
        tags: TAGS,
        summary: '发布意见采纳情况反馈',
        params: s.idParam,
        body: s.publishFeedbackBody,
        response: { 200: s.consultationDetail },
      },
    },
    async (req) => {
      await service.publishFeedback(
        db,
        requireActor(req),
        req.params.id,
        req.body.summary,
        chinaToday(),
        now(),
      );
      return detail(req, req.params.id);
    },
  );

  app.get(
    '/decisions/settings',
    { schema: { tags: TAGS, summary: '决策公开设置', response: { 200: s.settingsView } } },
    async (req) => service.getSettings(db, requireActor(req)),
  );

  app.put(
    '/decisions/settings',
    {
      schema: {
        tags: TAGS,
        summary: '修改决策公开设置',
        body: s.settingsBody,
        response: { 200: s.settingsView },
      },
    },
    async (req) => service.updateSettings(db, requireActor(req), req.body.feedbackWorkingDays),
  );
}
