import { completionRate, isOverdue } from './domain/status.ts';
import type { AssignmentDetail, PlanDetail } from './service.ts';
import type { AssignmentViewRow, PlanSummaryRow, WorkProgressRow } from './store.ts';

function iso(d: Date | string): string;
function iso(d: Date | string | null): string | null;
function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

export function presentPlanSummary(r: PlanSummaryRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    docNumber: r.doc_number,
    parentPlanId: r.parent_plan_id,
    tasks: r.tasks,
    assignments: r.assignments,
    done: r.done,
    overdue: r.overdue,
    completionRate: completionRate(r.done, r.assignments),
    published: r.published,
    createdAt: iso(r.created_at),
  };
}

export function presentPlanDetail(d: PlanDetail) {
  const p = d.plan;
  return {
    plan: {
      id: p.id,
      orgId: p.org_id,
      orgName: p.org_name,
      year: p.year,
      title: p.title,
      docNumber: p.doc_number,
      issuer: p.issuer,
      issuedDate: p.issued_date,
      sourceName: p.source_name,
      sourceText: d.canManage ? p.source_text : null,
      parentPlanId: p.parent_plan_id,
      externalIssuer: p.external_issuer,
      published: p.published,
      createdAt: iso(p.created_at),
      canManage: d.canManage,
      progressAsOf: d.progress?.asOf ?? null,
      progressPublishedAt: d.progress ? iso(d.progress.publishedAt) : null,
    },
    tasks: d.tasks.map(presentPlanTask),
  };
}

/** A task of the plan's table with its units' parts. */
export function presentPlanTask(t: PlanDetail['tasks'][number]) {
  return {
    id: t.id,
    seq: t.seq,
    section: t.section,
    task: t.task,
    requirement: t.requirement,
    deadlineRaw: t.deadline_raw,
    due: t.due,
    recurring: t.recurring,
    dueSuggested: t.due_suggested,
    parentTaskId: t.parent_task_id,
    carriedFromTaskId: t.carried_from_task_id,
    assignments: t.assignments.map((a) => ({
      id: a.id,
      orgId: a.org_id,
      orgName: a.org_name,
      unitText: a.unit_text,
      role: a.role,
      status: a.status,
      reviewState: a.review_state,
      lastSubmittedAt: iso(a.last_submitted_at),
      acceptedAt: iso(a.accepted_at),
      overdue: a.overdue,
    })),
    groups: t.groups,
  };
}

export function presentAssignment(a: AssignmentViewRow, today: string) {
  return {
    id: a.id,
    orgId: a.org_id,
    orgName: a.org_name,
    role: a.role,
    status: a.status,
    reviewState: a.review_state,
    lastSubmittedAt: iso(a.last_submitted_at),
    acceptedAt: iso(a.accepted_at),
    overdue: isOverdue({ status: a.status, reviewState: a.review_state, due: a.due }, today),
    task: {
      id: a.task_id,
      seq: a.seq,
      section: a.section,
      task: a.task,
      requirement: a.requirement,
      deadlineRaw: a.deadline_raw,
      due: a.due,
      recurring: a.recurring,
    },
    plan: {
      id: a.plan_id,
      title: a.plan_title,
      year: a.plan_year,
      orgId: a.plan_org_id,
      orgName: a.plan_org_name,
    },
  };
}

export function presentProgress(
  p: WorkProgressRow,
  files: AssignmentDetail['files'],
  users: Map<number, string>,
) {
  return {
    id: p.id,
    text: p.text,
    links: p.links,
    files: p.file_ids.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id: f.id, name: f.name, size: f.size, mime: f.mime }] : [];
    }),
    status: p.status,
    submittedBy: p.submitted_by,
    submittedByName: p.submitted_by === null ? null : (users.get(p.submitted_by) ?? null),
    submittedAt: iso(p.submitted_at),
    decision: p.decision,
    reviewComment: p.review_comment,
    reviewedBy: p.reviewed_by,
    reviewedByName: p.reviewed_by === null ? null : (users.get(p.reviewed_by) ?? null),
    reviewedAt: iso(p.reviewed_at),
  };
}

export function presentAssignmentDetail(d: AssignmentDetail, today: string) {
  return {
    assignment: presentAssignment(d.assignment, today),
    otherUnits: d.otherUnits.map((u) => ({ orgId: u.org_id, orgName: u.org_name, role: u.role })),
    progress: d.progress.map((p) => presentProgress(p, d.files, d.users)),
    canSubmit: d.canSubmit,
    canReview: d.canReview,
  };
}
