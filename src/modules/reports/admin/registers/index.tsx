import { AuditOutlined } from '@ant-design/icons';
import { type AdminModule, lazyPage } from '../../../../admin/module.tsx';

const RegistersPage = lazyPage(() => import('./RegistersPage.tsx'), 'RegistersPage');

/** The registers behind the annual report in the console: 复议诉讼 (table 四) and 投诉举报 (条例第五十一条). */
export const registersAdmin: AdminModule = {
  name: 'report-registers',
  menu: { path: '/report-registers', title: '复议诉讼与投诉', icon: <AuditOutlined /> },
  routes: [{ path: '/report-registers', element: <RegistersPage /> }],
};
