import { CheckSquareOutlined, ImportOutlined, ProfileOutlined, TrophyOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const AssessmentPage = lazyPage(
  () => import('../../../admin/pages/ledger/AssessmentPage.tsx'),
  'AssessmentPage',
);
const ImportPlanPage = lazyPage(
  () => import('../../../admin/pages/ledger/ImportPlanPage.tsx'),
  'ImportPlanPage',
);
const LedgerPlansPage = lazyPage(
  () => import('../../../admin/pages/ledger/LedgerPlansPage.tsx'),
  'LedgerPlansPage',
);
const MyTasksPage = lazyPage(() => import('../../../admin/pages/ledger/MyTasksPage.tsx'), 'MyTasksPage');
const PlanDetailPage = lazyPage(
  () => import('../../../admin/pages/ledger/PlanDetailPage.tsx'),
  'PlanDetailPage',
);

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
