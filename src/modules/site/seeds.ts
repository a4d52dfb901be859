import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { isGovernment } from './domain/sites.ts';
import * as store from './store.ts';

/**
 * The demo's site identities: the city's (济宁市人民政府, its office 市政府办公室), so the demo portal reads
 * as before identities were data, and one for each county/district government (梁山县人民政府 …), each
 * at /s/{行政区划代码}/. Runs after the orgs seed; nothing without its government. The demo registry
 * removes them with their governments (site_identity is owned by its organisation).
 */
export async function seedDemoSite(db: Kysely<Database>): Promise<SeedReport> {
  const government = await store.findRootGovernment(db);
  if (!government || (await store.findIdentity(db, government.id))) return [];
  const orgs = await store.listSiteOrgs(db);
  const governments = orgs.filter((o) => o.id === government.id || (isGovernment(o) && o.parentId !== null));
  for (const g of governments) {
    await store.insertIdentity(
      db,
      g.id,
      {
        site_name: g.name,
        sponsor: `${g.name}办公室`,
        office_org_id: await store.findOfficeOf(db, g.id),
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
  }
  return [];
}
