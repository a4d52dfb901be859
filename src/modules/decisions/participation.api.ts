import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { listOrgs } from '../orgs/index.ts';
import { idParam } from './api.schemas.ts';
import { eventPhase, materialsDeadline, materialsOnTime } from './domain/participation.ts';
import { can, type DecisionsActor } from './domain/policies.ts';
import * as s from './participation.schemas.ts';
import * as service from './participation.service.ts';
import * as store from './participation.store.ts';

const TAGS = ['decisions'];
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentEvent(
  r: store.EventRow,
  o: { orgName: string; today: string; signups: number; selected: number; canManage: boolean },
) {
  return {
    id: r.id,
    kind: r.kind,
    orgId: r.org_id,
    orgName: o.orgName,
    itemId: r.item_id,
    title: r.title,
    description: r.description,
    heldOn: r.held_on,
    startsAt: r.starts_at,
    place: r.place,
    signupClosesOn: r.signup_closes_on,
    places: r.places,
    selection: r.selection,
    selectionNote: r.selection_note,
    drawSeed: r.draw_seed,
    drawCandidates: r.draw_candidates,
    drawnAt: iso(r.drawn_at),
    listPublished: r.list_published,
    materialsSentOn: r.materials_sent_on,
    materialsOnTime: materialsOnTime(r.materials_sent_on, r.held_on),
    materialsDeadline: materialsDeadline(r.held_on),
    record: r.record,
    recordConfirmedOn: r.record_confirmed_on,
    streamUrl: r.stream_url,
    recordingUrl: r.recording_url,
    summary: r.summary,
    status: r.status,
    phase: eventPhase(
      { heldOn: r.held_on, signupClosesOn: r.signup_closes_on, listPublished: r.list_published },
      o.today,
    ),
    signups: o.signups,
    selected: o.selected,
    canManage: o.canManage,
  };
}

const presentEvaluation = (r: store.EvaluationRow, orgName: string, canManage: boolean) => ({
  id: r.id,
  orgId: r.org_id,
  orgName,
  policy: r.policy,
  evaluator: r.evaluator,
  method: r.method,
  findings: r.findings,
  result: r.result,
  evaluatedOn: r.evaluated_on,
  published: r.published,
  canManage,
});

