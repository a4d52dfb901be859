import { ApartmentOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import type { AdminModule } from '../../../admin/module.tsx';
import { AuditPage } from '../../../admin/pages/AuditPage.tsx';
import { OrgsPage } from '../../../admin/pages/OrgsPage.tsx';
import { UsersPage } from '../../../admin/pages/UsersPage.tsx';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type OrgsAction } from '../domain/policies.ts';

/** Each page is for whom the orgs policy allows its action (today the administrator only). */
const allowed = (action: OrgsAction): readonly Role[] => ROLES.filter((role) => can({ role }, action));
const ORGS = allowed('orgs.manage');
const USERS = allowed('users.manage');
const AUDIT = allowed('audit.view');

/** 组织机构 in the console: organisations, users and the audit log, for administrators. */
export const orgsAdmin: AdminModule = {
  name: 'orgs',
  system: [
    { path: '/system/orgs', title: '组织机构', icon: <ApartmentOutlined />, roles: ORGS },
    { path: '/system/users', title: '用户管理', icon: <TeamOutlined />, roles: USERS },
    { path: '/system/audit', title: '审计日志', icon: <HistoryOutlined />, roles: AUDIT },
  ],
  routes: [
    {
      path: '/system/orgs',
      element: (
        <RequireRole roles={ORGS}>
          <OrgsPage />
        </RequireRole>
      ),
    },
    {
      path: '/system/users',
      element: (
        <RequireRole roles={USERS}>
          <UsersPage />
        </RequireRole>
      ),
    },
    {
      path: '/system/audit',
      element: (
        <RequireRole roles={AUDIT}>
          <AuditPage />
        </RequireRole>
      ),
    },
  ],
};
