import { mkdir } from 'node:fs/promises';
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

/**
 * Hold an exclusive lock on the PGlite data folder for the life of this process. PGlite takes no
 * lock itself: two processes on one folder corrupt it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.lock`,
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (err) => {
        console.error('数据目录锁已失效，为保护数据立即退出 / data folder lock compromised, exiting', err);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
