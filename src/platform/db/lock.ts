import fs from 'node:fs';
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  code = 'DATA_DIR_LOCKED';
  constructor(dataDir: string) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（通常是运行中的服务器）使用。请先停止服务器，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
        `The data folder ${dataDir} is in use by another process (usually the running server). Stop it first, or use DATABASE_URL.`,
    );
  }
}

/** The lock (a directory, as proper-lockfile makes it) and the file in it naming its holder. */
const lockPath = (dataDir: string) => path.join(dataDir, '.lock');
const ownerPath = (dataDir: string) => path.join(lockPath(dataDir), 'owner.json');

type Owner = { pid: number; hostname: string };

/** Whether process `pid` on this machine is gone (a process we may not signal still exists). */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'ESRCH';
  }
}

/**
 * The holder recorded in the lock, when it is a process of this machine that no longer runs (killed,
 * crashed): its lock may be taken over at once instead of after the 15 s it takes to go stale. A lock
 * without a readable holder (being taken right now, or from another machine) is left alone.
 */
async function deadOwner(dataDir: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(ownerPath(dataDir), 'utf8')) as Owner;
    if (owner.hostname !== os.hostname() || !Number.isInteger(owner.pid) || owner.pid === process.pid)
      return null;
    return processGone(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/**
 * proper-lockfile's file system, except that removing the lock (on release, or when it is stale) removes
 * the holder file in it too: its own `rmdir` needs the directory empty.
 */
const lockFs = {
  ...fs,
  rmdir: (p: string, callback: (err: NodeJS.ErrnoException | null) => void) =>
    fs.rm(p, { recursive: true, force: true }, callback),
  rmdirSync: (p: string) => fs.rmSync(p, { recursive: true, force: true }),
};

async function acquire(dataDir: string): Promise<() => Promise<void>> {
  return lockfile.lock(dataDir, {
    lockfilePath: lockPath(dataDir),
    stale: 15_000,
    update: 5_000,
    realpath: false,
    fs: lockFs,
    onCompromised: (err) => {
      console.error('数据目录锁已失效，为保护数据立即退出 / data folder lock compromised, exiting', err);
      process.exit(70);
    },
  });
}

/**
 * Hold an exclusive lock on the PGlite data folder for the life of this process. PGlite takes no
 * lock itself: two processes on one folder corrupt it. The lock records this process (pid, host
 * name), so that after a crash a supervisor's immediate restart recognises the dead holder and goes
 * ahead, while a live holder still refuses.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await acquire(dataDir);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    const dead = await deadOwner(dataDir);
    // Re-read just before removing it: a lock taken over by a third process meanwhile names that one.
    const still = dead && (await deadOwner(dataDir));
    if (!still || still.pid !== dead.pid) throw new DataDirLockedError(dataDir);
    await rm(lockPath(dataDir), { recursive: true, force: true });
    try {
      release = await acquire(dataDir);
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
      throw again;
    }
  }
  // proper-lockfile takes a changed mtime of the lock for another process's: keep the one it set.
  const { atime, mtime } = await stat(lockPath(dataDir));
  await writeFile(
    ownerPath(dataDir),
    JSON.stringify({ pid: process.pid, hostname: os.hostname() } satisfies Owner),
  );
  await utimes(lockPath(dataDir), atime, mtime);
  return release;
}
