import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { can, type SiteAction, type SiteActor, type SiteRef } from './policies.ts';

const CITY = 1;
const COUNTY = 3;
const OTHER_COUNTY = 7;
const CITY_SITE: SiteRef = { orgId: CITY, above: [] };
const COUNTY_SITE: SiteRef = { orgId: COUNTY, above: [CITY] };
const OTHER_SITE: SiteRef = { orgId: OTHER_COUNTY, above: [CITY] };

const who = (role: Role, governmentId: number | null): SiteActor => ({ role, governmentId });

test('site identity: everyone reads it; a government’s administrator edits its site and those below', () => {
  const rows: [string, SiteActor | null, SiteAction, SiteRef | undefined, boolean][] = [
    ['anonymous visitor reads', null, 'view', COUNTY_SITE, true],
    ['handler reads', who('handler', COUNTY), 'view', CITY_SITE, true],
    ['anonymous visitor may not edit', null, 'edit', CITY_SITE, false],
    ['city admin edits the city’s site', who('admin', CITY), 'edit', CITY_SITE, true],
    ['city admin edits a county’s site', who('admin', CITY), 'edit', COUNTY_SITE, true],
    ['county admin edits its own site', who('admin', COUNTY), 'edit', COUNTY_SITE, true],
    ['county admin may not edit the city’s site', who('admin', COUNTY), 'edit', CITY_SITE, false],
    ['county admin may not edit another county’s', who('admin', COUNTY), 'edit', OTHER_SITE, false],
    ['admin of no government edits nothing', who('admin', null), 'edit', CITY_SITE, false],
    ['an admin may open 站点信息 (no site named)', who('admin', COUNTY), 'edit', undefined, true],
    ['office may not edit', who('office', CITY), 'edit', CITY_SITE, false],
    ['approver may not edit', who('approver', CITY), 'edit', CITY_SITE, false],
    ['handler may not edit', who('handler', COUNTY), 'edit', COUNTY_SITE, false],
    ['reviewer may not edit', who('reviewer', CITY), 'edit', CITY_SITE, false],
    ['handler may not open 站点信息', who('handler', CITY), 'edit', undefined, false],
  ];
  for (const [name, actor, action, site, expected] of rows) {
    assert.equal(can(actor, action, site), expected, name);
  }
});
