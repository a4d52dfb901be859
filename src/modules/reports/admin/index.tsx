import { FileTextOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const BoardPage = lazyPage(() => import('./board/BoardPage.tsx'), 'BoardPage');
const ReportHistoryPage = lazyPage(() => import('./HistoryPage.tsx'), 'ReportHistoryPage');
const ReportPage = lazyPage(() => import('./ReportPage.tsx'), 'ReportPage');
const ReportsPage = lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage');
const SummaryPage = lazyPage(() => import('./SummaryPage.tsx'), 'SummaryPage');

/** 年度报告 in the console: the year's reports per agency with their checks and state; one report. */
export const reportsAdmin: AdminModule = {
  name: 'reports',
  menu: { path: '/annual-reports', title: '年度报告', icon: <FileTextOutlined /> },
  routes: [
    { path: '/annual-reports', element: <ReportsPage /> },
    { path: '/annual-reports/summary', element: <SummaryPage /> },
    { path: '/annual-reports/history', element: <ReportHistoryPage /> },
    { path: '/annual-reports/board', element: <BoardPage /> },
    { path: '/annual-reports/:orgId/:year', element: <ReportPage /> },
  ],
};

// The registers behind the report (复议诉讼, 投诉举报): their own menu entry and page (admin/registers/).
export { registersAdmin } from './registers/index.tsx';
