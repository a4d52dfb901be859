// 信息处理费 tests (国办函〔2020〕109号 Art. 3–5). Amounts computed by hand from the tariff.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  applyWaiver,
  computeFee,
  type FeeResult,
  perItemFee,
  perItemMonthFee,
  perItemUnitPrice,
  perPageFee,
  perPageUnitPrice,
} from './fees.ts';

describe('§7 examples (docs/law/processing-fee.md)', () => {
  test('按件: 35 applications in one month → 20×100 + 5×200 = 3000 元', () => {
    assert.deepEqual(perItemFee(35), {
      method: 'per-item',
      total: 3000,
      bands: [
        { from: 1, to: 10, count: 10, unitPrice: 0, amount: 0 },
        { from: 11, to: 30, count: 20, unitPrice: 100, amount: 2000 },
        { from: 31, to: 35, count: 5, unitPrice: 200, amount: 1000 },
      ],
    });
  });
  test('按量: 150 pages → 70×10 + 50×20 = 1700 元', () => {
    assert.deepEqual(perPageFee(150), {
      method: 'per-page',
      total: 1700,
      bands: [
        { from: 1, to: 30, count: 30, unitPrice: 0, amount: 0 },
        { from: 31, to: 100, count: 70, unitPrice: 10, amount: 700 },
        { from: 101, to: 150, count: 50, unitPrice: 20, amount: 1000 },
      ],
    });
  });
  test('real case (华商报): 2219 pages → 70×10 + 100×20 + 2019×40 = 83460 元', () => {
    const fee = perPageFee(2219);
    assert.equal(fee.total, 83460);
    assert.deepEqual(fee.bands[3], { from: 201, to: 2219, count: 2019, unitPrice: 40, amount: 80760 });
  });
});

describe('按件 band edges (same applicant, one natural month)', () => {
  const cases: [number, number, string][] = [
    [0, 0, 'nothing'],
    [1, 0, 'first application free'],
    [10, 0, '10th still free (含10件)'],
    [11, 100, 'first paid item'],
    [30, 2000, 'end of the 100 元 band (含30件)'],
    [31, 2200, 'first item of the 200 元 band'],
    [40, 4000, 'end of 31–40'],
    [41, 4300, 'first item at 300 元'],
    [50, 7000, 'end of 41–50'],
    [51, 7400, 'first item at 400 元'],
    [60, 11000, 'end of 51–60'],
    [61, 11500, 'first item at 500 元'],
    [100, 37000, '91–100 at 800 元'],
  ];
  for (const [count, total, why] of cases) {
    test(`${count} items → ${total} 元 (${why})`, () => assert.equal(perItemFee(count).total, total));
  }
  const prices: [number, number][] = [
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [91, 800],
    [100, 800],
    [101, 900],
  ];
  for (const [n, price] of prices) {
    test(`item #${n} of the month costs ${price} 元`, () => assert.equal(perItemUnitPrice(n), price));
  }
  test('bands continue from earlier items of the month (35th application alone = 200 元)', () => {
    assert.deepEqual(perItemFee(1, { alreadyThisMonth: 34 }).bands, [
      { from: 35, to: 35, count: 1, unitPrice: 200, amount: 200 },
    ]);
    assert.equal(perItemFee(5, { alreadyThisMonth: 8 }).total, 300); // #9, #10 free; #11–#13 at 100
  });
  test('splitting a month in two parts gives the same total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (a, b) => {
        assert.equal(
          perItemFee(a).total + perItemFee(b, { alreadyThisMonth: a }).total,
          perItemFee(a + b).total,
        );
      }),
    );
  });
});

describe('按量 band edges (per application)', () => {
  const cases: [number, number, string][] = [
    [0, 0, 'nothing'],
    [30, 0, '30 pages free (含30页)'],
    [31, 10, 'first paid page'],
    [100, 700, 'end of the 10 元 band'],
    [101, 720, 'first page at 20 元'],
    [200, 2700, 'end of the 20 元 band'],
    [201, 2740, 'first page at 40 元'],
  ];
  for (const [pages, total, why] of cases) {
    test(`${pages} pages → ${total} 元 (${why})`, () => assert.equal(perPageFee(pages).total, total));
  }
  const prices: [number, number][] = [
    [30, 0],
    [31, 10],
    [100, 10],
    [101, 20],
    [200, 20],
    [201, 40],
    [5000, 40],
  ];
  for (const [n, price] of prices) {
    test(`page #${n} costs ${price} 元`, () => assert.equal(perPageUnitPrice(n), price));
  }
});

