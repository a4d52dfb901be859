import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyTable3 } from '../../domain/tables.ts';
import { checkPastFigures, PAST_LINES, parsePastSheet } from './past.ts';

/** The template's rows with every number blank, then `fill` by key: cells from column C. */
function sheet(fill: Record<string, string[]> = {}, drop: string[] = []) {
  return {
    headerRow: 1,
    rows: PAST_LINES.filter((l) => !drop.includes(l.key)).map((l, i) => ({
      row: i + 2,
      cells: [l.key, l.label, ...(fill[l.key] ?? [])],
    })),
  };
}

// 2024 of a small agency: 5 received, 2 concluded (一 自然人 予以公开, 一 法律服务机构 部分公开), 3 carried forward.
const balanced = {
  一: ['2', '1', '1', '0', '1', '0', '5'],
  '三(一)': ['1', '0', '0', '0', '0', '0', '1'],
  '三(二)': ['0', '0', '0', '0', '1', '0', '1'],
  '三(七)': ['1', '0', '0', '0', '1', '0', '2'],
  四: ['1', '1', '1', '0', '0', '0', '3'],
  '表二-规章': ['0', '0', '2'],
  '表二-行政事业性收费': ['1.25'],
  '表四-行政复议': ['1', '0', '0', '1', '2'],
};

test('the template sheet is read into figures; blanks are 0, table 二’s hand figures stay unknown', () => {
  const { figures, errors } = parsePastSheet(sheet(balanced));
  assert.deepEqual(errors, []);
  assert.ok(figures);
  assert.deepEqual(figures.table3.四, [1, 1, 1, 0, 0, 0, 3]);
  assert.deepEqual(figures.table3.二, [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(figures.table2.rule, [0, 0, 2]);
  assert.equal(figures.table2.fees, 1.25);
  assert.equal(figures.table2.licensing, null);
  assert.deepEqual(figures.table4.slice(0, 5), [1, 0, 0, 1, 2]);
});

test('bad sheets: each problem by row', () => {
  const table: [string, ReturnType<typeof sheet>, RegExp[]][] = [
    [
      'a negative or fractional count',
      sheet({ ...balanced, 二: ['-1', '0.5'] }),
      [/应为非负整数/, /应为非负整数/],
    ],
    ['a missing line', sheet(balanced, ['四']), [/缺少“四 四、结转下年度继续办理”一行/]],
    [
      'an unknown and a repeated key',
      {
        headerRow: 1,
        rows: [...sheet(balanced).rows, { row: 90, cells: ['五'] }, { row: 91, cells: ['一', '', '5'] }],
      },
      [/行号“五”不是模板中的行/, /“一”与第\d+行重复/],
    ],
    [
      'table 三 out of balance',
      sheet({ ...balanced, 四: ['0', '1', '1', '0', '0', '0', '2'] }),
      [
        /表三“自然人”列：第一项（2）加第二项（0）之和为2，第三项（七）总计（1）加第四项（0）之和为1/,
        /“总计”列/,
      ],
    ],
  ];
  for (const [name, s, want] of table) {
    const { figures, errors } = parsePastSheet(s);
    assert.equal(figures === null || errors.length > 0, true, name);
    assert.equal(errors.length, want.length, `${name}: ${JSON.stringify(errors)}`);
    for (const [i, re] of want.entries()) assert.match(errors[i]?.message ?? '', re, name);
  }
});

test('figures as entered in the grid: shape and sums', () => {
  const table2 = {
    rule: [0, 0, 0] as [number, number, number],
    normative: [0, 0, 0] as [number, number, number],
    licensing: null,
    penalty: null,
    enforcement: null,
    fees: null,
  };
  assert.deepEqual(checkPastFigures({ table2, table3: emptyTable3(), table4: Array(15).fill(0) }), []);
  assert.match(checkPastFigures({ table2, table3: {}, table4: Array(15).fill(0) })[0] ?? '', /表三缺少/);
  assert.match(
    checkPastFigures({
      table2: { ...table2, licensing: 1.5 },
      table3: emptyTable3(),
      table4: Array(15).fill(0),
    })[0] ?? '',
    /行政许可”应为非负整数/,
  );
  const t4 = Array(15).fill(0);
  t4[0] = 1;
  assert.match(
    checkPastFigures({ table2, table3: emptyTable3(), table4: t4 })[0] ?? '',
    /表四行政复议总计为0/,
  );
});
