import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const scratch = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'gk-lock-'));
  dirs.push(d);
  return d;
};

/** Another process (a server) that takes the lock on `dataDir` and holds it until killed. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(path.resolve('src/platform/db/lock.ts'))};
await lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

test('a live holder keeps the data folder locked', { timeout: 60_000 }, async () => {
  const dataDir = await scratch();
  const child = await holder(dataDir);
  try {
    await assert.rejects(lockDataDir(dataDir), DataDirLockedError);
    // Past the holder's first refresh of the lock (every 5 s), which must find the lock still its own.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    assert.equal(child.exitCode, null, 'the holder still runs (it did not take its lock for compromised)');
    await assert.rejects(lockDataDir(dataDir), DataDirLockedError);
  } finally {
    await killed(child);
  }
});

test('after the holder crashed (killed), the lock is taken at once, not after it goes stale', {
  timeout: 60_000,
}, async () => {
  const dataDir = await scratch();
  await killed(await holder(dataDir));
  // The crashed holder's lock is fresh (its mtime just updated): only its dead pid tells it is stale.
  const release = await lockDataDir(dataDir);
  await assert.rejects(lockDataDir(dataDir), DataDirLockedError, 'and this process now holds it');
  await release();
  await assert.rejects(stat(path.join(dataDir, '.lock')), { code: 'ENOENT' }, 'released, the lock is gone');
});
