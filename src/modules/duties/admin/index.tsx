import {
  BarChartOutlined,
  BugOutlined,
  CommentOutlined,
  FileDoneOutlined,
  MobileOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import { RegisterPage } from './RegisterPage.tsx';

const ErrataPage = lazyPage(() => import('./ErrataPage.tsx'), 'ErrataPage');
const StatsPage = lazyPage(() => import('./StatsPage.tsx'), 'StatsPage');

/** 日常工作台账 in the console: 网站找错, 舆情回应, 建议提案办理, 政务新媒体 and their counts (every staff role). */
export const dutiesAdmin: AdminModule = {
  name: 'duties',
  menu: {
    path: '/duties/errata',
    title: '日常台账',
    icon: <ProfileOutlined />,
    roles: ['admin', 'office', 'approver', 'handler'],
    children: [
      { path: '/duties/errata', title: '网站找错', icon: <BugOutlined /> },
      { path: '/duties/opinions', title: '舆情回应', icon: <CommentOutlined /> },
      { path: '/duties/proposals', title: '建议提案办理', icon: <FileDoneOutlined /> },
      { path: '/duties/accounts', title: '政务新媒体', icon: <MobileOutlined /> },
      { path: '/duties/stats', title: '台账统计', icon: <BarChartOutlined /> },
    ],
  },
  routes: [
    { path: '/duties/errata', element: <ErrataPage /> },
    { path: '/duties/opinions', element: <RegisterPage key="opinions" register="opinions" /> },
    { path: '/duties/proposals', element: <RegisterPage key="proposals" register="proposals" /> },
    { path: '/duties/accounts', element: <RegisterPage key="accounts" register="accounts" /> },
    { path: '/duties/stats', element: <StatsPage /> },
  ],
};
