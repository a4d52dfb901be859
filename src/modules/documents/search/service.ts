/**
 * Full-text search of the document library (政府文件库).
 *
 * Index: `refreshDocumentSearch` writes `documents.search_vector` (title and 文号 A, keywords, summary
 * and issuing organisations B, body C, attachments and interpretations D) and `search_title` (title,
 * 文号 and issuers) from the jieba tokens of platform/search/fulltext.ts.
 *
 * Query (`searchDocuments`): an exact 文号 (济政办字〔2021〕18号, also typed with [] () ［］ （）) is
 * looked up by `doc_number_key` and ranked above everything; then by the share of the query's words
 * the title (or issuer) holds; then `ts_rank_cd`; ties newest first. A common word matches tens of
 * thousands of documents, so ranking is two-phase: candidates come from index lookups that read no
 * large vector of the common matches (exact 文号; every word in the title, newest first; per query
 * word, the newest titles holding it that match the whole query; other matches as the GIN bitmap
 * yields them) and only the first DEFAULT_CANDIDATES are ranked; later pages continue in that order.
 * Synonyms: the fixed list and the pairs the office accepted (`searchSynonyms`, synonyms.ts).
 * Organisation, year and genre filters are also facet lexemes in the vectors (kept by the trigger of
 * migration 0015), so the GIN index applies them. The total is exact up to DEFAULT_TOTAL_CAP, then a
 * lower bound (`totalCapped`).
 */
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import {
  addSearchWords,
  buildTsquery,
  buildTsvector,
  coverage,
  highlightPattern,
  leadSnippet,
  type ParsedQuery,
  snippet,
  synonymIndex,
  type WeightedText,
  withFacets,
} from '../../../platform/search/fulltext.ts';
import { orgNames, orgNamesAndAliases } from '../../orgs/index.ts';
import { parseDocNumber } from '../domain/doc-number.ts';
import {
  dateWalkRows,
  estimatedTotal,
  postingsPlan,
  type TermFrequencies,
} from '../domain/search-estimate.ts';
import { DOCUMENT_SYNONYMS } from '../domain/synonyms.ts';
import type { Validity } from '../store.ts';
import type { SearchFilters } from './store.ts';
import * as store from './store.ts';
import * as synonymStore from './synonyms.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Matches ranked by ts_rank_cd per query; the rest follow in (in title, newest) order. */
export const DEFAULT_CANDIDATES = 100;
/**
 * Totals are exact up to this many matches; beyond, `totalCapped` is true (shown as "2,000+"; 100
 * pages of 20 stay reachable). Counting visits the matches one by one: at 100,000 documents a cap of
 * 10,000 put PostgreSQL's p95 at 64 ms, 2,000 at 47 ms (target 50 ms; bench/search.bench.ts).
 */
export const DEFAULT_TOTAL_CAP = 2_000;

/** Sizes of the two-phase query (tests and benchmarks change them). */
export interface SearchTuning {
  candidates?: number;
  totalCap?: number;
  /**
   * False: every total counted (up to the cap) and every title list from the title index, as before
   * the plans chosen from document frequencies (tests compare both; the results are the same).
   */
  plans?: boolean;
  /** Totals are estimated above this many matches (default: the cap). */
  estimateAbove?: number;
}
/** Largest page. */
export const MAX_LIMIT = 100;

let synonymWordsLoaded = false;
/** The fixed list plus the office's accepted pairs, re-read after SYNONYMS_TTL_MS or a review. */
let synonymCache: { at: number; index: ReadonlyMap<string, readonly string[]> } | null = null;
const SYNONYMS_TTL_MS = 60_000;

/** Forget the cached synonyms (after a review): the next search reads the accepted pairs again. */
export function forgetSearchSynonyms(): void {
  synonymCache = null;
}

/**
 * The synonym index of the search: the fixed list (domain/synonyms.ts) and the mined pairs the office
 * accepted (search_synonym_candidates), cached for a minute in each process (one small query), the
 * accepted short forms taught to the segmenter.
 */
