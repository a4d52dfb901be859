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
