/**
 * Benchmark of the decisions module (its manifest's `benchmarks`): grouping 20,000 comments of 50–500
 * characters (independent texts from a fixed vocabulary, and campaigns of edited copies) by
 * `clusterTexts`. Prints one line: `decisions.cluster n 20000 ms <elapsed> groups <n>`.
 */
import { clusterTexts } from '../src/modules/decisions/domain/cluster.ts';

const WORDS = [
  '建议',
  '停车',
  '收费',
  '居民',
  '小区',
  '政府',
  '公开',
  '论证',
  '垃圾',
  '中转站',
  '选址',
  '道路',
  '学校',
  '交通',
  '安全',
  '环境',
  '噪声',
  '绿化',
  '公交',
  '线路',
  '老旧',
  '改造',
  '加装',
  '电梯',
  '物业',
  '服务',
  '标准',
  '过高',
  '降低',
  '增加',
  '车位',
  '夜间',
  '免费',
  '时段',
  '医院',
  '周边',
  '拥堵',
  '治理',
  '监督',
  '听证',
  '意见',
  '采纳',
  '补贴',
  '养老',
  '托育',
  '社区',
  '食堂',
  '菜市场',
  '摊位',
  '管理',
  '规范',
  '执法',
];

/** A deterministic pseudo-random sequence (no wall clock, no Math.random: the same texts every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export function makeComments(n: number, seed = 7): string[] {
  const r = rng(seed);
  const text = (min: number, max: number) => {
    const len = min + Math.floor(r() * (max - min));
    let t = '';
    while (t.length < len) t += WORDS[Math.floor(r() * WORDS.length)] + (r() < 0.15 ? '，' : '');
    return `${t.slice(0, len)}。`;
  };
  const campaigns = Array.from({ length: 20 }, () => text(80, 400));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.3) {
      const base = campaigns[Math.floor(r() * campaigns.length)] as string;
      const at = Math.floor(r() * base.length);
      out.push(base.slice(0, at) + text(2, 10) + base.slice(at + 5));
    } else out.push(text(50, 500));
  }
  return out;
}

const comments = makeComments(20_000);
const start = performance.now();
const cpu = process.cpuUsage();
const groups = clusterTexts(comments);
const ms = performance.now() - start;
console.log(
  `decisions.cluster n ${comments.length} ms ${ms.toFixed(0)} cpu ${(process.cpuUsage(cpu).user / 1000).toFixed(0)} groups ${groups.length}`,
);
