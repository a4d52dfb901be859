/** Public surface of the site module (站点信息, first run). Other modules and the app import from here only. */
export { NEUTRAL_SITE_NAME } from './domain/identity.ts';
export { siteModule } from './manifest.ts';
export { seedDemoSite } from './seeds.ts';
export {
  type CurrentSite,
  currentSite,
  currentSites,
  forgetSite,
  loadDirectory,
  loadSite,
  resolveSite,
  type SiteDirectory,
  setupNeeded,
} from './service.ts';
