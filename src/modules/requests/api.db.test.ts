import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicationBody, orgIdByName, setSignoffChain } from '../../../test/helpers/factories.ts';
import { bundledCalendar } from '../calendar/index.ts';
import { computeClock } from './domain/clock.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let city: number;
let education: number;
let finance: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
});
after(() => t.close());

const application = (over: Record<string, unknown> = {}) => ({
  ...applicationBody(city, {
    docNumber: '济教发〔2023〕5号',
    description: '请提供该批复全文',
    applicant: { email: 'zhang@example.com', address: '济宁市任城区某路1号' },
  }),
  ...over,
});

const actOn = (c: Client, id: number, body: Record<string, unknown>) =>
  c.send('POST', `/api/requests/${id}/actions`, body);

test('an in-person application is registered with the Art. 31 receipt date and the clock’s deadline', async () => {
  const res = await office.send('POST', '/api/requests', application());
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  assert.equal(d.case.stage, 'registered');
  assert.equal(d.case.receivedOn, '2024-02-08');
  const expected = computeClock({
    calendar: bundledCalendar,
    receipt: { channel: 'in-person', receivedOn: '2024-02-08' },
  });
  assert.equal(d.clock.replyDue, expected.replyDue);
  assert.equal(d.clock.replyDue, '2024-03-13');
  assert.match(d.case.caseNo, /^2024-\d{6}$/);
  assert.ok(d.allowedActions.includes('assign'));
});

test('the whole path: assign, correction, consultation, extension, partial disclosure, archive', async () => {
  const created = (await office.send('POST', '/api/requests', application())).json();
  const id = created.case.id;
  let r = await actOn(office, id, { action: 'assign', on: '2024-02-09', unitId: education });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'processing');

  r = await actOn(handler, id, {
    action: 'request-correction',
    on: '2024-02-19',
    items: '请明确所需批复的项目名称',
    deadlineDate: '2024-03-01',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'awaiting-correction');
  r = await actOn(handler, id, {
    action: 'request-correction',
    on: '2024-02-20',
    items: '再次补正',
    deadlineDate: '2024-03-01',
  });
  assert.equal(r.statusCode, 409, 'a correction notice is given once, all at once');

  r = await actOn(handler, id, { action: 'receive-correction', on: '2024-02-26', text: '项目为城北小学' });
  assert.equal(r.json().case.stage, 'processing');
  assert.equal(r.json().clock.countingFrom, '2024-02-26');

  r = await actOn(handler, id, {
    action: 'consult-send',
    on: '2024-02-28',
    consultationId: 'c1',
    party: 'third-party',
    name: '某建设公司',
  });
  assert.equal(r.json().clock.paused, true);
  r = await actOn(handler, id, { action: 'consult-deliver', on: '2024-02-29', consultationId: 'c1' });
  r = await actOn(handler, id, {
    action: 'consult-reply',
    on: '2024-03-05',
    consultationId: 'c1',
    opinion: 'refuse',
    text: '涉及商业秘密',
  });
  assert.equal(r.json().clock.paused, false);

  assert.equal(
    (await actOn(handler, id, { action: 'extend', on: '2024-03-06', reason: '需进一步核查' })).statusCode,
    403,
    'only the office’s 负责人 extends',
  );

  r = await actOn(handler, id, { action: 'reply', on: '2024-03-07', outcome: 'PARTIAL', text: '部分公开' });
  assert.equal(r.statusCode, 400, 'partial disclosure needs its ground');
  r = await actOn(handler, id, {
    action: 'reply',
    on: '2024-03-07',
    outcome: 'PARTIAL',
    groundCode: 'THIRD_PARTY_RIGHTS',
    text: '部分公开，涉及第三方商业秘密部分不予公开',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'replied');
  assert.equal(r.json().case.outcome, 'PARTIAL');

  r = await actOn(office, id, { action: 'archive', on: '2024-03-08' });
  assert.equal(r.json().case.stage, 'archived');
  const frozen = await actOn(office, id, { action: 'note', on: '2024-03-08', text: '补记' });
  assert.equal(frozen.statusCode, 409);
  assert.equal(frozen.json().error.code, 'CASE_ARCHIVED');

  const types = r.json().events.map((e: { type: string }) => e.type);
  assert.deepEqual(types, [
    'submit',
    'assign',
    'request-correction',
    'receive-correction',
    'consult-send',
    'consult-deliver',
    'consult-reply',
    'reply',
    'archive',
  ]);
  const audits = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'request')
    .where('subject_id', '=', String(id))
    .execute();
  assert.ok(audits.some((a) => a.action === 'request.reply'));
  assert.ok(audits.some((a) => a.action === 'request.archive'));
});

