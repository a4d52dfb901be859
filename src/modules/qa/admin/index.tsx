import { BookOutlined, CommentOutlined, QuestionCircleOutlined, SendOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const ConsultationsPage = lazyPage(() => import('./ConsultationsPage.tsx'), 'ConsultationsPage');
const PairsPage = lazyPage(() => import('./PairsPage.tsx'), 'PairsPage');
const QaPage = lazyPage(() => import('./QaPage.tsx'), 'QaPage');
const RoutedPage = lazyPage(() => import('./RoutedPage.tsx'), 'RoutedPage');

/**
 * 政策问答 in the console: the ask tester (every staff member), rebuilding the index, 政策问答库, the routed
 * questions' queue (the office; a unit sees what is assigned to it) and the consultation records.
 */
export const qaAdmin: AdminModule = {
  name: 'qa',
  menu: {
    path: '/policy-qa',
    title: '政策问答',
    icon: <QuestionCircleOutlined />,
    children: [
      { path: '/policy-qa', title: '问答测试', icon: <QuestionCircleOutlined /> },
      { path: '/policy-qa/library', title: '政策问答库', icon: <BookOutlined /> },
      { path: '/policy-qa/routed', title: '转办问题', icon: <SendOutlined /> },
      { path: '/policy-qa/consultations', title: '咨询记录', icon: <CommentOutlined /> },
    ],
  },
  routes: [
    { path: '/policy-qa', element: <QaPage /> },
    { path: '/policy-qa/library', element: <PairsPage /> },
    { path: '/policy-qa/routed', element: <RoutedPage /> },
    { path: '/policy-qa/consultations', element: <ConsultationsPage /> },
  ],
};
