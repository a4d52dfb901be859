import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidCreditCode, isValidResidentId } from './identity.ts';

test('accepts resident ID numbers with the right check character, in either case', () => {
  assert.equal(isValidResidentId('11010519491231002X'), true);
  assert.equal(isValidResidentId('11010519491231002x'), true);
  assert.equal(isValidResidentId('110105194912310021'), false);
});

test('rejects resident ID numbers with a wrong length or an impossible birth date', () => {
  assert.equal(isValidResidentId('11010519491231002'), false);
  assert.equal(isValidResidentId('110105194902300021'), false);
});

test('checks unified social credit codes (GB 32100)', () => {
  assert.equal(isValidCreditCode('91350100M000100Y43'), true);
  assert.equal(isValidCreditCode('91350100M000100Y44'), false);
  assert.equal(isValidCreditCode('91350100I000100Y43'), false);
  assert.equal(isValidCreditCode('91350100M000100Y4'), false);
});
