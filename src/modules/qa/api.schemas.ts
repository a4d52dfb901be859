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