export async function searchSynonyms(db: Db): Promise<ReadonlyMap<string, readonly string[]>> {
  const at = performance.now();
  if (synonymCache && at - synonymCache.at < SYNONYMS_TTL_MS) return synonymCache.index;
  const accepted = await synonymStore.acceptedPairs(db);
  // Only the short forms become dictionary words (so a query keeps 12345热线 whole); a long form stays
  // cut into its words, in queries as in documents indexed before or after the review.
  addSearchWords(accepted.map(([short]) => short));
  const index = synonymIndex([...DOCUMENT_SYNONYMS, ...accepted]);
  synonymCache = { at, index };
  return index;
}
let orgWordsLoadedAt = 0;
const ORG_WORDS_TTL_MS = 10 * 60_000;

/** Organisation name prefixes that are cut off before a name goes into the dictionary (市发展改革委 → 发展改革委). */
const ORG_PREFIX = /^(?:[\p{Script=Han}]{2,4}?[省市县区])?(?:市|县|区)?/u;

/** The core of an organisation name for the segmenter: without 市/县/区 or a place name in front. */
export function orgCoreName(name: string): string {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  const core = n.replace(ORG_PREFIX, '');
  return core.length >= 2 ? core : n;
}

/**
 * Teach the segmenter the synonym terms and the organisation names (and their aliases) in the
 * database: once per process, organisations again after ten minutes. Cheap (one small query).
 */
export async function loadSearchWords(db: Db, now = Date.now()): Promise<void> {
  if (!synonymWordsLoaded) {
    addSearchWords(DOCUMENT_SYNONYMS.flat());
    synonymWordsLoaded = true;
  }
  if (now - orgWordsLoadedAt < ORG_WORDS_TTL_MS) return;
  orgWordsLoadedAt = now;
  const words = new Set<string>();
  for (const name of await orgNamesAndAliases(db)) words.add(orgCoreName(name));
  addSearchWords(words);
}

/** The text fields of a document as they are indexed. */
export interface DocumentSearchText {
  title: string;
  docNumber: string | null;
  keywords: readonly string[];
  summary: string | null;
  orgNames: readonly string[];
  bodyText: string;
  /** Attachment texts, interpretation titles, bodies (plain text) and Q&A. */
  extraTexts: readonly string[];
}

/** Weighted fields of the full vector: title, 文号 A; keywords, summary, issuers B; body C; the rest D. */
export function documentSearchFields(d: DocumentSearchText): WeightedText[] {
  return [
    { text: d.title, weight: 'A' },
    { text: d.docNumber, weight: 'A' },
    { text: d.keywords.join(' '), weight: 'B' },
    { text: d.summary, weight: 'B' },
    { text: d.orgNames.join(' '), weight: 'B' },
    { text: d.bodyText, weight: 'C' },
    ...d.extraTexts.map((text) => ({ text, weight: 'D' as const })),
  ];
}

/**
 * Both vector literals of a document: `vector` (everything) and `title` (title, 文号 and issuing
 * organisations: a query naming the issuer ranks its documents like a title match).
 */
export function documentVectors(d: DocumentSearchText): { vector: string; title: string } {
  return {
    vector: buildTsvector(documentSearchFields(d)),
    title: buildTsvector([
      { text: d.title, weight: 'A' },
      { text: d.docNumber, weight: 'A' },
      { text: d.orgNames.join(' '), weight: 'A' },
    ]),
  };
}

/**
 * The facet lexemes a search's filters require. The database adds them to both vectors on every
 * write (trigger documents_search_facets, migration 0015): org:<id> for each issuer, year:<written>,
 * genre:<code>. The columns are checked as well, so the facets only make the filter fast.
 */
function queryFacets(p: SearchDocumentsParams): string[] {
  const out: string[] = [];
  if (p.orgId != null && Number.isSafeInteger(p.orgId)) out.push(`org:${p.orgId}`);
  if (p.year != null && Number.isSafeInteger(p.year)) out.push(`year:${String(p.year).padStart(4, '0')}`);
  if (p.genre) out.push(`genre:${p.genre}`);
  return out;
}

