/**
 * The annual report's checks, from the national format (国办公开办函〔2021〕30号,
 * docs/law/annual-report-format.md): table 三's printed note “第一项加第二项之和，等于第三项加第四项之和”,
 * （七）总计 over the sub-rows, the 总计 column over the six applicant columns, table 四's 总计 over its four
 * cells; and the carry-over warning. Figures worked out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCarryOver, checkReport, checkTable2, checkTable3, checkTable4, passes } from './checks.ts';
import {
  emptyTable3,
  OUTCOME_ROW_KEYS,
  TABLE3_ROW_KEYS,
  type Table2,
  type Table3,
  table4Of,
} from './tables.ts';

/** Sets a row from its six applicant numbers, the 总计 column their sum. */
function row(t: Table3, key: string, six: number[]): void {
  t[key] = [...six, six.reduce((s, n) => s + n, 0)];
}

/**
 * A consistent table: 自然人 received 5 and carried in 1; 3 disclosed, 1 not held (三(四)1), 1 withdrawn
 * (三(六)3) = 5 concluded, 1 carried forward. 商业企业 received 2: 1 partial, 1 carried forward.
 */
function balanced(): Table3 {
  const t = emptyTable3();
  row(t, '一', [5, 2, 0, 0, 0, 0]);
  row(t, '二', [1, 0, 0, 0, 0, 0]);
  row(t, '三(一)', [3, 0, 0, 0, 0, 0]);
  row(t, '三(二)', [0, 1, 0, 0, 0, 0]);
  row(t, '三(四)1', [1, 0, 0, 0, 0, 0]);
  row(t, '三(六)3', [1, 0, 0, 0, 0, 0]);
  row(t, '三(七)', [5, 1, 0, 0, 0, 0]);
  row(t, '四', [1, 1, 0, 0, 0, 0]);
  return t;
}

const table2: Table2 = {
  rule: [1, 0, 12],
  normative: [8, 2, 40],
  licensing: 1200,
  penalty: 35,
  enforcement: 0,
  fees: 12.5,
};

// 一, 二, the 22 rows of 三 (merged cell over 22 rows: 21 outcome rows and （七）总计) and 四: 25 numeric rows.
test('table 三 has the 25 numeric rows of the format: 一, 二, 21 outcome rows, （七）总计, 四', () => {
  assert.equal(TABLE3_ROW_KEYS.length, 25);
  assert.equal(OUTCOME_ROW_KEYS.length, 21);
  assert.deepEqual(OUTCOME_ROW_KEYS.slice(0, 3), ['三(一)', '三(二)', '三(三)1']);
  assert.deepEqual(
    TABLE3_ROW_KEYS.filter((k) => k.startsWith('三(三)')),
    ['三(三)1', '三(三)2', '三(三)3', '三(三)4', '三(三)5', '三(三)6', '三(三)7', '三(三)8'],
  );
  assert.equal(TABLE3_ROW_KEYS.filter((k) => k.startsWith('三(四)')).length, 3);
  assert.equal(TABLE3_ROW_KEYS.filter((k) => k.startsWith('三(五)')).length, 5);
  assert.equal(TABLE3_ROW_KEYS.filter((k) => k.startsWith('三(六)')).length, 3);
});

test('a consistent report passes every check', () => {
  const checks = checkReport({ table2, table3: balanced(), table4: table4Of([]) }, [1, 0, 0, 0, 0, 0, 1]);
  assert.ok(
    checks.every((c) => c.ok),
    JSON.stringify(checks.filter((c) => !c.ok)),
  );
  assert.ok(passes(checks));
});

test('一 + 二 = 三（七） + 四 per column: a failure names the column, both sides and the difference', () => {
  const t = balanced();
  row(t, '四', [2, 1, 0, 0, 0, 0]); // 自然人 carries forward 2 instead of 1
  row(t, '三(七)', [5, 1, 0, 0, 0, 0]);
  const failing = checkTable3(t).filter((c) => !c.ok);
  assert.deepEqual(
    failing.map((c) => c.message),
    [
      '表三“自然人”列：第一项（5）加第二项（1）之和为6，第三项（七）总计（5）加第四项（2）之和为7，相差1。',
      '表三“总计”列：第一项（7）加第二项（1）之和为8，第三项（七）总计（6）加第四项（3）之和为9，相差1。',
    ],
  );
  assert.ok(!passes(failing));
});

