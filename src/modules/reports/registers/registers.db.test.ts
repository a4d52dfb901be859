/**
 * The registers behind the annual report through the API: the review/litigation register (CRUD, its
 * validation, the decision document, deletion refused once counted in a submitted report, a 纠正 ordering a
 * new reply reopening the case with a new deadline) and the complaints register (due dates, states,
 * overdue, the complainant's data, the section 六 prefill).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import {
  applicationBody,
  createTestUser,
  orgIdByName,
  setSignoffChain,
  userIdByUsername,
} from '../../../../test/helpers/factories.ts';
import { now } from '../../../platform/time.ts';

let t: TestApp;
let office: Client;
let approver: Client;
let city: number;
let education: number;
let handlerId: number;
let approverId: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  office = await t.as('t_office');
  approver = await t.as('t_approver');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  handlerId = await userIdByUsername(t.db, 't_handler');
  approverId = await userIdByUsername(t.db, 't_approver');
});
after(() => t.close());

const fields = (res: { json(): { error: { fields?: { path: string; message: string }[] } } }) =>
  Object.fromEntries((res.json().error.fields ?? []).map((f) => [f.path, f.message]));

const review = (over: Record<string, unknown> = {}) => ({
  orgId: education,
  kind: 'review',
  filedOn: '2026-01-05',
  organ: '济宁市人民政府',
  result: 'pending',
  ...over,
});

async function file(mime: string, size: number, by = approverId): Promise<number> {
  const row = await t.db
    .insertInto('files')
    .values({ sha256: 'x'.repeat(64), name: '决定书', mime, size, created_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('the review register: create, read, correct, filter, delete — each with its audit row', async () => {
  const created = await approver.send('POST', '/api/report-reviews', review({ caseNo: '济政复〔2026〕1号' }));
  assert.equal(created.statusCode, 200, created.body);
  const entry = created.json();
  assert.equal(entry.agencyName, '市教育局');
  assert.equal(entry.deletable, true);

  const pdf = await file('application/pdf', 120_000);
  const updated = await approver.send(
    'PUT',
    `/api/report-reviews/${entry.id}`,
    review({ caseNo: '济政复〔2026〕1号', result: 'upheld', decidedOn: '2026-03-02', fileId: pdf }),
  );
  assert.equal(updated.statusCode, 200, updated.body);
  assert.deepEqual([updated.json().result, updated.json().file?.id], ['upheld', pdf]);

  const list = async (q: string) =>
    (await approver.get(`/api/report-reviews?${q}`)).json().items.map((i: { id: number }) => i.id);
  assert.ok((await list(`orgId=${education}&year=2026&result=upheld`)).includes(entry.id));
  assert.ok(!(await list(`orgId=${education}&year=2025`)).includes(entry.id));
  assert.ok(!(await list(`orgId=${education}&result=pending`)).includes(entry.id));

  const deleted = await approver.send('DELETE', `/api/report-reviews/${entry.id}`);
  assert.equal(deleted.statusCode, 200, deleted.body);
  assert.equal((await approver.get(`/api/report-reviews/${entry.id}`)).statusCode, 404);
  const audits = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'report_review')
    .where('subject_id', '=', String(entry.id))
    .execute();
  assert.deepEqual(audits.map((a) => a.action).sort(), [
    'report.review.create',
    'report.review.delete',
    'report.review.update',
  ]);
  // Another department neither sees nor changes the entries of 市教育局.
  const other = await t.as('t_approver2');
  assert.equal((await other.send('POST', '/api/report-reviews', review())).statusCode, 404);
});

test('the review register refuses bad input with the fields named, never a 500', async () => {
  const rows: [string, Record<string, unknown>, Record<string, string>][] = [
    [
      'a result not in the list',
      { result: 'won' },
      { result: '请选择审理结果（维持、纠正、其他、尚未审结）' },
    ],
    [
      'decided before received',
      { result: 'upheld', decidedOn: '2026-01-04' },
      { decidedOn: '审结日期不能早于收到日期' },
    ],
    [
      'an unknown case',
      { requestCaseNo: '2099-000001' },
      { requestCaseNo: '找不到申请编号为“2099-000001”的申请' },
    ],
    [
      'a new reply without its case',
      { result: 'corrected', decidedOn: '2026-02-01', ordersNewReply: true },
      { requestCaseNo: '责令重新答复的案件须关联本平台受理的申请（填写申请编号）' },
    ],
  ];
  for (const [what, over, expected] of rows) {
    const res = await approver.send('POST', '/api/report-reviews', review(over));
    assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
    assert.deepEqual(fields(res), expected, what);
  }
  const big = await file('application/pdf', 20 * 1024 * 1024 + 1);
  const sheet = await file('application/vnd.ms-excel', 1000);
  const foreign = await file('application/pdf', 1000, handlerId);
  for (const [what, fileId, message] of [
    ['too large', big, '决定书文件不能超过20MB'],
    ['a spreadsheet', sheet, '决定书应为PDF、OFD、Word文件或扫描图片（JPG、PNG）'],
    ['someone else’s upload', foreign, '请上传决定书文件'],
  ] as const) {
    const res = await approver.send('POST', '/api/report-reviews', review({ fileId }));
    assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
    assert.deepEqual(fields(res), { fileId: message }, what);
  }
});

test('an entry counted in a submitted report is neither deleted nor moved; its result may still be recorded', async () => {
  const entry = (
    await approver.send('POST', '/api/report-reviews', review({ filedOn: '2025-11-03' }))
  ).json();
  await t.db
    .insertInto('reports')
    .values({
      org_id: education,
      year: 2025,
      state: 'submitted',
      figures: null,
      checks: null,
      submitted_at: now(),
      submitted_by: approverId,
      accepted_at: null,
      accepted_by: null,
      published_at: null,
      published_by: null,
      updated_by: approverId,
    })
    .onConflict((oc) => oc.columns(['org_id', 'year', 'version']).doUpdateSet({ state: 'submitted' }))
    .execute();
  const listed = (await approver.get(`/api/report-reviews?orgId=${education}&year=2025`)).json().items;
  assert.equal(listed.find((i: { id: number }) => i.id === entry.id).deletable, false);
  const del = await approver.send('DELETE', `/api/report-reviews/${entry.id}`);
  assert.equal(del.statusCode, 409, del.body);
  assert.equal(del.json().error.code, 'REGISTER_REVIEW_COUNTED');
  const moved = await approver.send(
    'PUT',
    `/api/report-reviews/${entry.id}`,
    review({ filedOn: '2026-01-02' }),
  );
  assert.equal(moved.statusCode, 409, moved.body);
  const decided = await approver.send(
    'PUT',
    `/api/report-reviews/${entry.id}`,
    review({ filedOn: '2025-11-03', result: 'upheld', decidedOn: '2026-01-20' }),
  );
  assert.equal(decided.statusCode, 200, decided.body);
  await t.db.deleteFrom('reports').where('org_id', '=', education).where('year', '=', 2025).execute();
});

test('a 纠正 ordering a new reply reopens the case: new start, new deadline, history, handler notified', async () => {
  const created = (await office.send('POST', '/api/requests', applicationBody(city))).json();
  const id: number = created.case.id;
  const act = (c: Client, body: Record<string, unknown>) =>
    c.send('POST', `/api/requests/${id}/actions`, body);
  let r = await act(office, { action: 'assign', on: '2024-02-09', unitId: education, handlerId });
  assert.equal(r.statusCode, 200, r.body);
  r = await act(await t.as('t_handler'), {
    action: 'reply',
    on: '2024-03-01',
    outcome: 'DISCLOSE',
    text: '予以公开',
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await act(office, { action: 'archive', on: '2024-03-05' });
  assert.equal(r.statusCode, 200, r.body);

  const body = {
    orgId: city,
    kind: 'review',
    caseNo: '鲁政复〔2024〕8号',
    requestCaseNo: created.case.caseNo,
    filedOn: '2024-04-01',
    organ: '山东省人民政府',
    result: 'corrected',
    decidedOn: '2024-06-03',
    ordersNewReply: true,
  };
  // A decision dated before the case's last entry (archived 2024-03-05) cannot restart its clock.
  const early = await office.send('POST', '/api/report-reviews', {
    ...body,
    filedOn: '2024-03-02',
    decidedOn: '2024-03-04',
  });
  assert.equal(early.statusCode, 400, early.body);
  assert.deepEqual(fields(early), {
    decidedOn: '审结日期早于该申请最后一条办理记录的日期（2024年3月5日），无法据此重新办理，请核对审结日期',
  });
  const res = await office.send('POST', '/api/report-reviews', body);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().caseId, res.json().caseStage], [id, 'processing']);

  const d = (await office.get(`/api/requests/${id}`)).json();
  assert.equal(d.case.stage, 'processing');
  // docs/law/deadlines.md §6: 20 working days after the decision of Monday 2024-06-03 (端午 June 10 off).
  assert.equal(d.clock.countingFrom, '2024-06-03');
  assert.equal(d.case.replyDue, '2024-07-02');
  const last = d.events.at(-1);
  assert.equal(last.type, 'reopen');
  assert.match(
    JSON.stringify(last),
    /山东省人民政府于2024年6月3日对行政复议案件（鲁政复〔2024〕8号）作出纠正决定，责令重新答复/,
  );
  assert.ok(d.allowedActions.includes('reply'));
  const notes = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'title'])
    .where('kind', '=', 'request.reopened')
    .where('subject_id', '=', String(id))
    .execute();
  assert.deepEqual(
    notes.map((n) => n.user_id),
    [handlerId],
  );

  // Saving the entry again does not reopen the case a second time.
  const again = await office.send('PUT', `/api/report-reviews/${res.json().id}`, {
    ...body,
    note: '已重新答复',
  });
  assert.equal(again.statusCode, 200, again.body);
  const events = (await office.get(`/api/requests/${id}`)).json().events;
  assert.equal(events.filter((e: { type: string }) => e.type === 'reopen').length, 1);
});

const complaint = (over: Record<string, unknown> = {}) => ({
  orgId: education,
  kind: 'complaint',
  channel: 'letter',
  receivedOn: '2026-03-02',
  complainantName: '王五',
  complainantPhone: '13900000000',
  content: '市教育局未在法定期限内答复政府信息公开申请',
  ...over,
});

test('complaints: due in 15 working days, overdue after, assigned, answered, closed; the setting applies to new ones', async () => {
  const res = await office.send('POST', '/api/complaints', complaint());
  assert.equal(res.statusCode, 200, res.body);
  const c = res.json();
  // 15 working days after Monday 2026-03-02 (no holiday in March 2026): Monday 2026-03-23.
  assert.deepEqual([c.state, c.dueOn, c.overdue, c.dueNote], ['received', '2026-03-23', false, null]);
  const old = (await office.send('POST', '/api/complaints', complaint({ receivedOn: '2026-02-02' }))).json();
  // 2026-02-02 + 15 working days crosses the Spring Festival (2026-02-15 … 02-23 off, 02-14 and 02-28 worked).
  assert.equal(old.overdue, true, JSON.stringify(old));
  const overdue = (await office.get('/api/complaints?overdue=true'))
    .json()
    .items.map((i: { id: number }) => i.id);
  assert.ok(overdue.includes(old.id) && !overdue.includes(c.id));

  const wrong = await office.send('POST', `/api/complaints/${c.id}/steps`, { step: 'close' });
  assert.equal(wrong.statusCode, 409);
  assert.equal(wrong.json().error.message, '该投诉举报当前为“已登记”状态，不能办结。');
  let step = await office.send('POST', `/api/complaints/${c.id}/steps`, {
    step: 'assign',
    assigneeOrgId: education,
    assigneeId: handlerId,
  });
  assert.equal(step.statusCode, 200, step.body);
  assert.equal(step.json().state, 'assigned');
  const told = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'due_on'])
    .where('kind', '=', 'complaint.assigned')
    .where('subject_id', '=', String(c.id))
    .execute();
  assert.deepEqual(told, [{ user_id: handlerId, due_on: '2026-03-23' }]);
  // The assigned department's handler answers it and sees the complainant.
  const handler = await t.as('t_handler');
  const seen = (await handler.get(`/api/complaints/${c.id}`)).json();
  assert.equal(seen.complainant?.name, '王五');
  const early = await handler.send('POST', `/api/complaints/${c.id}/steps`, {
    step: 'answer',
    answer: '已督促答复',
    answeredOn: '2026-03-01',
  });
  assert.deepEqual(fields(early), { answeredOn: '答复日期不能早于收到日期' });
  step = await handler.send('POST', `/api/complaints/${c.id}/steps`, {
    step: 'answer',
    answer: '已督促市教育局答复申请人',
    answeredOn: '2026-03-10',
  });
  assert.equal(step.statusCode, 200, step.body);
  assert.deepEqual([step.json().state, step.json().answeredOn], ['answered', '2026-03-10']);
  step = await office.send('POST', `/api/complaints/${c.id}/steps`, { step: 'close' });
  assert.equal(step.json().state, 'closed');

  // The administrator sees the register, without the complainant's data, and sets the period.
  const admin = await t.as('t_admin');
  const listed = (await admin.get('/api/complaints?year=2026')).json().items;
  assert.ok(listed.length >= 2 && listed.every((i: { complainant: unknown }) => i.complainant === null));
  assert.equal(
    (await office.send('PUT', '/api/complaint-settings', { answerWorkingDays: 10 })).statusCode,
    403,
  );
  // One setting for the platform: a department's administrator does not change it.
  await createTestUser(t.db, { username: 'reg_dept_admin', role: 'admin', org: '市教育局' });
  const deptAdmin = await t.as('reg_dept_admin');
  assert.equal(
    (await deptAdmin.send('PUT', '/api/complaint-settings', { answerWorkingDays: 30 })).statusCode,
    403,
  );
  assert.equal((await admin.get('/api/complaint-settings')).json().answerWorkingDays, 15);
  const set = await admin.send('PUT', '/api/complaint-settings', { answerWorkingDays: 10 });
  assert.equal(set.statusCode, 200, set.body);
  const next = (
    await office.send('POST', '/api/complaints', complaint({ kind: 'report', channel: 'phone' }))
  ).json();
  assert.equal(next.dueOn, '2026-03-16');
  await admin.send('PUT', '/api/complaint-settings', { answerWorkingDays: 15 });

  const bad = await office.send(
    'POST',
    '/api/complaints',
    complaint({ channel: 'fax', complainantName: ' ' }),
  );
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(Object.keys(fields(bad)).sort(), ['channel', 'complainantName']);

  // Section 六 of a report not yet drafted is pre-filled with the year's counts.
  const report = (await approver.get(`/api/reports/${education}/2026`)).json();
  assert.equal(report.narrative.other, '2026年，共收到涉及政府信息公开工作的投诉2件、举报1件，已答复1件。');
});

test('calendar.changed: the due dates of complaints awaiting an answer are recounted, answered ones kept', async () => {
  const { recomputeComplaintDueDates } = await import('./service.ts');
  const open = (await office.send('POST', '/api/complaints', complaint({ receivedOn: '2026-03-09' }))).json();
  assert.equal(open.dueOn, '2026-03-30');
  await t.db.updateTable('complaints').set({ due_on: '2026-01-01' }).where('id', '=', open.id).execute();
  const closed = await t.db
    .selectFrom('complaints')
    .select(['id', 'due_on'])
    .where('state', '=', 'closed')
    .executeTakeFirstOrThrow();
  await recomputeComplaintDueDates(t.db);
  const after = await t.db.selectFrom('complaints').select(['id', 'due_on']).execute();
  assert.equal(after.find((r) => r.id === open.id)?.due_on, '2026-03-30');
  assert.equal(after.find((r) => r.id === closed.id)?.due_on, closed.due_on);
});
