import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { parseClockStart, setClock } from '../../platform/time.ts';

let t: TestApp;
let office: Client;
let cityApprover: Client;
let city: number;
let edu: number;
let fin: number;
let plan: number;

async function assign(
  seq: number,
  due: string,
  org: number,
  v: { status: string; review: string; acceptedAt?: string },
  reports: { decision: 'accepted' | 'returned'; at: string; links?: number }[] = [],
) {
  let taskId = (
    await t.db
      .selectFrom('work_tasks')
      .select('id')
      .where('plan_id', '=', plan)
      .where('seq', '=', seq)
      .executeTakeFirst()
  )?.id;
  taskId ??= (
    await t.db
      .insertInto('work_tasks')
      .values({ plan_id: plan, seq, task: `任务${seq}`, requirement: '', due })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const a = await t.db
    .insertInto('work_assignments')
    .values({
      task_id: taskId,
      org_id: org,
      role: 'lead',
      status: v.status as never,
      review_state: v.review as never,
      accepted_at: v.acceptedAt ? `${v.acceptedAt}T10:00:00+08:00` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of reports) {
    await t.db
      .insertInto('work_progress')
      .values({
        assignment_id: a.id,
        text: '进展',
        links: JSON.stringify(
          Array.from({ length: r.links ?? 0 }, (_, i) => ({
            title: `材料${i}`,
            url: `https://example.gov.cn/${i}`,
          })),
        ),
        status: 'done',
        decision: r.decision,
        reviewed_at: `${r.at}T10:00:00+08:00`,
      })
      .execute();
  }
}

before(async () => {
  t = await createTestApp();
  // The half-year assessment is made after the half-year, with every record of it in: as of 2026-07-15.
  setClock(parseClockStart('2026-07-15'));
  city = await orgIdByName(t.db, '济宁市人民政府');
  edu = await orgIdByName(t.db, '市教育局');
  fin = await orgIdByName(t.db, '市财政局');
  await createTestUser(t.db, {
    username: 'a_city',
    displayName: '市政府负责人',
    role: 'approver',
    org: city,
  });
  office = await t.as('t_office');
  cityApprover = await t.as('a_city');
  plan = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year: 2026, title: '2026年政务公开工作要点', published: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // 市教育局: two tasks done on time (one with evidence), one returned report.
  await assign(1, '2026-03-31', edu, { status: 'done', review: 'accepted', acceptedAt: '2026-03-20' }, [
    { decision: 'returned', at: '2026-03-10' },
    { decision: 'accepted', at: '2026-03-20', links: 2 },
  ]);
  await assign(2, '2026-06-30', edu, { status: 'ongoing', review: 'accepted', acceptedAt: '2026-06-01' }, [
    { decision: 'accepted', at: '2026-06-01' },
  ]);
  // 市财政局: task 1 late, task 2 still open.
  await assign(1, '2026-03-31', fin, { status: 'done', review: 'accepted', acceptedAt: '2026-04-15' }, [
    { decision: 'accepted', at: '2026-04-15', links: 1 },
  ]);
  await assign(2, '2026-06-30', fin, { status: 'in_progress', review: 'returned' }, [
    { decision: 'returned', at: '2026-06-20' },
  ]);
});
after(() => t.close());

test('rules: defaults until set; invalid values refused in Chinese; handlers may not change them', async () => {
  const res = await office.get(`/api/workplan/score-rules/${city}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().isDefault, true);
  const bad = await office.send('PUT', `/api/workplan/score-rules/${city}`, {
    base: 100,
    onTimePoints: -1,
    evidencePoints: 1,
    overduePenalty: 3,
    returnedPenalty: 1,
    bonusCap: null,
    penaltyCap: null,
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /按时完成加分不能为负数/);
  const handler = await t.as('t_handler');
  const forbidden = await handler.send('PUT', `/api/workplan/score-rules/${city}`, {
    base: 100,
    onTimePoints: 1,
    evidencePoints: 1,
    overduePenalty: 3,
    returnedPenalty: 1,
    bonusCap: null,
    penaltyCap: null,
  });
  assert.equal(forbidden.statusCode, 403);
  const ok = await office.send('PUT', `/api/workplan/score-rules/${city}`, {
    base: 100,
    onTimePoints: 5,
    evidencePoints: 1,
    overduePenalty: 4,
    returnedPenalty: 2,
    bonusCap: 50,
    penaltyCap: null,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().rules.onTimePoints, 5);
});

let assessment: number;

test('a half-year assessment scores each unit from the records and ranks them', async () => {
  const res = await office.send('POST', '/api/workplan/assessments', {
    planId: plan,
    period: { kind: 'midyear', year: 2026 },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assessment = body.assessment.id;
  assert.equal(body.assessment.state, 'draft');
  assert.equal(body.assessment.periodLabel, '2026年上半年');
  assert.equal(body.assessment.planTitle, '2026年政务公开工作要点');
  assert.equal(body.assessment.orgName, '济宁市人民政府');
  // 市教育局: 2 on time ×5 + 1 evidence ×1 − 1 returned ×2 = 109.
  // 市财政局: 0 on time; 1 evidence +1; 2 overdue ×4 (late and open) + 1 returned ×2 = 100 + 1 − 10 = 91.
  assert.deepEqual(
    body.ranking.map(
      (r: { orgName: string; rank: number; score: number; onTime: number; overdue: number }) => [
        r.orgName,
        r.rank,
        r.score,
        r.onTime,
        r.overdue,
      ],
    ),
    [
      ['市教育局', 1, 109, 2, 0],
      ['市财政局', 2, 91, 0, 2],
    ],
  );
  const dup = await office.send('POST', '/api/workplan/assessments', {
    planId: plan,
    period: { kind: 'midyear', year: 2026 },
  });
  assert.equal(dup.statusCode, 409);
  const noMonth = await office.send('POST', '/api/workplan/assessments', {
    planId: plan,
    period: { kind: 'monthly', year: 2026 },
  });
  assert.equal(noMonth.statusCode, 400);
  assert.match(noMonth.body, /月度考核请选择月份/);
});

test('publication needs approval by a 负责人 of the plan’s organisation', async () => {
  const early = await office.send('POST', `/api/workplan/assessments/${assessment}/publish`, {});
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'WORKPLAN_ASSESSMENT_NOT_APPROVED');
  assert.match(early.json().error.message, /尚未经负责人审批同意，不能发布/);

  const submit = await office.send('POST', `/api/workplan/assessments/${assessment}/submit`, {});
  assert.equal(submit.statusCode, 200, submit.body);
  assert.equal(submit.json().assessment.state, 'submitted');
  assert.equal(
    (await office.send('POST', `/api/workplan/assessments/${assessment}/publish`, {})).statusCode,
    409,
  );

  // The office is not a 负责人; the 负责人 of 市教育局 is not the plan's 负责人.
  const byOffice = await office.send('POST', `/api/workplan/assessments/${assessment}/approve`, {});
  assert.equal(byOffice.statusCode, 403);
  assert.equal(byOffice.json().error.code, 'WORKPLAN_APPROVER_REQUIRED');
  const eduApprover = await t.as('t_approver');
  assert.equal(
    (await eduApprover.send('POST', `/api/workplan/assessments/${assessment}/approve`, {})).statusCode,
    403,
  );

  // Returned with a comment, resubmitted, approved.
  const ret = await cityApprover.send('POST', `/api/workplan/assessments/${assessment}/return`, {
    comment: '请核实市财政局逾期情况',
  });
  assert.equal(ret.statusCode, 200, ret.body);
  assert.equal(ret.json().assessment.state, 'draft');
  assert.equal(ret.json().assessment.returnedComment, '请核实市财政局逾期情况');
  assert.equal(
    (await office.send('POST', `/api/workplan/assessments/${assessment}/recompute`, {})).statusCode,
    200,
  );
  assert.equal(
    (await office.send('POST', `/api/workplan/assessments/${assessment}/submit`, {})).statusCode,
    200,
  );
  const approve = await cityApprover.send('POST', `/api/workplan/assessments/${assessment}/approve`, {});
  assert.equal(approve.statusCode, 200, approve.body);
  assert.equal(approve.json().assessment.state, 'approved');

  // Not on the portal before publication.
  const anon = await t.anonymous();
  assert.equal((await anon.get(`/gk/workplans/assessments/${assessment}`)).statusCode, 404);

  const publish = await office.send('POST', `/api/workplan/assessments/${assessment}/publish`, {});
  assert.equal(publish.statusCode, 200, publish.body);
  assert.equal(publish.json().assessment.state, 'published');
  const again = await office.send('POST', `/api/workplan/assessments/${assessment}/publish`, {});
  assert.equal(again.statusCode, 409);

  const actions = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'work_assessment')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    [
      'workplan.assessment.create',
      'workplan.assessment.submit',
      'workplan.assessment.return',
      'workplan.assessment.recompute',
      'workplan.assessment.submit',
      'workplan.assessment.approve',
      'workplan.assessment.publish',
    ],
  );

  const page = await anon.get(`/gk/workplans/assessments/${assessment}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="zh-CN">/);
  assert.match(page.body, /<h1>2026年上半年考核排名<\/h1>/);
  assert.match(page.body, /<caption>2026年政务公开工作要点：/);
  assert.match(page.body, /<tr><td>1<\/td><th scope="row">市教育局<\/th><td>109<\/td>/);
  assert.match(page.body, /<tr><td>2<\/td><th scope="row">市财政局<\/th><td>91<\/td>/);
  const planPage = await anon.get(`/gk/workplans/${plan}`);
  assert.match(planPage.body, new RegExp(`href="/gk/workplans/assessments/${assessment}"`));
  const list = await anon.get('/gk/workplans');
  assert.match(
    list.body,
    new RegExp(
      `<a href="/gk/workplans/assessments/${assessment}">济宁市人民政府：2026年政务公开工作要点 2026年上半年考核排名</a>`,
    ),
  );
});

test('the approver of the organisation sees the assessments of its plans', async () => {
  const res = await cityApprover.get(`/api/workplan/plans/${plan}/assessments`);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().map((a: { id: number; stateLabel: string }) => [a.id, a.stateLabel]),
    [[assessment, '已发布']],
  );
});
