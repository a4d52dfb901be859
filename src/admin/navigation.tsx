import { HomeOutlined, SettingOutlined } from '@ant-design/icons';
import type { Role } from '../platform/roles.ts';
import type { NavGroup, NavLeaf } from './module.tsx';
import { ADMIN_MODULES } from './modules.tsx';

export type { NavGroup, NavLeaf } from './module.tsx';

/** The menu, assembled from the modules' console sides (`modules.tsx`): their entries, in list order. */
export const HOME: NavLeaf = { path: '/', title: '工作台', icon: <HomeOutlined /> };

export const MODULES: NavLeaf[] = ADMIN_MODULES.flatMap((m) => (m.menu ? [m.menu] : []));

export const SYSTEM: NavGroup = {
  key: 'system',
  title: '系统管理',
  icon: <SettingOutlined />,
  roles: ['admin', 'office'],
  children: ADMIN_MODULES.flatMap((m) => m.system ?? []),
};

/** The key of a module's submenu (its main page's path is the key of the entry inside). */
export function groupKey(leaf: NavLeaf): string {
  return `group:${leaf.path}`;
}

/** Every page entry of the menu, submenu entries included. */
export function allLeaves(): NavLeaf[] {
  return [HOME, ...MODULES.flatMap((m) => m.children ?? [m]), ...SYSTEM.children];
}

export function canSee(entry: { roles?: readonly Role[] }, role: Role): boolean {
  return !entry.roles || entry.roles.includes(role);
}