/** Tags out, entities decoded enough for indexing. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Recompute `search_vector` and `search_title` of one document from its title, 文号, keywords,
 * summary, issuers, body, attachments and interpretations. Call after every write that changes
 * any of these (inside the writer's transaction). A missing document is ignored.
 */
export async function refreshDocumentSearch(db: Db, documentId: number): Promise<void> {
  await loadSearchWords(db);
  const src = await store.indexSource(db, documentId);
  if (!src) return;
  const doc = src.document;
  // The issuing organisation and the joint issuers, by id.
  const names = await orgNames(db, [doc.org_id, ...src.issuerIds]);
  const issuerNames = [...names].sort(([a], [b]) => a - b).map(([, name]) => name);
  const extra: string[] = [];
  for (const a of src.attachments) extra.push(a.name, a.text_content);
  for (const i of src.interpretations) {
    extra.push(i.title, htmlToText(i.body_html));
    const qa = Array.isArray(i.qa) ? i.qa : [];
    for (const item of qa)
      if (item && typeof item === 'object') extra.push(`${item.q ?? ''} ${item.a ?? ''}`);
  }
  const v = documentVectors({
    title: doc.title,
    docNumber: doc.doc_number,
    keywords: doc.keywords ?? [],
    summary: doc.summary,
    orgNames: issuerNames,
    bodyText: doc.body_text,
    extraTexts: extra,
  });
  await store.writeSearchVectors(db, documentId, v);
}

/** Re-index every document (after a bulk import or a dictionary change), in batches; returns the count. */
export async function refreshAllDocumentSearch(db: Db, batch = 500): Promise<number> {
  let last = 0;
  let n = 0;
  for (;;) {
    const ids = await store.documentIdsAfter(db, last, batch);
    if (ids.length === 0) return n;
    for (const id of ids) await refreshDocumentSearch(db, id);
    n += ids.length;
    last = ids[ids.length - 1] ?? last;
  }
}

export interface SearchDocumentsParams extends SearchFilters {
  /** The query as typed; '' lists the (filtered) documents newest first. */
  q: string;
  limit?: number;
  offset?: number;
}

export interface DocumentSearchHit {
  id: number;
  title: string;
  docNumber: string | null;
  orgName: string;
  writtenDate: string;
  publishedDate: string | null;
  genre: string;
  validity: Validity;
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: string;
  /**
   * Higher is better: 10 for an exact 文号, + (query words in the title + ts_rank_cd) / query words
   * (≥ 1 when the title holds every word; ts_rank_cd is below 1).
   */
  score: number;
}

export interface DocumentSearchResult {
  /**
   * Number of matches; a lower bound (the cap, DEFAULT_TOTAL_CAP) when `totalCapped`; an estimate
   * (two significant digits, above the cap) when `totalEstimated`.
   */
  total: number;
  totalCapped: boolean;
  /** The total is estimated from document frequencies (shown as 约 N 件): a common word, not counted. */
  totalEstimated?: boolean;
  results: DocumentSearchHit[];
  /** True when no document had every word and the results match any of them. */
  relaxed: boolean;
}

const EMPTY: DocumentSearchResult = { total: 0, totalCapped: false, results: [], relaxed: false };

/** Document frequencies per database handle, re-read after FREQUENCIES_TTL_MS (one small query). */
type Frequencies = { vector: TermFrequencies; title: TermFrequencies };
const frequencyCache = new WeakMap<object, { at: number; df: Promise<Frequencies> }>();
const FREQUENCIES_TTL_MS = 5 * 60_000;
/**
 * What reading one document's large vector costs against decoding one posting of the GIN index: the
 * other matches walk the published documents by date when that reads fewer than the index's postings
 * would cost (`dateWalkRows`). Measured 8 µs against 32 ns (250) at 100,000 documents on PostgreSQL 18;
 * twice that here, since words go together more often than the estimate's independence assumes and a
 * walk then reads more rows than expected (政策解读 新闻发布会: 17 ms walked against 9 ms through the index).
 */
export const VECTOR_READ_POSTINGS = 500;

