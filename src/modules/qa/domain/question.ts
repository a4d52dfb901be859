/**
 * A question's words for retrieval: the segmenter's terms minus the words that only say what kind of
 * answer is wanted (谁, 负责, 什么时候, 请问 …) and the place names (handled as a preference), each
 * with its synonyms (发改委 ↔ 发展改革委). Pure: the caller segments the question.
 */
import { DOCUMENT_SYNONYMS } from '../../documents/domain/synonyms.ts';

/** Words of a citizen's question that ask, rather than name the subject. */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set([
  '谁',
  '负责',
  '哪个',
  '哪些',
  '哪家',
  '哪里',
  '哪儿',
  '什么',
  '什么样',
  '时候',
  '什么时候',
  '啥时候',
  '何时',
  '多久',
  '时间',
  '时限',
  '期限',
  '截止',
  '完成',
  '牵头',
  '主管',
  '请问',
  '我',
  '我们',
  '你们',
  '想',
  '知道',
  '了解',
  '怎么',
  '怎么样',
  '怎样',
  '如何',
  '吗',
  '呢',
  '吧',
  '啊',
  '要',
  '需要',
  '可以',
  '能',
  '能否',
  '有没有',
  '要不要',
  '不要',
  '能不能',
  '可不可以',
  '在哪里',
  '去哪里',
  '在哪',
  '哪儿能',
  '是不是',
  '是否',
  '会',
  '哪',
  '几',
  '几月',
  '部门',
  '单位',
  '机关',
  '政府',
  '规定',
  '要求',
  '具体',
  '一下',
  '现在',
  '目前',
  '今年',
  '还',
  '应该',
  '应当',
  '办',
  '做',
  '干',
  '搞',
  '工作',
  '事',
  '事情',
  '情况',
  '问题',
  '一般',
  '到底',
  '具体要求',
  '负责人',
]);

const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of DOCUMENT_SYNONYMS) for (const w of group) map.set(w, [...group]);
  return map;
})();

/** The question's word groups: each kept term with its synonyms. `places` are cores to leave out. */
export function questionGroups(tokens: readonly string[], places: readonly string[] = []): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const t of tokens) {
    if (seen.has(t) || QUESTION_STOP_WORDS.has(t) || (t.length < 2 && /\p{Script=Han}/u.test(t))) continue;
    if (places.some((p) => p === t || p.includes(t))) continue;
    seen.add(t);
    out.push([t, ...(SYNONYMS.get(t) ?? []).filter((s) => s !== t)]);
    if (out.length >= 16) break;
  }
  return out;
}
