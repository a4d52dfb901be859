/**
 * The console's module list: each module's console side (`src/modules/<name>/admin/index.tsx`: its
 * pages, its menu entries), in menu order. A module's console side is one line here, as its server
 * side is one line in `src/modules.ts`. Modules not built yet show a placeholder page until their line
 * is replaced.
 */
import { calendarAdmin } from '../modules/calendar/admin/index.tsx';
import { decisionsAdmin } from '../modules/decisions/admin/index.tsx';
import { demoAdmin } from '../modules/demo/admin/index.tsx';
import { documentsAdmin } from '../modules/documents/admin/index.tsx';
import { dutiesAdmin } from '../modules/duties/admin/index.tsx';
import { enterprisesAdmin } from '../modules/enterprises/admin/index.tsx';
import { orgsAdmin } from '../modules/orgs/admin/index.tsx';
import { qaAdmin } from '../modules/qa/admin/index.tsx';
import { registersAdmin, reportsAdmin } from '../modules/reports/admin/index.tsx';
import { requestsAdmin } from '../modules/requests/admin/index.tsx';
import { siteAdmin } from '../modules/site/admin/index.tsx';
import { standardsAdmin } from '../modules/standards/admin/index.tsx';
import { workplanAdmin } from '../modules/workplan/admin/index.tsx';
import type { AdminModule } from './module.tsx';

export const ADMIN_MODULES: readonly AdminModule[] = [
  orgsAdmin,
  calendarAdmin,
  requestsAdmin,
  documentsAdmin,
  decisionsAdmin,
  standardsAdmin,
  workplanAdmin,
  qaAdmin,
  enterprisesAdmin,
  reportsAdmin,
  registersAdmin,
  dutiesAdmin,
  siteAdmin,
  demoAdmin,
];
