import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/sources');

let t: TestApp;
let office: Client;
let handler: Client;
let handler2: Client;
let city: number;
let education: number;
let finance: number;

function multipart(parts: { name: string; value: string | Buffer; filename?: string }[]) {
  const boundary = '----gongkai-workplan-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename
      ? `form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream`
      : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(typeof p.value === 'string' ? Buffer.from(p.value) : p.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function preview(
  c: Client,
  file: string | Buffer,
  fileName: string,
  fields: Record<string, string> = {},
) {
  const bytes = typeof file === 'string' ? await readFile(path.join(SEEDS, file)) : file;
  const m = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', value: bytes, filename: fileName },
  ]);
  return c.send('POST', '/api/workplan/import/preview', m.body, m.headers);
}

/** A small hand-made plan: lead/responsible units, a group, dates around today. */
function smallPlan(title: string, units: { lead: string[]; resp: string[] }[]) {
  return {
    orgId: city,
    year: 2024,
    title,
    tasks: units.map((u, i) => ({
      seq: i + 1,
      section: '一、重点工作',
      task: `任务${i + 1}`,
      leadUnits: u.lead,
      responsibleUnits: u.resp,
      requirement: `具体要求${i + 1}`,
      deadlineRaw: i === 0 ? '2024年6月底前' : null,
      due: i === 0 ? '2024-06-30' : i === 1 ? '2999-12-31' : null,
      recurring: false,
    })),
  };
}

before(async () => {
  t = await createTestApp();
  [office, handler, handler2] = await Promise.all([t.as('t_office'), t.as('t_handler'), t.as('t_handler2')]);
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
});
after(() => t.close());

test('preview of a seed table uploaded over HTTP: parsed rows, matched and group units', async () => {
  const res = await preview(office, 'jining-2022.txt', 'jining-2022.txt');
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.ownerOrgId, city);
  assert.equal(p.ownerOrgName, '济宁市人民政府');
  assert.equal(p.parsed.tasks.length, 84);
  const unit = (name: string) => p.units.find((u: { name: string }) => u.name === name);
  assert.deepEqual(unit('市教育局'), {
    name: '市教育局',
    orgId: education,
    orgName: '市教育局',
    via: 'exact',
    group: false,
    tasks: unit('市教育局').tasks,
  });
  assert.ok(unit('市教育局').tasks > 0);
  assert.equal(unit('各县（市、区）政府（管委会）').group, true);
  assert.equal(unit('各县（市、区）政府（管委会）').orgId, null);
  // Not in the demo directory: must be mapped or created before saving.
  assert.equal(unit('市档案馆').orgId, null);
  assert.equal(unit('市档案馆').group, false);
  assert.ok(p.candidates.some((c: { id: number }) => c.id === finance));
});

test('preview: a unit user may not import; a file that is not a table gets a Chinese error', async () => {
  const denied = await preview(handler, 'jining-2022.txt', 'jining-2022.txt');
  assert.equal(denied.statusCode, 403);
  const notTable = await preview(
    office,
    Buffer.from('这是一份普通的通知，没有任何表格。\n请各单位认真落实。\n'),
    'note.txt',
  );
  assert.equal(notTable.json().error.code, 'PLAN_NOT_A_TASK_TABLE', notTable.body);
  assert.equal(notTable.statusCode, 422);
  assert.match(notTable.json().error.message, /没有找到工作任务分解表/);
  const noFile = multipart([{ name: 'year', value: '2022' }]);
  const r = await office.send('POST', '/api/workplan/import/preview', noFile.body, noFile.headers);
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'WORKPLAN_FILE_REQUIRED');
});

