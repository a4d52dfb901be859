import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AppError,
  DuplicateErrorCodeError,
  describeError,
  installErrorCatalogs,
  isCatalogCode,
  mergeErrorCatalogs,
} from './errors.ts';

const ALPHA = { ALPHA_BROKEN: { status: 409, message: (p: Record<string, unknown>) => `甲${p.n}坏了。` } };
const BETA = { BETA_MISSING: { status: 404, message: '乙不存在。' } };

test('the catalogs merge into one: the platform codes and every module code', () => {
  const merged = mergeErrorCatalogs([
    { owner: 'alpha', errors: ALPHA },
    { owner: 'beta', errors: BETA },
  ]);
  assert.equal(merged.get('ALPHA_BROKEN')?.owner, 'alpha');
  assert.equal(merged.get('BETA_MISSING')?.owner, 'beta');
  assert.equal(merged.get('NOT_FOUND')?.owner, 'platform');
});

test('a code defined twice is refused, naming both owners', () => {
  assert.throws(
    () =>
      mergeErrorCatalogs([
        { owner: 'alpha', errors: ALPHA },
        { owner: 'beta', errors: { ...BETA, ALPHA_BROKEN: { status: 400, message: '重复。' } } },
      ]),
    (err: unknown) =>
      err instanceof DuplicateErrorCodeError && /ALPHA_BROKEN.*alpha.*beta/.test((err as Error).message),
  );
  assert.throws(
    () => mergeErrorCatalogs([{ owner: 'alpha', errors: { NOT_FOUND: { status: 404, message: '无。' } } }]),
    /NOT_FOUND is defined twice: by platform and by alpha/,
  );
});

test('describeError reads the installed catalogs; an unknown code is answered as INTERNAL', () => {
  installErrorCatalogs([{ owner: 'alpha', errors: ALPHA }]);
  assert.ok(isCatalogCode('ALPHA_BROKEN'));
  assert.ok(!isCatalogCode('BETA_MISSING'));
  // Codes of test catalogs are not in ErrorCodes: the compiler knows only the real catalogs.
  const alpha = 'ALPHA_BROKEN' as never;
  assert.deepEqual(describeError(alpha, { n: 3 }), { status: 409, message: '甲3坏了。' });
  assert.deepEqual(describeError('NOT_FOUND'), { status: 404, message: '您访问的内容不存在。' });
  assert.equal(describeError('BETA_MISSING' as never).status, 500);
  assert.equal(new AppError(alpha, { n: 1 }).code, 'ALPHA_BROKEN');
  installErrorCatalogs([]);
  assert.ok(!isCatalogCode('ALPHA_BROKEN'));
});
