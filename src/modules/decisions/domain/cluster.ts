/**
 * Near-duplicate grouping of comments (a circulated text sent by many: 集中意见 / 群发意见). Pure.
 *
 * 1. Normalise (drop whitespace and punctuation, full-width → half-width, lower case) and cut each text
 *    into character shingles of SHINGLE characters (Chinese has no spaces; character n-grams carry it).
 * 2. MinHash signature of HASHES values per text, LSH banding (BANDS bands of ROWS values): texts that
 *    agree on a whole band meet in one bucket; only they become candidate pairs, so the work grows with
 *    the number of texts, not with the number of pairs.
 * 3. Each candidate pair is verified by the exact Jaccard similarity of the shingle sets (≥ THRESHOLD)
 *    and joined by union-find; inside a bucket a text is compared with at most ANCHORS earlier members
 *    of other groups, so a bucket of thousands of copies costs linear work.
 *
 * THRESHOLD 0.45 with 3-character shingles: an edited copy of a 60–500 character text (a name, a number
 * or a phrase changed, a sentence added) keeps well over half of its shingles (Jaccard 0.55–0.95), while
 * independently written comments on the same subject share only stock phrases (below 0.2); see the
 * table in cluster.test.ts. Banding 25×3 makes a pair at Jaccard 0.45 a candidate with probability 0.91,
 * at 0.6 with 0.998, and chains of copies are joined through any one of their members.
 */
export const SHINGLE = 3;
export const BANDS = 25;
export const ROWS = 3;
export const HASHES = BANDS * ROWS;
export const THRESHOLD = 0.45;
const ANCHORS = 6;

export type Cluster = { members: number[]; representative: number };

/** The text reduced to what carries its meaning: letters, digits and CJK characters, lower case. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 32-bit FNV-1a of a string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sorted distinct shingle hashes of a text (the whole text when shorter than a shingle). */
export function shingles(text: string): Uint32Array {
  // UTF-16 units: a character outside the BMP (rare in comments) is two units, still one meaning.
  const norm = normalise(text);
  const len = norm.length;
  if (len === 0) return new Uint32Array(0);
  const width = Math.min(SHINGLE, len);
  const out = new Uint32Array(len - width + 1);
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < width; k++) h = Math.imul(h ^ norm.charCodeAt(i + k), 0x01000193);
    out[i] = mix(h);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i] as number;
  return out.slice(0, n);
}

/** Exact Jaccard similarity of two sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** murmur3's 32-bit finaliser: spreads a hash over all bits. */
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A fixed family of HASHES hash functions over the (already mixed) shingle hashes: xor a seed, multiply
 * by an odd constant, fold the high bits down. Deterministic: the same groups on every run.
 */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(fnv(`minhash-${i}`)));
const MULTS = Uint32Array.from({ length: HASHES }, (_, i) => mix(fnv(`minhash-m-${i}`)) | 1);

function signature(set: Uint32Array, out: Uint32Array): void {
  out.fill(0xffffffff);
  for (let s = 0; s < set.length; s++) {
    const x = set[s] as number;
    for (let k = 0; k < HASHES; k++) {
      let h = Math.imul(x ^ (SEEDS[k] as number), MULTS[k] as number);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < (out[k] as number)) out[k] = h;
    }
  }
}

function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let y = x;
    while (parent[y] !== r) {
      const next = parent[y] as number;
      parent[y] = r;
      y = next;
    }
    return r;
  };
  // The smaller index becomes the root, so a group's root is its first text.
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  return { find, union };
}

/**
 * Groups of near-duplicate texts (0-based indexes in input order, each group sorted; groups ordered by
 * size, then by first member). Singletons are left out. The representative is the group's first text.
 */
export function clusterTexts(texts: readonly string[], threshold = THRESHOLD): Cluster[] {
  const n = texts.length;
  const sets = texts.map(shingles);
  const sig = new Uint32Array(HASHES);
  const uf = unionFind(n);
  const buckets: Map<string, number[]>[] = Array.from({ length: BANDS }, () => new Map());
  for (let i = 0; i < n; i++) {
    const set = sets[i] as Uint32Array;
    if (set.length === 0) continue;
    signature(set, sig);
    for (let b = 0; b < BANDS; b++) {
      let key = '';
      for (let r = 0; r < ROWS; r++) key += `${sig[b * ROWS + r]},`;
      const bucket = buckets[b] as Map<string, number[]>;
      const anchors = bucket.get(key);
      if (!anchors) {
        bucket.set(key, [i]);
        continue;
      }
      let joined = false;
      for (const a of anchors) {
        if (uf.find(a) === uf.find(i)) {
          joined = true;
          continue;
        }
        if (jaccard(set, sets[a] as Uint32Array) >= threshold) {
          uf.union(a, i);
          joined = true;
        }
      }
      if (!joined && anchors.length < ANCHORS) anchors.push(i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number))
    .map((members) => ({ members, representative: members[0] as number }));
}
