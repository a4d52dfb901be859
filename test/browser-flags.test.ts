import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { PLAYWRIGHT_DISABLED_FEATURES } from './helpers/browser.ts';

test('the browsers of the tests keep the features playwright-core turns off', { timeout: 10_000 }, () => {
  // Chromium keeps only the last --disable-features: ours replaces playwright-core's, so it must repeat it.
  const bundle = path.join(
    path.dirname(createRequire(import.meta.url).resolve('playwright-core')),
    'lib/coreBundle.js',
  );
  const source = readFileSync(bundle, 'utf8');
  const start = source.indexOf('disabledFeatures = [');
  assert.ok(start > 0, 'playwright-core no longer lists its disabled features where this test reads them');
  const list = source.slice(start, source.indexOf('].filter(Boolean)', start));
  const theirs = [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?$/gm)].map((m) => m[1]);
  assert.ok(theirs.length > 5);
  assert.deepEqual([...PLAYWRIGHT_DISABLED_FEATURES].sort(), theirs.sort());
});