function termFrequencies(db: Db): Promise<Frequencies> {
  const at = performance.now();
  const cached = frequencyCache.get(db);
  if (cached && at - cached.at < FREQUENCIES_TTL_MS) return cached.df;
  const df = store.termFrequencies(db);
  frequencyCache.set(db, { at, df });
  df.catch(() => frequencyCache.delete(db));
  return df;
}

function clampInt(v: number | undefined, min: number, max: number, dflt: number): number {
  if (v === undefined || !Number.isFinite(v)) return dflt;
  return Math.min(max, Math.max(min, Math.trunc(v)));
}

type Candidate = { id: number; exact: boolean; in_title: boolean; published_date: string | null };

/** Find the 文号 key when the whole query is a document number. */
function exactKey(q: string): string | null {
  const text = q.trim();
  if (text.length < 6 || text.length > 60) return null;
  const parsed = parseDocNumber(text.replace(/〕第?0*(\d)/, '〕$1'));
  return parsed.ok ? parsed.value.normalized : null;
}

/**
 * Search the library. Any query string is safe: it is cut into words and passed as quoted lexemes
 * in a bound parameter; a query with no words (only punctuation, emoji …) finds nothing, an empty
 * query lists the filtered documents newest first.
 */
export async function searchDocuments(
  db: Db,
  params: SearchDocumentsParams,
  tuning: SearchTuning = {},
): Promise<DocumentSearchResult> {
  const pool = tuning.candidates ?? DEFAULT_CANDIDATES;
  const cap = tuning.totalCap ?? DEFAULT_TOTAL_CAP;
  const limit = clampInt(params.limit, 1, MAX_LIMIT, 20);
  const offset = clampInt(params.offset, 0, cap, 0);
  const q = typeof params.q === 'string' ? params.q : '';
  if (q.trim() === '') return browse(db, store.filterConditions(params, true), limit, offset, cap);
  const filters = store.filterConditions(params, false);

  await loadSearchWords(db);
  const key = exactKey(q);
  // A 文号 is searched in its canonical form too (〔2021〕018号 → 〔2021〕18号), for documents citing it.
  const words = buildTsquery(key ?? q, await searchSynonyms(db));
  if (!words.all && !key) return EMPTY;
  const facets = queryFacets(params);
  const parsed: ParsedQuery = {
    ...words,
    all: words.all && withFacets(words.all, facets),
    any: words.any && withFacets(words.any, facets),
    terms: words.terms.map((t) => withFacets(t, facets)),
  };
  const rankBy = { all: words.all, any: words.any, terms: words.terms };
  // Totals above the cap are estimated from document frequencies when every filter is a facet of the
  // vectors (so in the estimate); a 文号 or another filter is counted.
  const estimable =
    tuning.plans !== false &&
    !key &&
    params.topic == null &&
    params.themeId == null &&
    params.validity == null &&
    params.orgIds == null;
  const df = estimable ? await termFrequencies(db) : null;
  const estimate = (tsq: string) => (df ? estimatedTotal(tsq, df.vector, tuning.estimateAbove ?? cap) : null);
  // Walking the published documents by date (the title postings, the other matches) serves a search of
  // the public documents; the other matches only without a facet (an issuer or genre may rarely go with
  // the words: each walked row reads a large vector), the title postings but for a year (a year's
  // documents lie in one stretch of the date order, which every walk would first pass).
  const walkable = df && params.publishedOnly !== false && facets.length === 0 ? df : null;
  const postable = df && params.publishedOnly !== false && params.year == null ? df : null;
  const titlePlan = (tsq: string, n: number) => (postable ? postingsPlan(tsq, postable.title, n) : null);
  // At most twice the rows the walk should visit: beyond, the estimate was wrong and the index answers.
  const walkOthers = (tsq: string, n: number) => {
    const rows = walkable ? dateWalkRows(tsq, walkable.vector, n, VECTOR_READ_POSTINGS) : null;
    return rows == null ? null : 2 * rows;
  };

  return store.withoutSeqScan(db, (tx) =>
    rankedSearch(tx, parsed, rankBy, key, filters, {
      pool,
      cap,
      limit,
      offset,
      estimate,
      titlePlan,
      walkOthers,
    }),
  );
}

