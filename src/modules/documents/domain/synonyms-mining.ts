/**
 * Synonyms and abbreviations learned from the library's own wording (pure; the documents' search
 * service feeds it the texts and stores what it proposes for the office to review):
 *
 * - `definition`: a notice defines its abbreviation — "全市12345政务服务便民热线（以下简称“12345热线”）",
 *   "《中华人民共和国政府信息公开条例》（以下简称《条例》）". The long form is the text before the
 *   bracket, from the last place where the short form's characters still appear in order. One
 *   document is evidence enough.
 * - `subsequence`: a word of a document's title (12345热线) whose characters appear in order, but not
 *   together, in a longer phrase of the same document (12345政务服务便民热线): counted over documents,
 *   proposed when several documents pair them the same way; a phrase that only puts words between
 *   two whole words of the title word (管理工作 / 管理相关工作) is left out.
 */

export type MinedSource = 'definition' | 'subsequence';

/** One pairing seen in one document. */
export interface SynonymObservation {
  short: string;
  long: string;
  source: MinedSource;
  /** The sentence piece it was seen in (for the reviewer). */
  example: string;
}

/** A proposed pair: how many documents pair them, and one of them. */
export interface MinedCandidate {
  short: string;
  long: string;
  source: MinedSource;
  documents: number;
  exampleDocumentId: number;
  example: string;
}

/** Longest long form taken; longer phrases are sentences, not names. */
export const MAX_LONG_FORM = 40;
/** Short forms of 2–12 characters. */
export const MAX_SHORT_FORM = 12;
/** Documents needed before a title word / phrase pairing is proposed. */
export const MIN_SUBSEQUENCE_DOCUMENTS = 3;

/** Characters that end a phrase: punctuation, brackets, quotes, spaces. */
const BREAK = /[\s，。；：、！？,.;:!?（）()《》〈〉“”"'‘’「」『』【】[\]]/u;

/** Whether the characters of `short` appear in `long` in order (not necessarily together). */
export function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) {
    if (ch === short[i]) i++;
    if (i === short.length) return true;
  }
  return short.length === 0;
}

/** A usable short form: 2–12 characters with a letter or digit, no punctuation. */
function usableShort(s: string): boolean {
  return s.length >= 2 && s.length <= MAX_SHORT_FORM && /[\p{L}\p{N}]/u.test(s) && !BREAK.test(s);
}

/**
 * A pair worth proposing: the long one longer, the short one not a plain part of it (政府信息公开条例
 * already holds 条例: a query for 条例 finds it, and expanding the long form to 条例 would be wrong).
 */
