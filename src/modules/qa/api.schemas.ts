import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';
import { CONSULTATION_CHANNELS } from './domain/consultations.ts';
import { ROUTED_STATUSES, ROUTED_STEPS } from './domain/routing.ts';

/** The portal's question (GET /gk/qa?q=…): any text; its length is checked by the page, not refused. */
export const askQuery = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))),
});

/** The console's ask tester. */
export const askBody = z.object({
  question: z.string().trim().min(1, '请输入问题').max(200, '问题请精简到200字以内'),
  limit: z.number().int().min(1).max(10).optional(),
});

export const answer = z.object({
  text: z.string(),
  document: z.object({ id: z.number(), title: z.string(), docNumber: z.string().nullable() }),
  clause: z.string().nullable(),
  score: z.number(),
  leadUnits: z.string().nullable(),
  responsibleUnits: z.string().nullable(),
  deadline: z.string().nullable(),
  replaces: z.object({ id: z.number(), title: z.string() }).nullable(),
  curated: z.boolean(),
});

export const askResult = z.object({
  question: z.string(),
  answers: z.array(answer),
  refused: z.boolean(),
  message: z.string().nullable(),
});

export const indexReport = z.object({
  documents: z.number(),
  passages: z.number(),
  added: z.number(),
  removed: z.number(),
});

export const pairBody = z.object({
  question: z.string().trim().min(1, '请填写问题').max(200, '问题请在200字以内'),
  answer: z.string().trim().min(1, '请填写答复').max(4000, '答复请在4000字以内'),
  documentId: z.number().int().positive(),
  clause: z.string().trim().max(200).nullable().optional(),
  topics: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  orgId: z.number().int().positive().optional(),
});

export const pairParams = z.object({ id: z.coerce.number().int().positive() });
export const pairActionParams = pairParams.extend({ action: z.enum(['submit', 'approve', 'return']) });
export const pairListQuery = z.object({ status: z.enum(['draft', 'submitted', 'published']).optional() });

export const pairView = z.object({
  id: z.number(),
  orgId: z.number(),
  question: z.string(),
  answer: z.string(),
  documentId: z.number(),
  clause: z.string().nullable(),
  topics: z.array(z.string()),
  status: z.enum(['draft', 'submitted', 'published']),
  flagged: z.boolean(),
  updatedAt: z.string(),
});
export const pairList = z.object({ items: z.array(pairView) });

// ── 政策问答转办 (routed questions) ──

export const routedQuery = z.object({
  status: z.enum(ROUTED_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const routedView = z.object({
  id: z.number(),
  trackingCode: z.string(),
  question: z.string(),
  askedOn: z.string(),
  status: z.enum(ROUTED_STATUSES),
  suggestedOrgId: z.number().nullable(),
  suggestedOrgName: z.string().nullable(),
  suggestionReason: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  dueDays: z.number(),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** Years of the period whose holiday notice is not loaded: the due date is provisional. */
  provisionalYears: z.array(z.number()),
  answer: z.string().nullable(),
  documentIds: z.array(z.number()),
  general: z.boolean(),
  answeredOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  sentOn: z.string().nullable(),
  pairId: z.number().nullable(),
  /** The asker's contact: the office only (null for others and when none was left). */
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  actions: z.array(z.enum(ROUTED_STEPS)),
});
export const routedList = z.object({ items: z.array(routedView), overdue: z.number() });

export const routedParams = z.object({ id: z.coerce.number().int().positive() });
export const assignBody = z.object({ orgId: z.number().int().positive() });
export const routedAnswerBody = z.object({
  answer: z.string().trim().min(1, '请填写答复').max(4000, '答复请在4000字以内'),
  documentIds: z.array(z.number().int().positive()).max(10, '最多引用10件文件'),
  general: z.boolean(),
});
export const reviewBody = z.object({
  step: z.enum(['approve', 'return']),
  note: z.string().trim().max(500, '退回理由请在500字以内').nullable().optional(),
});
export const routedSettings = z.object({
  dueDays: z.number().int().min(1, '答复期限至少1个工作日').max(60, '答复期限不能超过60个工作日'),
});

// ── 咨询记录 (consultation records) ──

export const consultationQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  channel: z.enum(CONSULTATION_CHANNELS).optional(),
});

export const consultationBody = z.object({
  channel: z.enum(CONSULTATION_CHANNELS),
  askedOn: isoDate,
  question: z.string().max(2000),
  answer: z.string().max(8000).optional(),
  orgId: z.number().int().positive().nullable().optional(),
  topic: z.string().max(100).optional(),
});

export const consultationView = z.object({
  id: z.number(),
  channel: z.enum(CONSULTATION_CHANNELS),
  askedOn: z.string(),
  question: z.string(),
  answer: z.string(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  topic: z.string(),
  pairId: z.number().nullable(),
});
export const consultationList = z.object({ items: z.array(consultationView) });

export const consultationInsights = z.object({
  frequent: z.array(
    z.object({
      ids: z.array(z.number()),
      question: z.string(),
      size: z.number(),
      pairId: z.number().nullable(),
    }),
  ),
  topics: z.object({
    months: z.array(z.string()),
    topics: z.array(z.object({ topic: z.string(), counts: z.array(z.number()), total: z.number() })),
  }),
});

export const importResult = z.object({ imported: z.number() });

export const suggestBody = z.object({
  consultationIds: z.array(z.number().int().positive()).min(1).max(500),
  question: z.string().trim().min(1, '请填写问题').max(200, '问题请在200字以内'),
  answer: z.string().trim().min(1, '请填写答复').max(4000, '答复请在4000字以内'),
  documentId: z.number().int().positive(),
  topic: z.string().trim().min(1).max(20).optional(),
});
