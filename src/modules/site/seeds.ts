import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import * as store from './store.ts';

/**
 * The demo city's site identity (济宁市人民政府, its office 市政府办公室), so the demo portal reads as
 * before identities were data. Runs after the orgs seed; nothing without its government.
 */
export async function seedDemoSite(db: Kysely<Database>): Promise<SeedReport> {
  const government = await store.findRootGovernment(db);
  if (!government || (await store.findIdentity(db, government.id))) return [];
  await store.insertIdentity(
    db,
    government.id,
    {
      site_name: government.name,
      sponsor: `${government.name}办公室`,
      office_org_id: await store.findOfficeOf(db, government.id),
      office_phone: null,
      office_address: null,
      office_hours: null,
      site_code: null,
      icp_record: null,
      police_record: null,
      logo_file_id: null,
    },
    null,
  );
  return [];
}
