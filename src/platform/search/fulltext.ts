/**
 * Chinese full-text search primitives for PostgreSQL, identical on PGlite and a real server.
 *
 * Texts are cut by jieba in search mode (政务公开 → 政务, 公开, 政务公开) with a user dictionary of
 * government terms (gov-words.txt) plus words a caller adds at runtime (organisation names). The
 * tokens are written as a `tsvector` *literal* ('政务':3C '公开':4C …) and queries as a `tsquery`
 * literal, both passed as bind parameters and cast (`$1::tsvector`): PostgreSQL's own text parser
 * never sees Chinese text, so the result does not depend on the server's locale, and user text can
 * never become SQL or tsquery syntax (every term is a quoted lexeme).
 *
 * Knows no domain words: synonym groups are given by the caller.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { escapeHtml } from '../../portal/html.ts';

/** tsvector weight labels: A (title, 文号) > B (keywords, summary) > C (body) > D (attachments). */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** Frequency given to user-dictionary words: high enough that jieba keeps them whole. */
const USER_WORD_FREQ = 20_000;
/** PostgreSQL limits: a lexeme < 2 KB, positions 1..16383, at most 256 positions per lexeme. */
const MAX_TOKEN_CHARS = 60;
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
/** A query longer than this is cut (a search box, not a document). */
export const MAX_QUERY_CHARS = 200;
/** At most this many distinct words of a query become terms. */
export const MAX_QUERY_TERMS = 12;

let instance: Jieba | null = null;
const userWords = new Set<string>();

/** The search segmenter: jieba's dictionary + the bundled government word list (one instance). */
function jieba(): Jieba {
  if (instance) return instance;
  const j = Jieba.withDict(dict);
  const bundled = readFileSync(new URL('./gov-words.txt', import.meta.url), 'utf8');
  const words = bundled
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
  const fresh: string[] = [];
  for (const raw of words) {
    const w = raw.normalize('NFKC').toLowerCase();
    userWords.add(w);
    longestUserWord = Math.max(longestUserWord, w.length);
    // Words jieba already knows keep their own frequency (re-weighting them would shift other cuts).
    const cut = j.cut(w, false);
    if (cut.length !== 1) fresh.push(`${w} ${USER_WORD_FREQ} n`);
  }
  if (fresh.length > 0) j.loadDict(Buffer.from(fresh.join('\n')));
  instance = j;
  return j;
}

/**
 * Add words (organisation names, synonym terms) to the search segmenter's dictionary. Words already
 * known are skipped; returns how many were new. Documents indexed before a word was added still
 * match it: a query word also matches the words it is made of (see `buildTsquery`).
 */
export function addSearchWords(words: Iterable<string>): number {
  const j = jieba();
  const fresh: string[] = [];
  for (const raw of words) {
    const w = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    if (w.length < 2 || w.length > MAX_TOKEN_CHARS || userWords.has(w) || !HAN.test(w)) continue;
    userWords.add(w);
    longestUserWord = Math.max(longestUserWord, w.length);
    if (j.cut(w, false).length === 1) continue;
    fresh.push(`${w} ${USER_WORD_FREQ} n`);
  }
  if (fresh.length > 0) j.loadDict(Buffer.from(fresh.join('\n')));
  return fresh.length;
}

const HAN = /\p{Script=Han}/u;
/** Letters of any script, or digits: anything else is punctuation, symbols, emoji or space. */
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Function words that carry no meaning in a search (的, 和, 关于 …). Deliberately short: a word
 * like 通知 or 公开 is a real search term here (unlike in request-topic statistics).
 */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '地',
  '得',
  '了',
  '着',
  '和',
  '与',
  '及',
  '或',
  '并',
  '在',
  '是',
  '对',
  '为',
  '等',
  '之',
  '其',
  '以',
  '于',
  '而',
  '将',
  '把',
  '被',
  '由',
  '从',
  '也',
  '就',
  '都',
  '这',
  '那',
  '所',
  '则',
  '即',
  '但',
  '又',
  '有',
  '个',
  '关于',
  '有关',
  '以及',
  '及其',
  '或者',
  '并且',
  '进一步',
  'the',
  'of',
  'and',
  'a',
  'an',
  'in',
  'to',
]);

/** NFKC (full-width → ASCII), lower-case, whitespace collapsed: the form every token is taken from. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function keep(word: string): string | null {
  const w = word.trim();
  if (w === '' || !WORDISH.test(w) || SEARCH_STOP_WORDS.has(w)) return null;
  // Drop leading/trailing punctuation glued to a Latin word (jieba keeps e.g. "v2." whole).
  const t = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (t === '' || SEARCH_STOP_WORDS.has(t)) return null;
  return t.length > MAX_TOKEN_CHARS ? t.slice(0, MAX_TOKEN_CHARS) : t;
}

/**
 * The index tokens of a text, in order, duplicates kept: search mode (compound words and the
 * dictionary words inside them), NFKC, lower-case, no punctuation, no stop words.
 */
