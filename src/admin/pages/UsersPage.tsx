import { EditOutlined, KeyOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ListResult } from '../api/client.ts';
import {
  createUser,
  listUsers,
  type User,
  type UserCreateInput,
  type UserUpdateInput,
  updateUser,
} from '../api/users.ts';
import { ImportDialog } from '../components/ImportDialog.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ResetPasswordModal } from '../components/ResetPasswordModal.tsx';
import { type UserDialog, UserFormModal } from '../components/UserFormModal.tsx';
import { formatDateTime } from '../lib/format.ts';
import { roleLabel } from '../lib/labels.ts';
import { toTreeOptions } from '../lib/orgTree.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useOrgs } from '../lib/useOrgs.ts';

interface Filters {
  orgId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const NO_USERS: ListResult<User> = { items: [], total: 0 };

export function UsersPage() {
  const { message } = App.useApp();
  const { tree, error: orgError } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<UserDialog>();
  const [importing, setImporting] = useState(false);
  const [resetting, setResetting] = useState<User>();
  const { data = NO_USERS, loading, error, reload } = useLoad(() => listUsers(filters), [filters]);

  async function onCreate(input: UserCreateInput) {
    await createUser(input);
    message.success(`已新增用户“${input.displayName}”`);
    setDialog(undefined);
    reload();
  }

  async function onUpdate(user: User, input: UserUpdateInput) {
    await updateUser(user.id, input);
    message.success(`已保存用户“${input.displayName ?? user.displayName}”`);
    setDialog(undefined);
    reload();
  }

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '角色', dataIndex: 'role', width: 110, render: (role: string) => roleLabel(role) },
    { title: '所属机构', dataIndex: 'orgName' },
    {
      title: '电子邮箱',
      dataIndex: 'email',
      ellipsis: true,
      render: (email: string | null | undefined) =>
        email || <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 100,
      render: (disabled: boolean) => (disabled ? <Tag color="red">已停用</Tag> : '正常'),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', user })}>
            编辑
          </Button>
          <Button type="link" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            重置密码
          </Button>
          <Link to={`/system/audit?actorId=${encodeURIComponent(user.id)}`}>操作记录</Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              新增用户
            </Button>
          </Space>
        }
      />
      {(error || orgError) && (
        <Alert type="error" showIcon title={error ?? orgError} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <TreeSelect
            aria-label="按所属机构筛选"
            style={{ width: 280 }}
            treeData={orgOptions}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="全部机构"
            value={filters.orgId}
            onChange={(orgId?: number) => setFilters((f) => ({ ...f, orgId, page: 1 }))}
          />
          <Input.Search
            aria-label="搜索用户名或姓名"
            style={{ width: 280 }}
            placeholder="搜索用户名或姓名"
            allowClear
            enterButton="搜索"
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
          />
        </Space>
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          locale={{ emptyText: filters.q || filters.orgId ? '没有符合条件的用户' : '暂无用户' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      <UserFormModal
        dialog={dialog}
        orgOptions={orgOptions}
        onClose={() => setDialog(undefined)}
        onCreate={onCreate}
        onUpdate={onUpdate}
      />
      <ImportDialog kind="users" open={importing} onClose={() => setImporting(false)} onImported={reload} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </>
  );
}
