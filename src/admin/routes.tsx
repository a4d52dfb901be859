import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { ADMIN_MODULES } from './modules.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** The console's pages: the shell's own (login, home, not found) and every module's (`modules.tsx`). */
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
    // Shown while a lazily loaded page of the first address is fetched.
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { index: true, element: <HomePage /> },
      ...ADMIN_MODULES.flatMap((m) => m.routes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes, { basename: '/admin' });
