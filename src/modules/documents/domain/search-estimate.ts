/**
 * How many documents a search query matches, estimated from document frequencies (no I/O): the share
 * of documents holding each lexeme, as PostgreSQL's statistics keep it for the most common lexemes of
 * a tsvector column (`pg_stats.most_common_elems`). A common word such as 工作 or 通知 matches tens of
 * thousands of documents: counting them reads every match, the estimate reads nothing.
 *
 * Words are taken as independent (a & b: both shares multiplied; a | b: the larger share). A
 * lexeme the statistics do not track is rarer than every tracked one: its share is unknown but small,
 * so any estimate that depends on it is `known: false` and the caller counts instead.
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
export function estimateMatch(tsquery: string, df: TermFrequencies): MatchEstimate | null {
  const tree = parseQuery(tsquery);
  return tree && estimateNode(tree, df);
}

function estimateNode(node: QueryNode, df: TermFrequencies): MatchEstimate {
  switch (node.kind) {
    case 'lexeme': {
      const share = df.shares.get(node.text);
      return share === undefined ? { share: 0, known: false } : { share, known: true };
    }
    case 'not':
      return { share: 1 - estimateNode(node.of, df).share, known: false };
    case '&': {
      const [l, r] = [estimateNode(node.left, df), estimateNode(node.right, df)];
      return { share: l.share * r.share, known: l.known && r.known };
    }
    case '|': {
      const [l, r] = [estimateNode(node.left, df), estimateNode(node.right, df)];
      // The larger alternative: a compound's parts are indexed with it (政务公开 | 政务 & 公开 is about
      // 政务 & 公开), and an estimate too low only means counting. One tracked alternative is enough.
      return { share: Math.max(l.share, r.share), known: l.known || r.known };
    }
  }
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
      // A facet (org:12, genre:notice: a ':' no word holds) is a filter, not a word of the title postings.
      return node.text.includes(':') ? null : [node.text];
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
 * The estimated number of matching documents when it is known and above `atLeast` (rounded for
 * display: two significant digits), else null — the caller then counts the matches exactly.
 */
export function estimatedTotal(tsquery: string, df: TermFrequencies, atLeast: number): number | null {
  const e = estimateMatch(tsquery, df);
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
