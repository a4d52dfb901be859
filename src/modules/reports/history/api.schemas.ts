import { z } from 'zod';
import { recordId } from '../../../platform/http/schemas.ts';
import { check, figures } from '../api.schemas.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

export const historyQuery = z.object({ orgId: recordId });
export const pastParams = z.object({ orgId: recordId, year });

const count = z.number('应为数字').int('应为整数').min(0, '不能为负数').max(1e9, '数字过大');
/** A past year's figures as entered: the shape of the report's figures, counts whole and non-negative. */
export const pastBody = z.object({
  source: z.enum(['entered', 'imported']).default('entered'),
  figures: z.object({
    table2: z.object({
      rule: z.tuple([count, count, count]),
      normative: z.tuple([count, count, count]),
      licensing: count.nullable(),
      penalty: count.nullable(),
      enforcement: count.nullable(),
      fees: z.number('应为数字').min(0, '不能为负数').max(1e10, '数字过大').nullable(),
    }),
    table3: z.record(z.string().max(10), z.array(count).length(7, '表三每行应有七列')),
    table4: z.array(count).length(15, '表四应有15项数据'),
  }),
});

export const historyYear = z.object({
  year: z.number(),
  source: z.enum(['report', 'entered', 'imported']),
  /** The report record's state (source report). */
  state: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export const historyResponse = z.object({
  orgId: z.number(),
  orgName: z.string(),
  years: z.array(historyYear),
});

export const pastResponse = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  source: z.enum(['entered', 'imported']),
  enteredAt: z.string(),
  figures,
  checks: z.array(check),
});

export const parsedResponse = z.object({ figures });
