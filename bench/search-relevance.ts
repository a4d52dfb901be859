/**
 * Relevance judgements for the synthetic corpus (bench/search-corpus.ts), derived from how each
 * document was generated — its title's subject, the other subjects its keywords and summary name, its
 * issuer and genre — never from the engine's scores. Used by the search bench (nDCG@10 at scale) and
 * by the relevance test (src/modules/documents/search/ndcg.db.test.ts).
 *
 * Grades: 3 the document is what the query asks for; 2 it is about (one of) the query's topics;
 * 1 it names a topic in its keywords or summary; 0 otherwise (the body mentions subjects at random:
 * a passing mention is not relevance).
 */
import type { Kysely } from 'kysely';
import { type SearchTuning, searchDocuments } from '../src/modules/documents/search/service.ts';
import type { Database } from '../src/platform/db/database.ts';
import { meanOf, ndcg } from '../src/platform/search/relevance.ts';
import { rng, SUBJECTS, type SyntheticDoc } from './search-corpus.ts';

export type RelevanceQuery =
  /** One subject, typed as it is written. */
  | { kind: 'subject'; q: string; subject: string }
  /** Two subjects (乡村振兴 高标准农田建设): no title holds both. */
  | { kind: 'pair'; q: string; subjects: [string, string] }
  /** A subject and a kind of document (集中供热 管理办法). */
  | { kind: 'genre'; q: string; subject: string; genre: string }
  /** A subject and the issuing department, by its common short name (人社局 高校毕业生就业创业). */
  | { kind: 'org'; q: string; subject: string; org: string };

/** Genre codes of the corpus and the word a person types for them. */
const GENRE_WORDS: readonly [string, string][] = [
  ['notice', '通知'],
  ['opinion', '实施意见'],
  ['measures', '管理办法'],
  ['announcement', '公告'],
  ['report', '报告'],
  ['bulletin', '通报'],
  ['other', '工作方案'],
];

/** Corpus organisations and the short names people type (the search's synonym list links them). */
const ORG_WORDS: readonly [string, string][] = [
  ['市发展改革委', '发改委'],
  ['市教育局', '教育局'],
  ['市人力资源社会保障局', '人社局'],
  ['市住房城乡建设局', '住建局'],
  ['市卫生健康委', '卫健委'],
  ['市市场监管局', '市场监管局'],
  ['市医保局', '医保局'],
  ['市文化和旅游局', '文旅局'],
  ['市农业农村局', '农业农村局'],
  ['市交通运输局', '交通运输局'],
  ['市财政局', '财政局'],
  ['市生态环境局', '生态环境局'],
];

/** At least 100 queries: every subject alone, 25 pairs, 15 with a genre, 15 with an issuer (seeded). */
export function relevanceQueries(seed = 19_002): RelevanceQuery[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const out: RelevanceQuery[] = SUBJECTS.map((subject) => ({ kind: 'subject', q: subject, subject }));
  const pairs = new Set<string>(['乡村振兴\n高标准农田建设']);
  while (pairs.size < 25) {
    const a = pick(SUBJECTS);
    const b = pick(SUBJECTS);
    if (a !== b && !pairs.has(`${b}\n${a}`)) pairs.add(`${a}\n${b}`);
  }
  for (const p of pairs) {
    const [a, b] = p.split('\n') as [string, string];
    out.push({ kind: 'pair', q: `${a} ${b}`, subjects: [a, b] });
  }
  for (let i = 0; i < 15; i++) {
    const subject = pick(SUBJECTS);
    const [genre, word] = pick(GENRE_WORDS);
    out.push({ kind: 'genre', q: `${subject} ${word}`, subject, genre });
  }
  for (let i = 0; i < 15; i++) {
    const subject = pick(SUBJECTS);
    const [org, word] = pick(ORG_WORDS);
    out.push({ kind: 'org', q: `${word} ${subject}`, subject, org });
  }
  return out;
}

export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = relevanceQueries();

/** The grade (0–3) of a document for a query, from the document's generation truth. */
export function judge(query: RelevanceQuery, d: SyntheticDoc): number {
  const names = (s: string) => d.secondary.includes(s);
  switch (query.kind) {
    case 'subject':
      return d.subject === query.subject ? 3 : names(query.subject) ? 1 : 0;
    case 'pair': {
      const [a, b] = query.subjects;
      if (d.subject === a || d.subject === b) return names(d.subject === a ? b : a) ? 3 : 2;
      return names(a) || names(b) ? 1 : 0;
    }
    case 'genre':
      if (d.subject === query.subject) return d.genre === query.genre ? 3 : 2;
      return names(query.subject) ? 1 : 0;
    case 'org':
      if (d.subject === query.subject) return d.org === query.org ? 3 : 2;
      return names(query.subject) && d.org === query.org ? 1 : 0;
  }
}

export interface RelevanceResult {
  /** Mean nDCG@10 over the queries with a relevant document. */
  ndcg10: number;
  queries: number;
  /** Mean nDCG@10 per kind of query. */
  byKind: Record<RelevanceQuery['kind'], number>;
  /** The worst queries (for reading, not asserting). */
  worst: { q: string; ndcg10: number }[];
}

/**
 * Run every query (first page of 10) and score it against the judgements of all documents in
 * `docs` (document id → its generation truth; documents not in it are graded 0).
 */
export async function evaluateRelevance(
  db: Kysely<Database>,
  docs: ReadonlyMap<number, SyntheticDoc>,
  opts: {
    queries?: readonly RelevanceQuery[];
    tuning?: SearchTuning;
    /** Another ranking to score (the first 10 ids for a query); the search by default. */
    rank?: (q: string) => Promise<number[]>;
  } = {},
): Promise<RelevanceResult> {
  const queries = opts.queries ?? RELEVANCE_QUERIES;
  const rank =
    opts.rank ??
    (async (q: string) =>
      (await searchDocuments(db, { q, limit: 10 }, opts.tuning)).results.map((x) => x.id));
  const scored: { query: RelevanceQuery; value: number | null }[] = [];
  for (const query of queries) {
    const got = (await rank(query.q)).slice(0, 10).map((id) => {
      const d = docs.get(id);
      return d ? judge(query, d) : 0;
    });
    const all: number[] = [];
    for (const d of docs.values()) {
      const g = judge(query, d);
      if (g > 0) all.push(g);
    }
    scored.push({ query, value: ndcg(got, all, 10) });
  }
  const kinds = ['subject', 'pair', 'genre', 'org'] as const;
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, meanOf(scored.filter((s) => s.query.kind === k).map((s) => s.value))]),
  ) as Record<RelevanceQuery['kind'], number>;
  const defined = scored.filter((s) => s.value !== null) as { query: RelevanceQuery; value: number }[];
  return {
    ndcg10: meanOf(scored.map((s) => s.value)),
    queries: defined.length,
    byKind,
    worst: defined
      .sort((a, b) => a.value - b.value)
      .slice(0, 5)
      .map((s) => ({ q: s.query.q, ndcg10: s.value })),
  };
}
