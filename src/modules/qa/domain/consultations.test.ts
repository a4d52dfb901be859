import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ConsultationInput,
  channelOf,
  checkConsultation,
  frequentQuestions,
  hotTopics,
  parseConsultationSheet,
} from './consultations.ts';

const UNITS = new Map([['市财政局', 3]]);
const O = { today: '2026-03-05', units: UNITS };
const ok: ConsultationInput = {
  channel: '12345热线转办',
  askedOn: '2026-03-01',
  question: '养老补贴怎么申请',
  answer: '到社区申请',
  unit: '市财政局',
  topic: '养老',
};

test('channels as written in a sheet, by a table', () => {
  const cases: [string, string | null][] = [
    ['hotline', 'hotline'],
    ['12345热线转办', 'hotline'],
    ['12345', 'hotline'],
    ['政务服务大厅', 'hall'],
    ['一号答', 'yihaoda'],
    ['微信', null],
    ['', null],
  ];
  for (const [text, want] of cases) assert.equal(channelOf(text), want, text);
});

test('a record checked, by a table', () => {
  const cases: [Partial<ConsultationInput>, RegExp | null][] = [
    [{}, null],
    [{ channel: '邮件' }, /渠道/],
    [{ askedOn: '2026-3-1' }, /YYYY-MM-DD/],
    [{ askedOn: '2026-03-06' }, /晚于今天/],
    [{ question: '  ' }, /问题为空/],
    [{ question: '问'.repeat(501) }, /超过500字/],
    [{ answer: '答'.repeat(4001) }, /答复超过/],
    [{ unit: '不存在的局' }, /不在组织机构中/],
    [{ unit: '' }, null],
    [{ topic: '题'.repeat(21) }, /主题超过/],
  ];
  for (const [change, want] of cases) {
    const r = checkConsultation({ ...ok, ...change }, O);
    if (want === null) {
      assert.deepEqual(r.errors, [], JSON.stringify(change));
      assert.ok(r.record);
    } else {
      assert.match(r.errors.join('；'), want, JSON.stringify(change));
      assert.equal(r.record, null);
    }
  }
  assert.equal(checkConsultation({ ...ok, unit: '' }, O).record?.orgId, null);
  assert.equal(checkConsultation(ok, O).record?.orgId, 3);
});

test('the unit must be one the person records for (scope), by a table', () => {
  const units = new Map([
    ['市财政局', 3],
    ['市教育局', 4],
  ]);
  const cases: [string, ReadonlySet<number> | undefined, boolean, number | null][] = [
    // unit, scope, out of scope, the record's org (null: refused or none)
    ['市财政局', undefined, false, 3],
    ['市财政局', new Set([3]), false, 3],
    ['市财政局', new Set([4]), true, null],
    ['市教育局', new Set([3]), true, null],
    ['', new Set([4]), false, null],
    ['不存在的局', new Set([3]), false, null],
  ];
  for (const [unit, scope, outOfScope, orgId] of cases) {
    const r = checkConsultation({ ...ok, unit }, { today: O.today, units, ...(scope ? { scope } : {}) });
    assert.equal(r.outOfScope, outOfScope, unit);
    assert.equal(r.record?.orgId ?? null, orgId, unit);
    if (outOfScope) assert.match(r.errors.join('；'), /不在您管理的范围内/, unit);
  }
  const sheet = parseConsultationSheet(
    {
      headers: ['渠道', '日期', '问题', '承办单位'],
      rows: [{ row: 2, cells: ['一号答', '2026-03-01', '问', '市教育局'] }],
    },
    { today: O.today, units, scope: new Set([3]) },
  );
  assert.deepEqual(sheet, { ok: false, errors: ['第2行：承办单位“市教育局”不在您管理的范围内'] });
});

