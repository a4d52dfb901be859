/**
 * Benchmark: the portal consultation page `GET /gk/decisions/consultations/:id` with 5,000 comments, 1,000
 * of them published (anonymous visitor). The demo data folder gets one more open consultation of the
 * demo city with 5,000 comments (written before the server starts: PGlite has one process), then
 * autocannon in this process against the server in a child process: 10 s after a 2 s warm-up, 50
 * connections. Target ≥ 500 req/s.
 *
 * Run alone: `node bench/decisions-consultation.bench.ts`.
 */
import { createRequire } from 'node:module';
import { openPglite } from '../src/platform/db/client.ts';
import { startServerProcess, withPreparedData } from './startup.bench.ts';

export const CONSULTATION_PAGE_TARGET_RPS = 500;
const COMMENTS = 5_000;
const PUBLISHED_EVERY = 5;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;

type AutocannonResult = {
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
  duration: number;
};
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

export type ConsultationPageResult = {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  failures: number;
};

/** One open consultation of the first government with `COMMENTS` comments; its id. */
export async function addConsultation(dataDir: string): Promise<number> {
  const handle = await openPglite(dataDir);
  try {
    const { db } = handle;
    const org = await db
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'government')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const plus = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const row = await db
      .insertInto('consultations')
      .values({
        org_id: org.id,
        title: '性能测试：5000条意见的意见征集',
        draft: Array.from({ length: 30 }, (_, i) => `第${i + 1}条 条款内容${i + 1}。`).join('\n'),
        opens_on: plus(-5),
        planned_last_day: plus(30),
        closes_on: plus(30),
        short_reason: null,
        status: 'published',
        published_at: new Date(),
        closed_at: null,
        feedback_published_at: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const comments = Array.from({ length: COMMENTS }, (_, i) => ({
      consultation_id: row.id,
      channel: 'portal' as const,
      name: null,
      contact: `1380000${String(i).padStart(4, '0')}`,
      content: `关于第${(i % 30) + 1}条的意见：建议进一步明确适用范围和执行标准，加强部门协同，方便群众办事。（第${i + 1}条意见）`,
      article: (i % 30) + 1,
      received_on: today,
      status: i % PUBLISHED_EVERY === 0 ? ('published' as const) : ('pending' as const),
      entered_by: null,
    }));
    for (let i = 0; i < comments.length; i += 1000)
      await db
        .insertInto('consultation_comments')
        .values(comments.slice(i, i + 1000))
        .execute();
    return row.id;
  } finally {
    await handle.close();
  }
}

export async function runConsultationPageBench(): Promise<ConsultationPageResult> {
  return withPreparedData(async (dataDir) => {
    const id = await addConsultation(dataDir);
    const server = await startServerProcess(dataDir);
    try {
      const url = `${server.url}/gk/decisions/consultations/${id}`;
      const probe = await fetch(url);
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`GET ${url} answered ${probe.status}`);
      if (!body.includes('第1条意见')) throw new Error('the published comments are not on the page');
      await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S });
      const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
      return {
        requestsPerSecond: r.requests.total / r.duration,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        failures: r.errors + r.non2xx,
      };
    } finally {
      await server.stop();
    }
  });
}

export function formatConsultationPage(r: ConsultationPageResult): string {
  const failures = r.failures ? `, ${r.failures} errors/non-2xx` : '';
  return (
    `decisions.consultation page with ${COMMENTS.toLocaleString('en')} comments: ` +
    `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.latencyP50Ms} ms, ` +
    `p99 ${r.latencyP99Ms} ms${failures} (target ≥ ${CONSULTATION_PAGE_TARGET_RPS} req/s)`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatConsultationPage(await runConsultationPageBench()));
}
