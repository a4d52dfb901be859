import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Grid, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
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
  // Below antd's md breakpoint (768 px, a phone) the menu is a drawer opened from the header.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  // A page reached from the drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setDrawerOpen(false), [pathname]);

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

  const menu = (
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
  );
  const brand = (
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
  );

  if (narrow) {
    return (
      <Layout style={{ minHeight: '100vh' }} className="gk-shell gk-shell-narrow">
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 8px',
            height: 'auto',
            lineHeight: 'normal',
            minHeight: 56,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
          <Link
            to="/"
            style={{ fontWeight: 600, color: 'inherit', flex: 1, minWidth: 0 }}
            className="gk-shell-title"
          >
            {APP_NAME}
          </Link>
          <NotificationBell />
          <Button
            icon={<LogoutOutlined />}
            loading={loggingOut}
            onClick={handleLogout}
            aria-label="退出登录"
          />
        </Layout.Header>
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title="菜单"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <div style={{ padding: '12px 20px', background: '#001529', color: '#fff' }}>
            <Space size={6} wrap>
              <UserOutlined aria-hidden />
              <span>{user.displayName}</span>
              <span>{user.orgName}</span>
              <Tag color="blue">{roleLabel(user.role)}</Tag>
            </Space>
          </div>
          {menu}
        </Drawer>
        <Layout.Content style={{ margin: '12px 8px' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }} className="gk-shell">
      <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} theme="dark">
        {brand}
        {menu}
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
