import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULE_HELP } from './cli.help.ts';
import { MODULES } from './modules.ts';

test('`gongkai --help` lists every module command block the manifests declare, in their order', {
  timeout: 30_000,
}, () => {
  assert.deepEqual(
    MODULE_HELP,
    MODULES.flatMap((m) => (m.commands ? [m.commands.help] : [])),
  );
});
