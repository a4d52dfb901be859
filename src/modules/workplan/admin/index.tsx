import { CheckSquareOutlined, ImportOutlined, ProfileOutlined, TrophyOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import type { AdminModule } from '../../../admin/module.tsx';
import { AssessmentPage } from '../../../admin/pages/ledger/AssessmentPage.tsx';
import { ImportPlanPage } from '../../../admin/pages/ledger/ImportPlanPage.tsx';
import { LedgerPlansPage } from '../../../admin/pages/ledger/LedgerPlansPage.tsx';
import { MyTasksPage } from '../../../admin/pages/ledger/MyTasksPage.tsx';
import { PlanDetailPage } from '../../../admin/pages/ledger/PlanDetailPage.tsx';

/** 工作台账 in the console: the plans, importing a task table, my tasks, the assessment. */
export const workplanAdmin: AdminModule = {
  name: 'workplan',
  menu: {
    path: '/ledger',
    title: '工作台账',
    icon: <ProfileOutlined />,
    children: [
      { path: '/ledger', title: '台账总览', icon: <ProfileOutlined /> },
      { path: '/ledger/import', title: '导入任务表', icon: <ImportOutlined />, roles: ['admin', 'office'] },
      { path: '/ledger/my', title: '我的任务', icon: <CheckSquareOutlined /> },
      {
        path: '/ledger/assessment',
        title: '考核排名',
        icon: <TrophyOutlined />,
        roles: ['admin', 'office', 'approver'],
      },
    ],
  },
  routes: [
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
  ],
};
