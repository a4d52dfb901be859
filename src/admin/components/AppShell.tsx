import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useAuth, useCurrentUser } from '../auth/AuthContext.tsx';
import { APP_NAME, roleLabel } from '../lib/labels.ts';
import { canSee, HOME, MODULES, type NavLeaf, SYSTEM } from '../navigation.tsx';

function leafItem(leaf: NavLeaf): NonNullable<MenuProps['items']>[number] {
  return { key: leaf.path, icon: leaf.icon, label: <Link to={leaf.path}>{leaf.title}</Link> };
}

function selectedKey(pathname: string): string {
  const leaves = [HOME, ...MODULES, ...SYSTEM.children];
  const match = leaves
    .filter((l) => l.path !== '/' && (pathname === l.path || pathname.startsWith(`${l.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}

export function AppShell() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [loggingOut, setLoggingOut] = useState(false);
  const [openKeys, setOpenKeys] = useState<string[]>(pathname.startsWith('/system') ? [SYSTEM.key] : []);

  // Keep 系统管理 unfolded when a page inside it is reached by a link rather than the menu.
  useEffect(() => {
    if (pathname.startsWith('/system/'))
      setOpenKeys((keys) => (keys.includes(SYSTEM.key) ? keys : [...keys, SYSTEM.key]));
  }, [pathname]);

  const items = useMemo<MenuProps['items']>(() => {
    const list: NonNullable<MenuProps['items']> = [HOME, ...MODULES]
      .filter((l) => canSee(l, user.role))
      .map(leafItem);
    if (canSee(SYSTEM, user.role)) {
      list.push({
        key: SYSTEM.key,
        icon: SYSTEM.icon,
        label: SYSTEM.title,
        children: SYSTEM.children.filter((l) => canSee(l, user.role)).map(leafItem),
      });
    }
    return list;
  }, [user.role]);

  async function handleLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } catch (error) {
      message.warning(`退出时服务器未响应：${errorMessage(error)}`);
    } finally {
      setLoggingOut(false);
      navigate('/login', { replace: true });
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} theme="dark">
        <Link
          to="/"
          style={{
            display: 'block',
            color: '#fff',
            fontSize: 16,
            fontWeight: 600,
            padding: '18px 20px',
            whiteSpace: 'nowrap',
          }}
        >
          {APP_NAME}
        </Link>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selectedKey(pathname)]}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="middle">
            <Space size={6}>
              <UserOutlined aria-hidden />
              <Typography.Text strong>{user.displayName}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">{user.orgName}</Typography.Text>
            <Tag color="blue">{roleLabel(user.role)}</Tag>
            <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={handleLogout}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
