import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { MODULES } from './modules.ts';
import { prepareData } from './platform/bootstrap.ts';
import { listenLocal } from './platform/db/local-socket.ts';
import { openAndMigrate } from './platform/db/open.ts';
import { removePartialUploads } from './platform/files/storage.ts';
import { ABANDONED_UPLOAD_MS, HOUSEKEEPING_JOBS } from './platform/jobs/housekeeping.ts';
import { createScheduler } from './platform/jobs/scheduler.ts';
import { setClock } from './platform/time.ts';

export type RunningServer = { app: FastifyInstance; url: string; close(): Promise<void> };

/** The only place that calls listen(): on `::`, which takes IPv6 and IPv4 on a dual-stack host. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  if (config.clockStart) setClock(config.clockStart);
  const handle = await openAndMigrate(config, { thread: true });
  try {
    if (handle.applied.length > 0) log(`已执行数据库迁移 / migrations applied: ${handle.applied.join(', ')}`);
    // Uploads cut short by a crash: all of them when this process has the folder to itself (PGlite).
    await removePartialUploads(config.dataDir, handle.kind === 'pglite' ? 0 : ABANDONED_UPLOAD_MS);
    const seeded = await prepareData(handle.db, MODULES, config.seedDemo);
    const app = await buildApp({
      config,
      db: handle.db,
      readDb: handle.readDb,
      replicaHealth: handle.replicaHealth,
    });
    await app.listen({ port: config.port, host: config.host, ipv6Only: false });
    // Local commands (backup, user add, a plan import…) share the embedded store while the server runs.
    const stopLocal = handle.thread ? await listenLocal(handle.thread, config.dataDir) : null;
    const jobs = [...HOUSEKEEPING_JOBS, ...MODULES.flatMap((m) => m.jobs ?? [])];
    const scheduler = createScheduler({ db: handle.db, jobs, config, log: app.log });
    scheduler.start();
    const url = `http://localhost:${config.port}`;
    log(
      `公开 Gongkai 已启动 / started (${
        handle.kind === 'pglite'
          ? `PGlite: ${config.dataDir}`
          : `PostgreSQL${config.databaseReplicaUrls.length ? `，只读副本 ${config.databaseReplicaUrls.length} 个 / replicas` : ''}`
      })`,
    );
    log(`  门户 portal: ${url}/`);
    log(`  管理后台 admin: ${url}/admin/`);
    log(`  接口文档 API docs: ${url}/api/docs`);
    for (const line of seeded) log(line);
    let closing: Promise<void> | null = null;
    return {
      app,
      url,
      close() {
        closing ??= (async () => {
          await scheduler.stop();
          await stopLocal?.();
          await app.close();
          await handle.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
