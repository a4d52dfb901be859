/**
 * The module list: every module of the platform, in registration (and seeding) order. A module is its
 * folder under `src/modules/` plus one line here (and one in `src/admin/modules.tsx` for its console
 * side); the platform learns everything else from the manifest (`platform/module.ts`).
 */
import { calendarModule } from './modules/calendar/index.ts';
import { decisionsModule } from './modules/decisions/index.ts';
import { demoModule } from './modules/demo/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { dutiesModule } from './modules/duties/index.ts';
import { enterprisesModule } from './modules/enterprises/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { orgsModule } from './modules/orgs/index.ts';
import { qaModule } from './modules/qa/index.ts';
import { reportsModule } from './modules/reports/index.ts';
import { requestsModule } from './modules/requests/index.ts';
import { siteModule } from './modules/site/index.ts';
import { standardsModule } from './modules/standards/index.ts';
import { workplanModule } from './modules/workplan/index.ts';
import { type ModuleManifest, registerModules } from './platform/module.ts';

export const MODULES: readonly ModuleManifest[] = registerModules([
  orgsModule,
  calendarModule,
  notificationsModule,
  requestsModule,
  workplanModule,
  documentsModule,
  qaModule,
  reportsModule,
  siteModule,
  decisionsModule,
  standardsModule,
  enterprisesModule,
  dutiesModule,
  demoModule,
]);
