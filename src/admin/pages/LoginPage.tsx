import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useFirstRun } from '../../modules/site/admin/useFirstRun.ts';
import { errorMessage } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { APP_NAME } from '../lib/labels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

interface LoginValues {
  username: string;
  password: string;
}

interface LoginState {
  from?: string;
  expired?: boolean;
}

export function LoginPage() {
  useDocumentTitle('登录');
  const { session, login } = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const site = useFirstRun();
  const target = state.from && state.from !== '/login' ? state.from : '/';

  if (session.status === 'loading' || site.setupNeeded === null) return <FullPageSpin />;
  // An empty database (no organisation): the first run comes before any sign-in.
  if (site.setupNeeded) return <Navigate to="/setup" replace />;
  if (session.status === 'signedIn' && !submitting) return <Navigate to={target} replace />;

  async function onFinish(values: LoginValues) {
    setSubmitting(true);
    setError(undefined);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          {site.siteName && (
            <Typography.Paragraph style={{ textAlign: 'center', fontSize: 18, marginBottom: 8 }}>
              {site.logoUrl && (
                <img
                  src={site.logoUrl}
                  alt=""
                  height={32}
                  style={{ verticalAlign: 'middle', marginRight: 8 }}
                />
              )}
              {site.siteName}
            </Typography.Paragraph>
          )}
          <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', marginBottom: 24 }}>
            登录 · {APP_NAME}
          </Typography.Title>
          {state.expired && !error && (
            <Alert type="info" showIcon title="登录已失效，请重新登录。" style={{ marginBottom: 16 }} />
          )}
          {session.status === 'error' && !error && (
            <Alert type="warning" showIcon title={session.message} style={{ marginBottom: 16 }} />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<LoginValues> name="login" layout="vertical" requiredMark={false} onFinish={onFinish}>
            <Form.Item
              label="用户名"
              name="username"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              登录
            </Button>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