export function searchTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const w of jieba().cutForSearch(normalizeSearchText(text), true)) {
    const t = keep(w);
    if (t === null) continue;
    // jieba's search mode adds only the 2- and 3-character words inside a compound; add the longer
    // user-dictionary words too (市发展改革委 → 发展改革委), so a query for the core name finds it.
    if (t.length > 4) for (const inner of longUserWordsIn(t)) out.push(inner);
    out.push(t);
  }
  return out;
}

let longestUserWord = 0;

/** User-dictionary words of 4+ characters strictly inside `word`, in order of position. */
function longUserWordsIn(word: string): string[] {
  const found: string[] = [];
  const max = Math.min(longestUserWord, word.length - 1);
  for (let i = 0; i + 4 <= word.length; i++) {
    for (let len = Math.min(max, word.length - i); len >= 4; len--) {
      const sub = word.slice(i, i + len);
      if (userWords.has(sub)) found.push(sub);
    }
  }
  return found;
}

/** The words of a query as typed (precise mode: 政务公开 stays one word), distinct, in order. */
export function queryWords(query: string): string[] {
  const text = normalizeSearchText(query.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS);
  const seen = new Set<string>();
  for (const w of jieba().cut(text, true)) {
    const t = keep(w);
    if (t !== null) seen.add(t);
    if (seen.size >= MAX_QUERY_TERMS) break;
  }
  const words = [...seen];
  // A single character (市, 号, 字) is too weak a term beside real words: 市人社局 → 人社局.
  return words.some((w) => w.length > 1) ? words.filter((w) => w.length > 1 || !HAN.test(w)) : words;
}

/** The dictionary words inside a word (search mode minus the word itself), if together they cover it. */
export function wordParts(word: string): string[] {
  if (word.length < 3) return [];
  const parts = [...new Set(searchTokens(word))].filter((p) => p !== word);
  if (parts.length === 0) return [];
  const covered = new Array<boolean>(word.length).fill(false);
  for (const p of parts) {
    let from = word.indexOf(p);
    while (from >= 0) {
      for (let i = from; i < from + p.length; i++) covered[i] = true;
      from = word.indexOf(p, from + 1);
    }
  }
  // Single stop characters (和 in 住房和城乡建设局) need not be covered.
  for (let i = 0; i < word.length; i++) if (SEARCH_STOP_WORDS.has(word[i] as string)) covered[i] = true;
  return covered.every(Boolean) ? parts : [];
}

/** Quote a lexeme for tsvector/tsquery input: '...' with ' doubled and \ escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** One weighted text field of a document. */
export interface WeightedText {
  text: string | null | undefined;
  weight: Weight;
}

/**
 * A `tsvector` literal for the fields, positions running on across fields (so a phrase in the
 * title is not adjacent to one in the body). Cast it in SQL: `${literal}::tsvector`. '' when empty.
 */
