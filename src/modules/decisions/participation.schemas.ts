import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import {
  EVALUATION_RESULTS,
  EVENT_KINDS,
  EVENT_PHASES,
  SELECTIONS,
  SIGNUP_LIMITS,
} from './domain/participation.ts';

const text = (max: number, label: string) => z.string().max(max, `${label}不能超过${max}字`);
const link = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label}不能超过500字`)
    .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), `${label}应当是以 http:// 或 https:// 开头的网址`)
    .default('');

export const eventUpdateBody = z.object({
  itemId: recordId.nullish(),
  title: z.string().trim().min(1, '请填写名称').max(200, '名称不能超过200字'),
  description: text(20_000, '活动说明').default(''),
  heldOn: isoDate,
  startsAt: text(50, '开始时间').default(''),
  place: text(200, '地点').default(''),
  signupClosesOn: isoDate.nullish(),
  places: z.number().int().min(1, '名额至少为1').max(10_000, '名额不能超过10000'),
  selection: z.enum(SELECTIONS),
  selectionNote: text(2000, '遴选办法').default(''),
  materialsSentOn: isoDate.nullish(),
  record: text(50_000, '听证笔录').default(''),
  recordConfirmedOn: isoDate.nullish(),
  streamUrl: link('直播链接'),
  recordingUrl: link('回放链接'),
  summary: text(20_000, '结果和反馈').default(''),
});
export const eventBody = eventUpdateBody.extend({ kind: z.enum(EVENT_KINDS), orgId: recordId });
export const drawBody = z.object({ seed: z.string().max(64, '抽签种子不能超过64个字符').nullish() });
export const selectBody = z.object({ signupIds: z.array(recordId).max(10_000) });
export const opinionBody = z.object({
  opinion: text(5000, '代表意见').default(''),
  answer: text(5000, '答复').default(''),
});
export const evaluationUpdateBody = z.object({
  policy: z.string().trim().min(1, '请填写评估的政策').max(300, '政策名称不能超过300字'),
  evaluator: z.string().trim().min(1, '请填写评估主体').max(200, '评估主体不能超过200字'),
  method: z.string().trim().min(1, '请填写评估方式').max(2000, '评估方式不能超过2000字'),
  findings: z.string().trim().min(1, '请填写评估发现的问题和结论').max(20_000, '评估结论不能超过20000字'),
  result: z.enum(EVALUATION_RESULTS),
  evaluatedOn: isoDate,
  published: z.boolean().default(false),
});
export const evaluationBody = evaluationUpdateBody.extend({ orgId: recordId });
const yearlyTarget = (label: string) => {
  const message = `${label}应为0至1000之间的整数`;
  return z.number({ message }).int(message).min(0, message).max(1000, message);
};
export const targetsBody = z.object({
  meetingTarget: yearlyTarget('每个政府邀请公众代表列席会议目标'),
  evaluationTargetGovernment: yearlyTarget('每个政府政策评估目标'),
  evaluationTargetUnit: yearlyTarget('每个部门政策评估目标'),
});

export const signupView = z.object({
  id: z.number(),
  name: z.string().max(SIGNUP_LIMITS.name),
  contact: z.string(),
  identity: z.string(),
  reason: z.string(),
  selected: z.boolean(),
  opinion: z.string(),
  answer: z.string(),
  createdAt: z.string(),
});
export const eventView = z.object({
  id: z.number(),
  kind: z.enum(EVENT_KINDS),
  orgId: z.number(),
  orgName: z.string(),
  itemId: z.number().nullable(),
  title: z.string(),
  description: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  place: z.string(),
  signupClosesOn: z.string().nullable(),
  places: z.number(),
  selection: z.enum(SELECTIONS),
  selectionNote: z.string(),
  drawSeed: z.string().nullable(),
  drawCandidates: z.array(z.number()).nullable(),
  drawnAt: z.string().nullable(),
  listPublished: z.boolean(),
  materialsSentOn: z.string().nullable(),
  materialsOnTime: z.boolean().nullable(),
  materialsDeadline: z.string(),
  record: z.string(),
  recordConfirmedOn: z.string().nullable(),
  streamUrl: z.string(),
  recordingUrl: z.string(),
  summary: z.string(),
  status: z.enum(['draft', 'published']),
  phase: z.enum(EVENT_PHASES),
  signups: z.number(),
  selected: z.number(),
  canManage: z.boolean(),
});
export const eventList = z.object({ items: z.array(eventView) });
export const eventDetail = z.object({
  event: eventView,
  signups: z.array(signupView),
  survey: z.array(z.object({ rating: z.number(), count: z.number() })),
});
export const evaluationView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  policy: z.string(),
  evaluator: z.string(),
  method: z.string(),
  findings: z.string(),
  result: z.enum(EVALUATION_RESULTS),
  evaluatedOn: z.string(),
  published: z.boolean(),
  canManage: z.boolean(),
});
export const evaluationList = z.object({ items: z.array(evaluationView) });
export const targetsView = targetsBody;
export const targetsProgressQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const targetsProgress = z.object({
  year: z.number(),
  targets: targetsView,
  /** Whether the caller may change the targets (the whole platform's settings: see `canEditSettings`). */
  canEdit: z.boolean(),
  rows: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      meetings: z.number(),
      meetingTarget: z.number(),
      meetingsMissing: z.number(),
      evaluations: z.number(),
      evaluationTarget: z.number(),
      evaluationsMissing: z.number(),
    }),
  ),
});
