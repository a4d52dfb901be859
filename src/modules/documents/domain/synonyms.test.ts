import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCUMENT_SYNONYMS } from './synonyms.ts';

test('the synonym list pairs at least 20 abbreviations with their full names, each word in one group', () => {
  const pairs = DOCUMENT_SYNONYMS.reduce((n, g) => n + g.length - 1, 0);
  assert.ok(pairs >= 20, `${pairs}`);
  const seen = new Map<string, number>();
  DOCUMENT_SYNONYMS.forEach((group, i) => {
    assert.ok(group.length >= 2, group.join('/'));
    for (const w of group) {
      assert.equal(w, w.trim());
      assert.ok(w.length >= 2, w);
      assert.ok(!seen.has(w), `${w} in groups ${seen.get(w)} and ${i}`);
      seen.set(w, i);
    }
  });
  const find = (w: string) => DOCUMENT_SYNONYMS.find((g) => g.includes(w)) ?? [];
  assert.ok(find('发改委').includes('发展和改革委员会'));
  assert.ok(find('发改委').includes('发展改革委'));
  assert.ok(find('人社局').includes('人力资源和社会保障局'));
  assert.ok(find('住建局').includes('住房和城乡建设局'));
  assert.ok(find('市场监管局').includes('市场监督管理局'));
});
