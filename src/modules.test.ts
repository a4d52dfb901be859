import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { MODULES } from './modules.ts';
import { describeError, type ErrorCode, isCatalogCode, PLATFORM_ERRORS } from './platform/http/errors.ts';

const CHINESE = /[\u4e00-\u9fff]/;

test('every module in the list has its own name', () => {
  const names = MODULES.map((m) => m.name);
  assert.deepEqual(names, [...new Set(names)]);
});

test("every module's error codes are in the merged catalog with a status and a Chinese message", () => {
  const sources = [PLATFORM_ERRORS, ...MODULES.map((m) => m.errors ?? {})];
  let codes = 0;
  for (const catalog of sources) {
    for (const code of Object.keys(catalog)) {
      codes++;
      assert.ok(isCatalogCode(code), code);
      const { status, message } = describeError(code as ErrorCode, {});
      assert.ok(status >= 400 && status < 600, `${code}: ${status}`);
      assert.match(message, CHINESE, code);
    }
  }
  assert.ok(codes > 70, `${codes} codes`);
  assert.equal(describeError('DOC_NUMBER_INVALID', { reason: '年份应为四位数' }).status, 400);
  assert.match(describeError('CALENDAR_YEAR_MISSING', { year: 2099 }).message, /2099年/);
});

test('every benchmark a module declares names a script that exists', () => {
  const benchmarks = MODULES.flatMap((m) => m.benchmarks ?? []);
  assert.ok(benchmarks.length > 0);
  for (const b of benchmarks) assert.ok(existsSync(new URL(`../${b.script}`, import.meta.url)), b.script);
});