export function buildTsvector(fields: readonly WeightedText[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const f of fields) {
    if (!f.text) continue;
    pos += 1; // a gap between fields
    for (const token of searchTokens(f.text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      let list = positions.get(token);
      if (!list) {
        list = [];
        positions.set(token, list);
      }
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${f.weight === 'D' ? '' : f.weight}`);
    }
  }
  const parts: string[] = [];
  for (const [token, list] of positions) parts.push(`${quoteLexeme(token)}:${list.join(',')}`);
  return parts.join(' ');
}

/**
 * A query AND its facets: `(query) & 'org:12' & 'year:2021'`, so the GIN index intersects "has the
 * words" with "is in the filter" without visiting the rows of either. Facets are position-less
 * lexemes the caller stores in the vectors; their ':' never occurs in a word token (punctuation is
 * dropped), so a facet never matches text. Rank with the query alone (facets have no positions).
 */
export function withFacets(tsquery: string, facets: readonly string[]): string {
  if (facets.length === 0) return tsquery;
  return `(${tsquery}) & ${facets.map(quoteLexeme).join(' & ')}`;
}

/** Synonym / abbreviation groups: each word of a group stands for the others (发改委 ↔ 发展改革委). */
export type SynonymGroups = readonly (readonly string[])[];

/** Index the groups by normalised word. */
export function synonymIndex(groups: SynonymGroups): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const words = [...new Set(group.map((w) => normalizeSearchText(w).replace(/\s+/g, '')))];
    for (const w of words) {
      const list = map.get(w) ?? [];
      for (const other of words) if (!list.includes(other)) list.push(other);
      map.set(w, list);
    }
  }
  return map;
}

/** A parsed query: the tsquery literals (all terms / any term) and the words to highlight. */
export interface ParsedQuery {
  /** Every query word (or one of its synonyms) must match; null when the query has no words. */
  all: string | null;
  /** Any query word may match (the fallback when `all` finds nothing). */
  any: string | null;
  /** Words and synonyms to highlight in snippets, longest first. */
  highlight: string[];
  /** Per query word: the word and its synonyms (a text "covers" the query when it has one of each). */
  groups: string[][];
  /** The query words. */
  words: string[];
  /** Per query word: its tsquery (the word, its parts or a synonym); `all` is these joined by &. */
  terms: string[];
}

function lexemeExpr(word: string): string {
  const parts = wordParts(word);
  return parts.length > 1
    ? `(${quoteLexeme(word)} | ${parts.map(quoteLexeme).join(' & ')})`
    : quoteLexeme(word);
}

/** One alternative (a synonym may be several words: all of them must match). */
function alternativeExpr(phrase: string): string | null {
  const words = queryWords(phrase);
  if (words.length === 0) return null;
  // Synonyms are dictionary words, so documents hold them whole: no expansion into their parts
  // (parts like 社会, 保障 would make the index read long posting lists for nothing).
  return words.length === 1 ? quoteLexeme(words[0] as string) : `(${words.map(quoteLexeme).join(' & ')})`;
}

/**
 * Parse a search query into tsquery literals: the query's words joined by & (any by |), each word
 * an OR group of itself (or, for a compound, all of its parts) and its synonyms: 政务公开 发改委 →
 * ('政务公开' | '政务' & '公开') & ('发改委' | '发展和改革委员会' | '发展改革委'). Safe for any input: the
 * operators and quotes a user types end up inside quoted lexemes or are dropped as punctuation.
 */
export function buildTsquery(
  query: string,
  synonyms: ReadonlyMap<string, readonly string[]> = new Map(),
): ParsedQuery {
  const words = queryWords(query);
  const groups: string[] = [];
  const highlight = new Set<string>();
  const wordGroups: string[][] = [];
  for (const w of words) {
    const alts = new Set<string>([w, ...(synonyms.get(w) ?? [])]);
    wordGroups.push([...alts]);
    const exprs: string[] = [];
    for (const a of alts) {
      highlight.add(a);
      const e = a === w ? lexemeExpr(a) : alternativeExpr(a);
      if (e !== null && !exprs.includes(e)) exprs.push(e);
    }
    if (exprs.length > 0) groups.push(exprs.length === 1 ? (exprs[0] as string) : `(${exprs.join(' | ')})`);
  }
  if (groups.length === 0) return { all: null, any: null, highlight: [], groups: [], words, terms: [] };
  return {
    terms: groups,
    all: groups.join(' & '),
    any: groups.join(' | '),
    highlight: [...highlight].sort((a, b) => b.length - a.length),
    groups: wordGroups,
    words,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression finding any of the words (case-insensitive), or null when there are none. */
export function highlightPattern(words: readonly string[]): RegExp | null {
  const list = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  return new RegExp(list.map(escapeRegExp).join('|'), 'giu');
}

/** Move an index off the low half of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * An HTML snippet of about `length` characters around the first match of `pattern` in `text`, the
 * text HTML-escaped and every match wrapped in <mark>; null when nothing matches. Whitespace is
 * collapsed; … marks a cut.
 */
export function snippet(text: string, pattern: RegExp | null, length = 120): string | null {
  if (!pattern) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  pattern.lastIndex = 0;
  const first = pattern.exec(flat);
  if (!first) return null;
  const lead = Math.min(30, Math.floor(length / 4));
  let start = safeIndex(flat, Math.max(0, first.index - lead));
  let end = safeIndex(flat, Math.min(flat.length, start + length));
  if (end - start < length && start > 0) start = safeIndex(flat, Math.max(0, end - length));
  if (end < flat.length && first.index + first[0].length > end) end = first.index + first[0].length;
  return (start > 0 ? '…' : '') + markAll(flat.slice(start, end), pattern) + (end < flat.length ? '…' : '');
}

/** The opening of a text as a plain escaped snippet (no match to show). */
export function leadSnippet(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = safeIndex(flat, Math.min(flat.length, length));
  return escapeHtml(flat.slice(0, end)) + (end < flat.length ? '…' : '');
}

/** Escape a text and wrap every match of `pattern` in <mark>. */
export function markAll(text: string, pattern: RegExp): string {
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return (out + escapeHtml(text.slice(last))).replaceAll('</mark><mark>', '');
}

/** How many of the query's word groups occur in the text (case-insensitive). */
export function coverage(text: string, groups: readonly (readonly string[])[]): number {
  const t = normalizeSearchText(text);
  let n = 0;
  for (const g of groups) if (g.some((w) => t.includes(w))) n++;
  return n;
}
