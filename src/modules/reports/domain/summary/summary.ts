/**
 * 汇总: a government's summary of the annual reports for a year (REGULATIONS.md §1.11: the GIO authority
 * collects its departments' and townships' reports; a city collects its counties'). Pure.
 *
 * - The figures of every line that counts are added cell by cell: tables 二, 三 and 四.
 * - Which lines count (DERIVED): an agency's report once accepted (已审核 or 已公开) — or every agency's
 *   current figures when the summary is asked for “含未审核” (`include: 'all'`); a lower government's line
 *   is its own summary made the same way, so it always counts.
 * - A hand-entered figure of table 二 (行政许可 …) is added where every counted line has it; a line that has
 *   not entered it leaves the sum unknown (null), which the checks of the sum then report.
 * - The sum is checked by the same rules as one report (§3.2, §3.3: domain/checks.ts); the carry-over
 *   warning against last year compares one agency's reports and is not run on a sum.
 */
import { type Check, checkTable2, checkTable3, checkTable4 } from '../checks.ts';
import type { ReportState } from '../states.ts';
import { emptyTable3, MANUAL_FIGURES, type ReportFigures, TABLE3_ROW_KEYS, type Table2 } from '../tables.ts';

export const SUMMARY_INCLUDES = ['accepted', 'all'] as const;
export type SummaryInclude = (typeof SUMMARY_INCLUDES)[number];
export const SUMMARY_INCLUDE_LABELS: Record<SummaryInclude, string> = {
  accepted: '仅已审核的报告',
  all: '含未审核报告的当前数据',
};

/** The states whose report counts in a summary of accepted reports. */
export const ACCEPTED_STATES: readonly ReportState[] = ['accepted', 'published'];

/** Whether an agency's report in `state` counts in the summary. */
export function counts(state: ReportState | 'none', include: SummaryInclude): boolean {
  return include === 'all' || (state !== 'none' && ACCEPTED_STATES.includes(state));
}

/** A figure rounded to the 元 in 万元 (4 decimals), so that adding amounts leaves no binary noise. */
const round4 = (n: number) => Math.round(n * 10000) / 10000;

/** All figures zero (the sum of nothing). */
export function zeroFigures(): ReportFigures {
  return {
    table2: { rule: [0, 0, 0], normative: [0, 0, 0], licensing: 0, penalty: 0, enforcement: 0, fees: 0 },
    table3: emptyTable3(),
    table4: Array.from({ length: 15 }, () => 0),
  };
}

/** The cell-by-cell sum of the figures of several reports (or summaries). */
export function sumFigures(list: readonly ReportFigures[]): ReportFigures {
  const out = zeroFigures();
  for (const f of list) {
    for (const key of ['rule', 'normative'] as const) {
      out.table2[key] = out.table2[key].map((n, i) => n + (f.table2[key][i] ?? 0)) as Table2['rule'];
    }
    for (const key of MANUAL_FIGURES) {
      const a = out.table2[key];
      const b = f.table2[key];
      out.table2[key] = a === null || b === null ? null : round4(a + b);
    }
    for (const key of TABLE3_ROW_KEYS) {
      const row = f.table3[key] ?? [];
      out.table3[key] = (out.table3[key] ?? []).map((n, c) => n + (row[c] ?? 0));
    }
    out.table4 = out.table4.map((n, i) => n + (f.table4[i] ?? 0));
  }
  return out;
}

/** The checks of a sum: tables 二, 三, 四 as for one report, each message marked as the summary's. */
export function checkSummary(f: ReportFigures): Check[] {
  return [...checkTable2(f.table2), ...checkTable3(f.table3), ...checkTable4(f.table4)].map((c) => ({
    ...c,
    message: `汇总数据：${c.message}`,
  }));
}

/** One reporting agency of the government, with its report's state, figures and checks. */
export type AgencyLine = {
  orgId: number;
  orgName: string;
  state: ReportState | 'none';
  figures: ReportFigures;
  checks: Check[];
};

/** A lower government (county) and its own summary. */
export type GovernmentLine = { orgId: number; orgName: string; summary: Summary };

/** An agency whose report is missing or not accepted yet, and the government it reports to. */
export type Pending = { orgId: number; orgName: string; state: ReportState | 'none'; government: string };

export type Summary = {
  orgId: number;
  orgName: string;
  year: number;
  include: SummaryInclude;
  figures: ReportFigures;
  checks: Check[];
  agencies: (AgencyLine & { counted: boolean })[];
  governments: GovernmentLine[];
  /** Every agency below (its own and the lower governments') with no report or one not yet accepted. */
  pending: Pending[];
};

/** What the plausibility rule needs of an agency: whether it has a report and the applications it received. */
export type Received = { orgName: string; state: ReportState | 'none'; received: number };

/**
 * §3.2 plausibility (a warning; it blocks nothing): an agency that received applications in the year (table
 * 三 row 一, 总计) but has no report at all. The agencies are named, in the order given.
 */
export function missingReportsCheck(agencies: readonly Received[]): Check {
  const missing = agencies.filter((a) => a.state === 'none' && a.received > 0);
  if (missing.length === 0)
    return { ok: true, level: 'warning', message: '本年度收到政府信息公开申请的机关均已编制年度报告。' };
  return {
    ok: false,
    level: 'warning',
    message: `以下${missing.length}个机关本年度收到政府信息公开申请，但尚未编制年度报告：${missing
      .map((a) => `${a.orgName}（收到${a.received}件）`)
      .join('、')}。`,
  };
}

/** Received applications (table 三 row 一, 总计) of a line. */
const receivedOf = (f: ReportFigures) => f.table3.一?.[6] ?? 0;

/** Every agency line of a summary and of the summaries below it. */
function allAgencies(s: Pick<Summary, 'agencies' | 'governments'>): AgencyLine[] {
  return [...s.agencies, ...s.governments.flatMap((g) => allAgencies(g.summary))];
}

/** The summary of a government: its agencies' reports and its lower governments' summaries added. */
export function summarize(
  gov: { orgId: number; orgName: string },
  year: number,
  include: SummaryInclude,
  agencies: readonly AgencyLine[],
  governments: readonly GovernmentLine[],
): Summary {
  const lines = agencies.map((a) => ({ ...a, counted: counts(a.state, include) }));
  const figures = sumFigures([
    ...lines.filter((a) => a.counted).map((a) => a.figures),
    ...governments.map((g) => g.summary.figures),
  ]);
  const pending: Pending[] = [
    ...agencies
      .filter((a) => !counts(a.state, 'accepted'))
      .map((a) => ({ orgId: a.orgId, orgName: a.orgName, state: a.state, government: gov.orgName })),
    ...governments.flatMap((g) => g.summary.pending),
  ];
  return {
    orgId: gov.orgId,
    orgName: gov.orgName,
    year,
    include,
    figures,
    checks: [
      ...checkSummary(figures),
      missingReportsCheck(
        allAgencies({ agencies: lines, governments: [...governments] }).map((a) => ({
          orgName: a.orgName,
          state: a.state,
          received: receivedOf(a.figures),
        })),
      ),
    ],
    agencies: lines,
    governments: [...governments],
    pending,
  };
}
