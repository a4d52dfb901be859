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
