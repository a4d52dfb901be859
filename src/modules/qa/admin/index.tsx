import { QuestionCircleOutlined } from '@ant-design/icons';
import type { AdminModule } from '../../../admin/module.tsx';
import { QaPage } from './QaPage.tsx';

/** 政策问答 in the console: the ask tester (every staff member) and rebuilding the index. */
export const qaAdmin: AdminModule = {
  name: 'qa',
  menu: { path: '/policy-qa', title: '政策问答', icon: <QuestionCircleOutlined /> },
  routes: [{ path: '/policy-qa', element: <QaPage /> }],
};
