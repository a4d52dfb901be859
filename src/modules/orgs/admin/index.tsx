import { ApartmentOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type OrgsAction } from '../domain/policies.ts';

const AuditPage = lazyPage(() => import('../../../admin/pages/AuditPage.tsx'), 'AuditPage');
const OrgsPage = lazyPage(() => import('../../../admin/pages/OrgsPage.tsx'), 'OrgsPage');
const UsersPage = lazyPage(() => import('../../../admin/pages/UsersPage.tsx'), 'UsersPage');

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
