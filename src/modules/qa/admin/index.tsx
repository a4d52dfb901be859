import { BookOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';

const PairsPage = lazyPage(() => import('./PairsPage.tsx'), 'PairsPage');
const QaPage = lazyPage(() => import('./QaPage.tsx'), 'QaPage');

/** 政策问答 in the console: the ask tester (every staff member), rebuilding the index, and 政策问答库. */
export const qaAdmin: AdminModule = {
  name: 'qa',
  menu: {
    path: '/policy-qa',
    title: '政策问答',
    icon: <QuestionCircleOutlined />,
    children: [
      { path: '/policy-qa', title: '问答测试', icon: <QuestionCircleOutlined /> },
      { path: '/policy-qa/library', title: '政策问答库', icon: <BookOutlined /> },
    ],
  },
  routes: [
    { path: '/policy-qa', element: <QaPage /> },
    { path: '/policy-qa/library', element: <PairsPage /> },
  ],
};
