import { z } from 'zod';
import { recordId } from '../../platform/http/schemas.ts';
import { REPORT_STATES, TRANSITIONS } from './domain/states.ts';
import { REVIEW_KINDS, REVIEW_RESULTS } from './domain/tables.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

export const yearQuery = z.object({ year });
export const reportParams = z.object({ orgId: recordId, year });
export const transitionParams = z.object({ orgId: recordId, year, action: z.enum(TRANSITIONS) });

export const check = z.object({ ok: z.boolean(), level: z.enum(['error', 'warning']), message: z.string() });

export const figures = z.object({
  table2: z.object({
    rule: z.array(z.number()),
    normative: z.array(z.number()),
    licensing: z.number().nullable(),
    penalty: z.number().nullable(),
    enforcement: z.number().nullable(),
    fees: z.number().nullable(),
  }),
  /** Row key ('一', '二', '三(一)' … '三(七)', '四') → seven numbers (six applicant types, 总计). */
  table3: z.record(z.string(), z.array(z.number())),
  /** 15 numbers: 行政复议, 未经复议直接起诉, 复议后起诉 × 维持, 纠正, 其他, 尚未审结, 总计. */
  table4: z.array(z.number()),
});

const state = z.enum([...REPORT_STATES, 'none']);

export const listItem = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  state,
  errors: z.number(),
  warnings: z.number(),
  submittedAt: z.string().nullable(),
});
export const listResponse = z.object({ year: z.number(), items: z.array(listItem) });

export const reviewView = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: z.enum(REVIEW_KINDS),
  caseNo: z.string().nullable(),
  requestCaseNo: z.string().nullable(),
  filedOn: z.string(),
  organ: z.string(),
  result: z.enum(REVIEW_RESULTS),
  decidedOn: z.string().nullable(),
  note: z.string(),
});

export const manualView = z.object({
  key: z.string(),
  value: z.number(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});

export const detailResponse = z.object({
  id: z.number().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  state,
  figures,
  checks: z.array(check),
  manual: z.array(manualView),
  narrative: z.object({ overview: z.string(), problems: z.string(), other: z.string() }),
  /** The agency's previous year's narrative texts, for reference; null when it has no report for that year. */
  previous: z.object({ overview: z.string(), problems: z.string(), other: z.string() }).nullable(),
  reviews: z.array(reviewView),
  /** What the signed-in person may do: edit, submit, accept, return, publish. */
  actions: z.array(z.string()),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** 更正: the version worked on (1 the first), why it corrects the earlier one, and every version. */
  version: z.number(),
  correctionReason: z.string().nullable(),
  versions: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      state,
      publishedAt: z.string().nullable(),
      supersededAt: z.string().nullable(),
      correctionReason: z.string().nullable(),
    }),
  ),
});

export const correctBody = z.object({
  reason: z.string('更正说明应为文字').trim().min(1, '请填写更正说明').max(5000, '更正说明过长'),
});

const count = (label: string) =>
  z.number(`${label}应为数字`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1e12, `${label}过大`);

export const figuresBody = z
  .object({
    licensing: count('行政许可本年处理决定数量').optional(),
    penalty: count('行政处罚本年处理决定数量').optional(),
    enforcement: count('行政强制本年处理决定数量').optional(),
    fees: z
      .number('行政事业性收费金额应为数字')
      .min(0, '行政事业性收费金额不能为负数')
      .max(1e10, '行政事业性收费金额过大')
      .refine(
        (v) => Math.abs(v * 10000 - Math.round(v * 10000)) < 1e-6,
        '行政事业性收费金额以万元计，最多保留四位小数',
      )
      .optional(),
  })
  .strict();

export const narrativeBody = z.object({
  overview: z.string('总体情况应为文字').max(50000, '总体情况过长'),
  problems: z.string('存在的主要问题及改进情况应为文字').max(50000, '存在的主要问题及改进情况过长'),
  other: z.string('其他需要报告的事项应为文字').max(50000, '其他需要报告的事项过长'),
});

export const ok = z.object({ ok: z.literal(true) });
export const stateResponse = z.object({ state });
