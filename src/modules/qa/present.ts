import type { z } from 'zod';
import type { pairView } from './api.schemas.ts';
import type { QaPairRow } from './store.ts';

export function presentPair(p: QaPairRow): z.infer<typeof pairView> {
  return {
    id: p.id,
    orgId: p.org_id,
    question: p.question,
    answer: p.answer,
    documentId: p.document_id,
    clause: p.clause,
    topics: p.topics,
    status: p.status,
    flagged: p.flagged,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}
