import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { now } from '../../platform/time.ts';
import {
  agencyIdsFor,
  findOrg,
  findOrgByName,
  insertUnitOrg,
  isGroupName,
  matchUnitNames,
  type OrgKind,
  orgNames,
  rememberAlias,
  type UnitCandidate,
  unitCandidates,
  userDisplayNames,
  visibleOrgIds,
} from '../orgs/index.ts';
import { tasksOfPlan } from './assessment.store.ts';
import { assembleDashboard, type Dashboard, unitCounts } from './domain/dashboard.ts';
import {
  type AssignmentRef,
  can,
  defaultPlanOwner,
  inScope,
  type WorkplanAction,
  type WorkplanActor,
} from './domain/policies.ts';
import { type ProgressTotals, progressSnapshot } from './domain/publication.ts';
import { isOverdue } from './domain/status.ts';
import { keepsSuggestion } from './domain/unit-suggestions.ts';
import { distinctUnitNames, planTaskUnits, type Resolution } from './domain/units.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** The actor as the policy sees it: role, organisation, visible organisations and the agencies it acts for. */
export async function scopeOf(db: Db, actor: Actor): Promise<WorkplanActor> {
  const [visible, agencyIds] = await Promise.all([visibleOrgIds(db, actor), agencyIdsFor(db, actor)]);
  return { role: actor.role, orgId: actor.orgId, visible, agencyIds };
}

/**
 * Refuse an action the policy denied on a record: FORBIDDEN when the actor's role may never do it,
 * NOT_FOUND when the role may but the record is outside the actor's reach (ids do not leak).
 */
export function refuse(actor: WorkplanActor, action: WorkplanAction): never {
  throw new AppError(can(actor, action) ? 'NOT_FOUND' : 'FORBIDDEN');
}

const ref = (a: { org_id: number; plan_org_id: number }): AssignmentRef => ({
  orgId: a.org_id,
  planOrgId: a.plan_org_id,
});

