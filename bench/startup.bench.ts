/**
 * Benchmark: start-up time — from spawning `node src/cli.ts serve` to the first successful
 * `GET /healthz`, on a data folder that already holds a migrated, seeded PGlite database.
 * Median of 5 runs. Target: ≤ 3 s.
 *
 * Also the helpers the HTTP benchmark shares: a server in a child process on 127.0.0.1, always
 * stopped at the end (even on failure), and a prepared temporary data folder, always removed.
 *
 * Run alone: `node bench/startup.bench.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'src/cli.ts');
const HOST = '127.0.0.1';
/** How long a server may take to answer `/healthz`: a first start seeds the demo data, slow on a loaded
 * machine (`BENCH_START_TIMEOUT_MS` to change it). */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_MS) || 180_000;
const STOP_TIMEOUT_MS = 15_000;
export const STARTUP_RUNS = 5;
export const STARTUP_TARGET_MS = 3_000;

// Every child this process started is killed, and every temporary folder removed, when it exits,
// whatever the reason (normal end, error, Ctrl-C).
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.exit(130); // the exit handler above cleans up
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function serverEnv(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    GONGKAI_DATA: dataDir,
    PORT: String(port),
    HOST,
    GONGKAI_PUBLIC_URL: `http://${HOST}:${port}`,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the PGlite data folder unless `extra` names a PostgreSQL server
  return { ...env, ...extra };
}

/** Keeps the last few KiB of a child's output for error messages (and drains the pipe). */
function capture(child: ChildProcess): () => string {
  let text = '';
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-8192);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => text;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM'); // `serve` closes the server and the database, releasing the folder lock
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timer);
  }
  children.delete(child);
}

function healthzOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/healthz', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export type ServerProcess = {
  url: string;
  port: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyMs: number;
  stop(): Promise<void>;
};

/**
 * Spawns `node src/cli.ts serve` on a free port of 127.0.0.1 and waits for /healthz; `env` adds to (or
 * overrides) the server's environment, e.g. `DATABASE_URL`.
 */
export async function startServerProcess(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(dataDir, port, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = capture(child);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `server exited (${child.exitCode ?? child.signalCode}) before /healthz:\n${output()}`,
        );
      if (performance.now() - started > START_TIMEOUT_MS)
        throw new Error(`server not healthy after ${START_TIMEOUT_MS} ms:\n${output()}`);
      if (await healthzOnce(port)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  const readyMs = performance.now() - started;
  return { url: `http://${HOST}:${port}`, port, readyMs, stop: () => stopChild(child) };
}

/** Runs `node src/cli.ts …args` against the data folder. */
export async function runCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: serverEnv(dataDir, 0, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output = capture(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
  await exited(child);
  clearTimeout(timer);
  children.delete(child);
  if (child.exitCode !== 0)
    throw new Error(`gongkai ${args.join(' ')} failed (${child.exitCode}):\n${output()}`);
  return output();
}

/**
 * Runs `work` with a temporary data folder holding a migrated database with the demo data (made by
 * starting and stopping the server once); the folder is removed afterwards.
 */
export async function withPreparedData<T>(
  work: (dataDir: string) => Promise<T>,
  env: NodeJS.ProcessEnv = {},
): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-bench-'));
  tempDirs.add(dataDir);
  try {
    const first = await startServerProcess(dataDir, env);
    await first.stop();
    return await work(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }
}

export type StartupResult = { runsMs: number[]; medianMs: number };

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function runStartupBench(runs = STARTUP_RUNS): Promise<StartupResult> {
  return withPreparedData(async (dataDir) => {
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startServerProcess(dataDir);
      runsMs.push(server.readyMs);
      await server.stop();
    }
    return { runsMs, medianMs: median(runsMs) };
  });
}

export function formatStartup(r: StartupResult): string {
  const runs = r.runsMs.map((ms) => Math.round(ms)).join(', ');
  return `startup: median ${Math.round(r.medianMs)} ms to first /healthz (runs: ${runs} ms; target ≤ ${STARTUP_TARGET_MS} ms)`;
}

if (import.meta.main) {
  try {
    console.log(formatStartup(await runStartupBench()));
  } catch (error) {
    console.error('startup bench failed:', error);
    process.exitCode = 1;
  }
}