test('save: unknown units must be mapped or created; the mapping is remembered as an alias', async () => {
  const body = smallPlan('2024年测试任务分解表', [
    { lead: ['市发改委办公室'], resp: ['市教育局', '市新设数据局', '济宁高新区'] },
    { lead: [], resp: ['市财政局', '各县（市、区）政府（管委会）'] },
  ]);
  const missing = await office.send('POST', '/api/workplan/plans', body);
  assert.equal(missing.statusCode, 400, missing.body);
  const err = missing.json().error;
  assert.equal(err.code, 'WORKPLAN_UNITS_UNMAPPED');
  assert.match(err.message, /市发改委办公室/);
  assert.match(err.message, /市新设数据局/);

  const development = await orgIdByName(t.db, '市发展改革委');
  const saved = await office.send('POST', '/api/workplan/plans', {
    ...body,
    unitMappings: [{ name: '市发改委办公室', orgId: development }],
    createUnits: [{ name: '市新设数据局', parentOrgId: city, kind: 'department' }],
    groupNames: ['济宁高新区'],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const planId = saved.json().id;
  const detail = (await office.get(`/api/workplan/plans/${planId}`)).json();
  assert.equal(detail.tasks.length, 2);
  const first = detail.tasks[0];
  assert.deepEqual(
    first.assignments.map((a: { orgName: string; role: string; unitText: string | null }) => [
      a.orgName,
      a.role,
      a.unitText,
    ]),
    [
      ['市发展改革委', 'lead', '市发改委办公室'],
      ['市教育局', 'responsible', null],
      ['市新设数据局', 'responsible', null],
    ],
  );
  assert.deepEqual(first.groups, ['济宁高新区']);
  assert.deepEqual(detail.tasks[1].groups, ['各县（市、区）政府（管委会）']);

  // The alias is remembered: a new preview of a table naming 市发改委办公室 matches it.
  const aliases = (await office.get('/api/orgs/aliases')).json();
  assert.ok(
    aliases.some(
      (a: { alias: string; orgId: number }) => a.alias === '市发改委办公室' && a.orgId === development,
    ),
  );
  const table = [
    '附件',
    '2025年测试任务分解表',
    '序号\t工作任务\t责任单位\t完成时限',
    '1\t做好政策解读\t市发改委办公室、市新设数据局\t2025年底',
    '2\t做好数据开放\t市教育局\t2025年6月底前',
  ].join('\n');
  const again = await preview(office, Buffer.from(table), 'test.txt', { year: '2025' });
  assert.equal(again.statusCode, 200, again.body);
  const units = again.json().units;
  const byName = (n: string) => units.find((u: { name: string }) => u.name === n);
  assert.equal(byName('市发改委办公室')?.via, 'alias');
  assert.equal(byName('市发改委办公室')?.orgId, development);
  assert.equal(byName('市新设数据局')?.via, 'exact');

  // Same organisation, year and title again → conflict.
  const dup = await office.send('POST', '/api/workplan/plans', {
    ...body,
    unitMappings: [{ name: '市发改委办公室', orgId: development }],
  });
  assert.equal(dup.statusCode, 409);
});

test('validation errors are in Chinese with field paths', async () => {
  const res = await office.send('POST', '/api/workplan/plans', {
    orgId: city,
    year: 1999,
    title: '',
    tasks: [],
  });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION_FAILED');
  const paths = error.fields.map((f: { path: string }) => f.path);
  assert.ok(
    paths.includes('year') && paths.includes('title') && paths.includes('tasks'),
    JSON.stringify(error),
  );
  for (const f of error.fields) assert.match(f.message, /[\u4e00-\u9fa5]/);
  const dupSeq = await office.send('POST', '/api/workplan/plans', {
    ...smallPlan('重复序号', [{ lead: [], resp: ['市教育局'] }]),
    tasks: [
      { seq: 1, task: '甲', responsibleUnits: ['市教育局'] },
      { seq: 1, task: '乙', responsibleUnits: ['市教育局'] },
    ],
  });
  assert.equal(dupSeq.statusCode, 400);
  assert.match(dupSeq.json().error.fields[0].message, /序号1重复/);
});

test('units see only their own assignments; progress, return, resubmit, accept; dashboard; export', async () => {
  const saved = await office.send(
    'POST',
    '/api/workplan/plans',
    smallPlan('2024年进展测试', [
      { lead: ['市教育局'], resp: ['市财政局'] },
      { lead: [], resp: ['市教育局'] },
      { lead: [], resp: ['市财政局'] },
    ]),
  );
  assert.equal(saved.statusCode, 200, saved.body);
  const planId = saved.json().id;
  const mine = (await handler.get('/api/workplan/my-tasks?year=2024')).json();
  const eduTasks = mine.filter((a: { plan: { id: number } }) => a.plan.id === planId);
  assert.equal(eduTasks.length, 2);
  assert.ok(eduTasks.every((a: { orgId: number }) => a.orgId === education));
  const eduFirst = eduTasks.find((a: { task: { seq: number } }) => a.task.seq === 1);
  assert.equal(eduFirst.overdue, true); // due 2024-06-30, nothing reported
  const financeTasks = (await handler2.get('/api/workplan/my-tasks')).json();
  const financeFirst = financeTasks.find(
    (a: { plan: { id: number }; task: { seq: number } }) => a.plan.id === planId && a.task.seq === 1,
  );

  // Another unit's assignment is invisible, and cannot be reported on.
  assert.equal((await handler.get(`/api/workplan/assignments/${financeFirst.id}`)).statusCode, 404);
  const foreign = await handler.send('POST', `/api/workplan/assignments/${financeFirst.id}/progress`, {
    text: '已完成',
    status: 'done',
  });
  assert.equal(foreign.statusCode, 404);
  // A unit user's view of the plan holds only its own assignments.
  const partial = (await handler.get(`/api/workplan/plans/${planId}`)).json();
  assert.equal(partial.tasks.length, 2);
  assert.ok(
    partial.tasks.every((x: { assignments: { orgId: number }[] }) =>
      x.assignments.every((a) => a.orgId === education),
    ),
  );
  assert.equal(partial.plan.sourceText, null);
  assert.equal((await handler.get(`/api/workplan/plans/${planId}/dashboard`)).statusCode, 404);

  // Progress with an uploaded file and a link.
  const up = multipart([{ name: 'file', value: Buffer.from('%PDF-1.4\n佐证\n'), filename: '佐证.pdf' }]);
  const upRes = await handler.send('POST', '/api/files', up.body, up.headers);
  assert.equal(upRes.statusCode, 200, upRes.body);
  const fileId = upRes.json().items[0].id;
  const badLink = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: '已完成',
    status: 'done',
    links: [{ title: '专栏', url: 'ftp://x' }],
  });
  assert.equal(badLink.statusCode, 400);
  assert.equal(badLink.json().error.fields[0].path, 'links.0.url');
  const empty = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: ' ',
    status: 'done',
  });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().error.fields[0].message, '请填写进展情况');
  const otherFile = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: '已完成',
    status: 'done',
    fileIds: [fileId + 1000],
  });
  assert.equal(otherFile.statusCode, 400);

  let r = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: '已在政府网站公开',
    status: 'done',
    links: [{ title: '专栏', url: 'https://example.gov.cn/a' }],
    fileIds: [fileId],
  });
  assert.equal(r.statusCode, 200, r.body);
  let d = r.json();
  assert.equal(d.assignment.status, 'done');
  assert.equal(d.assignment.reviewState, 'submitted');
  assert.equal(d.progress[0].files[0].name, '佐证.pdf');
  assert.equal(d.canReview, false);
  const firstReport = d.progress[0].id;

  // The office sees it in its review queue and on the assignment, may download the evidence, and
  // returns it with a comment.
  const queue = (await office.get(`/api/workplan/review-queue?planId=${planId}`)).json();
  assert.deepEqual(
    queue.map((q: { id: number; progressId: number }) => [q.id, q.progressId]),
    [[eduFirst.id, firstReport]],
  );
  assert.equal((await handler.get('/api/workplan/review-queue')).statusCode, 403);
  const officeView = (await office.get(`/api/workplan/assignments/${eduFirst.id}`)).json();
  assert.equal(officeView.canReview, true);
  const dl = await office.get(`/api/workplan/progress/${firstReport}/files/${fileId}`);
  assert.equal(dl.statusCode, 200);
  assert.equal((await handler2.get(`/api/workplan/progress/${firstReport}/files/${fileId}`)).statusCode, 404);
  const noComment = await office.send('POST', `/api/workplan/progress/${firstReport}/review`, {
    decision: 'returned',
  });
  assert.equal(noComment.statusCode, 400);
  assert.equal(noComment.json().error.fields[0].message, '退回时请填写退回意见');
  assert.equal(
    (await handler.send('POST', `/api/workplan/progress/${firstReport}/review`, { decision: 'accepted' }))
      .statusCode,
    403,
  );
  r = await office.send('POST', `/api/workplan/progress/${firstReport}/review`, {
    decision: 'returned',
    comment: '请补充发布数量',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().assignment.reviewState, 'returned');
  assert.equal(r.json().progress[0].reviewComment, '请补充发布数量');
  const again = await office.send('POST', `/api/workplan/progress/${firstReport}/review`, {
    decision: 'accepted',
  });
  assert.equal(again.statusCode, 409);

  // Resubmitted and accepted: the assignment is complete and no longer overdue.
  r = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: '已公开，共发布12条',
    status: 'done',
  });
  d = r.json();
  r = await office.send('POST', `/api/workplan/progress/${d.progress[0].id}/review`, {
    decision: 'accepted',
  });
  assert.equal(r.statusCode, 200, r.body);
  d = r.json();
  assert.equal(d.assignment.reviewState, 'accepted');
  assert.equal(d.assignment.overdue, false);
  assert.equal(d.progress.length, 2);
  assert.equal(d.canSubmit, false);
  const more = await handler.send('POST', `/api/workplan/assignments/${eduFirst.id}/progress`, {
    text: '再报',
    status: 'done',
  });
  assert.equal(more.statusCode, 409);

  // Finance reports 长期坚持 on task 3, not reviewed yet.
  const fin3 = financeTasks.find(
    (a: { plan: { id: number }; task: { seq: number } }) => a.plan.id === planId && a.task.seq === 3,
  );
  r = await handler2.send('POST', `/api/workplan/assignments/${fin3.id}/progress`, {
    text: '常态化推进',
    status: 'ongoing',
  });
  assert.equal(r.statusCode, 200, r.body);

  const dash = (await office.get(`/api/workplan/plans/${planId}/dashboard`)).json();
  assert.equal(dash.today, TEST_TODAY);
  assert.deepEqual(dash.totals, {
    tasks: 3,
    assignments: 4,
    done: 1,
    overdueTasks: 1,
    overdue: 1,
    completionRate: 0.25,
  });
  assert.deepEqual(dash.byStatus, { not_started: 2, in_progress: 0, done: 1, ongoing: 1 });
  const eduRow = dash.byUnit.find((u: { orgId: number }) => u.orgId === education);
  assert.deepEqual(eduRow, {
    orgId: education,
    orgName: '市教育局',
    total: 2,
    done: 1,
    inProgress: 0,
    notStarted: 1,
    ongoing: 0,
    overdue: 0,
    submitted: 0,
    completionRate: 0.5,
  });
  const finRow = dash.byUnit.find((u: { orgId: number }) => u.orgId === finance);
  assert.equal(finRow.overdue, 1);
  assert.equal(finRow.submitted, 1);
  assert.equal(finRow.ongoing, 1);
  assert.deepEqual(
    dash.overdue.map((o: { seq: number; orgName: string; due: string }) => [o.seq, o.orgName, o.due]),
    [[1, '市财政局', '2024-06-30']],
  );

  const list = (await office.get('/api/workplan/plans?year=2024')).json();
  const summary = list.find((p: { id: number }) => p.id === planId);
  assert.deepEqual(
    { tasks: summary.tasks, assignments: summary.assignments, done: summary.done, overdue: summary.overdue },
    { tasks: 3, assignments: 4, done: 1, overdue: 1 },
  );
  const unitList = (await handler.get('/api/workplan/plans?year=2024')).json();
  assert.equal(unitList.find((p: { id: number }) => p.id === planId).assignments, 2);

  // Export: original layout plus status, progress and evidence, read back with exceljs.
  const x = await office.get(`/api/workplan/plans/${planId}/export.xlsx`);
  assert.equal(x.statusCode, 200);
  assert.match(String(x.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('工作台账');
  assert.ok(ws);
  const values = (n: number) =>
    (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v)));
  assert.deepEqual(values(2), [
    '序号',
    '工作任务',
    '牵头单位',
    '责任单位',
    '具体要求',
    '完成时限',
    '状态',
    '进展情况',
    '佐证材料',
  ]);
  assert.equal(values(3)[0], '一、重点工作');
  const row1 = values(4);
  assert.deepEqual(row1.slice(0, 6), ['1', '任务1', '市教育局', '市财政局', '具体要求1', '2024年6月底前']);
  assert.match(row1[6] ?? '', /市教育局：已完成（已通过）/);
  assert.match(row1[6] ?? '', /市财政局：未开始，已逾期/);
  assert.match(row1[7] ?? '', /已公开，共发布12条/);
  const row3 = values(6);
  assert.equal(row3[6], '长期坚持（待审核）');
  assert.equal(row3[7], '常态化推进');

  // Publishing: PATCH by the office; a unit user may not.
  assert.equal(
    (await handler.send('PATCH', `/api/workplan/plans/${planId}`, { published: true })).statusCode,
    404,
  );
  const pub = await office.send('PATCH', `/api/workplan/plans/${planId}`, {
    published: true,
    title: '2024年进展测试（修订）',
  });
  assert.equal(pub.statusCode, 200, pub.body);
  assert.equal(pub.json().published, true);
  assert.equal(pub.json().title, '2024年进展测试（修订）');
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'workplan.%')
    .execute();
  const actions = new Set(audit.map((a) => a.action));
  for (const a of [
    'workplan.plan.create',
    'workplan.progress.submit',
    'workplan.progress.review',
    'workplan.plan.update',
  ]) {
    assert.ok(actions.has(a), a);
  }
});

