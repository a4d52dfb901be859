/** Schemas of the search's synonym review API (/api/documents/search-synonyms). */
import { z } from 'zod';

const STATUSES = ['proposed', 'accepted', 'rejected'] as const;

export const synonymListQuery = z.object({
  status: z.enum(STATUSES, '状态应为待审核、已采用或不采用').default('proposed'),
  limit: z.coerce.number().int('每页条数应为整数').min(1).max(200).default(50),
  offset: z.coerce.number().int('偏移应为整数').min(0).max(1_000_000).default(0),
});

export const synonymReviewBody = z.object({
  decision: z.enum(['accepted', 'rejected'], '请选择“采用”或“不采用”'),
});

export const synonymCandidate = z.object({
  id: z.number(),
  shortForm: z.string(),
  longForm: z.string(),
  source: z.enum(['definition', 'subsequence']),
  sourceLabel: z.string(),
  documents: z.number(),
  exampleDocumentId: z.number().nullable(),
  exampleTitle: z.string().nullable(),
  example: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const synonymList = z.object({
  items: z.array(synonymCandidate),
  total: z.number(),
  counts: z.object({ proposed: z.number(), accepted: z.number(), rejected: z.number() }),
});
