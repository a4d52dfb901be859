/**
 * Grouping of a circulated comment (群发意见): edited copies of one text group together, independently
 * written comments on the same subject stay apart (713 Art. 18 asks to study the comments; a campaign
 * counts as one concentrated opinion with its number of senders).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterTexts, jaccard, shingles, THRESHOLD } from './cluster.ts';

const CAMPAIGN =
  '我是幸福小区的居民，坚决反对在小区东侧建设垃圾中转站。该选址距离居民楼不足五十米，夏季异味和蚊虫将严重影响一千多户居民的生活，也会影响附近实验小学学生的健康。请求政府重新论证选址，把中转站迁到远离居民区的工业园区。';

/** Edited copies as people send them: a changed name, number or phrase, an added or dropped sentence. */
const COPIES = [
  CAMPAIGN,
  CAMPAIGN.replace('幸福小区', '阳光花园'),
  CAMPAIGN.replace('五十米', '80米').replace('一千多户', '两千多户'),
  CAMPAIGN.replace('坚决反对', '强烈反对'),
  `${CAMPAIGN}我家老人有哮喘，实在经不起这样的污染。`,
  CAMPAIGN.replace('也会影响附近实验小学学生的健康。', ''),
  `各位领导好！${CAMPAIGN.replace('请求政府', '恳请市政府')}谢谢！`,
  CAMPAIGN.replaceAll('，', ', ').replaceAll('。', '. '),
];

/** Written independently on the same draft (垃圾中转站选址), sharing its words but not its text. */
const INDEPENDENT = [
  '建议垃圾中转站采用全封闭设计，配备除臭设备，并公开每月的运行检测数据，接受居民监督。',
  '中转站选址应当进行环境影响评价并召开听证会，听取周边居民意见后再作决定。',
  '支持建设垃圾中转站，城区垃圾转运能力确实不足，但运输车辆应避开早晚上下学时段。',
  '希望政府说明为什么选在小区东侧，有没有比较过其他地块，论证材料应当公开。',
  '反对在居民区附近建设中转站，建议放到城郊。',
];

test('edited copies of one circulated text reach the threshold; independent comments on the subject do not', () => {
  const base = shingles(CAMPAIGN);
  for (const [i, copy] of COPIES.entries())
    assert.ok(jaccard(base, shingles(copy)) >= THRESHOLD, `copy ${i}: ${jaccard(base, shingles(copy))}`);
  for (const [i, a] of INDEPENDENT.entries()) {
    assert.ok(jaccard(base, shingles(a)) < 0.2, `independent ${i} vs the campaign`);
    for (const b of INDEPENDENT.slice(i + 1)) assert.ok(jaccard(shingles(a), shingles(b)) < 0.2);
  }
});

test('clusterTexts: one group of the copies (first text its representative), the rest alone', () => {
  // Interleaved as they arrive: independent comments between the copies.
  const texts: string[] = [];
  const copyIndexes: number[] = [];
  COPIES.forEach((c, i) => {
    copyIndexes.push(texts.length);
    texts.push(c);
    const other = INDEPENDENT[i];
    if (other) texts.push(other);
  });
  const clusters = clusterTexts(texts);
  assert.deepEqual(clusters, [{ members: copyIndexes, representative: copyIndexes[0] }]);
});

test('table: pairs that group and pairs that stay apart', () => {
  const rows: [string, string, string, boolean][] = [
    [
      'a changed name and phone number',
      '我叫张伟，电话13912345678，建议在人民路增设非机动车道，保障电动车和自行车出行安全，减少交通事故。',
      '我叫李娜，电话13787654321，建议在人民路增设非机动车道，保障电动车和自行车出行安全，减少交通事故。',
      true,
    ],
    [
      'an added sentence',
      '停车收费标准过高，老城区居民停车难问题突出，建议对居民夜间停车给予优惠，晚八点到早七点免费。',
      '停车收费标准过高，老城区居民停车难问题突出，建议对居民夜间停车给予优惠，晚八点到早七点免费。另外医院周边也应增加车位。',
      true,
    ],
    [
      'the same topic, written apart',
      '停车收费标准过高，老城区居民停车难问题突出，建议对居民夜间停车给予优惠。',
      '建议增加老城区公共停车位，利用闲置地块建设立体停车库，收费应当低于商业停车场。',
      false,
    ],
    ['short and identical', '同意。', '同意！', true],
    ['short and different', '同意。', '反对。', false],
  ];
  for (const [why, a, b, together] of rows) assert.equal(clusterTexts([a, b]).length === 1, together, why);
});

test('empty texts never group; deterministic order by size', () => {
  assert.deepEqual(clusterTexts(['', '', '  ']), []);
  const twice = ['甲方案很好，建议尽快实施并公开进度。', '乙', '甲方案很好，建议尽快实施并公开进度！'];
  assert.deepEqual(clusterTexts(twice), [{ members: [0, 2], representative: 0 }]);
});