test('a sheet: every bad row named, nothing kept when one is bad', () => {
  const headers = ['渠道', '日期', '问题', '答复', '承办单位', '主题'];
  const good = ['一号答', '2026-03-01', '公积金怎么提取', '', '', '住房'];
  const r = parseConsultationSheet(
    {
      headers,
      rows: [
        { row: 2, cells: good },
        { row: 3, cells: ['邮件', '2026-03-01', '问', '', '', ''] },
        { row: 4, cells: ['', '', '', '', '', ''] },
        { row: 5, cells: ['一号答', 'x', '', '', '无此单位', ''] },
      ],
    },
    O,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 2);
  assert.match(r.errors[0] ?? '', /^第3行：渠道/);
  assert.match(r.errors[1] ?? '', /^第5行：日期.*问题为空.*无此单位/);
  const fine = parseConsultationSheet({ headers, rows: [{ row: 2, cells: good }] }, O);
  assert.ok(fine.ok && fine.records.length === 1 && fine.records[0]?.channel === 'yihaoda');
  const noColumn = parseConsultationSheet({ headers: ['问题'], rows: [] }, O);
  assert.deepEqual(noColumn.ok ? [] : noColumn.errors, ['缺少“渠道”、“日期”列（表头应在第一行）']);
  const empty = parseConsultationSheet({ headers, rows: [] }, O);
  assert.deepEqual(empty.ok ? [] : empty.errors, ['表中没有记录']);
});

test('frequent questions: near-identical ones grouped, small groups left out', () => {
  const q = (id: number, tokens: string[], pairId: number | null = null) => ({
    id,
    question: tokens.join(''),
    tokens,
    pairId,
  });
  const groups = frequentQuestions([
    q(1, ['养老', '补贴', '怎么', '申请']),
    q(2, ['公积金', '提取']),
    q(3, ['养老', '补贴', '如何', '申请'], 9),
    q(4, ['养老', '补贴', '怎么', '申请', '呢']),
    q(5, ['公积金', '提取', '条件']),
    q(6, ['公积金', '提取']),
    q(7, ['学校', '招生']),
  ]);
  // 1/3: 3 shared of 5 = 0.6 → near-identical; 1/4: 4 of 5 = 0.8.
  assert.deepEqual(
    groups.map((g) => [g.ids, g.pairId]),
    [
      [[1, 3, 4], 9],
      [[2, 5, 6], null],
    ],
  );
  assert.deepEqual(frequentQuestions([q(1, ['a']), q(2, ['a'])]), []);
  assert.equal(frequentQuestions([q(1, ['a']), q(2, ['a'])], 2).length, 1);
  // Near-identical to any question of the group, not only its first (怎么…呢 is close to 怎么, not to 如何).
  const chained = frequentQuestions([
    q(1, ['养老', '服务', '补贴', '如何', '申请']),
    q(2, ['养老', '服务', '补贴', '怎么', '申请']),
    q(3, ['养老', '服务', '补贴', '怎么', '申请', '呢']),
  ]);
  assert.deepEqual(
    chained.map((g) => g.ids),
    [[1, 2, 3]],
  );
  // No tokens (a question of punctuation only) groups with nothing.
  assert.deepEqual(frequentQuestions([q(1, []), q(2, []), q(3, [])]), []);
});

test('hot topics: per topic per month, every month in between, biggest first', () => {
  const h = hotTopics([
    { topic: '养老', askedOn: '2025-11-03' },
    { topic: '养老', askedOn: '2026-01-10' },
    { topic: '', askedOn: '2026-01-11' },
    { topic: '住房', askedOn: '2026-01-12' },
    { topic: '养老', askedOn: '2026-01-20' },
  ]);
  assert.deepEqual(h.months, ['2025-11', '2025-12', '2026-01']);
  assert.deepEqual(h.topics, [
    { topic: '养老', counts: [1, 0, 2], total: 3 },
    { topic: '其他', counts: [0, 0, 1], total: 1 },
    { topic: '住房', counts: [0, 0, 1], total: 1 },
  ]);
  assert.deepEqual(hotTopics([]), { months: [], topics: [] });
});
