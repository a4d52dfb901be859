import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { FullPageSpin } from '../../../admin/components/FullPageSpin.tsx';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useDocumentTitle } from '../../../admin/lib/useDocumentTitle.ts';
import { checkNewPassword } from '../../orgs/domain/password.ts';
import { changePassword } from './api.ts';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码. A person whose password was given by someone else (generated at setup) comes here after
 * signing in and can do nothing else until it is changed; anyone may come here to change theirs.
 */
export function PasswordPage() {
  useDocumentTitle('修改密码');
  const { session, retry, logout } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  if (session.status === 'loading') return <FullPageSpin />;
  if (session.status !== 'signedIn') return <Navigate to="/login" replace />;
  const { user } = session;
  const forced = user.mustChangePassword === true;

  async function onFinish(values: PasswordValues) {
    setSubmitting(true);
    setError(undefined);
    try {
      await changePassword(values.oldPassword, values.newPassword);
      retry();
      navigate('/', { replace: true });
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, ['oldPassword', 'newPassword']);
      setError(unmatched.length ? unmatched.join('；') : errorMessage(e));
      setSubmitting(false);
    }
  }

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 440 }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
            修改密码
          </Typography.Title>
          {forced && (
            <Alert
              type="info"
              showIcon
              title="您正在使用系统生成的初始密码，请先设置新密码。"
              style={{ marginBottom: 16 }}
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<PasswordValues> form={form} name="password" layout="vertical" onFinish={onFinish}>
            <Form.Item
              label="当前密码"
              name="oldPassword"
              rules={[{ required: true, message: '请输入当前密码' }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label="新密码"
              name="newPassword"
              extra="至少10位，须同时包含字母和数字，不能与用户名相同"
              rules={[
                { required: true, message: '请输入新密码' },
                {
                  validator: (_, v: string | undefined) => {
                    const problem = v ? checkNewPassword(v, user.username) : null;
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认新密码"
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) =>
                    !v || v === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error('两次输入的新密码不一致')),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              保存新密码
            </Button>
            <Button type="link" block onClick={() => void (forced ? logout() : navigate(-1))}>
              {forced ? '退出登录' : '返回'}
            </Button>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
