import { FileTextOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../../admin/module.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import { ReportHistoryPage } from './HistoryPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { ReportsPage } from './ReportsPage.tsx';
import { SummaryPage } from './SummaryPage.tsx';

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
