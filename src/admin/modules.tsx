/**
 * The console's module list: each module's console side (`src/modules/<name>/admin/index.tsx`: its
 * pages, its menu entries), in menu order. A module's console side is one line here, as its server
 * side is one line in `src/modules.ts`. Modules not built yet show a placeholder page until their line
 * is replaced.
 */
import { SolutionOutlined } from '@ant-design/icons';
import { calendarAdmin } from '../modules/calendar/admin/index.tsx';
import { demoAdmin } from '../modules/demo/admin/index.tsx';
import { documentsAdmin } from '../modules/documents/admin/index.tsx';
import { orgsAdmin } from '../modules/orgs/admin/index.tsx';
import { qaAdmin } from '../modules/qa/admin/index.tsx';
import { reportsAdmin } from '../modules/reports/admin/index.tsx';
import { requestsAdmin } from '../modules/requests/admin/index.tsx';
import { siteAdmin } from '../modules/site/admin/index.tsx';
import { workplanAdmin } from '../modules/workplan/admin/index.tsx';
import { type AdminModule, underConstruction } from './module.tsx';

export const ADMIN_MODULES: readonly AdminModule[] = [
  orgsAdmin,
  calendarAdmin,
  requestsAdmin,
  documentsAdmin,
  underConstruction('decisions', {
    path: '/decisions',
    title: '决策公开',
    icon: <SolutionOutlined />,
    sentence: '本模块正在建设中，上线后将在此办理重大行政决策公开。',
  }),
  workplanAdmin,
  qaAdmin,
  reportsAdmin,
  siteAdmin,
  demoAdmin,
];
