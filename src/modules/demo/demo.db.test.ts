import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { TEST_CLOCK_ENV } from '../../../test/helpers/clock.ts';
import { createTestDb } from '../../../test/helpers/db.ts';
import { actorOf, createTestUser, orgIdByName, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { MODULES } from '../../modules.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { prepareData } from '../../platform/bootstrap.ts';
import type { CommandContext } from '../../platform/commands.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import { emitterFor } from '../../platform/events.ts';
import { now } from '../../platform/time.ts';
import { insertOrg } from '../orgs/index.ts';
import { demoCommands } from './commands.ts';
import { removeDemo } from './service.ts';

// One database for the file: the demo seeded as on a first start (the seeds take a while), then the
// organisation's own government and administrator; the tests run in order on it.
let h: DbHandle;
let app: FastifyInstance;
let dataDir: string;
let ownOrgId: number;
const PORTAL = ['/', '/gk/documents', '/gk/workplans'];
let demoTitles: string[] = [];

type Client = {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string): Promise<LightMyRequestResponse>;
};

async function signIn(username: string): Promise<Client> {
  const jar: Record<string, string> = {};
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) jar[c.name] = c.value;
    return res;
  };
  keep(await app.inject({ method: 'GET', url: '/healthz' }));
  const send = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app
      .inject({ method, url, cookies: { ...jar }, headers: { 'x-csrf-token': jar.gk_csrf ?? '' }, payload })
      .then(keep);
  const login = await send('POST', '/api/auth/login', { username, password: TEST_PASSWORD });
  assert.equal(login.statusCode, 200, login.body);
  return { get: (url) => send('GET', url), post: (url) => send('POST', url) };
}

async function count(table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.db);
  return r.rows[0]?.n ?? 0;
}

async function portalText(): Promise<string> {
  const bodies: string[] = [];
  for (const url of PORTAL) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    bodies.push(res.body);
  }
  return bodies.join('\n');
}

function commandContext(): CommandContext {
  return {
    config: loadConfig({ GONGKAI_DATA: dataDir }),
    withDb: (work) => work(h.db),
    prepareData: (db) => prepareData(db, MODULES, true),
    emit: emitterFor(MODULES),
  };
}

