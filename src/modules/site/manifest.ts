import type { ModuleManifest } from '../../platform/module.ts';
import { siteApi } from './api.ts';
import { SITE_AUDIT_LABELS } from './audit.ts';
import { siteCommands } from './commands.ts';
import { SITE_ERRORS } from './errors.ts';
import { sitePortal } from './portal.ts';
import { seedDemoSite } from './seeds.ts';

/**
 * 站点信息: the first run of a real government (setup page, `gongkai setup`) and the identity its portal,
 * login page, letters and exports show (site name, 主办单位, office contact, 网站标识码, filings, logo).
 */
export const siteModule: ModuleManifest = {
  name: 'site',
  errors: SITE_ERRORS,
  auditLabels: SITE_AUDIT_LABELS,
  commands: siteCommands,
  api: siteApi,
  portal: sitePortal,
  seed: seedDemoSite,
};
