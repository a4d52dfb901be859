import { SolutionOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const CataloguePage = lazyPage(() => import('./CataloguePage.tsx'), 'CataloguePage');
const ConsultationPage = lazyPage(() => import('./ConsultationPage.tsx'), 'ConsultationPage');
const ConsultationsPage = lazyPage(() => import('./ConsultationsPage.tsx'), 'ConsultationsPage');
const EvaluationsPage = lazyPage(() => import('./EvaluationsPage.tsx'), 'EvaluationsPage');
const EventPage = lazyPage(() => import('./EventPage.tsx'), 'EventPage');
const ItemPage = lazyPage(() => import('./ItemPage.tsx'), 'ItemPage');
const ParticipationPage = lazyPage(() => import('./ParticipationPage.tsx'), 'ParticipationPage');

/**
 * 决策公开 in the console: the consultations (意见征集), one consultation with its comments, the
 * catalogue, hearings/meetings/open days and policy evaluations.
 */
export const decisionsAdmin: AdminModule = {
  name: 'decisions',
  menu: {
    path: '/decisions',
    title: '决策公开',
    icon: <SolutionOutlined />,
    children: [
      { path: '/decisions', title: '意见征集', icon: <SolutionOutlined /> },
      { path: '/decisions/catalogue', title: '决策事项目录', icon: <SolutionOutlined /> },
      { path: '/decisions/events', title: '听证、列席和开放日', icon: <SolutionOutlined /> },
      { path: '/decisions/evaluations', title: '政策评估', icon: <SolutionOutlined /> },
    ],
  },
  routes: [
    { path: '/decisions', element: <ConsultationsPage /> },
    { path: '/decisions/catalogue', element: <CataloguePage /> },
    { path: '/decisions/items/:id', element: <ItemPage /> },
    { path: '/decisions/events', element: <ParticipationPage /> },
    { path: '/decisions/events/:id', element: <EventPage /> },
    { path: '/decisions/evaluations', element: <EvaluationsPage /> },
    { path: '/decisions/:id', element: <ConsultationPage /> },
  ],
};
