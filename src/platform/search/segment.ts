/**
 * Chinese word segmentation (jieba, via @node-rs/jieba) for topic statistics and search.
 *
 * One jieba instance, created on first use (loading the dictionary takes ~0.3 s), shared by every
 * caller. `segment` cuts a text into words; `terms` keeps the words that can carry a topic (no
 * punctuation, numbers, dates, single characters or filler words); `keywords` ranks the terms of many
 * texts by the number of texts that contain them.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | null = null;

function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}

/**
 * Words that say nothing about the subject of a request for information: the request's own
 * vocabulary (申请, 提供, 公开, 信息 …), pronouns, particles and vague quantifiers.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // The request itself.
  '申请',
  '申请人',
  '提供',
  '公开',
  '信息',
  '政府',
  '政府信息',
  '相关',
  '请',
  '请求',
  '要求',
  '需要',
  '希望',
  '获取',
  '查询',
  '查阅',
  '复印',
  '复印件',
  '全文',
  '文本',
  '原文',
  '文件',
  '资料',
  '内容',
  '情况',
  '事项',
  '问题',
  '关于',
  '有关',
  '涉及',
  '针对',
  '依据',
  '根据',
  '按照',
  '以及',
  '及其',
  '或者',
  '并且',
  '其中',
  '包括',
  '如下',
  '具体',
  '相应',
  '是否',
  '已经',
  '目前',
  '现在',
  '以来',
  '期间',
  '年度',
  '近三年',
  '近年来',
  '本年',
  '本年度',
  '上年度',
  '近年',
  '现行',
  '今年',
  '去年',
  '全部',
  '所有',
  '一切',
  '各类',
  '各项',
  '等等',
  '本人',
  '我们',
  '你们',
  '贵单位',
  '单位',
  '机关',
  '市政府',
  '区政府',
  '县政府',
  '人民政府',
  '本市',
  '全市',
  '本区',
  '全区',
  '本县',
  '全县',
  '行政机关',
  '这个',
  '那个',
  '那片',
  '哪些',
  '什么',
  '如何',
  '怎么',
  '可以',
  '能否',
  '给予',
  '予以',
  '进行',
  '作出',
  '一份',
  '一下',
  '谢谢',
]);

/** Letters of any script, or digits: a word made only of other characters is punctuation or space. */
const WORDISH = /[\p{L}\p{N}]/u;
/** Has a CJK ideograph, or at least two Latin letters (e.g. PPP, GDP). */
const TOPICAL = /\p{Script=Han}|[A-Za-z]{2,}/u;
/** Numbers, years, dates and ordinals: 2024, 2024年, 3月, 5号, 第3批, 12.5. */
const NUMERIC = /^(第)?[\d０-９.．%％]+(年|月|日|号|批|期|项|件|个|份|次|元|万|亿)?$/u;

/** The words of a text (punctuation and spaces dropped), in order, duplicates kept. */
export function segment(text: string): string[] {
  if (!text) return [];
  return jieba()
    .cut(text, true)
    .filter((w) => WORDISH.test(w))
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** Whether a word can name a topic: two characters or more, not a number or date, not a filler word. */
export function isTopicalWord(word: string): boolean {
  return word.length >= 2 && TOPICAL.test(word) && !NUMERIC.test(word) && !STOP_WORDS.has(word);
}

/** The distinct topical words of a text, in order of first appearance. */
export function terms(text: string): string[] {
  const seen = new Set<string>();
  for (const w of segment(text)) if (isTopicalWord(w)) seen.add(w);
  return [...seen];
}

const ZH = new Intl.Collator('zh-CN');

export interface KeywordCount {
  word: string;
  /** Number of texts containing the word. */
  count: number;
}

/**
 * The `topN` words found in the most texts (each text counts once per word), most frequent first;
 * ties by the word in pinyin order, so the order is stable. Texts may be given already cut
 * (arrays of terms, e.g. from a cache) to skip segmentation.
 */
export function keywords(texts: Iterable<string | readonly string[]>, topN: number): KeywordCount[] {
  const docs = new Map<string, number>();
  for (const text of texts) {
    const words = typeof text === 'string' ? terms(text) : new Set(text);
    for (const w of words) docs.set(w, (docs.get(w) ?? 0) + 1);
  }
  if (topN <= 0 || docs.size === 0) return [];
  // Only the words as frequent as the topN-th one need the (slower) collation.
  const counts = [...docs.values()].sort((a, b) => b - a);
  const floor = counts[Math.min(topN, counts.length) - 1] as number;
  const out: KeywordCount[] = [];
  for (const [word, count] of docs) if (count >= floor) out.push({ word, count });
  return out.sort((a, b) => b.count - a.count || ZH.compare(a.word, b.word)).slice(0, topN);
}
