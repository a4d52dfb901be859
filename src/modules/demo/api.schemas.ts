import { z } from 'zod';

export const tableCount = z.object({
  /** The table's SQL name. */
  table: z.string(),
  /** The table in Chinese (依申请公开案件, 机构 …). */
  label: z.string(),
  count: z.number(),
});

export const summaryResponse = z.object({
  /** none: never seeded here; seeding: interrupted; seeded; removed: never seeded again. */
  status: z.enum(['none', 'seeding', 'seeded', 'removed']),
  present: z.boolean(),
  total: z.number(),
  tables: z.array(tableCount),
});

export const removeResponse = z.object({
  /** Records deleted (0: there was nothing to remove). */
  total: z.number(),
  tables: z.array(tableCount),
  message: z.string(),
});
