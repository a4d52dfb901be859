import { OrderedListOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const StandardsPage = lazyPage(() => import('./StandardsPage.tsx'), 'StandardsPage');
const TargetedPage = lazyPage(() => import('./TargetedPage.tsx'), 'TargetedPage');

/** 标准目录 and 定向公开 in the console. */
export const standardsAdmin: AdminModule = {
  name: 'standards',
  menu: {
    path: '/standards',
    title: '标准目录',
    icon: <OrderedListOutlined />,
    children: [
      { path: '/standards', title: '公开事项标准目录', icon: <OrderedListOutlined /> },
      { path: '/standards/targeted', title: '定点、定向公开', icon: <OrderedListOutlined /> },
    ],
  },
  routes: [
    { path: '/standards', element: <StandardsPage /> },
    { path: '/standards/targeted', element: <TargetedPage /> },
  ],
};