test('an action the stage does not allow is refused with a stable code and changes nothing', async () => {
  const id = (await office.send('POST', '/api/requests', application())).json().case.id;
  const before = await t.db.selectFrom('request_events').select('id').where('request_id', '=', id).execute();
  const r = await actOn(office, id, { action: 'archive', on: '2024-02-09' });
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().error.code, 'CASE_ACTION_NOT_ALLOWED');
  const afterRows = await t.db
    .selectFrom('request_events')
    .select('id')
    .where('request_id', '=', id)
    .execute();
  assert.equal(afterRows.length, before.length);
  const row = await t.db
    .selectFrom('requests')
    .select('stage')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.stage, 'registered');
});

test('an online-style letter waits for confirmation; the clock starts at the confirmation date', async () => {
  const created = (
    await office.send(
      'POST',
      '/api/requests',
      application({ channel: 'post-confirmed', submittedOn: '2024-09-27' }),
    )
  ).json();
  assert.equal(created.case.stage, 'awaiting-confirmation');
  assert.equal(created.clock, null);
  const r = await actOn(office, created.case.id, { action: 'confirm-receipt', on: '2024-10-03' });
  assert.equal(r.json().clock.replyDue, '2024-11-01', 'online confirmation on a holiday (deadlines.md §5)');
});

test('bad input gets field messages in Chinese and makes no case', async () => {
  const count = async () => (await t.db.selectFrom('requests').select('id').execute()).length;
  const n = await count();
  const bad = application({
    applicant: {
      type: 'natural',
      name: '李四',
      idType: 'resident-id',
      idNumber: '370802198001011230',
      phone: '123',
    },
  });
  const r = await office.send('POST', '/api/requests', bad);
  assert.equal(r.statusCode, 400);
  const paths = r.json().error.fields.map((f: { path: string }) => f.path);
  assert.ok(
    paths.some((p: string) => p.includes('idNumber')),
    JSON.stringify(paths),
  );
  assert.ok(
    paths.some((p: string) => p.includes('phone')),
    JSON.stringify(paths),
  );
  assert.equal(await count(), n);
});

test('a unit sees only cases assigned to it; personal data is masked for others and every full view audited', async () => {
  const id = (await office.send('POST', '/api/requests', application())).json().case.id;
  await actOn(office, id, { action: 'assign', on: '2024-02-09', unitId: education });
  const other = await t.as('t_handler2');
  assert.equal((await other.get(`/api/requests/${id}`)).statusCode, 404);
  assert.equal(
    (await other.get('/api/requests')).json().items.some((i: { id: number }) => i.id === id),
    false,
  );
  const mine = (await handler.get(`/api/requests/${id}`)).json();
  assert.equal(mine.case.applicant.name, '张三丰');
  const reviewer = await t.as('t_reviewer');
  const masked = (await reviewer.get(`/api/requests/${id}`)).json();
  assert.equal(masked.case.applicant.masked, true);
  assert.notEqual(masked.case.applicant.name, '张三丰');
  assert.doesNotMatch(JSON.stringify(masked), /13812345678/);
  const views = await t.db
    .selectFrom('audit_log')
    .select('actor_id')
    .where('action', '=', 'request.view_personal')
    .where('subject_id', '=', String(id))
    .execute();
  assert.ok(views.length >= 1);
  assert.equal(finance > 0, true);
});

test('the workbench lists open cases by reply deadline with overdue and due-soon filters', async () => {
  const list = (await office.get('/api/requests?pageSize=100')).json();
  assert.ok(list.total >= 4);
  const running = list.items.filter((i: { stage: string }) =>
    ['registered', 'processing', 'awaiting-correction'].includes(i.stage),
  );
  assert.deepEqual(list.items.slice(0, running.length), running, 'cases whose clock runs come first');
  const dues = running.map((i: { replyDue: string | null }) => i.replyDue).filter(Boolean);
  assert.deepEqual(dues, [...dues].sort());
  const overdue = (await office.get('/api/requests?overdue=1')).json();
  assert.ok(overdue.items.every((i: { overdue: boolean }) => i.overdue));
  assert.ok(overdue.total >= 1, 'the 2024 cases still open are overdue now');
  // 全部在办 (stage=open) leaves out what is answered, ended or archived; all (or none) keeps everything.
  const stagesOf = async (query: string) =>
    new Set(
      (await office.get(`/api/requests?pageSize=200${query}`))
        .json()
        .items.map((i: { stage: string }) => i.stage),
    );
  const inHand = await stagesOf('&stage=open');
  const everything = await stagesOf('&stage=all');
  assert.deepEqual([...(await stagesOf(''))].sort(), [...everything].sort());
  assert.ok(everything.has('replied') || everything.has('archived') || everything.has('closed'));
  for (const ended of ['replied', 'closed', 'archived']) assert.ok(!inHand.has(ended), ended);
  assert.ok(inHand.size > 0);
  const wrong = await office.get('/api/requests?stage=done');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /没有这个办理阶段/);
  const meta = (await office.get('/api/requests/meta')).json();
  assert.ok(
    meta.outcomes.some(
      (o: { code: string; label: string }) => o.code === 'PARTIAL' && o.label === '部分公开',
    ),
  );
});
