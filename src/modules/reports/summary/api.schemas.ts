import { z } from 'zod';
import { recordId } from '../../../platform/http/schemas.ts';
import { check, figures, reportParams } from '../api.schemas.ts';
import { REPORT_STATES } from '../domain/states.ts';
import { SUMMARY_INCLUDES } from '../domain/summary/summary.ts';

export const summaryParams = reportParams;
export const summaryQuery = z.object({
  include: z
    .enum(SUMMARY_INCLUDES, '汇总范围应为“仅已审核的报告”或“含未审核报告的当前数据”')
    .default('accepted'),
});

const state = z.enum([...REPORT_STATES, 'none']);

export const summaryAgency = z.object({
  orgId: z.number(),
  orgName: z.string(),
  state,
  /** Whether its figures are in the sum. */
  counted: z.boolean(),
  errors: z.number(),
  warnings: z.number(),
});

export const summaryGovernment = z.object({
  orgId: z.number(),
  orgName: z.string(),
  /** Agencies reporting to it and to the governments below it. */
  agencies: z.number(),
  /** Of those, the reports accepted (已审核 or 已公开). */
  accepted: z.number(),
  /** Failing checks of its summed figures. */
  errors: z.number(),
});

export const summaryPending = z.object({
  orgId: z.number(),
  orgName: z.string(),
  state,
  government: z.string(),
});

export const summaryResponse = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  include: z.enum(SUMMARY_INCLUDES),
  figures,
  checks: z.array(check),
  agencies: z.array(summaryAgency),
  governments: z.array(summaryGovernment),
  pending: z.array(summaryPending),
});

export const governmentsResponse = z.object({
  items: z.array(z.object({ orgId: recordId, orgName: z.string() })),
});
