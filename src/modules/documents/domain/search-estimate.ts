/**
 * How many documents a search query matches, estimated from document frequencies (no I/O): the share
 * of documents holding each lexeme, as PostgreSQL's statistics keep it for the most common lexemes of
 * a tsvector column (`pg_stats.most_common_elems`). A common word such as 工作 or 通知 matches tens of
 * thousands of documents: counting them reads every match, the estimate reads nothing.
 *
 * Two ways to combine the words of a & b & …, for two uses. A plan (which list to read, how far) takes
 * them as independent (both shares multiplied): the lower share makes its bounds generous, and a bound
 * set too high costs nothing when the matches come early. A total shown to the user (`estimatedTotal`,
 * 约 N 件) wants the best guess, and the words of one query go together far more often than independence
 * says (森林 and 防火 of 森林防火 are in the same documents; so are a query's two topics): exponential
 * backoff, the rarest word's share times the next one's to the power 1/2, the next one's to 1/4, and so
 * on (the rule SQL Server's cardinality estimator uses for correlated predicates). At 100,000 documents
 * of the bench's library backoff put the typical error at 1.3× (mean |ln(estimate ÷ count)| 0.25 over
 * 122 queries) against 1.8× (0.59) for independence, which took 森林防火 秸秆禁烧 for 1,300 matches
 * instead of the 11,658 counted. In both, a filter (a facet: org:, year:, genre:) is independent of the
 * words and its share multiplies (backoff over facets put 通知 in one year at 3,700 against 1,400
 * counted); a | b takes the larger share. A lexeme the statistics do not track is rarer than every
 * tracked one: its share is unknown but small, so any estimate that depends on it is `known: false`
 * and the caller counts instead.
 */

/** Document frequencies: the share (0–1) of documents holding each tracked lexeme. */
export interface TermFrequencies {
  /** Shares of the tracked (most common) lexemes. */
  shares: ReadonlyMap<string, number>;
  /** Documents in the table. */
  documents: number;
}

export interface MatchEstimate {
  /** Estimated share of documents matching (0–1). */
  share: number;
  /** False when the estimate rests on a lexeme the statistics do not track (rare: count instead). */
  known: boolean;
}

type Token = { kind: 'lexeme'; text: string } | { kind: 'op'; text: '&' | '|' | '(' | ')' | '!' };

/** The tokens of a tsquery literal as `buildTsquery` writes it: quoted lexemes, & | ! and parentheses. */
function tokens(tsquery: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < tsquery.length) {
    const c = tsquery[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === '&' || c === '|' || c === '(' || c === ')' || c === '!') {
      out.push({ kind: 'op', text: c });
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= tsquery.length) return null;
        const d = tsquery[i] as string;
        if (d === '\\' && i + 1 < tsquery.length) {
          text += tsquery[i + 1];
          i += 2;
        } else if (d === "'" && tsquery[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          text += d;
          i++;
        }
      }
      out.push({ kind: 'lexeme', text });
    } else {
      return null;
    }
  }
  return out;
}

/** The shares of the lexemes added up (an untracked lexeme counted as none): their postings per document. */
function sharesAdded(lexemes: readonly string[], df: TermFrequencies): number {
  return lexemes.reduce((sum, l) => sum + (df.shares.get(l) ?? 0), 0);
}

/** A tsquery literal as a tree: a lexeme, a negation, or an & / | of two parts. */
export type QueryNode =
  | { kind: 'lexeme'; text: string }
  | { kind: 'not'; of: QueryNode }
  | { kind: '&' | '|'; left: QueryNode; right: QueryNode };

/**
 * The tree of a tsquery literal (quoted lexemes joined by &, |, !, with parentheses), null when the
 * literal is not of that form.
 */