/** The plan, when the actor may manage or view it: FORBIDDEN in scope, NOT_FOUND outside it. */
async function requirePlan(db: Db, scope: WorkplanActor, id: number, need: 'plan.manage' | 'plan.view') {
  const plan = await store.findPlan(db, id);
  if (!plan) throw new AppError('NOT_FOUND');
  if (!can(scope, need, { orgId: plan.org_id })) {
    throw new AppError(inScope(scope, plan.org_id) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  return plan;
}

/** The organisation that owns a plan imported by `actor` unless one is named (policy: defaultPlanOwner). */
export async function defaultOwnerOrgId(db: Db, actor: Actor): Promise<number> {
  const org = await findOrg(db, actor.orgId);
  return defaultPlanOwner(actor, org?.serves_org_id ?? null);
}

// ---------------------------------------------------------------------------------------------------
// Import preview and save

export type TaskInput = {
  seq: number;
  section: string | null;
  task: string;
  leadUnits: string[];
  responsibleUnits: string[];
  requirement: string;
  deadlineRaw: string | null;
  due: string | null;
  recurring: boolean;
  dueSuggested: string | null;
};

export type UnitPreview = {
  name: string;
  orgId: number | null;
  orgName: string | null;
  via: 'exact' | 'alias' | 'fuzzy' | null;
  group: boolean;
  tasks: number;
};

/** The organisation a manager imports a plan for; FORBIDDEN for non-managers, NOT_FOUND outside scope. */
export async function requireImporter(db: Db, actor: Actor, ownerOrgId: number) {
  const scope = await scopeOf(db, actor);
  if (!can(scope, 'plan.import', { orgId: ownerOrgId })) refuse(scope, 'plan.import');
  const owner = await findOrg(db, ownerOrgId);
  if (!owner) throw new AppError('NOT_FOUND');
  return owner;
}

/** Match the unit names of parsed tasks for `ownerOrgId` (manager only). */
export async function previewUnits(
  db: Db,
  actor: Actor,
  ownerOrgId: number,
  tasks: readonly Pick<TaskInput, 'leadUnits' | 'responsibleUnits'>[],
): Promise<{ units: UnitPreview[]; candidates: UnitCandidate[]; ownerName: string }> {
  const owner = await requireImporter(db, actor, ownerOrgId);
  const names = distinctUnitNames(tasks);
  const ctx = await unitCandidates(db, ownerOrgId);
  const matches = await suggestUnits(
    db,
    owner,
    names.map((n) => n.name),
    ctx,
  );
  const units = names.map((n, i) => {
    const m = matches[i] as (typeof matches)[number];
    return { name: n.name, orgId: m.orgId, orgName: m.orgName, via: m.via, group: m.group, tasks: n.tasks };
  });
  return { units, candidates: ctx.candidates, ownerName: owner.name };
}

type UnitSuggestion = {
  name: string;
  orgId: number | null;
  orgName: string | null;
  via: 'exact' | 'alias' | 'fuzzy' | null;
  group: boolean;
};

/**
 * The organisation each written unit name is suggested as, for a table `owner` imports: first what the
 * owner chose on an earlier import (remembered: an organisation, or a group name), then the automatic
 * matches the rules allow (never a county's unit to the city's namesake: domain/unit-suggestions.ts).
 */
async function suggestUnits(
  db: Db,
  owner: { id: number; kind: string },
  names: readonly string[],
  ctx: Awaited<ReturnType<typeof unitCandidates>>,
): Promise<UnitSuggestion[]> {
  const remembered = await store.unitMappingsOf(db, owner.id);
  const rememberedIds = [...remembered.values()].filter((id): id is number => id !== null);
  const rememberedNames = await orgNames(db, rememberedIds);
  const rest = names.filter((n) => !remembered.has(n));
  const matches = new Map((await matchUnitNames(db, rest, ctx)).map((m) => [m.name, m]));
  return names.map((name): UnitSuggestion => {
    if (remembered.has(name)) {
      const orgId = remembered.get(name) ?? null;
      return orgId === null
        ? { name, orgId: null, orgName: null, via: null, group: true }
        : {
            name,
            orgId,
            orgName: rememberedNames.get(orgId) ?? null,
            via: rememberedNames.get(orgId) === name ? 'exact' : 'alias',
            group: false,
          };
    }
    const m = matches.get(name);
    const candidate = ctx.candidates.find((c) => c.id === m?.orgId);
    if (m && m.orgId !== null && m.via && candidate && keepsSuggestion(owner, candidate, m.via))
      return { name, orgId: m.orgId, orgName: m.orgName, via: m.via, group: false };
    return { name, orgId: null, orgName: null, via: null, group: isGroupName(name) };
  });
}

export type SavePlanInput = {
  orgId: number;
  year: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
  sourceName: string | null;
  sourceText: string | null;
  tasks: TaskInput[];
  unitMappings: { name: string; orgId: number }[];
  createUnits: { name: string; parentOrgId: number; kind: OrgKind }[];
  /** Names the user marks as group names (kept verbatim with the task, assigned to nobody). */
  groupNames?: string[];
  parentPlanId: number | null;
  /** The plan of an issuer outside the platform (the province's): every unit name is kept verbatim. */
  externalIssuer?: string | null;
};

/**
 * Save an imported plan in one transaction: units created, mappings remembered as aliases, plan,
 * tasks, assignments and group names; audited. `actor` null: seeding / the command line.
 */
export async function savePlan(db: Db, actor: Actor | null, input: SavePlanInput): Promise<{ id: number }> {
  const seqs = new Set<number>();
  for (const [i, t] of input.tasks.entries()) {
    if (seqs.has(t.seq)) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: `tasks.${i}.seq`, message: `序号${t.seq}重复，请修改后再保存` },
      ]);
    }
    seqs.add(t.seq);
  }
  return inTransaction(db, async (tx) => {
    const scope = actor ? await scopeOf(tx, actor) : null;
    if (scope && !can(scope, 'plan.import', { orgId: input.orgId })) refuse(scope, 'plan.import');
    const owner = await findOrg(tx, input.orgId);
    if (!owner) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'orgId', message: '所属机构不存在' }]);
    if (await store.findPlanByTitle(tx, input.orgId, input.year, input.title)) {
      throw new AppError('DUPLICATE', { what: `${owner.name}${input.year}年的“${input.title}”` });
    }
    if (input.parentPlanId !== null) {
      const parent = await store.findPlan(tx, input.parentPlanId);
      // A county's plan may derive from the city's plan (outside the county office's own scope).
      if (!parent) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'parentPlanId', message: '上级工作台账不存在' },
        ]);
      }
    }
    const ctx = await unitCandidates(tx, input.orgId);
    const allowed = new Set([...ctx.candidates.map((c) => c.id), ...(scope?.visible ?? [])]);
    const resolved = new Map<string, Resolution>();

    // 1. Units to create.
    for (const [i, c] of input.createUnits.entries()) {
      const name = c.name.trim();
      if (scope && !inScope(scope, c.parentOrgId)) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: `createUnits.${i}.parentOrgId`, message: '上级机构不在您的管理范围内' },
        ]);
      }
      const existing = await findOrgByName(tx, name, c.parentOrgId);
      const org = existing ?? (await insertUnitOrg(tx, { name, parentId: c.parentOrgId, kind: c.kind }));
      if (!existing) {
        await recordAudit(tx, {
          actorId: actor?.id ?? null,
          action: 'org.create',
          subjectType: 'org',
          subjectId: org.id,
          after: { ...org, via: 'workplan.import' },
        });
      }
      resolved.set(name, { orgId: org.id, orgName: org.name });
      allowed.add(org.id);
    }
    for (const g of input.groupNames ?? [])
      if (!resolved.has(g.trim())) resolved.set(g.trim(), { group: true });
    // 2. Explicit mappings, remembered.
    const mappedIds = [...new Set(input.unitMappings.map((m) => m.orgId))];
    const mappedOrgs = await orgNames(tx, mappedIds);
    const remembered: { alias: string; orgId: number }[] = [];
    for (const [i, m] of input.unitMappings.entries()) {
      const name = m.name.trim();
      const orgName = mappedOrgs.get(m.orgId);
      if (orgName === undefined || (scope && !allowed.has(m.orgId))) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: `unitMappings.${i}.orgId`, message: `“${name}”对应的机构不存在或不在管理范围内` },
        ]);
      }
      if (resolved.has(name)) continue;
      resolved.set(name, { orgId: m.orgId, orgName });
      if (name !== orgName) {
        await rememberAlias(tx, { alias: name, orgId: m.orgId, createdBy: actor?.id ?? null });
        remembered.push({ alias: name, orgId: m.orgId });
      }
    }
    // 3. Remembered and automatic matching, and group names, for the rest.
    const rest = distinctUnitNames(input.tasks)
      .map((n) => n.name)
      .filter((n) => !resolved.has(n));
    for (const m of await suggestUnits(tx, owner, rest, ctx)) {
      if (m.orgId !== null && m.orgName !== null)
        resolved.set(m.name, { orgId: m.orgId, orgName: m.orgName });
      else if (m.group) resolved.set(m.name, { group: true });
    }
    // The choices made in this import, remembered for the owner's next ones.
    await store.rememberUnitMappings(
      tx,
      input.orgId,
      [
        ...input.createUnits.map((c) => c.name.trim()),
        ...input.unitMappings.map((m) => m.name.trim()),
        ...(input.groupNames ?? []).map((g) => g.trim()),
      ].flatMap((name) => {
        const r = resolved.get(name);
        return r ? [{ name, orgId: 'group' in r ? null : r.orgId }] : [];
      }),
      actor?.id ?? null,
    );
    // An external plan (the province's) names units outside the platform: kept verbatim, assigned to nobody.
    if (input.externalIssuer)
      for (const n of distinctUnitNames(input.tasks))
        if (!resolved.has(n.name)) resolved.set(n.name, { group: true });
    const unresolved = new Set<string>();
    const planned = input.tasks.map((t) => {
      const p = planTaskUnits(t, (n) => resolved.get(n) ?? null);
      for (const n of p.unresolved) unresolved.add(n);
      return { task: t, ...p };
    });
    if (unresolved.size > 0) {
      const names = [...unresolved];
      throw new AppError('WORKPLAN_UNITS_UNMAPPED', { names }, [
        { path: 'units', message: `以下单位尚未对应到机构：${names.join('、')}` },
      ]);
    }

    const plan = await store.insertPlan(tx, {
      orgId: input.orgId,
      year: input.year,
      title: input.title,
      docNumber: input.docNumber,
      issuer: input.issuer,
      issuedDate: input.issuedDate,
      sourceName: input.sourceName,
      sourceText: input.sourceText,
      parentPlanId: input.parentPlanId,
      createdBy: actor?.id ?? null,
      externalIssuer: input.externalIssuer ?? null,
    });
    const taskIds = await store.insertTasks(tx, plan.id, input.tasks);
    const assignments: store.NewAssignment[] = [];
    const groups: { taskId: number; name: string; role: store.AssignmentRole; sortOrder: number }[] = [];
    for (const p of planned) {
      const taskId = taskIds.get(p.task.seq) as number;
      for (const a of p.assignments) assignments.push({ taskId, ...a });
      for (const g of p.groups) groups.push({ taskId, ...g });
    }
    await store.insertAssignments(tx, assignments);
    await store.insertGroups(tx, groups);
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'workplan.plan.create',
      subjectType: 'work_plan',
      subjectId: plan.id,
      after: {
        orgId: plan.org_id,
        year: plan.year,
        title: plan.title,
        docNumber: plan.doc_number,
        sourceName: plan.source_name,
        tasks: input.tasks.length,
        assignments: assignments.length,
        groups: groups.length,
        aliases: remembered,
        createdUnits: input.createUnits.map((c) => c.name),
      },
    });
    return { id: plan.id };
  });
}