/** The plans chosen from document frequencies (none without them: the same results, counted and scanned). */
type Plan = {
  /** The estimated total of a query when above the cap. */
  estimate: (tsq: string) => number | null;
  /** How a list of the newest `n` titles matching a query is read (store.titleMatches). */
  titlePlan: (tsq: string, n: number) => store.TitlePlan;
  /** How many published documents the other matches walk by date at most (null: the index). */
  walkOthers: (tsq: string, n: number) => number | null;
};

async function rankedSearch(
  db: Db,
  parsed: ParsedQuery,
  rankBy: { all: string | null; any: string | null; terms: string[] },
  key: string | null,
  filters: RawBuilder<unknown>[],
  {
    pool,
    cap,
    limit,
    offset,
    ...plan
  }: {
    pool: number;
    cap: number;
    limit: number;
    offset: number;
  } & Plan,
): Promise<DocumentSearchResult> {
  // Phase 1: the candidates in the cheap order (the ranked head first), and the capped count.
  const n = Math.max(pool, offset + limit);
  const strict = { tsq: parsed.all, all: parsed.all, check: rankBy.all, terms: parsed.terms, key };
  let found = await candidates(db, filters, strict, n, pool, cap, plan);
  let relaxed = false;
  if (found.rows.length === 0 && parsed.any && parsed.any !== parsed.all) {
    // Any word: a title holding one of them already matches, so no check of the full vector.
    const any = { tsq: parsed.any, all: null, check: null, terms: parsed.terms, key };
    found = await candidates(db, filters, any, n, pool, cap, plan);
    relaxed = found.rows.length > 0;
  }
  const rows = found.rows;
  if (rows.length === 0) return EMPTY;
  const totalEstimated = found.estimated;
  const totalCapped = !totalEstimated && found.total > cap;
  const total = totalCapped ? cap : Math.max(found.total, rows.length);

  // Phase 2: rank the head by the share of query words in the title, then ts_rank_cd, then date;
  // the rest keep the cheap order.
  const head = rows.slice(0, found.head);
  const rankQuery = relaxed ? rankBy.any : rankBy.all;
  const ranks =
    rankQuery && head.length > 0
      ? await store.rankScores(
          db,
          head.map((c) => c.id),
          rankQuery,
          rankBy.terms,
        )
      : new Map<number, store.RankRow>();
  const k = Math.max(1, rankBy.terms.length);
  const score = (c: Candidate) => {
    const r = ranks.get(c.id);
    return (c.exact ? 10 : 0) + (r ? r.titleTerms + r.rank : c.in_title ? k : 0) / k;
  };
  const ranked = head
    .map((c) => ({ c, s: score(c) }))
    .sort(
      (a, b) =>
        b.s - a.s || (b.c.published_date ?? '').localeCompare(a.c.published_date ?? '') || b.c.id - a.c.id,
    )
    .concat(rows.slice(found.head).map((c) => ({ c, s: score(c) })));
  const page = ranked.slice(offset, offset + limit);
  const results = await hydrate(
    db,
    page.map((p) => ({ id: p.c.id, score: p.s })),
    parsed,
  );
  return totalEstimated
    ? { total, totalCapped, totalEstimated, results, relaxed }
    : { total, totalCapped, results, relaxed };
}

/** Title candidates per query word: together about twice the ranked pool, at least 20 per word. */
export function perTermLimit(n: number, terms: number): number {
  return terms < 2 ? 0 : Math.max(20, Math.ceil((2 * n) / terms));
}

