import { SolutionOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const CataloguePage = lazyPage(() => import('./CataloguePage.tsx'), 'CataloguePage');
const ConsultationPage = lazyPage(() => import('./ConsultationPage.tsx'), 'ConsultationPage');
const ConsultationsPage = lazyPage(() => import('./ConsultationsPage.tsx'), 'ConsultationsPage');
const ItemPage = lazyPage(() => import('./ItemPage.tsx'), 'ItemPage');

/** 决策公开 in the console: the consultations (意见征集), one consultation with its comments. */
export const decisionsAdmin: AdminModule = {
  name: 'decisions',
  menu: {
    path: '/decisions',
    title: '决策公开',
    icon: <SolutionOutlined />,
    children: [
      { path: '/decisions', title: '意见征集', icon: <SolutionOutlined /> },
      { path: '/decisions/catalogue', title: '决策事项目录', icon: <SolutionOutlined /> },
    ],
  },
  routes: [
    { path: '/decisions', element: <ConsultationsPage /> },
    { path: '/decisions/catalogue', element: <CataloguePage /> },
    { path: '/decisions/items/:id', element: <ItemPage /> },
    { path: '/decisions/:id', element: <ConsultationPage /> },
  ],
};
