import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseInput, normaliseText } from './normalize.ts';

describe('input normalisation at the edge', { timeout: 10_000 }, () => {
  const cases: [string, string][] = [
    ['张三\u0000', '张三'],
    ['\u0000\u0000', ''],
    ['申请公开\u0000某某信息', '申请公开某某信息'],
    ['Ｃafe\u0301', 'Ｃafé'],
    ['正常文本', '正常文本'],
  ];
  for (const [raw, out] of cases) it(JSON.stringify(raw), () => assert.equal(normaliseText(raw), out));

  it('walks bodies, arrays and keys; leaves numbers, booleans and buffers', () => {
    const buf = Buffer.from('x');
    assert.deepEqual(normaliseInput({ a: 'x\u0000', b: [1, 'y\u0000', { c: true }], 'k\u0000': null, buf }), {
      a: 'x',
      b: [1, 'y', { c: true }],
      k: null,
      buf,
    });
  });
  it('returns the same object when nothing changes', () => {
    const v = { a: '甲', b: ['乙'] };
    assert.equal(normaliseInput(v), v);
  });
});
