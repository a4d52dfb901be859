import { FileTextOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../../admin/module.tsx';
import { ReportPage } from './ReportPage.tsx';
import { ReportsPage } from './ReportsPage.tsx';

/** 年度报告 in the console: the year's reports per agency with their checks and state; one report. */
export const reportsAdmin: AdminModule = {
  name: 'reports',
  menu: { path: '/annual-reports', title: '年度报告', icon: <FileTextOutlined /> },
  routes: [
    { path: '/annual-reports', element: <ReportsPage /> },
    { path: '/annual-reports/:orgId/:year', element: <ReportPage /> },
  ],
};

// The registers behind the report (复议诉讼, 投诉举报): their own menu entry and page (admin/registers/).
export { registersAdmin } from './registers/index.tsx';
