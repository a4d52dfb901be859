import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../../platform/roles.ts';
import { errorMessage } from '../api/client.ts';
import { useAuth, useCurrentUser } from '../auth/AuthContext.tsx';
import { APP_NAME, roleLabel } from '../lib/labels.ts';
import { allLeaves, canSee, groupKey, HOME, MODULES, type NavLeaf, SYSTEM } from '../navigation.tsx';
import { NotificationBell } from './NotificationBell.tsx';

type MenuItem = NonNullable<MenuProps['items']>[number];

function leafItem(leaf: NavLeaf): MenuItem {
  return { key: leaf.path, icon: leaf.icon, label: <Link to={leaf.path}>{leaf.title}</Link> };
}

/** A module with several pages: a submenu whose title still links to the module's main page. */
function moduleItem(leaf: NavLeaf, role: Role): MenuItem {
  if (!leaf.children) return leafItem(leaf);
  return {
    key: groupKey(leaf),
    icon: leaf.icon,
    // The menu's colours, not a link's: antd styles links inside items, not inside submenu titles.
    label: (
      <Link to={leaf.path} style={{ color: 'inherit' }}>
        {leaf.title}
      </Link>
    ),
    children: leaf.children.filter((l) => canSee(l, role)).map(leafItem),
  };
}

function selectedKey(pathname: string): string {
  const match = allLeaves()
    .filter((l) => l.path !== '/' && (pathname === l.path || pathname.startsWith(`${l.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}

/** The submenus that hold the page at `pathname` (kept unfolded when it is reached by a link). */
function groupsOf(pathname: string): string[] {
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const keys = MODULES.filter((m) => m.children && within(m.path)).map(groupKey);
  if (pathname.startsWith('/system/')) keys.push(SYSTEM.key);
  return keys;
}

export function AppShell() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [loggingOut, setLoggingOut] = useState(false);
  const [openKeys, setOpenKeys] = useState<string[]>(() => groupsOf(pathname));

  // Keep a submenu unfolded when a page inside it is reached by a link rather than the menu.
  useEffect(() => {
    const wanted = groupsOf(pathname);
    if (wanted.length > 0)
      setOpenKeys((keys) =>
        wanted.every((k) => keys.includes(k)) ? keys : [...new Set([...keys, ...wanted])],
      );
  }, [pathname]);

  const items = useMemo<MenuProps['items']>(() => {
    const list: NonNullable<MenuProps['items']> = [
      leafItem(HOME),
      ...MODULES.filter((l) => canSee(l, user.role)).map((l) => moduleItem(l, user.role)),
    ];
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
            <NotificationBell />
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
