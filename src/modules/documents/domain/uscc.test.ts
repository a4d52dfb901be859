import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeProblem } from '../../orgs/domain/credit-code.ts';
import { agencyUscc, orgCodeCheck } from './uscc.ts';

test('GB 11714 check of the 组织机构代码 inside published codes', { timeout: 5000 }, () => {
  // 国务院办公厅 11100000000013127D, 北京市人民政府 11110000000021135M, a company 91350100M000100Y43.
  for (const [body, check] of [
    ['00001312', '7'],
    ['00002113', '5'],
    ['M000100Y', '4'],
  ] as const) {
    assert.equal(orgCodeCheck(body), check, body);
  }
  assert.equal(agencyUscc('100000', '00001312'), '11100000000013127D');
  assert.equal(agencyUscc('110000', '00002113'), '11110000000021135M');
});

test('an agency code built from its region and body is a valid 18-character code', { timeout: 5000 }, () => {
  for (const [region, body] of [
    ['370800', '00423401'],
    ['370883', '0042350A'],
    ['370811', '99999999'],
  ] as const) {
    const code = agencyUscc(region, body);
    assert.equal(code.length, 18, code);
    assert.ok(code.startsWith(`11${region}${body}`), code);
    assert.equal(creditCodeProblem(code), null, code);
  }
});
