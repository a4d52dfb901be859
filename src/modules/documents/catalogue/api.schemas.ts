/** Request and response schemas of the catalogue administration (api.ts). */
import { z } from 'zod';
import { recordId } from '../../../platform/http/schemas.ts';

export const orgParam = z.object({ orgId: recordId });

export const columnView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  item: z.number(),
  itemText: z.string(),
  name: z.string(),
  updatePeriodDays: z.number(),
  genres: z.array(z.string()),
  manualUpdatedOn: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  documentCount: z.number(),
  dueOn: z.string().nullable(),
  stale: z.boolean(),
  neverUpdated: z.boolean(),
  daysOverdue: z.number(),
});

export const columnBody = z.object({
  orgId: z.number().int().positive(),
  item: z.number().int().min(1).max(15),
  name: z.string().trim().max(100).optional(),
  updatePeriodDays: z.number().int().min(1).max(3660),
  genres: z.array(z.string()).max(20).optional(),
  sortOrder: z.number().int().optional(),
});

export const enterpriseBody = z.object({
  sector: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(100),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s<>"']+$/, '链接应以 http:// 或 https:// 开头'),
  orgId: z.number().int().positive().nullish(),
  description: z.string().trim().max(500).optional(),
  sortOrder: z.number().int().optional(),
});

export const enterpriseView = z.object({
  id: z.number(),
  sector: z.string(),
  name: z.string(),
  url: z.string(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  description: z.string(),
  sortOrder: z.number(),
});

export const guideView = z.object({
  orgId: z.number(),
  custom: z.boolean(),
  body: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const columnPatchBody = columnBody.omit({ orgId: true, item: true }).partial();

export const articlesResponse = z.object({
  items: z.array(z.object({ item: z.number(), name: z.string(), text: z.string() })),
});

export const columnList = z.object({ today: z.string(), items: z.array(columnView) });
export const staleColumnList = z.object({ today: z.string(), total: z.number(), items: z.array(columnView) });
export const enterpriseList = z.object({ items: z.array(enterpriseView) });
export const ok = z.object({ ok: z.boolean() });
