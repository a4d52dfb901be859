import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../api/auth.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

function Forbidden() {
  useDocumentTitle('无权访问');
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="此页面仅对系统管理员开放。如需使用，请联系本单位系统管理员。"
    />
  );
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <Forbidden />;
}
