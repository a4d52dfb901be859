// 检索同义词（简称）: the synonyms and abbreviations mined from the document library, reviewed by the office.
import type { z } from 'zod';
import type * as s from '../../modules/documents/search/api.schemas.ts';
import { api } from './client.ts';

export type SynonymList = z.infer<typeof s.synonymList>;
export type SynonymCandidate = z.infer<typeof s.synonymCandidate>;
export type SynonymStatus = SynonymCandidate['status'];

export function listSynonymCandidates(
  status: SynonymStatus,
  page: number,
  pageSize: number,
): Promise<SynonymList> {
  return api.get('/api/documents/search-synonyms', {
    status,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

export function reviewSynonymCandidate(
  id: number,
  decision: 'accepted' | 'rejected',
): Promise<SynonymCandidate> {
  return api.post(`/api/documents/search-synonyms/${id}/review`, { decision });
}
