// 答复审核签发流程 of the agencies (src/modules/requests/api.ts `/requests/signoff-chains`).
import type { z } from 'zod';
import { api } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type SignoffChains = z.infer<typeof s.signoffChainsResponse>;
export type SignoffChainItem = z.infer<typeof s.signoffChainView>;
export type SignoffChainCode = SignoffChainItem['chain'];

export function listSignoffChains(): Promise<SignoffChains> {
  return api.get('/api/requests/signoff-chains');
}

export function saveSignoffChain(orgId: number, chain: SignoffChainCode): Promise<SignoffChainItem> {
  return api.put(`/api/requests/signoff-chains/${orgId}`, { chain });
}

export type ReleaseQueue = z.infer<typeof s.releaseQueueResponse>;
export type ReleaseEntry = z.infer<typeof s.releaseEntry>;
export type ReleaseStatus = ReleaseEntry['status'];

export function listReleaseQueue(query: {
  status?: ReleaseStatus;
  page: number;
  pageSize: number;
}): Promise<ReleaseQueue> {
  return api.get('/api/requests/release-queue', query);
}

export function decideRelease(
  id: number,
  status: 'published' | 'rejected',
  note: string,
): Promise<ReleaseEntry> {
  return api.post(`/api/requests/release-queue/${id}/decide`, { status, note: note || undefined });
}