/**
 * Phase 1: candidates from index lookups that never read a large search_vector of the common
 * matches — exact 文号; every word in the title (or issuer), newest first; when the query has several
 * words and is not a 文号, per word the newest documents with that word in the title that match the
 * whole query (a bounded number of vectors read, so 乡村振兴 高标准农田 ranks the documents about either
 * topic, not the first matches in storage order); then the other matches, newest first (the GIN bitmap's
 * scan stops after cap + 1 rows and also gives the count, the newest `n` of those; when `estimate` knows
 * the total is above the cap, no count: the total is the estimate, or exact when the lists end short, and
 * for a common query the newest `n` are found by walking the published documents by date; none when the
 * lists before them fill all `n`). The head (first `pool`: the lists cut at `pool`) is
 * ranked; a larger `n` (a later page) only extends the lists, so the head is the same on
 * every page and the tail continues in the cheap order.
 */
async function candidates(
  db: Db,
  filters: RawBuilder<unknown>[],
  m: { tsq: string | null; all: string | null; check: string | null; terms: string[]; key: string | null },
  n: number,
  pool: number,
  cap: number,
  plan: Plan,
): Promise<{ rows: Candidate[]; total: number; head: number; estimated: boolean }> {
  const exact = m.key ? await store.exactMatches(db, filters, m.key, n) : [];
  const titled = m.all ? await store.titleMatches(db, filters, m.all, n, plan.titlePlan(m.all, n)) : [];
  // When the exact and every-word title matches fill the head, the per-word lists would only reach the
  // tail: skipped (a common topic such as 城乡居民基本养老保险 reads no extra vectors). So are they for a
  // 文号: its parts are an issuer's abbreviation, a year and a number (济教发, 2019, 7), and the newest
  // titles with "2019" or "7" in them are not about the document asked for.
  const full = new Set([...exact.slice(0, pool), ...titled.slice(0, pool)].map((r) => r.id)).size >= pool;
  const perTerm = full || m.key ? 0 : perTermLimit(n, m.terms.length);
  const termTitled = await store.titleTermMatches(db, filters, m.terms, m.check, perTerm, plan.titlePlan);
  const match = { tsq: m.tsq, all: m.all, key: m.key };
  const estimated = m.tsq && !m.key ? plan.estimate(m.tsq) : null;
  const headLimit = perTermLimit(pool, m.terms.length);
  const termHead = termTitled.filter((r) => r.pos <= headLimit);
  // The lists before the other matches already give all `n` rows (the exact and title matches, and the
  // per-word title lists' head): no other match would reach the list, so an estimated total needs no
  // scan. (A scan for non-title matches where every match has the words in its title visits them all:
  // 工作方案 among genre 'other' at 1,000,000 documents, 4 s; for two common words, building the
  // bitmap of every match of either is most of the search's time.)
  const listed = new Set([...exact, ...titled, ...termHead].map((r) => r.id));
  const filled = listed.size >= n;
  // An estimated query's other matches leave out the listed ones and fill only what they leave of `n`:
  // the same rows reach the candidates (they come after the lists and would skip the listed ones), and
  // a walk reads fewer rows.
  const need = n - listed.size;
  const { total, others } =
    estimated == null
      ? await store
          .scanMatches(db, filters, match, n, cap)
          .then((r) => ({ total: { n: r.total, estimated: false }, others: r.others }))
      : filled
        ? { total: { n: estimated, estimated: true }, others: [] }
        : await estimatedMatches(
            db,
            filters,
            match,
            { n: need, cap, walk: plan.walkOthers(m.tsq as string, need), except: [...listed] },
            estimated,
            titled.length < n,
          );
  const newest = (a: store.MatchRow, b: store.MatchRow) =>
    (b.published_date ?? '').localeCompare(a.published_date ?? '') || b.id - a.id;
  termHead.sort(newest);
  const termTail = termTitled.filter((r) => r.pos > headLimit).sort(newest);

  const out: Candidate[] = [];
  const seen = new Set<number>();
  const add = (
    list: readonly store.MatchRow[],
    flags: { exact: boolean; in_title: boolean },
    max: number,
  ) => {
    let taken = 0;
    for (const r of list) {
      if (out.length >= max || ++taken > max) return;
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ id: r.id, ...flags, published_date: r.published_date });
    }
  };
  const EXACT = { exact: true, in_title: false };
  const TITLED = { exact: false, in_title: true };
  const OTHER = { exact: false, in_title: false };
  // The head: each list cut at `pool` (what a first page would fetch), together at most `pool`.
  add(exact, EXACT, pool);
  add(titled, TITLED, pool);
  add(termHead, OTHER, pool);
  add(others, OTHER, pool);
  const head = out.length;
  // The tail: the same lists at `n`, after the head.
  add(exact, EXACT, n);
  add(titled, TITLED, n);
  add(termHead, OTHER, n);
  add(termTail, OTHER, n);
  add(others, OTHER, n);
  return { rows: out, total: total.n, head, estimated: total.estimated };
}

