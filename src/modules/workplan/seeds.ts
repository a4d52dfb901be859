import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import {
  findOrgByName,
  findUserByUsername,
  isGroupName,
  matchUnitNames,
  type OrgKind,
  unitCandidates,
  usersOfOrgs,
} from '../orgs/index.ts';
import { tasksOfPlan } from './assessment.store.ts';
import { progressSnapshot } from './domain/publication.ts';
import { distinctUnitNames } from './domain/units.ts';
import { parsePlanFile } from './importers/index.ts';
import { planTitleOf, savePlan } from './service.ts';
import type { EvidenceLink, ReviewState, WorkStatus } from './store.ts';
import { insertProgressSnapshot } from './store.ts';

/** The source documents, committed once for every module's demo data (the same files as ../shared/seeds). */
const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/sources');

type SeedPlan = { file: string; owner: string; year: number };
const PLANS: SeedPlan[] = [
  { file: 'jining-2021.txt', owner: '济宁市人民政府', year: 2021 },
  { file: 'jining-2022.txt', owner: '济宁市人民政府', year: 2022 },
];
// laiwu-2021.txt (莱芜区 belongs to 济南市) stays out of the 济宁 demo: it is importer test input only
// (`laiwu.fixtures.ts` builds its 济南市 › 莱芜区 tree for the tests).

/** A unit name the demo creates as an organisation: development zones as 县级, the rest as departments. */
function kindFor(name: string): OrgKind {
  return /(新区|高新区|开发区|开发区管委会)$/.test(name) ? 'county' : 'department';
}

/** One demo state per position: every state appears for every unit with enough tasks. */
type DemoState = { status: WorkStatus; review: ReviewState; text: string | null };
const CYCLE: DemoState[] = [
  { status: 'done', review: 'accepted', text: '已按要求完成，相关信息已在政府网站政务公开专栏发布。' },
  { status: 'in_progress', review: 'submitted', text: '正在梳理相关信息，已发布部分内容，预计按期完成。' },
  { status: 'not_started', review: 'none', text: null },
  { status: 'done', review: 'returned', text: '已完成。' },
  { status: 'ongoing', review: 'accepted', text: '已建立常态化发布机制，按月更新，长期坚持。' },
  { status: 'done', review: 'submitted', text: '已全部完成，佐证材料见链接。' },
  { status: 'in_progress', review: 'none', text: null },
  { status: 'done', review: 'accepted', text: '已完成并通过公开办审核。' },
];

const RETURN_COMMENT = '佐证材料不足，请补充发布页面链接和具体发布数量后重新报送。';

/**
 * Demo ledger: the 济宁市人民政府 task tables (2021, 2022) as plans, units mapped (unknown ones
 * created), and progress in every state with dates in the plan's year.
 */
export async function seedWorkplan(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('work_plans').select('id').limit(1).executeTakeFirst()) return [];
  if (!(await findOrgByName(db, '济宁市人民政府'))) return [];
  const office = await findUserByUsername(db, 'office');
  const lines: SeedReport = [];
  for (const p of PLANS) {
    const owner = await findOrgByName(db, p.owner);
    if (!owner) throw new Error(`demo organisation missing: ${p.owner}`);
    const parsed = await parsePlanFile(await readFile(path.join(SEEDS_DIR, p.file)), p.file, {
      year: p.year,
    });
    const names = distinctUnitNames(parsed.tasks).map((n) => n.name);
    const matches = await matchUnitNames(db, names, await unitCandidates(db, owner.id));
    const createUnits = matches
      .filter((m) => m.orgId === null && !isGroupName(m.name))
      .map((m) => ({ name: m.name, parentOrgId: owner.id, kind: kindFor(m.name) }));
    const { id } = await savePlan(db, null, {
      orgId: owner.id,
      year: p.year,
      title: planTitleOf(parsed.doc.title, p.year),
      docNumber: parsed.doc.docNumber,
      issuer: parsed.doc.issuer,
      issuedDate: parsed.doc.issuedDate,
      sourceName: p.file,
      sourceText: parsed.sourceText,
      tasks: parsed.tasks.map((t) => ({
        seq: t.seq,
        section: t.section,
        task: t.task,
        leadUnits: t.leadUnits,
        responsibleUnits: t.responsibleUnits,
        requirement: t.requirement,
        deadlineRaw: t.deadlineRaw,
        due: t.due,
        recurring: t.recurring,
        dueSuggested: t.dueSuggested ?? null,
      })),
      unitMappings: [],
      createUnits,
      parentPlanId: null,
    });
    await seedProgress(db, id, p.year, office?.id ?? null);
    if (p.year === 2022) {
      await db.updateTable('work_plans').set({ published: true }).where('id', '=', id).execute();
      // The office published the year-end 落实情况 early the next January.
      const tasks = await tasksOfPlan(db, id);
      await insertProgressSnapshot(db, id, progressSnapshot(tasks, `${p.year}-12-31`), {
        by: office?.id ?? null,
        at: new Date(`${p.year + 1}-01-10T02:00:00Z`),
      });
    }
    lines.push(`工作台账演示：${p.owner} ${p.year}年，${parsed.tasks.length}项任务（${p.file}）`);
  }
  return lines;
}

