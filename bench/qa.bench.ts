/**
 * 政策问答 at scale: a generated passage index of 100,000 passages (`QA_PASSAGES` to change), each
 * 2–4 sentences drawn from the three source plans with units and deadlines as task rows have them,
 * indexed as the qa module indexes (jieba search-mode terms per field), then 50 citizen questions
 * (who / when / plain, common and rare words, no match) answered the way `ask` answers — segment,
 * question words, BM25 ranking, citations — each timed 3 times after a warm-up pass; p50/p95.
 * Target: p95 < 100 ms. Prints one line starting with `qa answer (`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { questionGroups } from '../src/modules/qa/domain/question.ts';
import {
  answers,
  buildIndex,
  cite,
  type IndexedPassage,
  intentOf,
  placeCore,
  placesIn,
  rank,
} from '../src/modules/qa/domain/rank.ts';
import { QUALITY_CASES, REFUSED_CASES } from '../src/modules/qa/quality.cases.ts';
import { searchTokens } from '../src/platform/search/fulltext.ts';
import { REPO_ROOT } from './startup.bench.ts';

const PASSAGES = Number(process.env.QA_PASSAGES ?? 100_000);
const RUNS = 3;

let seed = 20240305;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const sentences: string[][] = [];
for (const f of ['jining-2021.txt', 'jining-2022.txt', 'laiwu-2021.txt']) {
  const text = readFileSync(path.join(REPO_ROOT, 'demo/sources', f), 'utf8');
  for (const s of text.split(/[。；\n]/u)) if (s.trim().length >= 8) sentences.push(searchTokens(s));
}
const units = [
  '市财政局',
  '市教育局',
  '市发展改革委',
  '市民政局',
  '市人力资源社会保障局',
  '市住房城乡建设局',
  '市卫生健康委',
].map((u) => searchTokens(u));
const governments = [
  '济宁市人民政府',
  '曲阜市人民政府',
  '邹城市人民政府',
  '任城区人民政府',
  '兖州区人民政府',
];

const started = performance.now();
const passages: IndexedPassage[] = [];
for (let i = 0; i < PASSAGES; i++) {
  const row = rand() < 0.4;
  const body: string[] = [];
  for (let k = 2 + Math.floor(rand() * 3); k > 0; k--) body.push(...pick(sentences));
  passages.push({
    id: i + 1,
    documentId: Math.floor(i / 25) + 1,
    government: pick(governments),
    inForce: rand() > 0.1,
    replacedBy: rand() < 0.05 ? Math.floor(rand() * (PASSAGES / 25)) + 1 : null,
    kind: row ? 'task_row' : 'paragraph',
    hasUnits: row,
    hasDate: row && rand() < 0.7,
    title: pick(sentences).slice(0, 8),
    heading: rand() < 0.5 ? pick(sentences).slice(0, 6) : [],
    units: row ? [...pick(units), ...pick(units)] : [],
    body,
  });
}
const index = buildIndex(passages);
const buildMs = performance.now() - started;

const questions = [...QUALITY_CASES.map((c) => c.q).slice(0, 45), ...REFUSED_CASES].slice(0, 50);
function answer(q: string): boolean {
  const places = placesIn(q, governments);
  const groups = questionGroups(searchTokens(q), places.map(placeCore));
  const ranked = rank(index, { groups, intent: intentOf(q), places }, 200);
  return answers(cite(index, ranked, 12)[0]);
}
for (const q of questions) answer(q);
const times: number[] = [];
let answered = 0;
for (let r = 0; r < RUNS; r++)
  for (const q of questions) {
    const t0 = performance.now();
    if (answer(q) && r === 0) answered++;
    times.push(performance.now() - t0);
  }
times.sort((a, b) => a - b);
const at = (p: number) =>
  (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(1);
console.log(
  `qa answer (${PASSAGES.toLocaleString('en')} passages, index built in ${(buildMs / 1000).toFixed(1)} s, ${questions.length} questions × ${RUNS}, ${answered} answered): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`,
);
