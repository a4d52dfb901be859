import {
  CheckSquareOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  ImportOutlined,
  InboxOutlined,
  ProfileOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const AttributeReviewPage = lazyPage(
  () => import('../../../admin/pages/documents/AttributeReviewPage.tsx'),
  'AttributeReviewPage',
);
const CataloguePage = lazyPage(
  () => import('../../../admin/pages/documents/CataloguePage.tsx'),
  'CataloguePage',
);
const DocumentDetailPage = lazyPage(
  () => import('../../../admin/pages/documents/DocumentDetailPage.tsx'),
  'DocumentDetailPage',
);
const DocumentFormPage = lazyPage(
  () => import('../../../admin/pages/documents/DocumentFormPage.tsx'),
  'DocumentFormPage',
);
const DocumentsPage = lazyPage(
  () => import('../../../admin/pages/documents/DocumentsPage.tsx'),
  'DocumentsPage',
);
const GazettePage = lazyPage(() => import('../../../admin/pages/documents/GazettePage.tsx'), 'GazettePage');
const ImportPage = lazyPage(() => import('../../../admin/pages/documents/ImportPage.tsx'), 'ImportPage');
const ReviewQueuePage = lazyPage(
  () => import('../../../admin/pages/documents/ReviewQueuePage.tsx'),
  'ReviewQueuePage',
);
const SearchSynonymsPage = lazyPage(
  () => import('../../../admin/pages/documents/SearchSynonymsPage.tsx'),
  'SearchSynonymsPage',
);
const ThemesPage = lazyPage(() => import('../../../admin/pages/documents/ThemesPage.tsx'), 'ThemesPage');

const DRAFTERS = ['admin', 'office', 'approver', 'handler'] as const;
const REVIEWERS = ['admin', 'approver', 'reviewer'] as const;
const ATTRIBUTE_REVIEWERS = ['admin', 'office', 'approver', 'reviewer'] as const;
const IMPORTERS = ['admin', 'office'] as const;
const EDITORS = ['admin', 'office'] as const;
const SYNONYM_REVIEWERS = ['admin', 'office'] as const;

/** 政府文件库 in the console: the library, review queues, import, gazette, catalogues and themes. */
export const documentsAdmin: AdminModule = {
  name: 'documents',
  menu: {
    path: '/documents',
    title: '政府文件库',
    icon: <FolderOpenOutlined />,
    children: [
      { path: '/documents', title: '文件管理', icon: <FolderOpenOutlined /> },
      { path: '/documents/review', title: '待审核', icon: <CheckSquareOutlined />, roles: REVIEWERS },
      {
        path: '/documents/attribute-reviews',
        title: '属性复核',
        icon: <HistoryOutlined />,
        roles: ATTRIBUTE_REVIEWERS,
      },
      { path: '/documents/import', title: '历史文件导入', icon: <ImportOutlined />, roles: IMPORTERS },
      { path: '/documents/gazette', title: '政府公报', icon: <FileTextOutlined />, roles: EDITORS },
      { path: '/documents/catalogue', title: '公开目录与栏目', icon: <ProfileOutlined />, roles: EDITORS },
      { path: '/documents/themes', title: '特色主题', icon: <InboxOutlined /> },
      {
        path: '/documents/search-synonyms',
        title: '检索同义词',
        icon: <SearchOutlined />,
        roles: SYNONYM_REVIEWERS,
      },
    ],
  },
  routes: [
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
    {
      path: '/documents/search-synonyms',
      element: (
        <RequireRole roles={SYNONYM_REVIEWERS}>
          <SearchSynonymsPage />
        </RequireRole>
      ),
    },
    { path: '/documents/:id', element: <DocumentDetailPage /> },
    {
      path: '/documents/:id/edit',
      element: (
        <RequireRole roles={DRAFTERS}>
          <DocumentFormPage />
        </RequireRole>
      ),
    },
  ],
};
