// 政策问答: the ask tester and rebuilding the index (src/modules/qa/api.ts).
import type { z } from 'zod';
import { api } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type AskResult = z.infer<typeof s.askResult>;
export type IndexReport = z.infer<typeof s.indexReport>;

export function askQuestion(body: z.input<typeof s.askBody>): Promise<AskResult> {
  return api.post('/api/qa/ask', body);
}

export function reindex(): Promise<IndexReport> {
  return api.post('/api/qa/reindex');
}

export type Pair = z.infer<typeof s.pairView>;
export type PairInput = z.input<typeof s.pairBody>;

export function listPairs(status?: Pair['status']): Promise<z.infer<typeof s.pairList>> {
  return api.get('/api/qa/pairs', { status });
}

export function createPair(body: PairInput): Promise<Pair> {
  return api.post('/api/qa/pairs', body);
}

export function updatePair(id: number, body: PairInput): Promise<Pair> {
  return api.put(`/api/qa/pairs/${id}`, body);
}

export function actOnPair(id: number, action: 'submit' | 'approve' | 'return'): Promise<Pair> {
  return api.post(`/api/qa/pairs/${id}/${action}`);
}
