import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { seedDemoOrgs } from '../orgs/index.ts';
import { seedDemoSite } from './seeds.ts';
import { loadSite } from './service.ts';

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
    assert.equal((await handle.db.selectFrom('site_identity').select('org_id').execute()).length, 1);
  } finally {
    await handle.close();
  }
});
