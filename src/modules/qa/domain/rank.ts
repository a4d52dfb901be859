/**
 * Passage retrieval: BM25 over field-weighted term frequencies (title, clause heading, units, body),
 * with question understanding where it pays — who (谁负责) prefers task rows with responsible units,
 * when (什么时候完成) rows with a deadline or a date, a place name the documents of that government —
 * and validity: passages of repealed or expired documents are never cited; the document in force
 * that replaced them is. Pure: the caller segments texts into terms.
 */

export type Intent = 'who' | 'when' | null;

export type IndexedPassage = {
  id: number;
  documentId: number;
  /** The issuing government's name (济宁市人民政府, 曲阜市人民政府 …). */
  government: string;
  inForce: boolean;
  /** The document in force that repealed or replaced this passage's document. */
  replacedBy: number | null;
  kind: 'paragraph' | 'clause' | 'task_row';
  hasUnits: boolean;
  hasDate: boolean;
  title: readonly string[];
  heading: readonly string[];
  units: readonly string[];
  body: readonly string[];
};

/** How much one occurrence in each field counts. */
export const FIELD_WEIGHTS = { title: 0.6, heading: 2, units: 1.5, body: 1 } as const;
const K1 = 1.2;
const B = 0.75;

export type PassageIndex = {
  passages: readonly IndexedPassage[];
  /** term → [passage position, weighted tf] pairs, flattened. */
  postings: ReadonlyMap<string, Float64Array>;
  lengths: Float64Array;
  avgLength: number;
  /** document id → positions of its passages, in order. */
  byDocument: ReadonlyMap<number, readonly number[]>;
};

export function buildIndex(passages: readonly IndexedPassage[]): PassageIndex {
  const lists = new Map<string, number[]>();
  const lengths = new Float64Array(passages.length);
  const byDocument = new Map<number, number[]>();
  let total = 0;
  passages.forEach((p, i) => {
    const tf = new Map<string, number>();
    let len = 0;
    for (const field of ['title', 'heading', 'units', 'body'] as const) {
      const w = FIELD_WEIGHTS[field];
      for (const t of p[field]) {
        tf.set(t, (tf.get(t) ?? 0) + w);
        len += w;
      }
    }
    lengths[i] = len;
    total += len;
    for (const [t, f] of tf) {
      let list = lists.get(t);
      if (!list) {
        list = [];
        lists.set(t, list);
      }
      list.push(i, f);
    }
    const docList = byDocument.get(p.documentId) ?? [];
    docList.push(i);
    byDocument.set(p.documentId, docList);
  });
  const postings = new Map<string, Float64Array>();
  for (const [t, list] of lists) postings.set(t, Float64Array.from(list));
  return {
    passages,
    postings,
    lengths,
    avgLength: passages.length ? total / passages.length : 1,
    byDocument,
  };
}

export type Question = {
  /** Per question word: the word and its synonyms (a passage matches the word by any of them). */
  groups: readonly (readonly string[])[];
  intent: Intent;
  /** Governments the question names (their names as in `IndexedPassage.government`). */
  places: readonly string[];
};

const WHO =
  /谁|哪个(部门|单位|机关)|哪些(部门|单位|机关)|什么(部门|单位|机关)|哪家|牵头|负责|主管|归谁|责任单位/u;
const WHEN = /什么时候|啥时候|何时|多久|期限|时限|截止|几月|哪天|完成时间|时间节点|什么时间|哪年|年底|月底/u;

/** What kind of answer a question asks for: who is responsible, or by when. */
export function intentOf(question: string): Intent {
  if (WHO.test(question)) return 'who';
  if (WHEN.test(question)) return 'when';
  return null;
}

/** The core of a government's name: 曲阜市人民政府 → 曲阜, 任城区人民政府 → 任城. */
export function placeCore(government: string): string {
  const core = government.replace(/人民政府$/u, '').replace(/(市|县|区|镇|乡|街道)$/u, '');
  return core.length >= 2 ? core : government;
}

/** The governments a question names, among those given. */
export function placesIn(question: string, governments: Iterable<string>): string[] {
  const out: string[] = [];
  for (const g of governments) if (question.includes(placeCore(g))) out.push(g);
  return out;
}

export type Ranked = { position: number; score: number; coverage: number };

const INTENT_BOOST = 1.6;
const PLACE_BOOST = 1.3;
const OTHER_PLACE = 0.5;

/**
 * The passages matching the question, best first: BM25 per word group, times the share of the
 * question's weight (idf) the passage covers, times the intent and place preferences. Passages of
 * documents not in force are ranked too (to find their replacements): `cite` decides what is shown.
 */
