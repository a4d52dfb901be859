import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../platform/roles.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { roleLabel } from '../lib/labels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

function Forbidden({ roles }: { roles: readonly Role[] }) {
  useDocumentTitle('无权访问');
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={`此页面仅对${roles.map(roleLabel).join('、')}开放。如需使用，请联系本单位系统管理员。`}
    />
  );
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <Forbidden roles={roles} />;
}
