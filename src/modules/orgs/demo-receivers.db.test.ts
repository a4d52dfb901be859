import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { orgsModule } from './manifest.ts';
import { loadReceiving } from './receiving.ts';

test('the seeded demo: every agency that accepts applications has a receiver, none by fallback', async () => {
  const handle = await createTestDb();
  try {
    const report = await orgsModule.seed?.(handle.db);
    assert.ok(
      report?.some((line) => line.includes('officejyj')),
      'the department office accounts are printed',
    );
    const receiving = await loadReceiving(handle.db);
    const byName = new Map(receiving.orgs.map((o) => [o.name, o.id]));
    const id = (name: string) => byName.get(name) as number;
    const accepting = receiving.orgs.filter((o) => o.accepts_requests && !o.disabled);
    assert.ok(accepting.length > 40, 'the whole demo tree');
    for (const o of accepting) {
      const r = receiving.receiverOf(o.id);
      assert.ok(r, `${o.name} has a receiver`);
      assert.notEqual(r.via, 'fallback', `${o.name} is received by its own or a designated office`);
    }
    const rows: [string, string, string][] = [
      ['市教育局', 'own', '市教育局'],
      ['市自然资源和规划局', 'own', '市自然资源和规划局'],
      ['济宁市人民政府', 'own', '济宁市人民政府'],
      ['市民政局', 'designated', '市政府办公室'],
      ['兖州区人民政府', 'designated', '市政府办公室'],
      ['邹城市人民政府', 'own', '邹城市人民政府'],
      ['邹城市教育局', 'designated', '邹城市政府办公室'],
      ['济阳街道办事处', 'designated', '任城区政府办公室'],
    ];
    for (const [agency, via, office] of rows) {
      assert.deepEqual(receiving.receiverOf(id(agency)), { via, officeId: id(office) }, agency);
    }
  } finally {
    await handle.close();
  }
});