function usablePair(short: string, long: string): boolean {
  return (
    usableShort(short) &&
    long.length > short.length &&
    long.length <= MAX_LONG_FORM &&
    !long.includes(short) &&
    isSubsequence(short, long)
  );
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * A phrase that only puts words between two whole words of the short form (管理工作 / 管理相关工作,
 * 交通管理 / 交通组织优化和占道施工管理) is wording, not an abbreviation: an abbreviation shortens the
 * words themselves (发改委, 12345热线 — digits are not words here).
 */
export function insertsWords(short: string, long: string): boolean {
  for (let cut = 2; cut <= short.length - 2; cut++) {
    const head = short.slice(0, cut);
    const tail = short.slice(cut);
    if (HAN_WORD.test(head) && HAN_WORD.test(tail) && long.startsWith(head) && long.endsWith(tail))
      return true;
  }
  return false;
}

/** The long form a definition's short form abbreviates: the end of `before`, see the module comment. */
export function longFormBefore(before: string, short: string): string | null {
  // The phrase right before the bracket: back to the previous break (a closing 》 or ” is skipped).
  const text = before.replace(/[》〉”"」』]+$/u, '');
  let start = text.length;
  while (start > 0 && !BREAK.test(text[start - 1] as string)) start--;
  const phrase = text.slice(Math.max(start, text.length - MAX_LONG_FORM));
  if (phrase.length <= short.length) return null;
  // The latest start at the short form's first character that still holds it in order.
  for (
    let p = phrase.lastIndexOf(short[0] as string);
    p >= 0;
    p = phrase.lastIndexOf(short[0] as string, p - 1)
  ) {
    const tail = phrase.slice(p);
    if (tail.length > short.length && isSubsequence(short, tail)) return tail;
    if (p === 0) break;
  }
  return isSubsequence(short, phrase) ? phrase : null;
}

const DEFINITION =
  /[（(](?:以下|下文|下|以下统)?简?称[为作]?[：:]?\s*([“"「『《〈]?)([^（）()，。；、\s“”"「」『』《》〈〉]{2,12})[”"」』》〉]?\s*[)）]/gu;

/** "（以下简称“X”）" definitions in a text. */
export function definitionPairs(text: string): SynonymObservation[] {
  const out: SynonymObservation[] = [];
  for (const m of text.matchAll(DEFINITION)) {
    const short = (m[2] ?? '').trim();
    const long = longFormBefore(text.slice(0, m.index), short);
    if (long === null || !usablePair(short, long)) continue;
    out.push({ short, long, source: 'definition', example: `${long}${m[0]}` });
  }
  return out;
}

/**
 * Phrases of `text` that spell each short form out: from an occurrence of its first character to the
 * nearest end that holds all its characters in order, within one phrase (no punctuation), at most
 * 4 × its length (and MAX_LONG_FORM) long, and not containing the short form itself.
 */
export function subsequencePairs(shorts: readonly string[], text: string): SynonymObservation[] {
  const out: SynonymObservation[] = [];
  const seen = new Set<string>();
  for (const short of new Set(shorts)) {
    if (!usableShort(short)) continue;
    const max = Math.min(MAX_LONG_FORM, short.length * 4);
    for (let i = text.indexOf(short[0] as string); i >= 0; i = text.indexOf(short[0] as string, i + 1)) {
      let k = 0;
      let j = i;
      for (; j < text.length && j - i < max; j++) {
        const ch = text[j] as string;
        if (BREAK.test(ch)) break;
        if (ch === short[k]) k++;
        if (k === short.length) break;
      }
      if (k !== short.length) continue;
      const long = text.slice(i, j + 1);
      if (seen.has(`${short}\n${long}`) || !usablePair(short, long) || insertsWords(short, long)) continue;
      seen.add(`${short}\n${long}`);
      out.push({ short, long, source: 'subsequence', example: long });
    }
  }
  return out;
}

/** Normalised pair key (a pair found both ways counts once). */
const pairKey = (short: string, long: string) => `${short}\n${long}`;

/**
 * Collects observations document by document (call `add` per document, in any order) and proposes
 * the pairs: every definition, and subsequence pairings seen in at least `minDocuments` documents.
 * Pairs already in `known` synonym groups are left out (the short form in a group with a word that
 * holds the long form: 发改委 / 发展和改革委 when 发改委 ↔ 发展和改革委员会 is known).
 */
export class SynonymMiner {
  private readonly pairs = new Map<
    string,
    {
      short: string;
      long: string;
      source: MinedSource;
      docs: Set<number>;
      exampleDocumentId: number;
      example: string;
    }
  >();

  /** One document: the short forms to look for (its title's words) and its texts (title, body …). */
  add(documentId: number, doc: { shortForms: readonly string[]; texts: readonly string[] }): void {
    for (const text of doc.texts) {
      for (const o of [...definitionPairs(text), ...subsequencePairs(doc.shortForms, text)]) {
        const key = pairKey(o.short, o.long);
        const entry = this.pairs.get(key);
        if (!entry) {
          this.pairs.set(key, { ...o, docs: new Set([documentId]), exampleDocumentId: documentId });
          continue;
        }
        entry.docs.add(documentId);
        // A definition is the stronger evidence: it names the pair's source and example.
        if (o.source === 'definition' && entry.source !== 'definition')
          Object.assign(entry, { source: 'definition', example: o.example, exampleDocumentId: documentId });
      }
    }
  }

  candidates(opts: { minDocuments?: number; known?: readonly (readonly string[])[] } = {}): MinedCandidate[] {
    const min = opts.minDocuments ?? MIN_SUBSEQUENCE_DOCUMENTS;
    // Per known word, the other words of its group: a pair is known when the long form is (part of) one.
    const known = new Map<string, string[]>();
    for (const group of opts.known ?? [])
      for (const a of group) known.set(a, [...(known.get(a) ?? []), ...group.filter((b) => b !== a)]);
    const out: MinedCandidate[] = [];
    for (const e of this.pairs.values()) {
      if (known.get(e.short)?.some((w) => w.includes(e.long))) continue;
      if (e.source === 'subsequence' && e.docs.size < min) continue;
      out.push({
        short: e.short,
        long: e.long,
        source: e.source,
        documents: e.docs.size,
        exampleDocumentId: e.exampleDocumentId,
        example: e.example,
      });
    }
    return out.sort(
      (a, b) =>
        (a.source === b.source ? 0 : a.source === 'definition' ? -1 : 1) ||
        b.documents - a.documents ||
        a.short.localeCompare(b.short) ||
        a.long.localeCompare(b.long),
    );
  }
}
