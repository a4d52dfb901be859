import { GlobalOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import type { Role } from '../../../platform/roles.ts';

const PasswordPage = lazyPage(() => import('./PasswordPage.tsx'), 'PasswordPage');
const SetupPage = lazyPage(() => import('./SetupPage.tsx'), 'SetupPage');
const SiteSettingsPage = lazyPage(() => import('./SiteSettingsPage.tsx'), 'SiteSettingsPage');

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
