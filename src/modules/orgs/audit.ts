import type { AuditLabels } from '../../platform/audit/labels.ts';

/** The names of what orgs records in the audit trail (`platform/audit/labels.ts`). */
export const ORGS_AUDIT_LABELS: AuditLabels = {
  actions: {
    'org.create': '新增机构',
    'org.update': '修改机构',
    'org.import': '导入机构',
    'org.rename': '机构更名',
    'org.move': '调整上级机构',
    'org.merge': '合并机构',

    'org.disable': '停用机构',
    'org.enable': '启用机构',
    'org.delete': '删除机构',
    'org_alias.create': '新增机构别名',
    'org_alias.delete': '删除机构别名',
    'user.create': '新增账号',
    'user.update': '修改账号',
    'user.import': '导入账号',
    'user.password_reset': '重置密码',
    'user.password_change': '修改本人密码',
    'auth.login': '登录',
    'auth.login_failed': '登录失败',
    'auth.locked': '多次登录失败，暂停该用户名从此地址登录',
  },
  subjects: { org: '机构', user: '账号' },
};
