import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { RequireRole } from './components/RequireRole.tsx';
import { UnderConstruction } from './components/UnderConstruction.tsx';
import { MODULES, SYSTEM } from './navigation.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { DOCUMENT_ROUTES } from './pages/documents/routes.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LetterTemplatesPage } from './pages/LetterTemplatesPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { LEDGER_ROUTES } from './pages/ledger/routes.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrgsPage } from './pages/OrgsPage.tsx';
import { RequestDetailPage } from './pages/RequestDetailPage.tsx';
import { RequestsPage } from './pages/RequestsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

/** Modules already built; the others show their placeholder page. */
const MODULE_ROUTES: Record<string, RouteObject[]> = {
  '/requests': [
    { path: '/requests', element: <RequestsPage /> },
    {
      path: '/requests/analytics',
      // Loaded on first visit: its charts (echarts) are a large download most sessions never need.
      lazy: async () => {
        const { RequestAnalyticsPage } = await import('./pages/RequestAnalyticsPage.tsx');
        return { Component: RequestAnalyticsPage };
      },
    },
    { path: '/requests/:id', element: <RequestDetailPage /> },
  ],
  // Each module's pages are listed in its own routes file; an empty list keeps the placeholder.
  ...(DOCUMENT_ROUTES.length > 0 ? { '/documents': DOCUMENT_ROUTES } : {}),
  ...(LEDGER_ROUTES.length > 0 ? { '/ledger': LEDGER_ROUTES } : {}),
};

const SYSTEM_PAGES: Record<string, ReactNode> = {
  '/system/orgs': <OrgsPage />,
  '/system/users': <UsersPage />,
  '/system/audit': <AuditPage />,
  '/system/calendar': <CalendarPage />,
  '/system/letter-templates': <LetterTemplatesPage />,
};

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
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
      ...MODULES.flatMap(
        (m) =>
          MODULE_ROUTES[m.path] ?? [
            {
              path: m.path,
              element: <UnderConstruction title={m.title} sentence={m.underConstruction ?? ''} />,
            },
          ],
      ),
      ...SYSTEM.children.map((leaf) => ({
        path: leaf.path,
        element: <RequireRole roles={leaf.roles ?? ['admin']}>{SYSTEM_PAGES[leaf.path]}</RequireRole>,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes, { basename: '/admin' });
