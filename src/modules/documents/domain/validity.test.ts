import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validityAfter } from './codes.ts';
import { relationEffect, validityOnDate, versionOnDate } from './validity.ts';

test('a relation changes the old document on its effective date: now if passed, else later', () => {
  assert.deepEqual(relationEffect('repeals', '2024-06-01', '2024-06-01'), {
    applyNow: true,
    validity: 'repealed',
    on: '2024-06-01',
  });
  assert.deepEqual(relationEffect('amends', '2024-06-02', '2024-06-01'), {
    applyNow: false,
    validity: 'amended',
    on: '2024-06-02',
  });
  assert.equal(validityAfter('replaces'), 'expired');
});

test('version on a date: historical spans are half-open; the current text from the last amendment', () => {
  const versions = [
    { versionNo: 1, validFrom: '2019-05-01', validTo: '2021-01-01' },
    { versionNo: 2, validFrom: '2021-01-01', validTo: '2023-10-01' },
  ];
  assert.equal(versionOnDate(versions, '2023-10-01', '2019-04-30'), null);
  assert.deepEqual(versionOnDate(versions, '2023-10-01', '2019-05-01'), { kind: 'version', versionNo: 1 });
  assert.deepEqual(versionOnDate(versions, '2023-10-01', '2020-12-31'), { kind: 'version', versionNo: 1 });
  assert.deepEqual(versionOnDate(versions, '2023-10-01', '2021-01-01'), { kind: 'version', versionNo: 2 });
  assert.deepEqual(versionOnDate(versions, '2023-10-01', '2023-09-30'), { kind: 'version', versionNo: 2 });
  assert.deepEqual(versionOnDate(versions, '2023-10-01', '2023-10-01'), { kind: 'current' });
  assert.deepEqual(versionOnDate([], null, '1990-01-01'), { kind: 'current' });
});

test('validity shown for a date before a change is still 有效', () => {
  assert.equal(validityOnDate('repealed', '2024-06-01', '2024-05-31'), 'valid');
  assert.equal(validityOnDate('repealed', '2024-06-01', '2024-06-01'), 'repealed');
  assert.equal(validityOnDate('valid', null, '2024-06-01'), 'valid');
});