// ---------------------------------------------------------------------------------------------------
// Plans

export async function listPlans(
  db: Db,
  actor: Actor,
  f: { orgId?: number; year?: number },
  today: string,
): Promise<store.PlanSummaryRow[]> {
  const scope = await scopeOf(db, actor);
  const visible = [...scope.visible];
  // For managers and approvers, the plans their organisations own (all figures) …
  const owned = can(scope, 'plan.view')
    ? await store.planSummaries(db, { ownerOrgIds: visible, ...f }, today)
    : [];
  // … and the other plans in which the actor's organisations have tasks (their figures only; an owned
  // plan is not summarised twice: a plan of 2,000 tasks × 50 units is 100,000 parts to count).
  const exceptPlanIds = owned.map((p) => p.id);
  const assigned = await store.planSummaries(db, { assigneeOrgIds: visible, exceptPlanIds, ...f }, today);
  return [...owned, ...assigned].sort((a, b) => b.year - a.year || a.org_id - b.org_id || b.id - a.id);
}

export async function planSummary(db: Db, planId: number, today: string): Promise<store.PlanSummaryRow> {
  const [row] = await store.planSummaries(db, { planId }, today);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export type PlanDetail = {
  plan: store.WorkPlanRow & { org_name: string };
  canManage: boolean;
  /** The latest published 落实情况 (what the portal shows), if any. */
  progress: { asOf: string; publishedAt: Date } | null;
  tasks: (store.WorkTaskRow & {
    assignments: (Awaited<ReturnType<typeof store.planAssignments>>[number] & { overdue: boolean })[];
    groups: string[];
  })[];
};

type PlanTaskView = PlanDetail['tasks'][number];

/** Who may read the plan, and whether they see all of it (`full`) or only their units' parts. */
async function planAccess(db: Db, actor: Actor, id: number) {
  const scope = await scopeOf(db, actor);
  const plan = await store.findPlan(db, id);
  if (!plan) throw new AppError('NOT_FOUND');
  const full = can(scope, 'plan.view', { orgId: plan.org_id });
  const orgIds = full ? undefined : [...scope.visible];
  if (orgIds && !(await store.hasPartOf(db, id, orgIds))) throw new AppError('NOT_FOUND');
  return { scope, plan, full, orgIds };
}

/** Tasks with their (visible) units' parts and their groups. */
async function withParts(
  db: Db,
  planId: number,
  tasks: store.WorkTaskRow[],
  access: { full: boolean; orgIds?: number[] },
  today: string,
  only?: number[],
): Promise<PlanTaskView[]> {
  const [assignments, groups] = await Promise.all([
    store.planAssignments(db, planId, access.orgIds, only),
    access.full ? store.planGroups(db, planId, only) : Promise.resolve([]),
  ]);
  const byTask = new Map<number, PlanTaskView['assignments']>();
  for (const a of assignments) {
    const list = byTask.get(a.task_id) ?? [];
    list.push({
      ...a,
      overdue: isOverdue({ status: a.status, reviewState: a.review_state, due: a.due }, today),
    });
    byTask.set(a.task_id, list);
  }
  const groupsByTask = new Map<number, string[]>();
  for (const g of groups) {
    const list = groupsByTask.get(g.task_id) ?? [];
    list.push(g.name);
    groupsByTask.set(g.task_id, list);
  }
  return tasks
    .filter((t) => access.full || byTask.has(t.id))
    .map((t) => ({ ...t, assignments: byTask.get(t.id) ?? [], groups: groupsByTask.get(t.id) ?? [] }));
}

/** A plan with every task (`tasks: false`: its head only, for a page that loads the tasks a page at a time). */
export async function getPlan(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
  opts: { tasks?: boolean } = {},
): Promise<PlanDetail> {
  const access = await planAccess(db, actor, id);
  const { plan, scope } = access;
  const [owner, progress, tasks] = await Promise.all([
    findOrg(db, plan.org_id),
    store.latestProgressSnapshot(db, id),
    opts.tasks === false
      ? Promise.resolve([])
      : store.planTasks(db, id).then((rows) => withParts(db, id, rows, access, today)),
  ]);
  return {
    plan: { ...plan, org_name: owner?.name ?? '' },
    canManage: can(scope, 'plan.manage', { orgId: plan.org_id }),
    progress: progress ? { asOf: progress.as_of, publishedAt: progress.published_at } : null,
    tasks,
  };
}

/** One page of a plan's task list, filtered and searched by the database. */
export async function getPlanTasks(
  db: Db,
  actor: Actor,
  id: number,
  q: { filter: store.TaskFilter; keyword: string; page: number; pageSize: number },
  today: string,
): Promise<{ total: number; tasks: PlanTaskView[] }> {
  const access = await planAccess(db, actor, id);
  const page = await store.planTaskPage(db, id, {
    orgIds: access.orgIds,
    filter: q.filter,
    keyword: q.keyword,
    today,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  const ids = page.rows.map((t) => t.id);
  return { total: page.total, tasks: await withParts(db, id, page.rows, access, today, ids) };
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  id: number,
  patch: { published?: boolean; title?: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const scope = await scopeOf(tx, actor);
    const before = await requirePlan(tx, scope, id, 'plan.manage');
    if (patch.title !== undefined && patch.title !== before.title) {
      if (await store.findPlanByTitle(tx, before.org_id, before.year, patch.title)) {
        throw new AppError('DUPLICATE', { what: `${before.year}年的“${patch.title}”` });
      }
    }
    const after = await store.updatePlanRow(tx, id, {
      ...(patch.published !== undefined ? { published: patch.published } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.plan.update',
      subjectType: 'work_plan',
      subjectId: id,
      before: { title: before.title, published: before.published },
      after: { title: after.title, published: after.published },
    });
  });
}

/**
 * Publishes the plan's 落实情况 as of `today`: the portal shows this snapshot (with its date) until the
 * next one, never the live state. The plan's managers publish it.
 */
export async function publishProgress(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<{ asOf: string; publishedAt: Date; totals: ProgressTotals }> {
  return inTransaction(db, async (tx) => {
    const scope = await scopeOf(tx, actor);
    await requirePlan(tx, scope, id, 'plan.manage');
    const tasks = await tasksOfPlan(tx, id);
    const snapshot = progressSnapshot(
      tasks.map((t) => ({ id: t.id, due: t.due, assignments: t.assignments })),
      today,
    );
    const row = await store.insertProgressSnapshot(tx, id, snapshot, { by: actor.id, at: now() });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.progress.publish',
      subjectType: 'work_plan',
      subjectId: id,
      after: { asOf: snapshot.asOf, ...snapshot.totals },
    });
    return { asOf: row.as_of, publishedAt: row.published_at, totals: snapshot.totals };
  });
}

/** At most this many overdue items are listed (all are counted). */
export const OVERDUE_LIST_LIMIT = 500;

export async function planDashboard(db: Db, actor: Actor, id: number, today: string): Promise<Dashboard> {
  const scope = await scopeOf(db, actor);
  await requirePlan(db, scope, id, 'plan.view');
  return dashboardOf(db, id, today);
}

/** The dashboard of a plan, without authorisation (callers check). */
export async function dashboardOf(db: Db, id: number, today: string): Promise<Dashboard> {
  const counts = await store.dashboardCounts(db, id, today);
  const [overdue, tasks, overdueTasks, names] = await Promise.all([
    store.overdueAssignments(db, id, today, OVERDUE_LIST_LIMIT),
    store.countTasks(db, id),
    store.countOverdueTasks(db, id, today),
    orgNames(
      db,
      counts.map((c) => c.org_id),
    ),
  ]);
  return assembleDashboard(
    unitCounts(
      counts.map((c) => ({
        orgId: c.org_id,
        status: c.status,
        reviewState: c.review_state,
        past: c.past,
        n: c.n,
      })),
      names,
    ),
    overdue.map((o) => ({
      assignmentId: o.assignment_id,
      taskId: o.task_id,
      seq: o.seq,
      task: o.task,
      orgId: o.org_id,
      orgName: o.org_name,
      due: o.due,
      status: o.status,
      reviewState: o.review_state,
    })),
    { total: tasks, overdue: overdueTasks },
    today,
  );
}

/** The plan for export (view rights), with all it needs. */
export async function planForExport(db: Db, actor: Actor, id: number, today: string) {
  const detail = await getPlan(db, actor, id, today);
  const scope = await scopeOf(db, actor);
  if (!can(scope, 'plan.view', { orgId: detail.plan.org_id })) throw new AppError('FORBIDDEN');
  const ids = detail.tasks.flatMap((t) => t.assignments.map((a) => a.id));
  const progress = await store.listProgress(db, ids);
  const latest = new Map<number, store.WorkProgressRow>();
  for (const p of progress) if (!latest.has(p.assignment_id)) latest.set(p.assignment_id, p);
  const files = await store.filesByIds(db, [...new Set([...latest.values()].flatMap((p) => p.file_ids))]);
  const groupRows = await store.planGroups(db, id);
  return { detail, latest, files: new Map(files.map((f) => [f.id, f])), groupRows };
}

// ---------------------------------------------------------------------------------------------------
// Assignments and progress

export async function myTasks(
  db: Db,
  actor: Actor,
  f: { orgId?: number; year?: number; status?: store.WorkStatus },
): Promise<store.AssignmentViewRow[]> {
  const scope = await scopeOf(db, actor);
  let orgIds = [actor.orgId];
  if (f.orgId !== undefined) {
    if (!can(scope, 'assignment.list', { orgId: f.orgId })) throw new AppError('NOT_FOUND');
    orgIds = [f.orgId];
  }
  return store.listAssignmentViews(db, { orgIds, year: f.year, status: f.status });
}

/** Reports awaiting the actor's review (managers), across the plans they manage or of one plan. */
export async function reviewQueue(db: Db, actor: Actor, f: { planId?: number }) {
  const scope = await scopeOf(db, actor);
  if (!can(scope, 'progress.review')) throw new AppError('FORBIDDEN');
  return store.reviewQueue(db, { planOrgIds: [...scope.visible], planId: f.planId });
}

export type AssignmentDetail = {
  assignment: store.AssignmentViewRow;
  otherUnits: { org_id: number; org_name: string; role: store.AssignmentRole }[];
  progress: store.WorkProgressRow[];
  files: Map<number, { id: number; name: string; size: number; mime: string }>;
  users: Map<number, string>;
  canSubmit: boolean;
  canReview: boolean;
};

export async function getAssignment(db: Db, actor: Actor, id: number): Promise<AssignmentDetail> {
  const scope = await scopeOf(db, actor);
  const a = await store.findAssignmentView(db, id);
  if (!a || !can(scope, 'assignment.view', ref(a))) throw new AppError('NOT_FOUND');
  const [units, progress] = await Promise.all([store.taskUnits(db, a.task_id), store.listProgress(db, [id])]);
  const files = await store.filesByIds(db, [...new Set(progress.flatMap((p) => p.file_ids))]);
  const users = await userDisplayNames(
    db,
    progress.flatMap((p) => [p.submitted_by, p.reviewed_by]).filter((u): u is number => u !== null),
  );
  return {
    assignment: a,
    otherUnits: units.filter((u) => u.id !== a.id),
    progress,
    files: new Map(files.map((f) => [f.id, f])),
    users,
    canSubmit:
      can(scope, 'progress.submit', ref(a)) && !(a.status === 'done' && a.review_state === 'accepted'),
    canReview: a.review_state === 'submitted' && can(scope, 'progress.review', ref(a)),
  };
}

export type ProgressInput = {
  text: string;
  links: store.EvidenceLink[];
  fileIds: number[];
  status: store.WorkStatus;
};

export async function submitProgress(
  db: Db,
  actor: Actor,
  assignmentId: number,
  input: ProgressInput,
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const scope = await scopeOf(tx, actor);
    const view = await store.findAssignmentView(tx, assignmentId);
    if (!view || !can(scope, 'assignment.view', ref(view))) throw new AppError('NOT_FOUND');
    if (!can(scope, 'progress.submit', ref(view))) throw new AppError('FORBIDDEN');
    const a = await store.lockAssignment(tx, assignmentId);
    if (!a) throw new AppError('NOT_FOUND');
    if (a.status === 'done' && a.review_state === 'accepted') throw new AppError('WORKPLAN_ALREADY_ACCEPTED');
    const fileIds = [...new Set(input.fileIds)];
    if (fileIds.length > 0) {
      const files = await store.filesByIds(tx, fileIds);
      const own = new Set(files.filter((f) => f.created_by === actor.id).map((f) => f.id));
      if (fileIds.some((f) => !own.has(f))) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'fileIds', message: '佐证材料文件不存在或不是您上传的，请重新上传' },
        ]);
      }
    }
    const row = await store.insertProgress(tx, {
      assignmentId,
      text: input.text,
      links: input.links,
      fileIds,
      status: input.status,
      submittedBy: actor.id,
      submittedAt: now,
    });
    await store.updateAssignmentRow(tx, assignmentId, {
      status: input.status,
      review_state: 'submitted',
      last_submitted_at: now,
      accepted_at: null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.progress.submit',
      subjectType: 'work_assignment',
      subjectId: assignmentId,
      before: { status: a.status, reviewState: a.review_state },
      after: { progressId: row.id, status: input.status, reviewState: 'submitted', files: fileIds },
    });
  });
}

