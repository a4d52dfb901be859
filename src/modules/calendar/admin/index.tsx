import { CalendarOutlined } from '@ant-design/icons';
import { RequireRole } from '../../../admin/components/RequireRole.tsx';
import type { AdminModule } from '../../../admin/module.tsx';
import { CalendarPage } from '../../../admin/pages/CalendarPage.tsx';
import type { Role } from '../../../platform/roles.ts';

const ADMIN_OFFICE: readonly Role[] = ['admin', 'office'];

/** 工作日历 in the console: the holiday calendar per year, under 系统管理. */
export const calendarAdmin: AdminModule = {
  name: 'calendar',
  system: [{ path: '/system/calendar', title: '工作日历', icon: <CalendarOutlined />, roles: ADMIN_OFFICE }],
  routes: [
    {
      path: '/system/calendar',
      element: (
        <RequireRole roles={ADMIN_OFFICE}>
          <CalendarPage />
        </RequireRole>
      ),
    },
  ],
};
