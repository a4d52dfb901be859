import type { Check } from '../domain/checks.ts';
import type { Summary } from '../domain/summary/summary.ts';

const failing = (checks: readonly Check[], level: Check['level']) =>
  checks.filter((c) => !c.ok && c.level === level).length;

/** Agencies of a summary and of the summaries below it. */
function agencyCount(s: Summary): number {
  return s.agencies.length + s.governments.reduce((n, g) => n + agencyCount(g.summary), 0);
}

export function presentSummary(s: Summary) {
  return {
    orgId: s.orgId,
    orgName: s.orgName,
    year: s.year,
    include: s.include,
    figures: s.figures,
    checks: s.checks,
    agencies: s.agencies.map((a) => ({
      orgId: a.orgId,
      orgName: a.orgName,
      state: a.state,
      counted: a.counted,
      errors: failing(a.checks, 'error'),
      warnings: failing(a.checks, 'warning'),
    })),
    governments: s.governments.map((g) => {
      const total = agencyCount(g.summary);
      return {
        orgId: g.orgId,
        orgName: g.orgName,
        agencies: total,
        accepted: total - g.summary.pending.length,
        errors: failing(g.summary.checks, 'error'),
      };
    }),
    pending: s.pending,
  };
}
