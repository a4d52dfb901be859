/** Request and response schemas of the 政府公报 administration (api.ts). */
import { z } from 'zod';
import { isoDate, recordId } from '../../../platform/http/schemas.ts';

export const itemInput = z.object({
  documentId: z.number().int().positive().nullish(),
  interpretationId: z.number().int().positive().nullish(),
  section: z.string().trim().max(50).optional(),
});

export const issueBody = z.object({
  year: z.number().int().min(1949).max(2200),
  number: z.number().int().min(1).max(999),
  totalNumber: z.number().int().positive().nullish(),
  issueDate: isoDate,
  title: z.string().trim().min(1).max(200),
  items: z.array(itemInput).max(500).optional(),
});

export const issueView = z.object({
  id: z.number(),
  year: z.number(),
  number: z.number(),
  totalNumber: z.number().nullable(),
  issueDate: z.string(),
  title: z.string(),
  status: z.string(),
  publishedAt: z.string().nullable(),
});

export const entryView = z.object({
  itemId: z.number(),
  section: z.string(),
  kind: z.enum(['document', 'interpretation']),
  documentId: z.number(),
  interpretationId: z.number().nullable(),
  title: z.string(),
  docNumber: z.string().nullable(),
  orgName: z.string(),
  date: z.string().nullable(),
  published: z.boolean(),
});

export const issueDetail = z.object({ issue: issueView, items: z.array(entryView) });
export const issueList = z.object({ items: z.array(issueView) });

export const candidatesQuery = z.object({
  from: isoDate,
  to: isoDate,
  orgId: recordId.optional(),
  includeUsed: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const candidateList = z.object({
  items: z.array(
    z.object({
      documentId: z.number(),
      interpretationId: z.number().nullable(),
      title: z.string(),
      date: z.string(),
      orgName: z.string(),
    }),
  ),
});

export const ok = z.object({ ok: z.boolean() });