export async function reviewProgress(
  db: Db,
  actor: Actor,
  progressId: number,
  input: { decision: 'accepted' | 'returned'; comment: string | null },
  now = new Date(),
): Promise<number> {
  if (input.decision === 'returned' && !input.comment) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'comment', message: '退回时请填写退回意见' }]);
  }
  return inTransaction(db, async (tx) => {
    const scope = await scopeOf(tx, actor);
    const p = await store.findProgress(tx, progressId);
    if (!p) throw new AppError('NOT_FOUND');
    const view = await store.findAssignmentView(tx, p.assignment_id);
    if (!view || !can(scope, 'assignment.view', ref(view))) throw new AppError('NOT_FOUND');
    if (!can(scope, 'progress.review', ref(view))) throw new AppError('FORBIDDEN');
    const a = await store.lockAssignment(tx, p.assignment_id);
    const latest = await store.latestProgressId(tx, p.assignment_id);
    if (!a || p.decision !== null || latest?.id !== p.id || a.review_state !== 'submitted') {
      throw new AppError('WORKPLAN_REVIEW_NOT_PENDING');
    }
    await store.reviewProgressRow(tx, p.id, {
      decision: input.decision,
      comment: input.comment,
      reviewedBy: actor.id,
      at: now,
    });
    await store.updateAssignmentRow(tx, a.id, {
      review_state: input.decision,
      accepted_at: input.decision === 'accepted' ? now : null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.progress.review',
      subjectType: 'work_assignment',
      subjectId: a.id,
      before: { reviewState: a.review_state },
      after: { progressId: p.id, decision: input.decision, comment: input.comment },
    });
    return a.id;
  });
}

