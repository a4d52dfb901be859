// 演示数据: what the demo left in the database, and removing it (src/modules/demo/api.ts).
import type { z } from 'zod';
import { api } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type DemoSummary = z.infer<typeof s.summaryResponse>;
export type DemoRemoval = z.infer<typeof s.removeResponse>;

export function getDemoSummary(): Promise<DemoSummary> {
  return api.get('/api/demo');
}

export function removeDemo(): Promise<DemoRemoval> {
  return api.post('/api/demo/remove');
}
