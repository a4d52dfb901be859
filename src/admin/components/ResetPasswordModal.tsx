import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { resetPassword } from '../api/orgRegister.ts';
import type { User } from '../api/users.ts';
import { FormModal } from './FormModal.tsx';

interface Values {
  how: 'generate' | 'given';
  password?: string;
}

/** 重置密码: a generated password shown once, or one the administrator types; never the old one. */
export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const [shown, setShown] = useState<{ username: string; password: string }>();
  const [how, setHow] = useState<Values['how']>('generate');
  async function submit(v: Values) {
    if (!user) return;
    const r = await resetPassword(user.id, v.how === 'given' ? v.password : undefined);
    onClose();
    if (r.password) setShown({ username: user.username, password: r.password });
  }
  return (
    <>
      <FormModal<Values>
        open={user !== undefined}
        title={user ? `重置密码：${user.displayName}（${user.username}）` : ''}
        okText="重置密码"
        initialValues={{ how: 'generate' }}
        fieldNames={['password']}
        onCancel={onClose}
        onSubmit={submit}
        onValuesChange={(_, all) => setHow(all.how)}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="系统不保存也不显示原密码。重置后该用户的登录会话全部失效。"
        />
        <Form.Item name="how">
          <Radio.Group
            options={[
              { value: 'generate', label: '随机生成新密码（只显示一次）' },
              { value: 'given', label: '指定新密码' },
            ]}
          />
        </Form.Item>
        {how === 'given' && (
          <Form.Item
            label="新密码"
            name="password"
            extra="至少10位，须同时包含字母和数字，不能与用户名相同。"
            rules={[{ required: true, message: '请输入新密码' }]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        )}
      </FormModal>
      <Modal
        open={shown !== undefined}
        title="新密码（只显示这一次）"
        onOk={() => setShown(undefined)}
        onCancel={() => setShown(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已记下"
      >
        <p>请立即复制并转交 {shown?.username} 本人：</p>
        <Typography.Paragraph copyable code style={{ fontSize: 18 }}>
          {shown?.password}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