/**
 * The other matches of a query whose total the document frequencies estimate above the cap: the first
 * `n` only (no count), none of `except` (the listed candidates, all of them matches: the title lists'). When
 * both the other matches and the every-word title list (`titledComplete`) end short, every match is
 * known: the exact total.
 */
async function estimatedMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  match: { tsq: string | null; all: string | null; key: string | null },
  { n, cap, walk, except }: { n: number; cap: number; walk: number | null; except: number[] },
  estimated: number,
  titledComplete: boolean,
): Promise<{ total: { n: number; estimated: boolean }; others: store.MatchRow[] }> {
  const others = await store.otherMatches(db, filters, match, { n, cap, except }, walk);
  if (others.length < n && titledComplete)
    return { total: { n: others.length + except.length, estimated: false }, others };
  return { total: { n: estimated, estimated: true }, others };
}

async function browse(
  db: Db,
  filters: RawBuilder<unknown>[],
  limit: number,
  offset: number,
  cap: number,
): Promise<DocumentSearchResult> {
  const { ids, count: n } = await store.browsePage(db, filters, { limit, offset, cap });
  const results = await hydrate(
    db,
    ids.map((id) => ({ id, score: 0 })),
    null,
  );
  return { total: Math.min(n, cap), totalCapped: n > cap, results, relaxed: false };
}

/** Load the page's rows and build their snippets (body, then attachments, summary, title). */
async function hydrate(
  db: Db,
  page: { id: number; score: number }[],
  parsed: ParsedQuery | null,
): Promise<DocumentSearchHit[]> {
  if (page.length === 0) return [];
  const ids = page.map((p) => p.id);
  const rows = await store.hitRows(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pattern = parsed ? highlightPattern(parsed.highlight) : null;
  const groups = parsed?.groups ?? [];
  // The snippet comes from the text that holds the most query words: the body, else an attachment
  // (read only for the documents whose body lacks some word), else the summary.
  const sources = new Map<number, { text: string; cov: number }>();
  const partial: number[] = [];
  for (const r of rows) {
    const cov = pattern ? coverage(r.body_text, groups) : 0;
    sources.set(r.id, { text: r.body_text, cov });
    if (pattern && cov < groups.length) partial.push(r.id);
  }
  if (partial.length > 0) {
    const atts = await store.attachmentTexts(db, partial);
    const summaries = rows.filter((r) => partial.includes(r.id) && r.summary);
    for (const a of [
      ...atts.map((x) => ({ id: x.document_id, text: x.text_content })),
      ...summaries.map((r) => ({ id: r.id, text: r.summary as string })),
    ]) {
      const cov = coverage(a.text, groups);
      const best = sources.get(a.id);
      if (best && cov > best.cov) sources.set(a.id, { text: a.text, cov });
    }
  }
  const out: DocumentSearchHit[] = [];
  for (const p of page) {
    const r = byId.get(p.id);
    if (!r) continue;
    const source = sources.get(r.id);
    const text =
      (source && source.cov > 0 ? snippet(source.text, pattern) : null) ??
      snippet(r.body_text, pattern) ??
      leadSnippet(r.summary || r.body_text);
    out.push({
      id: r.id,
      title: r.title,
      docNumber: r.doc_number,
      orgName: r.org_name,
      writtenDate: r.written_date,
      publishedDate: r.published_date,
      genre: r.genre,
      validity: r.validity,
      snippet: text,
      score: Math.round(p.score * 10_000) / 10_000,
    });
  }
  return out;
}
