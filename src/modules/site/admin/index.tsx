import { GlobalOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import type { AdminModule } from '../../../admin/module.tsx';
import type { Role } from '../../../platform/roles.ts';
import { PasswordPage } from './PasswordPage.tsx';
import { SetupPage } from './SetupPage.tsx';
import { SiteSettingsPage } from './SiteSettingsPage.tsx';

const ADMIN: readonly Role[] = ['admin'];

/** 站点信息 under 系统管理; the first-run setup page and 修改密码 outside the shell. */
export const siteAdmin: AdminModule = {
  name: 'site',
  system: [{ path: '/system/site', title: '站点信息', icon: <GlobalOutlined />, roles: ADMIN }],
  routes: [
    {
      path: '/system/site',
      element: (
        <RequireRole roles={ADMIN}>
          <SiteSettingsPage />
        </RequireRole>
      ),
    },
  ],
  publicRoutes: [
    { path: '/setup', element: <SetupPage /> },
    { path: '/password', element: <PasswordPage /> },
  ],
};
