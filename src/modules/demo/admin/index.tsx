import { ExperimentOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import type { Role } from '../../../platform/roles.ts';

const DemoPage = lazyPage(() => import('./DemoPage.tsx'), 'DemoPage');

const ADMIN: readonly Role[] = ['admin'];

/** 演示数据 in the console, under 系统管理: what the demo left, and removing it (administrators). */
export const demoAdmin: AdminModule = {
  name: 'demo',
  system: [{ path: '/system/demo', title: '演示数据', icon: <ExperimentOutlined />, roles: ADMIN }],
  routes: [
    {
      path: '/system/demo',
      element: (
        <RequireRole roles={ADMIN}>
          <DemoPage />
        </RequireRole>
      ),
    },
  ],
};
