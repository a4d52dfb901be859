import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/RequireRole.tsx';
import { AssessmentPage } from './AssessmentPage.tsx';
import { ImportPlanPage } from './ImportPlanPage.tsx';
import { LedgerPlansPage } from './LedgerPlansPage.tsx';
import { MyTasksPage } from './MyTasksPage.tsx';
import { PlanDetailPage } from './PlanDetailPage.tsx';

/** The 工作台账 pages under /ledger. */
export const LEDGER_ROUTES: RouteObject[] = [
  { path: '/ledger', element: <LedgerPlansPage /> },
  {
    path: '/ledger/import',
    element: (
      <RequireRole roles={['admin', 'office']}>
        <ImportPlanPage />
      </RequireRole>
    ),
  },
  { path: '/ledger/my', element: <MyTasksPage /> },
  { path: '/ledger/plans/:id', element: <PlanDetailPage /> },
  {
    path: '/ledger/assessment',
    element: (
      <RequireRole roles={['admin', 'office', 'approver']}>
        <AssessmentPage />
      </RequireRole>
    ),
  },
];
