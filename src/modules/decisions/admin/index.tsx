import { SolutionOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../../admin/module.tsx';
import { ConsultationPage } from './ConsultationPage.tsx';
import { ConsultationsPage } from './ConsultationsPage.tsx';

/** 决策公开 in the console: the consultations (意见征集), one consultation with its comments. */
export const decisionsAdmin: AdminModule = {
  name: 'decisions',
  menu: { path: '/decisions', title: '决策公开', icon: <SolutionOutlined /> },
  routes: [
    { path: '/decisions', element: <ConsultationsPage /> },
    { path: '/decisions/:id', element: <ConsultationPage /> },
  ],
};
