import { ApartmentOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import type { AdminModule } from '../../../admin/module.tsx';
import { AuditPage } from '../../../admin/pages/AuditPage.tsx';
import { OrgsPage } from '../../../admin/pages/OrgsPage.tsx';
import { UsersPage } from '../../../admin/pages/UsersPage.tsx';
import type { Role } from '../../../platform/roles.ts';

const ADMIN: readonly Role[] = ['admin'];

/** 组织机构 in the console: organisations, users and the audit log, for administrators. */
export const orgsAdmin: AdminModule = {
  name: 'orgs',
  system: [
    { path: '/system/orgs', title: '组织机构', icon: <ApartmentOutlined />, roles: ADMIN },
    { path: '/system/users', title: '用户管理', icon: <TeamOutlined />, roles: ADMIN },
    { path: '/system/audit', title: '审计日志', icon: <HistoryOutlined />, roles: ADMIN },
  ],
  routes: [
    {
      path: '/system/orgs',
      element: (
        <RequireRole roles={ADMIN}>
          <OrgsPage />
        </RequireRole>
      ),
    },
    {
      path: '/system/users',
      element: (
        <RequireRole roles={ADMIN}>
          <UsersPage />
        </RequireRole>
      ),
    },
    {
      path: '/system/audit',
      element: (
        <RequireRole roles={ADMIN}>
          <AuditPage />
        </RequireRole>
      ),
    },
  ],
};
