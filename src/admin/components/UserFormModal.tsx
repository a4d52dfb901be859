import { Form, Input, Select, Switch, TreeSelect } from 'antd';
import type { Role } from '../../platform/roles.ts';
import type { User, UserCreateInput, UserUpdateInput } from '../api/users.ts';
import { ROLE_OPTIONS } from '../lib/labels.ts';
import type { OrgTreeOption } from '../lib/orgTree.ts';
import { FormModal } from './FormModal.tsx';

export const MIN_PASSWORD_LENGTH = 10;
const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;
/** The server's rule (orgs/api.schemas.ts): something@domain.tld, at most 100 characters. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const EMAIL_MAX = 100;

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  email?: string;
  disabled: boolean;
  password?: string;
  confirmPassword?: string;
}

const FIELD_NAMES = ['username', 'displayName', 'role', 'orgId', 'email', 'disabled', 'password'] as const;

export type UserDialog = { mode: 'create' } | { mode: 'edit'; user: User };

interface Props {
  dialog: UserDialog | undefined;
  orgOptions: OrgTreeOption[];
  onClose: () => void;
  onCreate: (input: UserCreateInput) => Promise<void>;
  onUpdate: (user: User, input: UserUpdateInput) => Promise<void>;
}

export function UserFormModal({ dialog, orgOptions, onClose, onCreate, onUpdate }: Props) {
  const editing = dialog?.mode === 'edit' ? dialog.user : undefined;
  const initialValues: Partial<UserFormValues> = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        orgId: editing.orgId,
        email: editing.email ?? '',
        disabled: editing.disabled,
      }
    : { role: 'handler', disabled: false };

  async function submit(v: UserFormValues) {
    // An empty field means no address (null clears a saved one).
    const email = v.email?.trim() || null;
    if (editing) {
      const input: UserUpdateInput = {
        displayName: v.displayName.trim(),
        role: v.role,
        orgId: v.orgId,
        email,
        disabled: v.disabled,
      };
      if (v.password) input.password = v.password;
      await onUpdate(editing, input);
    } else {
      await onCreate({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        orgId: v.orgId,
        password: v.password ?? '',
        email,
      });
    }
  }

  return (
    <FormModal<UserFormValues>
      open={dialog !== undefined}
      title={editing ? `编辑用户：${editing.displayName}` : '新增用户'}
      initialValues={initialValues}
      fieldNames={FIELD_NAMES}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        label="用户名"
        name="username"
        extra={editing ? '用户名创建后不能修改。' : '用于登录：3至40位小写字母、数字或 _ . -'}
        rules={[
          { required: true, whitespace: true, message: '请输入用户名' },
          ...(editing
            ? []
            : [{ pattern: USERNAME_PATTERN, message: '用户名为3至40位小写字母、数字或 _ . -' }]),
        ]}
      >
        <Input disabled={Boolean(editing)} maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择所属机构' }]}>
        <TreeSelect
          treeData={orgOptions}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="请选择"
        />
      </Form.Item>
      <Form.Item
        label="电子邮箱"
        name="email"
        extra="选填。填写后，到期提醒等通知也会发送到该邮箱。"
        rules={[
          { pattern: EMAIL_PATTERN, message: '电子邮箱格式不正确' },
          { max: EMAIL_MAX, message: `电子邮箱不能超过${EMAIL_MAX}个字符` },
        ]}
      >
        <Input
          inputMode="email"
          maxLength={EMAIL_MAX}
          autoComplete="off"
          placeholder="例如 zhangsan@example.gov.cn"
        />
      </Form.Item>
      {editing && (
        <Form.Item
          label="停用账号"
          name="disabled"
          valuePropName="checked"
          extra="停用后该用户不能登录，历史记录保留。"
        >
          <Switch checkedChildren="已停用" unCheckedChildren="正常" />
        </Form.Item>
      )}
      <Form.Item
        label={editing ? '新密码' : '初始密码'}
        name="password"
        extra={
          editing
            ? `不修改密码请留空；如修改，至少${MIN_PASSWORD_LENGTH}位。`
            : `至少${MIN_PASSWORD_LENGTH}位。`
        }
        rules={[
          { required: !editing, message: '请输入初始密码' },
          { min: MIN_PASSWORD_LENGTH, message: `密码至少${MIN_PASSWORD_LENGTH}位` },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={[
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              const password: string | undefined = getFieldValue('password');
              if (!password && !value) return Promise.resolve();
              return value === password
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