async function seedProgress(db: Kysely<Database>, planId: number, year: number, reviewerId: number | null) {
  const assignments = await db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .select(['a.id', 'a.org_id', 't.recurring', 't.seq'])
    .where('t.plan_id', '=', planId)
    .orderBy('a.org_id')
    .orderBy('t.seq')
    .execute();
  const submitters = new Map(
    (
      await usersOfOrgs(
        db,
        assignments.map((a) => a.org_id),
      )
    )
      .reverse()
      .map((u) => [u.org_id, u.id]),
  );
  const perOrg = new Map<number, number>();
  const progress: {
    assignment_id: number;
    text: string;
    links: string;
    file_ids: number[];
    status: WorkStatus;
    submitted_by: number | null;
    submitted_at: Date;
    decision: 'accepted' | 'returned' | null;
    review_comment: string | null;
    reviewed_by: number | null;
    reviewed_at: Date | null;
  }[] = [];
  const updates: {
    id: number;
    status: WorkStatus;
    review: ReviewState;
    submitted: Date | null;
    accepted: Date | null;
  }[] = [];
  for (const a of assignments) {
    const n = perOrg.get(a.org_id) ?? 0;
    perOrg.set(a.org_id, n + 1);
    const state = CYCLE[(n + a.org_id) % CYCLE.length] as DemoState;
    if (state.text === null) {
      if (state.status !== 'not_started')
        updates.push({ id: a.id, status: state.status, review: 'none', submitted: null, accepted: null });
      continue;
    }
    // Reports through the year: month 3…11 of the plan year, reviewed five days later.
    const month = 3 + ((a.seq + n) % 9);
    const submittedAt = new Date(Date.UTC(year, month - 1, 5 + (a.id % 20), 2, 30));
    const reviewedAt = new Date(submittedAt.getTime() + 5 * 86_400_000);
    const links: EvidenceLink[] =
      state.status === 'done' || state.status === 'ongoing'
        ? [{ title: '政府网站政务公开专栏', url: 'https://www.jining.gov.cn/col/col2681/index.html' }]
        : [];
    const by = submitters.get(a.org_id) ?? null;
    if (state.review === 'returned') {
      progress.push({
        assignment_id: a.id,
        text: state.text,
        links: JSON.stringify([]),
        file_ids: [],
        status: state.status,
        submitted_by: by,
        submitted_at: submittedAt,
        decision: 'returned',
        review_comment: RETURN_COMMENT,
        reviewed_by: reviewerId,
        reviewed_at: reviewedAt,
      });
    } else {
      progress.push({
        assignment_id: a.id,
        text: state.text,
        links: JSON.stringify(links),
        file_ids: [],
        status: state.status,
        submitted_by: by,
        submitted_at: submittedAt,
        decision: state.review === 'accepted' ? 'accepted' : null,
        review_comment: state.review === 'accepted' ? '审核通过。' : null,
        reviewed_by: state.review === 'accepted' ? reviewerId : null,
        reviewed_at: state.review === 'accepted' ? reviewedAt : null,
      });
    }
    updates.push({
      id: a.id,
      status: state.status,
      review: state.review,
      submitted: submittedAt,
      accepted: state.review === 'accepted' ? reviewedAt : null,
    });
  }
  for (let i = 0; i < progress.length; i += 1000) {
    await db
      .insertInto('work_progress')
      .values(progress.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < updates.length; i += 1000) {
    const values = updates
      .slice(i, i + 1000)
      .map(
        (u) =>
          sql`(${u.id}::int, ${u.status}::text, ${u.review}::text, ${u.submitted?.toISOString() ?? null}::timestamptz, ${u.accepted?.toISOString() ?? null}::timestamptz)`,
      );
    await sql`update work_assignments a set status = v.status, review_state = v.review,
        last_submitted_at = v.submitted, accepted_at = v.accepted
      from (values ${sql.join(values)}) as v(id, status, review, submitted, accepted)
      where a.id = v.id`.execute(db);
  }
}
