import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { lazyPage, preloadRoute } from './module.tsx';
import { ADMIN_MODULES } from './modules.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

const HomePage = lazyPage(() => import('./pages/HomePage.tsx'), 'HomePage');

/**
 * The console's pages: the shell's own (login, home, not found) and every module's (`modules.tsx`).
 * Pages other than the login are loaded on first visit (`lazyPage`), each as its own chunk.
 */
const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  ...ADMIN_MODULES.flatMap((m) => m.publicRoutes ?? []),
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      ...ADMIN_MODULES.flatMap((m) => m.routes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const BASENAME = '/admin';

export const router = createBrowserRouter(routes, { basename: BASENAME });
/**
 * The code of the page the console was opened at, asked for now (while the session is checked); the
 * first render waits for it (main.tsx). Drawn before it arrived, the page would show its loading
 * placeholder, and React then holds the page back until the placeholder has been seen for 300 ms.
 */
export const openedPageReady = preloadRoute(routes, window.location.pathname, BASENAME);