/** A file attached to a progress report, for someone who may see the assignment. */
export async function progressFile(db: Db, actor: Actor, progressId: number, fileId: number) {
  const p = await store.findProgress(db, progressId);
  if (!p?.file_ids.includes(fileId)) throw new AppError('NOT_FOUND');
  const scope = await scopeOf(db, actor);
  const view = await store.findAssignmentView(db, p.assignment_id);
  if (!view || !can(scope, 'assignment.view', ref(view))) throw new AppError('NOT_FOUND');
  const [file] = await store.filesByIds(db, [fileId]);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Command line: `gongkai plan import FILE --org ORG [--year Y]`

/** The plan title from the notice title: 关于印发《X》的通知 → X. */
export function planTitleOf(noticeTitle: string | null, year: number): string {
  const t = (noticeTitle ?? '').replace(/\s+/g, '');
  const m = /^关于印发《?(.+?)》?的通知$/.exec(t);
  return (m?.[1] ?? t) || `${year}年工作任务分解表`;
}

export type ImportFileResult =
  | { ok: true; id: number; tasks: number; orgName: string; year: number; title: string }
  | { ok: false; reason: 'org' | 'year' | 'units'; names?: string[] };

/**
 * Import a parsed task table as `orgRef`'s plan (an organisation id or exact name), as the command
 * line does: units matched automatically; nothing is saved while any name is unknown.
 */
export async function importParsedPlan(
  db: Db,
  input: {
    parsed: {
      doc: {
        title: string | null;
        issuer: string | null;
        docNumber: string | null;
        issuedDate: string | null;
        year: number | null;
      };
      tasks: (Omit<TaskInput, 'dueSuggested'> & { dueSuggested?: string | null })[];
      sourceText: string;
    };
    fileName: string;
    orgRef: string;
    year?: number;
  },
): Promise<ImportFileResult> {
  const ref = input.orgRef.trim();
  const org = /^\d+$/.test(ref) ? await findOrg(db, Number(ref)) : await findOrgByName(db, ref);
  if (!org) return { ok: false, reason: 'org' };
  const year = input.year ?? input.parsed.doc.year;
  if (!year) return { ok: false, reason: 'year' };
  const names = distinctUnitNames(input.parsed.tasks).map((n) => n.name);
  const matches = await suggestUnits(db, org, names, await unitCandidates(db, org.id));
  const unknown = matches.filter((m) => m.orgId === null && !m.group).map((m) => m.name);
  if (unknown.length > 0) return { ok: false, reason: 'units', names: unknown };
  const title = planTitleOf(input.parsed.doc.title, year);
  const { id } = await savePlan(db, null, {
    orgId: org.id,
    year,
    title,
    docNumber: input.parsed.doc.docNumber,
    issuer: input.parsed.doc.issuer,
    issuedDate: input.parsed.doc.issuedDate,
    sourceName: input.fileName,
    sourceText: input.parsed.sourceText,
    tasks: input.parsed.tasks.map((t) => ({ ...t, dueSuggested: t.dueSuggested ?? null })),
    unitMappings: [],
    createUnits: [],
    parentPlanId: null,
  });
  return { ok: true, id, tasks: input.parsed.tasks.length, orgName: org.name, year, title };
}
