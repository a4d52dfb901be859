import { z } from 'zod';
import { recordId } from '../../../platform/http/schemas.ts';
import { BOARD_STATES } from '../domain/board.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

export const boardQuery = z.object({ year, orgId: recordId.optional() });

export const boardRow = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  /** Art. 49(1) department or Art. 49(2) government. */
  publisher: z.enum(['department', 'government']),
  dueOn: z.string(),
  state: z.enum(BOARD_STATES),
  overdue: z.enum(['not-submitted', 'not-published']).nullable(),
  reportId: z.number().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const boardResponse = z.object({
  year: z.number(),
  today: z.string(),
  government: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The governments whose board the person may open. */
  governments: z.array(z.object({ id: z.number(), name: z.string() })),
  counts: z.object({
    total: z.number(),
    byState: z.record(z.enum(BOARD_STATES), z.number()),
    overdue: z.number(),
  }),
  rows: z.array(boardRow),
});
