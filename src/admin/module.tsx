import { Flex, Spin } from 'antd';
import {
  Children,
  type ComponentType,
  isValidElement,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
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

/** A page declared with `lazyPage`: its code can be asked for before the page is drawn. */
type LazyPageComponent = ComponentType & { preload: () => Promise<unknown> };

/**
 * A console page loaded on its first visit, as its own chunk: the console's first load carries only the
 * shell, and each page's code (and the libraries only it uses) comes with the page. Used in a module's
 * `admin/index.tsx` in place of a static import, so its routes keep their `element: <Page />`:
 * `const DocumentsPage = lazyPage(() => import('./DocumentsPage.tsx'), 'DocumentsPage');`
 * `preloadRoute` asks for the opened address's page while the session is checked; a page whose code
 * is already here is drawn at once, without the loading placeholder.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => {
    loading ??= load().then(
      (m) => {
        loaded = m[name] as ComponentType;
        return { default: loaded };
      },
      (error: unknown) => {
        loading = undefined; // a failed download is tried again on the next visit
        throw error;
      },
    );
    return loading;
  };
  const Page = lazy(preload);
  function LazyPage() {
    // Decided once per mount: switching from the lazy wrapper to the page itself would remount it.
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready />;
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  }
  LazyPage.displayName = name;
  LazyPage.preload = preload;
  return LazyPage satisfies LazyPageComponent;
}

/** The `lazyPage` pages an element draws, looking through its wrappers (`RequireRole`, the shell). */
function lazyPagesOf(node: ReactNode): LazyPageComponent[] {
  if (!isValidElement(node)) return [];
  const type = node.type as Partial<LazyPageComponent>;
  const own = typeof type.preload === 'function' ? [type as LazyPageComponent] : [];
  const children = (node.props as { children?: ReactNode }).children;
  return [...own, ...Children.toArray(children).flatMap(lazyPagesOf)];
}

/**
 * Starts downloading the pages of the address the console was opened at, so that their code arrives
 * while the session is checked; settles when every one has arrived or failed (a failed one shows the
 * loading placeholder and is tried again when drawn).
 */
export function preloadRoute(routes: RouteObject[], pathname: string, basename: string): Promise<void> {
  const pages = (matchRoutes(routes, pathname, basename) ?? []).flatMap((m) => lazyPagesOf(m.route.element));
  return Promise.allSettled(pages.map((page) => page.preload())).then(() => undefined);
}

/** Shown in the shell while a page's code is fetched. */
function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" description="页面加载中…" />
    </Flex>
  );
}