/** Staff API of hearings, meetings with public representatives, open days and policy evaluations. */
export async function participationApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const orgNames = async () => new Map((await listOrgs(db)).map((o) => [o.id, o.name]));

  const detail = async (actor: ReturnType<typeof requireActor>, id: number) => {
    const { row, signups, survey, facts } = await service.getEvent(db, actor, id);
    const names = await orgNames();
    return {
      event: presentEvent(row, {
        orgName: names.get(row.org_id) ?? '',
        today: chinaToday(),
        signups: signups.length,
        selected: signups.filter((x) => x.selected).length,
        canManage: can(facts, 'manage', { orgId: row.org_id }),
      }),
      signups: signups.map((x) => ({
        id: x.id,
        name: x.name,
        contact: x.contact,
        identity: x.identity,
        reason: x.reason,
        selected: x.selected,
        opinion: x.opinion,
        answer: x.answer,
        createdAt: new Date(x.created_at).toISOString(),
      })),
      survey: [...survey.entries()]
        .map(([rating, count]) => ({ rating, count }))
        .sort((a, b) => b.rating - a.rating),
    };
  };

  app.get(
    '/decisions/events',
    { schema: { tags: TAGS, summary: '听证会、列席会议、开放日列表', response: { 200: s.eventList } } },
    async (req) => {
      const { rows, counts, facts } = await service.listEvents(db, requireActor(req));
      const [names, today] = [await orgNames(), chinaToday()];
      return {
        items: rows.map((r) =>
          presentEvent(r, {
            orgName: names.get(r.org_id) ?? '',
            today,
            signups: counts.get(r.id)?.total ?? 0,
            selected: counts.get(r.id)?.selected ?? 0,
            canManage: can(facts, 'manage', { orgId: r.org_id }),
          }),
        ),
      };
    },
  );

  app.post(
    '/decisions/events',
    {
      schema: {
        tags: TAGS,
        summary: '新建听证会、列席会议或开放日',
        body: s.eventBody,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await service.createEvent(db, actor, req.body);
      return detail(actor, row.id);
    },
  );

  app.get(
    '/decisions/events/:id',
    {
      schema: {
        tags: TAGS,
        summary: '活动详情（含报名人员）',
        params: idParam,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => detail(requireActor(req), req.params.id),
  );

  app.put(
    '/decisions/events/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改活动（含材料送达、笔录确认、直播回放链接、结果反馈）',
        params: idParam,
        body: s.eventUpdateBody,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.updateEvent(db, actor, req.params.id, req.body);
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/decisions/events/:id/publish',
    {
      schema: {
        tags: TAGS,
        summary: '发布活动（开始报名）',
        params: idParam,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.publishEvent(db, actor, req.params.id);
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/decisions/events/:id/draw',
    {
      schema: {
        tags: TAGS,
        summary: '公开抽签（记录种子和候选名单，可复核）',
        params: idParam,
        body: s.drawBody,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const seed = req.body.seed?.length ? req.body.seed : null;
      await service.drawEvent(db, actor, req.params.id, seed, chinaToday(), now());
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/decisions/events/:id/select',
    {
      schema: {
        tags: TAGS,
        summary: '按条件遴选',
        params: idParam,
        body: s.selectBody,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.selectParticipants(db, actor, req.params.id, req.body.signupIds);
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/decisions/events/:id/list',
    {
      schema: { tags: TAGS, summary: '公布参加人员名单', params: idParam, response: { 200: s.eventDetail } },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.publishList(db, actor, req.params.id);
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/decisions/signups/:id/opinion',
    {
      schema: {
        tags: TAGS,
        summary: '记录列席代表的意见和答复',
        params: idParam,
        body: s.opinionBody,
        response: { 200: s.eventDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await service.setOpinion(db, actor, req.params.id, req.body);
      return detail(actor, row.event_id);
    },
  );

  const evaluationsOf = async (rows: readonly store.EvaluationRow[], facts: DecisionsActor) => {
    const names = await orgNames();
    return rows.map((r) =>
      presentEvaluation(r, names.get(r.org_id) ?? '', can(facts, 'manage', { orgId: r.org_id })),
    );
  };

  app.get(
    '/decisions/evaluations',
    { schema: { tags: TAGS, summary: '政策评估列表', response: { 200: s.evaluationList } } },
    async (req) => {
      const { rows, facts } = await service.listEvaluations(db, requireActor(req));
      return { items: await evaluationsOf(rows, facts) };
    },
  );

  app.post(
    '/decisions/evaluations',
    {
      schema: {
        tags: TAGS,
        summary: '新增政策评估',
        body: s.evaluationBody,
        response: { 200: s.evaluationList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.createEvaluation(db, actor, req.body);
      const { rows, facts } = await service.listEvaluations(db, actor);
      return { items: await evaluationsOf(rows, facts) };
    },
  );

  app.put(
    '/decisions/evaluations/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改政策评估',
        params: idParam,
        body: s.evaluationUpdateBody,
        response: { 200: s.evaluationList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.updateEvaluation(db, actor, req.params.id, req.body);
      const { rows, facts } = await service.listEvaluations(db, actor);
      return { items: await evaluationsOf(rows, facts) };
    },
  );

  app.get(
    '/decisions/targets',
    { schema: { tags: TAGS, summary: '公众参与年度目标', response: { 200: s.targetsView } } },
    async (req) => {
      requireActor(req);
      return store.targets(db);
    },
  );

  app.get(
    '/decisions/targets/progress',
    {
      schema: {
        tags: TAGS,
        summary: '公众参与年度目标完成情况',
        querystring: s.targetsProgressQuery,
        response: { 200: s.targetsProgress },
      },
    },
    async (req) => {
      const { targets, rows, canEdit } = await service.targetsProgress(db, requireActor(req), req.query.year);
      return {
        year: req.query.year,
        targets,
        canEdit,
        rows: rows.map((r) => {
          const [
            meetings,
            meetingTarget,
            meetingsMissing,
            evaluations,
            evaluationTarget,
            evaluationsMissing,
          ] = r.counts as [number, number, number, number, number, number];
          return {
            orgId: Number(r.key),
            orgName: r.label,
            meetings,
            meetingTarget,
            meetingsMissing,
            evaluations,
            evaluationTarget,
            evaluationsMissing,
          };
        }),
      };
    },
  );

  app.put(
    '/decisions/targets',
    {
      schema: {
        tags: TAGS,
        summary: '修改公众参与年度目标',
        body: s.targetsBody,
        response: { 200: s.targetsView },
      },
    },
    async (req) => service.updateTargets(db, requireActor(req), req.body),
  );
}
