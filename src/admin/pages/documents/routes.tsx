import type { RouteObject } from 'react-router';
import { RequireRole } from '../../components/RequireRole.tsx';
import { AttributeReviewPage } from './AttributeReviewPage.tsx';
import { CataloguePage } from './CataloguePage.tsx';
import { DocumentDetailPage } from './DocumentDetailPage.tsx';
import { DocumentFormPage } from './DocumentFormPage.tsx';
import { DocumentsPage } from './DocumentsPage.tsx';
import { GazettePage } from './GazettePage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { ReviewQueuePage } from './ReviewQueuePage.tsx';
import { ThemesPage } from './ThemesPage.tsx';

const DRAFTERS = ['admin', 'office', 'approver', 'handler'] as const;
const REVIEWERS = ['admin', 'approver', 'reviewer'] as const;
const ATTRIBUTE_REVIEWERS = ['admin', 'office', 'approver', 'reviewer'] as const;
const IMPORTERS = ['admin', 'office'] as const;
const EDITORS = ['admin', 'office'] as const;

/** The 政府文件库 pages under /documents. */
export const DOCUMENT_ROUTES: RouteObject[] = [
  { path: '/documents', element: <DocumentsPage /> },
  {
    path: '/documents/new',
    element: (
      <RequireRole roles={DRAFTERS}>
        <DocumentFormPage />
      </RequireRole>
    ),
  },
  {
    path: '/documents/review',
    element: (
      <RequireRole roles={REVIEWERS}>
        <ReviewQueuePage />
      </RequireRole>
    ),
  },
  {
    path: '/documents/attribute-reviews',
    element: (
      <RequireRole roles={ATTRIBUTE_REVIEWERS}>
        <AttributeReviewPage />
      </RequireRole>
    ),
  },
  {
    path: '/documents/import',
    element: (
      <RequireRole roles={IMPORTERS}>
        <ImportPage />
      </RequireRole>
    ),
  },
  {
    path: '/documents/gazette',
    element: (
      <RequireRole roles={EDITORS}>
        <GazettePage />
      </RequireRole>
    ),
  },
  {
    path: '/documents/catalogue',
    element: (
      <RequireRole roles={EDITORS}>
        <CataloguePage />
      </RequireRole>
    ),
  },
  { path: '/documents/themes', element: <ThemesPage /> },
  { path: '/documents/:id', element: <DocumentDetailPage /> },
  {
    path: '/documents/:id/edit',
    element: (
      <RequireRole roles={DRAFTERS}>
        <DocumentFormPage />
      </RequireRole>
    ),
  },
];
