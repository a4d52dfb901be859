import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../platform/roles.ts';
import { UnderConstruction } from './components/UnderConstruction.tsx';

export interface NavLeaf {
  path: string;
  title: string;
  icon: ReactNode;
  /** Roles that see the entry; all roles when absent. */
  roles?: readonly Role[];
  /**
   * A module with several pages: the menu shows it as a submenu of these entries (its title still links
   * to `path`, the module's main page).
   */
  children?: NavLeaf[];
}

export interface NavGroup {
  key: string;
  title: string;
  icon: ReactNode;
  roles?: readonly Role[];
  children: NavLeaf[];
}

/**
 * A module's console side, declared once in the module's own folder (`src/modules/<name>/admin/`) and
 * listed in `modules.tsx`; `routes.tsx` and `navigation.tsx` only assemble these.
 */
export interface AdminModule {
  /** The module's name, as in its server manifest. */
  name: string;
  /** Its entry in the main menu, in the list's order (a submenu when it has `children`). */
  menu?: NavLeaf;
  /** Its entries under 系统管理, in the list's order. */
  system?: NavLeaf[];
  /** Its pages under /admin, each guarded by the roles that may open it (`RequireRole`). */
  routes?: RouteObject[];
  /** Its pages outside the shell, open without signing in (as the login page is): first-run setup. */
  publicRoutes?: RouteObject[];
}

/** A module not built yet: its menu entry and a page saying what it will do. */
export function underConstruction(
  name: string,
  entry: { path: string; title: string; icon: ReactNode; sentence: string },
): AdminModule {
  return {
    name,
    menu: { path: entry.path, title: entry.title, icon: entry.icon },
    routes: [
      { path: entry.path, element: <UnderConstruction title={entry.title} sentence={entry.sentence} /> },
    ],
  };
}
