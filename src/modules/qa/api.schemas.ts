import { z } from 'zod';

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