test('organisation aliases API (orgs module): create, conflict, permissions, delete', async () => {
  const create = await office.send('POST', '/api/orgs/aliases', { alias: '市教体局', orgId: education });
  assert.equal(create.statusCode, 200, create.body);
  const row = create.json();
  assert.deepEqual(
    { alias: row.alias, orgId: row.orgId, orgName: row.orgName },
    {
      alias: '市教体局',
      orgId: education,
      orgName: '市教育局',
    },
  );
  const clash = await office.send('POST', '/api/orgs/aliases', { alias: '市教体局', orgId: finance });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.json().error.message, /市教体局/);
  const same = await office.send('POST', '/api/orgs/aliases', { alias: '市教育局', orgId: education });
  assert.equal(same.statusCode, 400);
  assert.equal(same.json().error.fields[0].message, '简称与机构全称相同，无需添加');
  assert.equal(
    (await handler.send('POST', '/api/orgs/aliases', { alias: '教育局', orgId: education })).statusCode,
    403,
  );
  assert.equal((await handler.send('DELETE', `/api/orgs/aliases/${row.id}`)).statusCode, 403);
  const del = await office.send('DELETE', `/api/orgs/aliases/${row.id}`);
  assert.equal(del.statusCode, 200);
  const left = (await office.get('/api/orgs/aliases')).json();
  assert.ok(!left.some((a: { id: number }) => a.id === row.id));
});
