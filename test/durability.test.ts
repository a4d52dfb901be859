import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { TEST_CLOCK_ENV } from './helpers/clock.ts';
import { applicationBody } from './helpers/factories.ts';
import { startPostgresServer } from './helpers/pg-server.ts';

/**
 * Kill -9 durability (issue 18 item 10a): the real server (`gongkai serve`, a child process) takes
 * writes from several clients at once and is killed with SIGKILL at a random moment (seeded); it is
 * started again on the same data, which must open without repair, and every write it had acknowledged
 * (an answer 200 with the new record's id) must be there. Two rounds on the embedded store
 * (PGlite in the data folder) and on PostgreSQL, whose settings are checked to be the durable ones (a
 * commit acknowledged only once its log is on disk). Not tried: SIGKILL to a process of the embedded
 * PostgreSQL 18 itself — its postmaster then never finished the crash reset (io workers and checkpointer
 * left waiting) and the test hung.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-durability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Two rounds per store: the first kills a server started on a fresh setup, the second one restarted on
 * data that already survived a kill (a third round would check the same thing again).
 */
const ROUNDS = 2;
const WRITERS = 4;
const SERVER_START_TIMEOUT_MS = 120_000;
const SEED = 0x5eed_0a;
/** A test that starts the server several times has more time than the runner's default per test. */
const ROUNDS_TIMEOUT = { timeout: 600_000 };
const ADMIN = { username: 'dadmin', password: 'Durable-2026-test' };
const OFFICE = { username: 'doffice', password: 'Durable-2026-office' };

/** The kill moment of a round: 0.3–3 s, spread by a multiplicative hash of the seed and the round (the same on every run). */
function killDelayMs(label: string, round: number): number {
  return 300 + ((Math.imul(SEED + label.length * 7919 + round, 2654435761) >>> 0) % 2700);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

type Store = { dataDir: string; databaseUrl: string };

function env(store: Store, port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...TEST_CLOCK_ENV,
    GONGKAI_DATA: store.dataDir,
    DATABASE_URL: store.databaseUrl,
    GONGKAI_SEED_DEMO: '0',
    ...(port ? { PORT: String(port), HOST: '127.0.0.1' } : {}),
  };
}

/** The first run from the command line: a government, its office, the administrator and an office account. */
function setup(store: Store): void {
  const r = spawnSync(
    process.execPath,
    [
      'bin/gongkai.js',
      'setup',
      ...['--government', '持久县人民政府', '--office', '持久县人民政府办公室', '--region-code', '370832'],
      ...['--admin', ADMIN.username, '--password', ADMIN.password],
      ...['--office-user', OFFICE.username, '--office-password', OFFICE.password],
    ],
    { env: env(store), encoding: 'utf8', timeout: SERVER_START_TIMEOUT_MS },
  );
  assert.equal(r.status, 0, `gongkai setup: ${r.stderr}`);
}

type Server = { base: string; child: ChildProcess; output(): string };

async function startServer(store: Store): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: env(store, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (d) => {
    printed += d;
  });
  child.stderr?.on('data', (d) => {
    printed += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + SERVER_START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server did not start again on its data:\n${printed}`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) })).ok)
        return { base, child, output: () => printed };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${printed}`);
}

async function kill9(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

type Session = {
  send(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: () => Promise<unknown> }>;
};

async function signIn(base: string, who: { username: string; password: string }): Promise<Session> {
  const health = await fetch(`${base}/healthz`);
  const csrf = /gk_csrf=([^;]+)/.exec(health.headers.getSetCookie().join('; '))?.[1] ?? '';
  let cookie = `gk_csrf=${csrf}`;
  const send = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, json: () => res.json() };
  };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify(who),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const session = /gk_session=([^;]+)/.exec(login.headers.getSetCookie().join('; '))?.[1];
  cookie += `; gk_session=${session}`;
  return { send };
}

/** What the server acknowledged: new units by name (administrator) and registered cases by id and number. */
type Acknowledged = { orgs: Map<number, string>; cases: Map<number, string> };

/**
 * Writers until the server dies: the administrator adds units, the office registers applications.
 * Only a 200 with the new id counts as acknowledged; a request cut by the kill is not.
 */