export function rank(index: PassageIndex, q: Question, limit = 50): Ranked[] {
  const n = index.passages.length;
  if (n === 0 || q.groups.length === 0 || limit <= 0) return [];
  const score = new Float64Array(n);
  const covered = new Float64Array(n);
  const tf = new Float64Array(n);
  const touched: number[] = [];
  const inGroup: number[] = [];
  let idfTotal = 0;
  for (const group of q.groups) {
    inGroup.length = 0;
    for (const word of new Set(group)) {
      const list = index.postings.get(word);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const pos = list[k] as number;
        const f = list[k + 1] as number;
        const before = tf[pos] as number;
        if (before === 0) inGroup.push(pos);
        if (f > before) tf[pos] = f;
      }
    }
    const df = inGroup.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idfTotal += idf;
    for (const pos of inGroup) {
      const f = tf[pos] as number;
      tf[pos] = 0;
      const norm = K1 * (1 - B + (B * (index.lengths[pos] as number)) / index.avgLength);
      if (covered[pos] === 0) touched.push(pos);
      score[pos] = (score[pos] as number) + (idf * f * (K1 + 1)) / (f + norm);
      covered[pos] = (covered[pos] as number) + idf;
    }
  }
  // The best `limit` without sorting every passage touched: a small sorted list.
  const top: Ranked[] = [];
  for (const pos of touched) {
    const p = index.passages[pos] as IndexedPassage;
    const coverage = idfTotal > 0 ? (covered[pos] as number) / idfTotal : 0;
    let s = (score[pos] as number) * (0.25 + 0.75 * coverage);
    if (q.intent === 'who' && p.hasUnits) s *= INTENT_BOOST;
    if (q.intent === 'when' && p.hasDate) s *= INTENT_BOOST;
    if (q.places.length > 0) s *= q.places.includes(p.government) ? PLACE_BOOST : OTHER_PLACE;
    if (top.length >= limit) {
      const last = top[top.length - 1] as Ranked;
      if (s < last.score || (s === last.score && pos > last.position)) continue;
    }
    let at = top.length;
    while (at > 0) {
      const prev = top[at - 1] as Ranked;
      if (prev.score > s || (prev.score === s && prev.position < pos)) break;
      at--;
    }
    top.splice(at, 0, { position: pos, score: s, coverage });
    if (top.length > limit) top.pop();
  }
  return top;
}

export type Citation = { position: number; score: number; coverage: number; replaces: number | null };

/**
 * What to cite, best first, at most `limit`, one passage per clause: passages of documents in force as
 * ranked; a passage of a repealed or expired document gives way to the best-ranked passage of the
 * document in force that replaced it (or that document's first passage), with `replaces` naming the
 * old document; a passage of a document no longer in force and not replaced is dropped.
 */
export function cite(index: PassageIndex, ranked: readonly Ranked[], limit: number): Citation[] {
  const out: Citation[] = [];
  const used = new Set<number>();
  const rankOf = new Map(ranked.map((r, i) => [r.position, i]));
  for (const r of ranked) {
    if (out.length >= limit) break;
    const p = index.passages[r.position] as IndexedPassage;
    if (p.inForce) {
      if (!used.has(r.position)) {
        used.add(r.position);
        out.push({ ...r, replaces: null });
      }
      continue;
    }
    const successor = successorInForce(index, p);
    if (successor === null) continue;
    const candidates = index.byDocument.get(successor) ?? [];
    let best: number | null = null;
    for (const pos of candidates) {
      const k = rankOf.get(pos);
      if (k !== undefined && (best === null || k < (rankOf.get(best) as number))) best = pos;
    }
    const pos = best ?? candidates[0];
    if (pos === undefined || used.has(pos)) continue;
    used.add(pos);
    out.push({ position: pos, score: r.score, coverage: r.coverage, replaces: p.documentId });
  }
  return out;
}

/** The document in force at the end of a chain of replacements, or null. */
function successorInForce(index: PassageIndex, p: IndexedPassage): number | null {
  let next = p.replacedBy;
  for (let hops = 0; next !== null && hops < 10; hops++) {
    const first = index.byDocument.get(next)?.[0];
    if (first === undefined) return null;
    const q = index.passages[first] as IndexedPassage;
    if (q.inForce) return next;
    next = q.replacedBy;
  }
  return null;
}

/** Below this coverage of the question's weight, or this score, the best passage is no answer. */
export const MIN_COVERAGE = 0.5;
export const MIN_SCORE = 2;

/** Whether the best citation answers the question (else the answer is refused). */
export function answers(best: Citation | undefined): boolean {
  return best !== undefined && best.coverage >= MIN_COVERAGE && best.score >= MIN_SCORE;
}
