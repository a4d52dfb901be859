import { CalendarOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import { type AdminModule, lazyPage } from '../../../admin/module.tsx';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can } from '../domain/policies.ts';

const CalendarPage = lazyPage(() => import('../../../admin/pages/CalendarPage.tsx'), 'CalendarPage');

/** The page is for whom the calendar policy lets change the calendar (admin, office). */
const MANAGERS: readonly Role[] = ROLES.filter((role) => can({ role }, 'calendar.manage'));

/** 工作日历 in the console: the holiday calendar per year, under 系统管理. */
export const calendarAdmin: AdminModule = {
  name: 'calendar',
  system: [{ path: '/system/calendar', title: '工作日历', icon: <CalendarOutlined />, roles: MANAGERS }],
  routes: [
    {
      path: '/system/calendar',
      element: (
        <RequireRole roles={MANAGERS}>
          <CalendarPage />
        </RequireRole>
      ),
    },
  ],
};