async function runDemoCommand(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    const code = await (demoCommands.handlers.demo as NonNullable<(typeof demoCommands.handlers)['demo']>)(
      args,
      commandContext(),
    );
    return { code, out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

before(async () => {
  h = await createTestDb();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-demo-'));
  const seeded = await prepareData(h.db, MODULES, true);
  assert.ok(seeded.length > 0, 'the demo was seeded');
  const own = await insertOrg(h.db, {
    parentId: null,
    name: '本单位人民政府',
    kind: 'government',
    code: null,
    sortOrder: 0,
  });
  ownOrgId = own.id;
  await createTestUser(h.db, { username: 'own_admin', role: 'admin', org: ownOrgId });
  await createTestUser(h.db, { username: 'own_office', role: 'office', org: ownOrgId });
  demoTitles = [
    ...(await h.db.selectFrom('documents').select('title').execute()).map((r) => r.title),
    ...(await h.db.selectFrom('work_plans').select('title').execute()).map((r) => r.title),
  ];
  const config = { ...loadConfig({ GONGKAI_DATA: dataDir, ...TEST_CLOCK_ENV }), seedDemo: false };
  app = await buildApp({ config, db: h.db, logger: false });
  await app.ready();
});

after(async () => {
  await app?.close();
  await h?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('the demo is one city: every organisation of the demo is in the 济宁市 tree', async () => {
  const r = await sql<{ name: string }>`
    with recursive tree as (
      select id, name from orgs where name = '济宁市人民政府'
      union all select o.id, o.name from orgs o join tree t on o.parent_id = t.id)
    select name from orgs
    where id in (select record_id from demo_records where table_name = 'orgs')
      and id not in (select id from tree)`.execute(h.db);
  assert.deepEqual(r.rows, []);
  assert.equal((await count('demo_records')) > 1000, true);
});

test('administrators see what demo data there is; others may not', async () => {
  const admin = await signIn('own_admin');
  const res = await admin.get('/api/demo');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.status, 'seeded');
  assert.equal(body.present, true);
  const orgs = body.tables.find((t: { table: string }) => t.table === 'orgs');
  assert.equal(orgs.label, '机构');
  assert.equal(orgs.count, (await count('orgs')) - 1);
  const office = await signIn('own_office');
  assert.equal((await office.get('/api/demo')).statusCode, 403);
  assert.equal((await office.post('/api/demo/remove')).statusCode, 403);
  // A demo account cannot remove the demo: it would delete itself.
  await assert.rejects(removeDemo(h.db, await actorOf(h.db, 'admin')), { code: 'DEMO_OWN_ACCOUNT' });
});

/** The own administrator asks for the removal, which is refused (409 DEMO_REFERENCED): its message. */
async function refusedRemoval(): Promise<string> {
  const admin = await signIn('own_admin');
  const res = await admin.post('/api/demo/remove');
  assert.equal(res.statusCode, 409, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'DEMO_REFERENCED');
  return error.message;
}

test('an own case assigned to a demo unit: removal refused, naming it, nothing deleted', async () => {
  const edu = await orgIdByName(h.db, '市教育局');
  const inserted = await sql<{ id: number }>`
    insert into requests
    select (jsonb_populate_record(null::requests, to_jsonb(r) || jsonb_build_object(
      'id', nextval(pg_get_serial_sequence('requests', 'id')), 'case_no', null, 'tracking_code', null,
      'submission_key', null, 'org_id', ${ownOrgId}::int, 'unit_id', ${edu}::int, 'handler_id', null,
      'created_by', null, 'subject', '本单位受理的真实案件'))).*
    from requests r where r.id = (select min(id) from requests)
    returning id`.execute(h.db);
  const caseId = inserted.rows[0]?.id as number;
  const before = {
    records: await count('demo_records'),
    orgs: await count('orgs'),
    docs: await count('documents'),
  };

  const message = await refusedRemoval();
  assert.match(
    message,
    new RegExp(`依申请公开案件 #${caseId}「本单位受理的真实案件」引用了演示机构「市教育局」`),
  );
  assert.match(message, /未删除任何数据/);
  assert.deepEqual(
    { records: await count('demo_records'), orgs: await count('orgs'), docs: await count('documents') },
    before,
  );

  // The command line refuses the same way: exit code 2, the Chinese message.
  const cli = await runDemoCommand(['remove', '--json']);
  assert.equal(cli.code, 2);
  const out = JSON.parse(cli.out);
  assert.equal(out.ok, false);
  assert.equal(out.error.code, 'DEMO_REFERENCED');
  assert.match(out.error.message, /市教育局/);
  assert.equal(await count('orgs'), before.orgs);

  await h.db.deleteFrom('requests').where('id', '=', caseId).execute();
});

test('an own document with a demo co-issuer: the refusal names the issuer row by its document and unit', {
  timeout: 120_000,
}, async () => {
  const edu = await orgIdByName(h.db, '市教育局');
  const inserted = await sql<{ id: number }>`
    insert into documents
    select (jsonb_populate_record(null::documents, to_jsonb(d) || jsonb_build_object(
      'id', nextval(pg_get_serial_sequence('documents', 'id')), 'org_id', ${ownOrgId}::int,
      'created_by', null, 'index_number', 'OWN-JOINT-1', 'title', '本单位与教育局联合印发的通知'))).*
    from documents d where d.id = (select min(id) from documents)
    returning id`.execute(h.db);
  const docId = inserted.rows[0]?.id as number;
  await h.db.insertInto('document_issuers').values({ document_id: docId, org_id: edu }).execute();

  const message = await refusedRemoval();
  assert.match(
    message,
    /联合发文机关（政府文件「本单位与教育局联合印发的通知」，机构「市教育局」）引用了演示机构「市教育局」/,
  );
  assert.doesNotMatch(message, /[a-z_]+=\d/);

  await h.db.deleteFrom('documents').where('id', '=', docId).execute();
});

test('removal deletes every demo record and leaves the own data; the portal shows no demo content', async () => {
  const portalBefore = await portalText();
  assert.ok(
    demoTitles.some((t) => portalBefore.includes(t)),
    'the portal shows demo titles before the removal',
  );
  const admin = await signIn('own_admin');
  // Set-up work done with the demo administrator account stays in the audit trail, without its author.
  const demoAdmin = await actorOf(h.db, 'admin');
  await recordAudit(h.db, {
    actorId: demoAdmin.id,
    action: 'user.create',
    subjectType: 'user',
    subjectId: 'own_admin',
  });
  // A demo agency's own letter text goes with it; the shared text (no organisation) stays.
  const education = await h.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', '市教育局')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('request_letter_templates')
    .values([
      {
        kind: 'correction',
        org_id: education.id,
        title: '补正告知书',
        body: '市教育局的文本',
        updated_at: now(),
        updated_by: null,
      },
      {
        kind: 'correction',
        org_id: null,
        title: '补正告知书',
        body: '通用文本',
        updated_at: now(),
        updated_by: null,
      },
    ])
    .execute();
  const res = await admin.post('/api/demo/remove');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.ok(body.total > 1000);
  assert.deepEqual(await h.db.selectFrom('request_letter_templates').select(['body', 'org_id']).execute(), [
    { body: '通用文本', org_id: null },
  ]);
  assert.match(body.message, /已删除全部演示数据/);

  assert.equal(await count('demo_records'), 0);
  for (const t of ['documents', 'requests', 'work_plans', 'work_tasks', 'gazette_issues', 'interpretations'])
    assert.equal(await count(t), 0, t);
  assert.deepEqual(
    (await h.db.selectFrom('orgs').select('name').execute()).map((o) => o.name),
    ['本单位人民政府'],
  );
  assert.deepEqual(
    (await h.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username),
    ['own_admin', 'own_office'],
  );
  const stats = await sql<{
    n: number;
  }>`select coalesce(sum(n), 0)::int as n from request_stats.cases`.execute(h.db);
  assert.equal(stats.rows[0]?.n, 0, 'the case counters count no demo case');
  const audit = await h.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'subject_id', 'before'])
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  assert.deepEqual(
    audit.map((a) => [a.action, a.subject_id, a.actor_id === null]),
    [
      ['demo.remove', null, false],
      ['user.create', 'own_admin', true],
    ],
  );
  assert.deepEqual((audit[0] as { before: { auditActorsCleared: unknown } }).before.auditActorsCleared, [
    { id: demoAdmin.id, username: 'admin' },
  ]);

  const portalAfter = await portalText();
  const shown = demoTitles.filter((t) => portalAfter.includes(t));
  assert.deepEqual(shown, []);
  assert.ok(!portalAfter.includes('市教育局'));
  // The demo government's site identity went with it: the portal names the own government at once.
  assert.ok(portalBefore.includes('济宁市人民政府'));
  assert.ok(!portalAfter.includes('济宁'), 'no 济宁 on the portal after the removal');
  assert.ok(portalAfter.includes('本单位人民政府'));

  const summary = (await admin.get('/api/demo')).json();
  assert.deepEqual([summary.status, summary.present, summary.total], ['removed', false, 0]);
});

test('removing twice is harmless: nothing to remove, a clear message', async () => {
  const admin = await signIn('own_admin');
  const res = await admin.post('/api/demo/remove');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { total: 0, tables: [], message: '没有演示数据，无需删除。' });
  const cli = await runDemoCommand(['remove']);
  assert.equal(cli.code, 0);
  assert.equal(cli.out, '没有演示数据，无需删除。');
  await assert.rejects(runDemoCommand(['delete']), /用法/);
});

test('a restart does not bring the demo back', async () => {
  const orgs = await count('orgs');
  assert.deepEqual(await prepareData(h.db, MODULES, true), []);
  assert.equal(await count('orgs'), orgs);
  assert.equal(await count('documents'), 0);
  // Nor does a database emptied of its organisations: the demo was removed once.
  await h.db.deleteFrom('audit_log').execute();
  await h.db.deleteFrom('users').execute();
  await h.db.deleteFrom('orgs').execute();
  assert.deepEqual(await prepareData(h.db, MODULES, true), []);
  assert.equal(await count('orgs'), 0);
});