export function parseQuery(tsquery: string): QueryNode | null {
  const list = tokens(tsquery);
  if (!list || list.length === 0) return null;
  let at = 0;
  const peek = () => list[at];
  // or := and ('|' and)* ; and := atom ('&' atom)* ; atom := lexeme | '!' atom | '(' or ')'
  function atom(): QueryNode | null {
    const t = list?.[at++];
    if (!t) return null;
    if (t.kind === 'lexeme') return { kind: 'lexeme', text: t.text };
    if (t.text === '!') {
      const inner = atom();
      return inner && { kind: 'not', of: inner };
    }
    if (t.text !== '(') return null;
    const inner = or();
    if (peek()?.text !== ')') return null;
    at++;
    return inner;
  }
  function chain(kind: '&' | '|', part: () => QueryNode | null): QueryNode | null {
    let left = part();
    while (left && peek()?.text === kind) {
      at++;
      const right = part();
      if (!right) return null;
      left = { kind, left, right };
    }
    return left;
  }
  const and = () => chain('&', atom);
  const or = (): QueryNode | null => chain('|', and);
  const result = or();
  return result && at === list.length ? result : null;
}

/**
 * The estimated share of documents matching a tsquery literal (quoted lexemes joined by &, |, with
 * parentheses; ! is treated as unknown). Null when the literal is not of that form.
 */
export function estimateMatch(
  tsquery: string,
  df: TermFrequencies,
  words: WordCombination = 'independent',
): MatchEstimate | null {
  const tree = parseQuery(tsquery);
  return tree && estimateNode(tree, df, words);
}

/** How the shares of the words of an & combine: multiplied (plans), or by exponential backoff (totals shown). */
export type WordCombination = 'independent' | 'backoff';

function estimateNode(node: QueryNode, df: TermFrequencies, words: WordCombination): MatchEstimate {
  switch (node.kind) {
    case 'lexeme': {
      const share = df.shares.get(node.text);
      return share === undefined ? { share: 0, known: false } : { share, known: true };
    }
    case 'not':
      return { share: 1 - estimateNode(node.of, df, words).share, known: false };
    case '&': {
      const parts: QueryNode[] = [];
      conjuncts(node, parts);
      const wordShares: number[] = [];
      let share = 1;
      let known = true;
      for (const part of parts) {
        const e = estimateNode(part, df, words);
        known &&= e.known;
        if (isFacet(part) || words === 'independent') share *= e.share;
        else wordShares.push(e.share);
      }
      // Exponential backoff over the words, rarest first: s1 × s2^(1/2) × s3^(1/4) …
      wordShares.sort((a, b) => a - b);
      for (const [i, s] of wordShares.entries()) share *= s ** (1 / 2 ** i);
      return { share, known };
    }
    case '|': {
      const [l, r] = [estimateNode(node.left, df, words), estimateNode(node.right, df, words)];
      // The larger alternative: a compound's parts are indexed with it (政务公开 | 政务 & 公开 is about
      // 政务 & 公开), and an estimate too low only means counting. One tracked alternative is enough.
      return { share: Math.max(l.share, r.share), known: l.known || r.known };
    }
  }
}

/** The parts of a chain of & (a & (b & c) & d → a, b, c, d), in order. */
function conjuncts(node: QueryNode, out: QueryNode[]): void {
  if (node.kind !== '&') out.push(node);
  else {
    conjuncts(node.left, out);
    conjuncts(node.right, out);
  }
}

/** A facet lexeme (org:12, year:2021, genre:notice): a ':' no word token holds. */
function isFacet(node: QueryNode): boolean {
  return node.kind === 'lexeme' && node.text.includes(':');
}

/**
 * Lexemes one of which every match of the query holds, chosen to be few and rare (a lexeme the
 * statistics do not track counts as rarer than any tracked one): a word lexeme itself (a facet is none);
 * for a | b those of both; for a & b those of the side whose shares add up to less. Null when the query
 * has none (a negation or facets only) or is not of the form.
 */
export function driverLexemes(tsquery: string, df: TermFrequencies): string[] | null {
  const tree = parseQuery(tsquery);
  const drivers = tree && driversOf(tree, df);
  return drivers && [...new Set(drivers)];
}

