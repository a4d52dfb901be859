import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeError, isCatalogCode } from './http/errors.ts';
import { type ModuleManifest, registerModules } from './module.ts';

const run = async () => 0;

test('registerModules installs the catalogs and returns the list', () => {
  const list: ModuleManifest[] = [
    { name: 'alpha', errors: { ALPHA_GONE: { status: 410, message: '甲已删除。' } } },
    { name: 'beta', commands: { help: '  beta …', handlers: { beta: run } } },
  ];
  assert.equal(registerModules(list), list);
  assert.ok(isCatalogCode('ALPHA_GONE'));
  assert.equal(describeError('ALPHA_GONE' as never).message, '甲已删除。');
});

test('a module listed twice, a command or an error code declared twice is refused', () => {
  assert.throws(
    () => registerModules([{ name: 'alpha' }, { name: 'alpha' }]),
    /module alpha is listed twice/,
  );
  assert.throws(
    () =>
      registerModules([
        { name: 'alpha', commands: { help: '', handlers: { go: run } } },
        { name: 'beta', commands: { help: '', handlers: { go: run } } },
      ]),
    /command go is declared twice: by alpha and by beta/,
  );
  assert.throws(
    () =>
      registerModules([
        { name: 'alpha', errors: { SAME: { status: 400, message: '一。' } } },
        { name: 'beta', errors: { SAME: { status: 400, message: '二。' } } },
      ]),
    /error code SAME is defined twice: by alpha and by beta/,
  );
});