test('（七）总计 = the sum of the sub-rows of （一）…（六）', () => {
  const t = balanced();
  row(t, '三(三)4', [0, 0, 1, 0, 0, 0]); // a 科研机构 withheld case missing from the total and from 一
  const failing = checkTable3(t).filter((c) => !c.ok);
  assert.ok(
    failing.some(
      (c) => c.message === '表三“科研机构”列：第三项（七）总计为0，（一）至（六）各项之和为1，相差1。',
    ),
    JSON.stringify(failing),
  );
});

test('the 总计 column = the sum of the six applicant columns', () => {
  const t = balanced();
  t['三(五)2'] = [1, 0, 0, 0, 0, 0, 0];
  t['三(七)'] = [6, 1, 0, 0, 0, 0, 6];
  t.一 = [6, 2, 0, 0, 0, 0, 7];
  const failing = checkTable3(t).filter((c) => !c.ok);
  assert.deepEqual(
    failing.map((c) => c.message),
    [
      '表三第一项“本年新收政府信息公开申请数量”：“总计”列为7，六类申请人之和为8，相差1。',
      '表三第三项（五）不予处理2.重复申请：“总计”列为0，六类申请人之和为1，相差1。',
      '表三第三项（七）总计：“总计”列为6，六类申请人之和为7，相差1。',
    ],
  );
});

test('table 四: each 总计 = the four cells before it', () => {
  assert.deepEqual(
    checkTable4([1, 1, 0, 1, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]).map((c) => c.ok),
    [true],
  );
  assert.deepEqual(
    checkTable4([1, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]).map((c) => c.message),
    [
      '表四行政复议总计为2，结果维持、结果纠正、其他结果、尚未审结四项之和为3，相差1。',
      '表四行政诉讼（复议后起诉）总计为0，结果维持、结果纠正、其他结果、尚未审结四项之和为1，相差1。',
    ],
  );
});

test('table 四 from cases: each case in its cell and its group 总计', () => {
  assert.deepEqual(
    table4Of([
      { kind: 'review', result: 'upheld' },
      { kind: 'review', result: 'pending' },
      { kind: 'direct-suit', result: 'corrected' },
      { kind: 'suit-after-review', result: 'other' },
    ]),
    [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1],
  );
});

test('table 二: hand-entered figures must be given; none may be negative', () => {
  assert.deepEqual(
    checkTable2(table2).map((c) => c.ok),
    [true],
  );
  assert.deepEqual(
    checkTable2({ ...table2, licensing: null, fees: -1 }).map((c) => c.message),
    [
      '表二第二十条第（五）项“行政许可”的本年处理决定数量尚未填报。',
      '表二第二十条第（八）项“行政事业性收费”的本年收费金额（单位：万元）为-1，应为非负数。',
    ],
  );
  assert.equal(checkTable2({ ...table2, penalty: 1.5 }).filter((c) => !c.ok).length, 1);
});

test("last year's 四 ≠ this year's 二 is a warning that does not block submission", () => {
  const checks = checkCarryOver(balanced(), [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(
    checks.map((c) => [c.ok, c.level, c.message]),
    [
      [
        false,
        'warning',
        '提示：表三“自然人”列：第二项“上年结转政府信息公开申请数量”为1，上一年度报告第四项“结转下年度继续办理”为2，相差1。',
      ],
      [
        false,
        'warning',
        '提示：表三“总计”列：第二项“上年结转政府信息公开申请数量”为1，上一年度报告第四项“结转下年度继续办理”为2，相差1。',
      ],
    ],
  );
  assert.ok(passes(checks));
  assert.deepEqual(checkCarryOver(balanced(), null), []);
});
