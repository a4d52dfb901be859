import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';

/** Renders children for a signed-in user; otherwise sends the browser to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, retry } = useAuth();
  const location = useLocation();

  if (session.status === 'loading') return <FullPageSpin />;
  if (session.status === 'error') {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={session.message}
        extra={
          <Button type="primary" onClick={retry}>
            重试
          </Button>
        }
      />
    );
  }
  if (session.status === 'anonymous') {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, expired: session.expired }}
      />
    );
  }
  // A password given by someone else (generated at setup) is changed before anything else.
  if (session.user.mustChangePassword) return <Navigate to="/password" replace />;
  return children;
}
