import type { Check } from './domain/checks.ts';
import type { getReport, listReports } from './service.ts';
import type { ReviewRow } from './store.ts';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentReview(r: ReviewRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    caseNo: r.case_no,
    requestCaseNo: r.request_case_no,
    filedOn: r.filed_on,
    organ: r.organ,
    result: r.result,
    decidedOn: r.decided_on,
    note: r.note,
  };
}

const count = (checks: readonly Check[], level: Check['level']) =>
  checks.filter((c) => !c.ok && c.level === level).length;

export function presentListItem(x: Awaited<ReturnType<typeof listReports>>[number]) {
  return {
    orgId: x.agency.org.id,
    orgName: x.agency.org.name,
    orgKind: x.agency.org.kind,
    state: x.report?.state ?? ('none' as const),
    errors: count(x.checks, 'error'),
    warnings: count(x.checks, 'warning'),
    submittedAt: iso(x.report?.submitted_at),
  };
}

export function presentDetail(d: Awaited<ReturnType<typeof getReport>>) {
  return {
    id: d.report?.id ?? null,
    orgId: d.agency.org.id,
    orgName: d.agency.org.name,
    year: d.year,
    state: d.report?.state ?? ('none' as const),
    figures: d.figures,
    checks: d.checks,
    manual: d.manual.map((m) => ({
      key: m.key,
      value: m.value,
      enteredBy: m.entered_by === null ? null : (d.names.get(m.entered_by) ?? null),
      enteredAt: m.entered_at.toISOString(),
    })),
    narrative: { overview: d.narrative.overview, problems: d.narrative.problems, other: d.narrative.other },
    previous: d.previous,
    reviews: d.reviews.map(presentReview),
    actions: d.actions,
    submittedAt: iso(d.report?.submitted_at),
    acceptedAt: iso(d.report?.accepted_at),
    publishedAt: iso(d.report?.published_at),
    version: d.report?.version ?? 1,
    correctionReason: d.report?.correction_reason ?? null,
    versions: d.versions.map((v) => ({
      id: v.id,
      version: v.version,
      state: v.state,
      publishedAt: iso(v.published_at),
      supersededAt: iso(v.superseded_at),
      correctionReason: v.correction_reason,
    })),
  };
}
