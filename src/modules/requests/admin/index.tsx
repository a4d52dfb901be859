import {
  AuditOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  FileWordOutlined,
  InboxOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import type { Role } from '../../../platform/roles.ts';

const LetterTemplatesPage = lazyPage(
  () => import('../../../admin/pages/LetterTemplatesPage.tsx'),
  'LetterTemplatesPage',
);
const RequestDetailPage = lazyPage(
  () => import('../../../admin/pages/RequestDetailPage.tsx'),
  'RequestDetailPage',
);
const RequestAnalyticsPage = lazyPage(
  () => import('../../../admin/pages/RequestAnalyticsPage.tsx'),
  'RequestAnalyticsPage',
);
const ReleaseQueuePage = lazyPage(() => import('./ReleaseQueuePage.tsx'), 'ReleaseQueuePage');
const SignoffChainsPage = lazyPage(() => import('./SignoffChainsPage.tsx'), 'SignoffChainsPage');
const RequestsPage = lazyPage(() => import('../../../admin/pages/RequestsPage.tsx'), 'RequestsPage');

const ADMIN_OFFICE: readonly Role[] = ['admin', 'office'];

/** 依申请公开 in the console: the workbench, a case, the statistics; the letter templates under 系统管理. */
export const requestsAdmin: AdminModule = {
  name: 'requests',
  menu: {
    path: '/requests',
    title: '依申请公开',
    icon: <FileSearchOutlined />,
    children: [
      { path: '/requests', title: '工作台', icon: <InboxOutlined /> },
      { path: '/requests/analytics', title: '统计分析', icon: <BarChartOutlined /> },
      { path: '/requests/release-queue', title: '转主动公开', icon: <SendOutlined />, roles: ADMIN_OFFICE },
    ],
  },
  system: [
    { path: '/system/letter-templates', title: '文书模板', icon: <FileWordOutlined />, roles: ADMIN_OFFICE },
    { path: '/system/signoff-chains', title: '答复审核签发', icon: <AuditOutlined />, roles: ADMIN_OFFICE },
  ],
  routes: [
    { path: '/requests', element: <RequestsPage /> },
    { path: '/requests/analytics', element: <RequestAnalyticsPage /> },
    {
      path: '/requests/release-queue',
      element: (
        <RequireRole roles={ADMIN_OFFICE}>
          <ReleaseQueuePage />
        </RequireRole>
      ),
    },
    { path: '/requests/:id', element: <RequestDetailPage /> },
    {
      path: '/system/letter-templates',
      element: (
        <RequireRole roles={ADMIN_OFFICE}>
          <LetterTemplatesPage />
        </RequireRole>
      ),
    },
    {
      path: '/system/signoff-chains',
      element: (
        <RequireRole roles={ADMIN_OFFICE}>
          <SignoffChainsPage />
        </RequireRole>
      ),
    },
  ],
};
