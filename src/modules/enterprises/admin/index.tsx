import {
  AimOutlined,
  AppstoreOutlined,
  FunnelPlotOutlined,
  IdcardOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const EnterprisesPage = lazyPage(() => import('./EnterprisesPage.tsx'), 'EnterprisesPage');
const FunnelPage = lazyPage(() => import('./FunnelPage.tsx'), 'FunnelPage');
const PackagesPage = lazyPage(() => import('./PackagesPage.tsx'), 'PackagesPage');
const PoliciesPage = lazyPage(() => import('./PoliciesPage.tsx'), 'PoliciesPage');

/** 政策找人 in the console: profiles, conditions and pushes, the funnel, packages. */
export const enterprisesAdmin: AdminModule = {
  name: 'enterprises',
  menu: {
    path: '/enterprises',
    title: '政策找人',
    icon: <AimOutlined />,
    children: [
      { path: '/enterprises', title: '企业档案', icon: <IdcardOutlined /> },
      { path: '/enterprises/policies', title: '政策条件与推送', icon: <SendOutlined /> },
      { path: '/enterprises/funnel', title: '推送漏斗', icon: <FunnelPlotOutlined /> },
      { path: '/enterprises/packages', title: '政策包', icon: <AppstoreOutlined /> },
    ],
  },
  routes: [
    { path: '/enterprises', element: <EnterprisesPage /> },
    { path: '/enterprises/policies', element: <PoliciesPage /> },
    { path: '/enterprises/funnel', element: <FunnelPage /> },
    { path: '/enterprises/packages', element: <PackagesPage /> },
  ],
};