async function write(
  server: Server,
  ack: Acknowledged,
  round: number,
  governmentId: number,
): Promise<number> {
  const admin = await signIn(server.base, ADMIN);
  const office = await signIn(server.base, OFFICE);
  let n = 0;
  const writer = async (w: number) => {
    for (let i = 0; ; i++) {
      try {
        if (w % 2 === 0) {
          const name = `持久测试单位${round}-${w}-${i}`;
          const res = await admin.send('POST', '/api/orgs', {
            parentId: governmentId,
            name,
            kind: 'institution',
          });
          if (res.status === 503) continue; // overload or the database down: refused, not acknowledged
          if (res.status !== 200) throw new Error(`POST /api/orgs → ${res.status}`);
          ack.orgs.set(((await res.json()) as { id: number }).id, name);
        } else {
          const res = await office.send(
            'POST',
            '/api/requests',
            applicationBody(governmentId, { subject: `持久测试申请${round}-${w}-${i}` }),
          );
          if (res.status === 503) continue;
          if (res.status !== 200) throw new Error(`POST /api/requests → ${res.status}`);
          const c = ((await res.json()) as { case: { id: number; caseNo: string } }).case;
          ack.cases.set(c.id, c.caseNo);
        }
        n++;
      } catch (err) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        // The kill may land between the answer's headers and its body: only a server alive says more.
        await new Promise((r) => setTimeout(r, 50));
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return n;
}

/** Every acknowledged unit and case is there after the restart. */
async function verify(server: Server, ack: Acknowledged): Promise<void> {
  const admin = await signIn(server.base, ADMIN);
  const orgs = (await (await admin.send('GET', '/api/orgs')).json()) as {
    items: { id: number; name: string }[];
  };
  const byId = new Map(orgs.items.map((o) => [o.id, o.name]));
  const lostOrgs = [...ack.orgs].filter(([id, name]) => byId.get(id) !== name);
  assert.deepEqual(lostOrgs, [], 'acknowledged units lost');
  const office = await signIn(server.base, OFFICE);
  const lostCases: string[] = [];
  for (const [id, caseNo] of ack.cases) {
    const res = await office.send('GET', `/api/requests/${id}`);
    const got =
      res.status === 200 ? ((await res.json()) as { case?: { caseNo: string } }).case?.caseNo : null;
    if (got !== caseNo) lostCases.push(`${id} ${caseNo} → ${res.status} ${got}`);
  }
  assert.deepEqual(lostCases, [], 'acknowledged cases lost');
}

async function governmentIdOf(server: Server): Promise<number> {
  const admin = await signIn(server.base, ADMIN);
  const orgs = (await (await admin.send('GET', '/api/orgs')).json()) as {
    items: { id: number; name: string }[];
  };
  const gov = orgs.items.find((o) => o.name === '持久县人民政府');
  assert.ok(gov, 'the government of the setup');
  return gov.id;
}

/** Runs `step` against a started server; when it fails, the error says whether the server died and what it printed. */
async function explained<T>(server: Server, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const state =
      server.child.exitCode !== null || server.child.signalCode !== null
        ? `the server exited (code ${server.child.exitCode}, signal ${server.child.signalCode})`
        : 'the server is still running';
    throw new Error(`${(err as Error).message} — ${state}; its output:\n${server.output().slice(-4000)}`, {
      cause: err,
    });
  }
}

/**
 * `rounds` of: start, check every acknowledged write so far, write until a SIGKILL after a random
 * 0.3–3 s after its first acknowledged write.
 */
async function killRounds(store: Store, label: string) {
  const ack: Acknowledged = { orgs: new Map(), cases: new Map() };
  setup(store);
  let governmentId = 0;
  const counts: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const server = await startServer(store);
    try {
      await explained(server, () => verify(server, ack));
      governmentId ||= await explained(server, () => governmentIdOf(server));
      const delay = killDelayMs(label, round);
      const before = ack.orgs.size + ack.cases.size;
      const writing = write(server, ack, round, governmentId);
      // The random moment counts from the round's first acknowledged write (signing in takes a while).
      while (ack.orgs.size + ack.cases.size === before && server.child.exitCode === null)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, delay));
      await kill9(server);
      counts.push(await writing);
      if (process.env.GK_DURABILITY_TRACE)
        console.log(`${label}: round ${round} done, ${counts.at(-1)} writes`);
    } finally {
      await kill9(server);
    }
  }
  const last = await startServer(store);
  try {
    await explained(last, () => verify(last, ack));
  } finally {
    last.child.kill('SIGTERM');
    await new Promise((r) => last.child.once('exit', r));
  }
  const total = ack.orgs.size + ack.cases.size;
  console.log(
    `${label}: ${ROUNDS} kill -9 rounds, ${total} acknowledged writes (${ack.orgs.size} units, ${ack.cases.size} cases; per round ${counts.join(', ')}), none lost`,
  );
  assert.ok(total >= ROUNDS, `writes were acknowledged in the rounds (${total})`);
  assert.ok(ack.cases.size > 0 && ack.orgs.size > 0, 'both kinds of writes were acknowledged');
}

test('embedded store: every acknowledged write survives kill -9 of the server', ROUNDS_TIMEOUT, async () => {
  await killRounds({ dataDir: path.join(dir, 'embedded'), databaseUrl: '' }, 'embedded store (PGlite)');
});

test('PostgreSQL: every acknowledged write survives kill -9 of the server', ROUNDS_TIMEOUT, async () => {
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const settings = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')`,
    );
    // Durable settings: a commit is acknowledged only once it is in the log on disk.
    assert.deepEqual(Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])), {
      fsync: 'on',
      full_page_writes: 'on',
      synchronous_commit: 'on',
    });
    await admin.query('create database gk_durability');
    await admin.end();
    const url = new URL(server.url);
    url.pathname = '/gk_durability';
    await killRounds({ dataDir: path.join(dir, 'pg'), databaseUrl: url.toString() }, 'PostgreSQL');
  } finally {
    await server.stop();
  }
});
