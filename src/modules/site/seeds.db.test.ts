import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { seedDemoOrgs } from '../orgs/index.ts';
import { seedDemoSite } from './seeds.ts';
import { loadDirectory, loadSite } from './service.ts';

test('the demo city gets its identity from the seed, so its portal reads as before', async () => {
  const handle = await createTestDb();
  try {
    assert.equal((await loadSite(handle.db)).view.siteName, '政府信息公开');
    await seedDemoOrgs(handle.db);
    // A database from before identities: the root government's name, still from the data.
    assert.equal((await loadSite(handle.db)).view.configured, false);
    assert.equal((await loadSite(handle.db)).view.siteName, '济宁市人民政府');
    await seedDemoSite(handle.db);
    await seedDemoSite(handle.db); // once only
    const { view, portal } = await loadSite(handle.db);
    assert.equal(view.configured, true);
    assert.equal(view.siteName, '济宁市人民政府');
    assert.equal(view.officeName, '市政府办公室');
    assert.equal(portal.office?.name, '市政府办公室');
    assert.equal(view.regionCode, '370800');
    // The city and its eleven counties/districts, each with its site at /s/{行政区划代码}/.
    assert.equal((await handle.db.selectFrom('site_identity').select('org_id').execute()).length, 12);
    const dir = await loadDirectory(handle.db);
    const liangshan = dir.byCode.get('370832');
    assert.equal(liangshan?.view.siteName, '梁山县人民政府');
    assert.equal(liangshan?.prefixed?.basePath, '/s/370832');
    assert.equal(dir.byCode.get('370883')?.view.officeName, '邹城市政府办公室');
  } finally {
    await handle.close();
  }
});
