/**
 * Gongkai's search literals as Xapian terms and queries (bench/search-xapian.bench.ts): the text form
 * of a stored tsvector → terms with a within-document frequency, a tsquery literal → an AND/OR tree.
 * Pure; tested in test/search-xapian-terms.test.ts.
 */

/** A query tree for bench/xapian/engine.py. */
export type Tree = { t: string } | { and: Tree[] } | { or: Tree[] };

/** ts_rank_cd's default weights {D 0.1, C 0.2, B 0.4, A 1.0} as integer wdf increments per position. */
export const WDF: Readonly<Record<string, number>> = { A: 10, B: 4, C: 2, D: 1 };

const LEXEME = /'((?:[^'\\]|''|\\.)*)'/;
const unquote = (s: string) => s.replace(/''/g, "'").replace(/\\(.)/g, '$1');

/** The lexemes of a tsvector's text form: 'word':1A,5C 'org:3' → [word, [A, C]], [org:3, []]. */
export function tsvectorLexemes(text: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const m of text.matchAll(new RegExp(`${LEXEME.source}(?::([0-9A-D,]+))?`, 'g'))) {
    const weights = m[2] ? m[2].split(',').map((p) => /[A-D]$/.exec(p)?.[0] ?? 'D') : [];
    out.push([unquote(m[1] as string), weights]);
  }
  return out;
}

/**
 * A document's Xapian terms from its two stored vectors: each lexeme of the full vector with its
 * weighted positions summed (WDF), each lexeme of the title vector again with prefix T (wdf: its
 * positions), and the position-less facet lexemes (org:, year:, genre:) as boolean terms with prefix F.
 */
export function xapianTerms(
  vector: string,
  title: string,
): { terms: [string, number][]; booleans: string[] } {
  const terms = new Map<string, number>();
  const booleans: string[] = [];
  for (const [lexeme, weights] of tsvectorLexemes(vector)) {
    if (weights.length === 0) booleans.push(`F${lexeme}`);
    else
      terms.set(
        lexeme,
        weights.reduce((sum, w) => sum + (WDF[w] ?? 1), 0),
      );
  }
  for (const [lexeme, weights] of tsvectorLexemes(title))
    if (weights.length > 0) terms.set(`T${lexeme}`, weights.length);
  return { terms: [...terms], booleans };
}

/**
 * A tsquery literal ('a' & ('b' | 'c' & 'd')) as a tree, `prefix` before every term; & binds tighter
 * than |, as in PostgreSQL. Anything else (!, <->, 'x':*, weights) has no counterpart here: throws.
 */
export function tsqueryTree(literal: string, prefix = ''): Tree {
  const tokens = [...literal.matchAll(new RegExp(`${LEXEME.source}|[&|()]|\\S`, 'g'))];
  let i = 0;
  const peek = () => tokens[i]?.[0];
  const primary = (): Tree => {
    const tok = tokens[i++];
    if (!tok) throw new Error(`tsquery ends early: ${literal}`);
    if (tok[0] === '(') {
      const e = or();
      if (tokens[i++]?.[0] !== ')') throw new Error(`unbalanced tsquery: ${literal}`);
      return e;
    }
    if (tok[1] === undefined)
      throw new Error(`tsquery syntax not mirrored in Xapian: ${tok[0]} (${literal})`);
    return { t: prefix + unquote(tok[1]) };
  };
  const chain = (op: '&' | '|', operand: () => Tree): Tree => {
    const args = [operand()];
    while (peek() === op) {
      i++;
      args.push(operand());
    }
    if (args.length === 1) return args[0] as Tree;
    return op === '&' ? { and: args } : { or: args };
  };
  const and = () => chain('&', primary);
  const or = (): Tree => chain('|', and);
  const tree = or();
  if (i !== tokens.length) throw new Error(`tsquery syntax not mirrored in Xapian: ${literal}`);
  return tree;
}