describe('results are consistent (property)', () => {
  const check = (fee: FeeResult, units: number, price: (n: number) => number) => {
    let sum = 0;
    for (let n = 1; n <= units; n++) sum += price(n);
    assert.equal(fee.total, sum);
    assert.equal(
      fee.bands.reduce((s, b) => s + b.amount, 0),
      fee.total,
    );
    assert.equal(
      fee.bands.reduce((s, b) => s + b.count, 0),
      units,
    );
    for (const b of fee.bands) assert.equal(b.amount, b.count * b.unitPrice);
  };
  test('per item: total = sum of unit prices = sum of bands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (n) => check(perItemFee(n), n, perItemUnitPrice)),
    );
  });
  test('per page: total = sum of unit prices = sum of bands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => check(perPageFee(n), n, perPageUnitPrice)),
    );
  });
});

describe('one method per application (Art. 3)', () => {
  test('both items and pages → FEE_METHOD_CONFLICT', () => {
    assert.throws(() => computeFee({ items: 35, pages: 150 }), { code: 'FEE_METHOD_CONFLICT' });
  });
  test('application already charged per item cannot be charged per page', () => {
    assert.throws(() => computeFee({ pages: 150, methodAlreadyUsed: 'per-item' }), {
      code: 'FEE_METHOD_CONFLICT',
      params: { method: 'per-item' },
    });
  });
  test('same method again is fine', () => {
    assert.equal(computeFee({ pages: 150, methodAlreadyUsed: 'per-page' }).total, 1700);
    assert.equal(computeFee({ items: 1, alreadyThisMonth: 34 }).total, 200);
  });
  test('neither → FEE_QUANTITY_INVALID', () => {
    assert.throws(() => computeFee({}), { code: 'FEE_QUANTITY_INVALID' });
  });
  for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    test(`quantity ${bad} → FEE_QUANTITY_INVALID`, () => {
      assert.throws(() => perPageFee(bad), { code: 'FEE_QUANTITY_INVALID' });
      assert.throws(() => perItemFee(bad), { code: 'FEE_QUANTITY_INVALID' });
    });
  }
});

describe('waivers: local policy only (default off)', () => {
  test('default policy refuses a waiver', () => {
    assert.throws(() => applyWaiver(perPageFee(150), { reason: '经济困难' }), {
      code: 'FEE_WAIVER_DISABLED',
    });
  });
  test('enabled: full waiver', () => {
    const fee = applyWaiver(perPageFee(150), { reason: '经济困难' }, { waiversEnabled: true });
    assert.equal(fee.total, 1700);
    assert.equal(fee.payable, 0);
    assert.deepEqual(fee.waiver, { reason: '经济困难', amount: 1700 });
  });
  test('enabled: partial waiver', () => {
    assert.equal(
      applyWaiver(perItemFee(35), { reason: '减半', amount: 1500 }, { waiversEnabled: true }).payable,
      1500,
    );
  });
  test('waiver larger than the fee or without reason is invalid', () => {
    const policy = { waiversEnabled: true };
    assert.throws(() => applyWaiver(perItemFee(35), { reason: 'x', amount: 3001 }, policy), {
      code: 'FEE_WAIVER_INVALID',
    });
    assert.throws(() => applyWaiver(perItemFee(35), { reason: ' ' }, policy), { code: 'FEE_WAIVER_INVALID' });
  });
});

test('按件 from the records: this application’s items after the applicant’s earlier ones this month', {
  timeout: 5_000,
}, () => {
  // 办法第四条: 10件以下(含10件)不收费; 11—30件的部分 100元/件; 31件以上以10件为一档，每档提高100元/件.
  const table: [string, number, number, number | null, number, number, boolean][] = [
    ['the first application of the month', 1, 0, null, 0, 0, false],
    ['the 10th is still free', 1, 9, null, 0, 9, false],
    ['the 11th costs 100', 1, 10, null, 100, 10, false],
    ['a second application is not charged the lower bands again', 2, 29, null, 100 + 200, 29, false],
    ['the 35th costs 200', 1, 34, null, 200, 34, false],
    ['staff correct the count (another document type of the same person)', 1, 3, 12, 100, 12, true],
    ['a correction to the same count is no correction', 1, 3, 3, 0, 3, false],
  ];
  for (const [name, items, computed, corrected, total, used, isCorrected] of table) {
    const fee = perItemMonthFee(items, computed, corrected);
    assert.equal(fee.total, total, name);
    assert.equal(fee.earlierThisMonth, used, name);
    assert.equal(fee.computedEarlier, computed, name);
    assert.equal(fee.corrected, isCorrected, name);
    assert.equal(fee.bands[0]?.from, used + 1, `${name}: the bands continue after the month’s count`);
  }
});
