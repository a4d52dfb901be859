import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { chinaDateOf } from '../src/platform/time.ts';
import { TEST_CLOCK_ENV, TEST_TODAY } from './helpers/clock.ts';

/**
 * The `gongkai` command line as a clerk runs it: a separate process on a scratch data folder, its
 * platform clock at the suite's TEST_TODAY (`GONGKAI_CLOCK`).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Generous limits: on a loaded 2-core machine a cold start (migrations, demo seeds) takes long. */
const COMMAND_TIMEOUT_MS = 180_000;
const SERVER_START_TIMEOUT_MS = 300_000;
const POLL_MS = 200;
/** A test that runs several processes in a row has more time than the runner's default per test. */
const SEVERAL_PROCESSES = { timeout: 600_000 };

function gongkai(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    env: {
      ...process.env,
      ...TEST_CLOCK_ENV,
      GONGKAI_DATA: dataDir,
      DATABASE_URL: '',
      GONGKAI_SEED_DEMO: '1',
    },
    encoding: 'utf8',
    timeout: COMMAND_TIMEOUT_MS,
  });
  if (r.error) throw new Error(`gongkai ${args.join(' ')}: ${r.error.message}\n${r.stderr ?? ''}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, the server exits, or SERVER_START_TIMEOUT_MS pass. */
async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + SERVER_START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`server did not answer ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

/** Signs in over HTTP (CSRF cookie, then login) and returns the server's current instant it reports. */
async function serverNow(base: string, username: string, password: string): Promise<string> {
  const health = await fetch(`${base}/healthz`);
  const csrf = /gk_csrf=([^;]+)/.exec(health.headers.getSetCookie().join('; '))?.[1] ?? '';
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `gk_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { now: string }).now;
}

test('migrate, add a user, back up and restore from the command line', SEVERAL_PROCESSES, () => {
  const data = path.join(dir, 'a');
  const first = gongkai(['migrate'], data);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /0001_orgs_create\.sql/);
  assert.match(gongkai(['migrate'], data).out, /已是最新/);

  const seed = gongkai(
    ['user', 'add', '--username', 'clerk', '--name', '王芳', '--role', 'office', '--org', '济宁市人民政府'],
    data,
  );
  assert.equal(seed.code, 2, 'no organisation exists before the first start seeds them');
  assert.match(seed.err, /找不到机构/);

  const file = path.join(dir, 'a.backup');
  const b = gongkai(['backup', file], data);
  assert.equal(b.code, 0, b.err);
  assert.match(b.out, /备份完成/);
  const r = gongkai(['restore', file], path.join(dir, 'b'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /恢复完成/);
});

test(
  'an empty, truncated or header-only backup is refused in Chinese (exit 2), not a stack trace',
  SEVERAL_PROCESSES,
  () => {
    const data = path.join(dir, 'r');
    const empty = path.join(dir, 'empty.backup');
    writeFileSync(empty, '');
    const header = JSON.stringify({
      type: 'header',
      format: 'gongkai-backup',
      version: 2,
      createdAt: '',
      migrations: [],
    });
    const headerOnly = path.join(dir, 'header-only.backup');
    writeFileSync(headerOnly, gzipSync(`${header}\n`));
    const truncated = path.join(dir, 'truncated.backup');
    writeFileSync(truncated, gzipSync(`${header}\n`).subarray(0, 20));
    for (const [file, reason] of [
      [empty, /空的/],
      [headerOnly, /缺少结尾标记/],
      [truncated, /损坏或被截断/],
    ] as const) {
      const r = gongkai(['restore', file], data);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /无法恢复/);
      assert.match(r.err, reason);
      assert.match(r.err, /保持原样/);
      assert.doesNotMatch(r.err, /\n\s+at /);
      assert.doesNotMatch(r.out, /恢复完成/);
    }
  },
);

test('a wrong role or a missing argument is a usage error, not a stack trace', SEVERAL_PROCESSES, () => {
  const data = path.join(dir, 'c');
  const r = gongkai(['user', 'add', '--username', 'x1', '--name', 'x', '--role', 'boss', '--org', '1'], data);
  assert.equal(r.code, 2);
  assert.match(r.err, /角色无效/);
  assert.doesNotMatch(r.err, /\n\s+at /);
  assert.equal(gongkai(['frobnicate'], data).code, 2);
});

test('--help after a command prints its usage; an unknown option is a usage error in Chinese', () => {
  const data = path.join(dir, 'h');
  const help = gongkai(['user', 'add', '--help'], data);
  assert.equal(help.code, 0, help.err);
  assert.match(help.out, /user add --username U --name 姓名/);
  const wrong = gongkai(['user', 'add', '--frob', 'x'], data);
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /不认识的选项：--frob/);
  assert.match(wrong.err, /user add --username U/);
  assert.doesNotMatch(wrong.err, /\n\s+at |ERR_PARSE_ARGS/);
});

test('a deadline reaching a year without a calendar fails with CALENDAR_YEAR_MISSING and exit code 2', () => {
  // 2098 will never be bundled (whereas 2027 may be one day): the year is named, nothing is guessed.
  const r = gongkai(['clock', '--received', '2098-12-15', '--json'], path.join(dir, 'd'));
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /CALENDAR_YEAR_MISSING/);
  assert.match(r.err, /2098年/);
  assert.equal(r.out, '', 'no deadline printed');
});

/** `gongkai user add` of an administrator of the city, as a clerk types it. */
const addClerk = (username: string, password: string, data: string) =>
  gongkai(
    [
      'user',
      'add',
      '--username',
      username,
      '--name',
      '命令行',
      '--role',
      'admin',
      '--org',
      '济宁市人民政府',
      '--password',
      password,
    ],
    data,
  );

test(
  'while the server runs, commands share its store (user add, backup, plan import); restore and db-reset refuse',
  SEVERAL_PROCESSES,
  async () => {
    const data = path.join(dir, 'e');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
      env: {
        ...process.env,
        ...TEST_CLOCK_ENV,
        GONGKAI_DATA: data,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    server.stdout?.on('data', (d) => {
      printed += d;
    });
    const backupFile = path.join(dir, 'while-serving.gz');
    try {
      await waitHealthy(`${base}/healthz`, server);
      const admin = /系统管理员\s+admin\s+([A-Za-z0-9]{16})/.exec(printed);
      assert.ok(admin, 'the first start prints a random admin password');
      assert.equal(
        chinaDateOf(new Date(await serverNow(base, 'admin', admin[1] as string))),
        TEST_TODAY,
        'the server runs at GONGKAI_CLOCK',
      );
      // A user added from the command line signs in to the running server at once.
      const add = addClerk('cli_clerk', 'clerk-password-1', data);
      assert.equal(add.code, 0, add.err);
      assert.match(add.out, /cli_clerk/);
      assert.equal(chinaDateOf(new Date(await serverNow(base, 'cli_clerk', 'clerk-password-1'))), TEST_TODAY);
      const backup = gongkai(['backup', backupFile], data);
      assert.equal(backup.code, 0, backup.err);
      assert.match(backup.out, /备份完成/);
      const plan = gongkai(
        ['plan', 'import', 'demo/sources/jining-2022.txt', '--org', '济宁市人民政府', '--year', '2031'],
        data,
      );
      assert.equal(plan.code, 0, plan.err);
      assert.equal(gongkai(['migrate'], data).code, 0, 'migrate finds the store up to date');
      // Replacing the data under a running server, or deleting its folder, still needs it stopped.
      const restore = gongkai(['restore', backupFile], data);
      assert.equal(restore.code, 2);
      assert.match(restore.err, /正被另一个进程/);
      const reset = gongkai(['db-reset', '--yes'], data);
      assert.equal(reset.code, 2);
      assert.match(reset.err, /in use by another process/);
      assert.equal((await fetch(`${base}/healthz`)).status, 200, 'the server is still up');
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    // Without the server the same commands work on the folder directly; the backup restores.
    const direct = addClerk('cli_clerk2', 'clerk-password-2', data);
    assert.equal(direct.code, 0, direct.err);
    const restored = gongkai(['restore', backupFile], data);
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /恢复完成/);
  },
);
