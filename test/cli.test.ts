import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

/** The `gongkai` command line as a clerk runs it: a separate process on a scratch data folder. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gongkai(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    env: { ...process.env, GONGKAI_DATA: dataDir, DATABASE_URL: '', GONGKAI_SEED_DEMO: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
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

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

test('migrate, add a user, back up and restore from the command line', () => {
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

test('a wrong role or a missing argument is a usage error, not a stack trace', () => {
  const data = path.join(dir, 'c');
  const r = gongkai(['user', 'add', '--username', 'x1', '--name', 'x', '--role', 'boss', '--org', '1'], data);
  assert.equal(r.code, 2);
  assert.match(r.err, /角色无效/);
  assert.doesNotMatch(r.err, /\n\s+at /);
  assert.equal(gongkai(['frobnicate'], data).code, 2);
});

test('a deadline reaching 2027 fails with CALENDAR_YEAR_MISSING and exit code 2', () => {
  const r = gongkai(['clock', '--received', '2026-12-15', '--json'], path.join(dir, 'd'));
  assert.equal(r.code, 2);
  assert.match(r.err, /CALENDAR_YEAR_MISSING/);
  assert.match(r.err, /2027/);
});

test('while the server holds the data folder, a CLI command refuses instead of corrupting it', async () => {
  const data = path.join(dir, 'e');
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: { ...process.env, GONGKAI_DATA: data, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  server.stdout?.on('data', (d) => {
    printed += d;
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, server);
    assert.match(
      printed,
      /系统管理员\s+admin\s+[A-Za-z0-9]{16}/,
      'the first start prints a random admin password',
    );
    const r = gongkai(['migrate'], data);
    assert.equal(r.code, 2);
    assert.match(r.err, /正被另一个进程/);
    assert.match(r.err, /in use by another process/);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  assert.equal(gongkai(['migrate'], data).code, 0, 'after the server stops the folder is free again');
});