/** How a list of the newest `n` titles matching a query is read from the title postings. */
export interface PostingsPlan {
  /** Lexemes one of which every match's title holds (`driverLexemes`). */
  drivers: string[];
  /** The postings read at most before the index answers instead. */
  bound: number;
}

/**
 * Whether the newest `n` titles matching a query are read from their drivers' postings newest first
 * (each posting costs a visit to its document to test the title) rather than through the title's GIN
 * index (which fetches every match to sort it by date, at about the same cost per match). The postings
 * expected before `n` matches are n × the drivers' shares added up ÷ the query's share; they are read up
 * to twice that, but never more than the index's estimated matches, so a wrong estimate costs at most
 * the index twice — and words that go together more than independence says (工作方案 with the genre
 * 其他) are found in a few postings. The index when it has fewer matches than `n`. A driver the
 * statistics do not track is rare, its postings few: read, up to 4n.
 */
export function postingsPlan(tsquery: string, df: TermFrequencies, n: number): PostingsPlan | null {
  const drivers = driverLexemes(tsquery, df);
  if (!drivers || drivers.length === 0) return null;
  if (drivers.some((l) => !df.shares.has(l))) return { drivers, bound: 4 * n };
  const match = estimateMatch(tsquery, df);
  if (!match?.known || !(match.share > 0)) return null;
  const expected = Math.ceil((n * sharesAdded(drivers, df)) / match.share);
  const bound = Math.min(2 * expected, Math.round(match.share * df.documents));
  return bound >= n ? { drivers, bound } : null;
}

function driversOf(node: QueryNode, df: TermFrequencies): string[] | null {
  switch (node.kind) {
    case 'lexeme':
      // A facet is a filter, not a word of the title postings.
      return isFacet(node) ? null : [node.text];
    case 'not':
      return null;
    case '|': {
      const [l, r] = [driversOf(node.left, df), driversOf(node.right, df)];
      return l && r && [...l, ...r];
    }
    case '&': {
      const [l, r] = [driversOf(node.left, df), driversOf(node.right, df)];
      if (!l || !r) return l ?? r;
      return sharesAdded(r, df) < sharesAdded(l, df) ? r : l;
    }
  }
}

/**
 * The estimated number of matching documents (the words combined by backoff) when it is known and
 * above `atLeast` (rounded for display: two significant digits), else null — the caller then counts the matches exactly.
 */
export function estimatedTotal(tsquery: string, df: TermFrequencies, atLeast: number): number | null {
  const e = estimateMatch(tsquery, df, 'backoff');
  if (!e?.known) return null;
  const n = Math.round(e.share * df.documents);
  if (!(n > atLeast)) return null;
  return roundEstimate(n);
}

/** Two significant digits: 45,678 → 46,000; 2,345 → 2,300. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

/** The distinct lexemes of a tsquery literal as `buildTsquery` writes it (empty when it is not of that form). */
export function queryLexemes(tsquery: string): string[] {
  return [...new Set((tokens(tsquery) ?? []).flatMap((t) => (t.kind === 'lexeme' ? [t.text] : [])))];
}

/**
 * Where the newest `n` matches must each be read from their large vectors (the matches whose titles lack
 * a word): how many rows walking the published documents newest first would visit, when that is cheaper
 * than the GIN index, else null. The walk reads about n ÷ share vectors; the index decodes every posting
 * of the query's lexemes (Σ share × documents, a lexeme the statistics do not track counted as none) and
 * then the matches. `rowCost`: a vector read in postings (measured at 100,000 documents: 8 µs against
 * 32 ns, 250).
 */
export function dateWalkRows(
  tsquery: string,
  df: TermFrequencies,
  n: number,
  rowCost: number,
): number | null {
  const e = estimateMatch(tsquery, df);
  if (!e?.known || !(e.share > 0)) return null;
  const rows = Math.ceil(n / e.share);
  const postings = sharesAdded(queryLexemes(tsquery), df) * df.documents;
  return rows * rowCost <= postings ? rows : null;
}
