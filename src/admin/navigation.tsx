import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  HomeOutlined,
  ImportOutlined,
  InboxOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from './api/auth.ts';

export interface NavLeaf {
  path: string;
  title: string;
  icon: ReactNode;
  /** Roles that see the entry; all roles when absent. */
  roles?: readonly Role[];
  /** Set for modules not built yet: the sentence shown on their placeholder page. */
  underConstruction?: string;
  /**
   * A module with several pages: the menu shows it as a submenu of these entries (its title still links
   * to `path`, the module's main page).
   */
  children?: NavLeaf[];
}

export interface NavGroup {
  key: string;
  title: string;
  icon: ReactNode;
  roles?: readonly Role[];
  children: NavLeaf[];
}

const ADMIN: readonly Role[] = ['admin'];
const ADMIN_OFFICE: readonly Role[] = ['admin', 'office'];

export const HOME: NavLeaf = { path: '/', title: '工作台', icon: <HomeOutlined /> };

export const MODULES: NavLeaf[] = [
  {
    path: '/requests',
    title: '依申请公开',
    icon: <FileSearchOutlined />,
    children: [
      { path: '/requests', title: '工作台', icon: <InboxOutlined /> },
      { path: '/requests/analytics', title: '统计分析', icon: <BarChartOutlined /> },
    ],
  },
  {
    path: '/documents',
    title: '政府文件库',
    icon: <FolderOpenOutlined />,
    children: [
      { path: '/documents', title: '文件管理', icon: <FolderOpenOutlined /> },
      {
        path: '/documents/review',
        title: '待审核',
        icon: <CheckSquareOutlined />,
        roles: ['admin', 'approver', 'reviewer'],
      },
      {
        path: '/documents/attribute-reviews',
        title: '属性复核',
        icon: <HistoryOutlined />,
        roles: ['admin', 'office', 'approver', 'reviewer'],
      },
      { path: '/documents/import', title: '历史文件导入', icon: <ImportOutlined />, roles: ADMIN_OFFICE },
      { path: '/documents/gazette', title: '政府公报', icon: <FileTextOutlined />, roles: ADMIN_OFFICE },
      {
        path: '/documents/catalogue',
        title: '公开目录与栏目',
        icon: <ProfileOutlined />,
        roles: ADMIN_OFFICE,
      },
      { path: '/documents/themes', title: '特色主题', icon: <InboxOutlined /> },
    ],
  },
  {
    path: '/decisions',
    title: '决策公开',
    icon: <SolutionOutlined />,
    underConstruction: '本模块正在建设中，上线后将在此办理重大行政决策公开。',
  },
  {
    path: '/ledger',
    title: '工作台账',
    icon: <ProfileOutlined />,
    children: [
      { path: '/ledger', title: '台账总览', icon: <ProfileOutlined /> },
      { path: '/ledger/import', title: '导入任务表', icon: <ImportOutlined />, roles: ADMIN_OFFICE },
      { path: '/ledger/my', title: '我的任务', icon: <CheckSquareOutlined /> },
      {
        path: '/ledger/assessment',
        title: '考核排名',
        icon: <TrophyOutlined />,
        roles: ['admin', 'office', 'approver'],
      },
    ],
  },
  {
    path: '/policy-qa',
    title: '政策问答',
    icon: <QuestionCircleOutlined />,
    underConstruction: '本模块正在建设中，上线后将在此维护政策问答。',
  },
  {
    path: '/annual-reports',
    title: '年度报告',
    icon: <FileTextOutlined />,
    underConstruction: '本模块正在建设中，上线后将在此编制政府信息公开工作年度报告。',
  },
];

export const SYSTEM: NavGroup = {
  key: 'system',
  title: '系统管理',
  icon: <SettingOutlined />,
  roles: ADMIN_OFFICE,
  children: [
    { path: '/system/orgs', title: '组织机构', icon: <ApartmentOutlined />, roles: ADMIN },
    { path: '/system/users', title: '用户管理', icon: <TeamOutlined />, roles: ADMIN },
    { path: '/system/audit', title: '审计日志', icon: <HistoryOutlined />, roles: ADMIN },
    { path: '/system/calendar', title: '工作日历', icon: <CalendarOutlined />, roles: ADMIN_OFFICE },
    { path: '/system/letter-templates', title: '文书模板', icon: <FileWordOutlined />, roles: ADMIN_OFFICE },
  ],
};

/** The key of a module's submenu (its main page's path is the key of the entry inside). */
export function groupKey(leaf: NavLeaf): string {
  return `group:${leaf.path}`;
}

/** Every page entry of the menu, submenu entries included. */
export function allLeaves(): NavLeaf[] {
  return [HOME, ...MODULES.flatMap((m) => m.children ?? [m]), ...SYSTEM.children];
}

export function canSee(entry: { roles?: readonly Role[] }, role: Role): boolean {
  return !entry.roles || entry.roles.includes(role);
}
