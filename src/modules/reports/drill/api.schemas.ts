import { z } from 'zod';
import { recordId } from '../../../platform/http/schemas.ts';
import { DRILL_TABLES } from '../domain/drill.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

export const recordsQuery = z.object({
  orgId: recordId,
  year,
  table: z.enum(DRILL_TABLES, '请选择表二、表三或表四'),
  /** The row key: 'rule'/'normative' (表二), '一', '二', '三(一)' … '三(七)', '四' (表三), a review kind (表四). */
  row: z.string('请选择行').min(1, '请选择行').max(20, '行不正确'),
  /** The column's index (0-based) in the table as printed. */
  column: z.coerce.number('列不正确').int('列不正确').min(0, '列不正确').max(6, '列不正确'),
});

export const recordItem = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  /** Console path of the record (under /admin). */
  link: z.string().nullable(),
});

export const recordsResponse = z.object({
  total: z.number(),
  items: z.array(recordItem),
  /** The report's figures are frozen (submitted): today's records may differ from them. */
  frozen: z.boolean(),
});
