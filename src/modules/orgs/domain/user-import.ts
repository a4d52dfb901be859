/**
 * 用户导入: staff accounts from a spreadsheet (账号, 姓名, 机构, 角色, 手机, 邮箱). Pure: rows, the
 * organisations, their remembered names and the accounts already there in; a plan and every row's
 * errors out. An existing 账号 is updated (never its password); a new one is created with a generated
 * password. An empty 手机 or 邮箱 cell leaves the value as it is.
 */
import { isRole, ROLE_LABELS, ROLES, type Role } from './roles.ts';
import {
  cellAt,
  isEmail,
  isPhone,
  locateColumns,
  type RowError,
  type RowResult,
  type Sheet,
} from './sheet.ts';

export const USER_COLUMNS = {
  username: { header: '账号', required: true },
  displayName: { header: '姓名', required: true },
  org: { header: '机构', required: true },
  role: { header: '角色', required: true },
  phone: { header: '手机', required: false },
  email: { header: '邮箱', required: false },
} as const;

export const USER_TEMPLATE_HEADERS = Object.values(USER_COLUMNS).map((c) => c.header);
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;

/** The role a 角色 cell names: its Chinese label (承办人) or its code (handler); null when neither. */
export function roleFromCell(text: string): Role | null {
  const t = text.trim();
  if (isRole(t)) return t;
  return ROLES.find((r) => ROLE_LABELS[r] === t) ?? null;
}

export type ExistingUser = {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  role: Role;
  phone: string | null;
  email: string | null;
};

export type UserPlanItem = {
  row: number;
  action: 'create' | 'update';
  id: number | null;
  username: string;
  displayName: string;
  orgId: number;
  role: Role;
  phone: string | null;
  email: string | null;
  changes: string[];
};

export type UserImportPlan = { items: UserPlanItem[]; results: RowResult[]; errors: RowError[] };

export type UserImportContext = {
  orgs: readonly { id: number; name: string; disabled: boolean }[];
  aliases: readonly { alias: string; orgId: number }[];
  users: readonly ExistingUser[];
  /** The organisations the importer manages (all when absent). */
  visibleIds?: ReadonlySet<number>;
  /** The importer, who may not change their own role. */
  actorId?: number;
};

export function planUserImport(sheet: Sheet, ctx: UserImportContext): UserImportPlan {
  const { index, missing } = locateColumns(sheet, USER_COLUMNS);
  if (missing) return { items: [], results: [], errors: [missing] };
  if (sheet.rows.length === 0)
    return { items: [], results: [], errors: [{ row: sheet.headerRow, message: '表中没有用户数据' }] };
  const visible = (id: number) => !ctx.visibleIds || ctx.visibleIds.has(id);
  const orgsByName = new Map<string, { id: number; name: string; disabled: boolean }[]>();
  for (const o of ctx.orgs) orgsByName.set(o.name, [...(orgsByName.get(o.name) ?? []), o]);
  const orgById = new Map(ctx.orgs.map((o) => [o.id, o]));
  const aliasOf = new Map(ctx.aliases.map((a) => [a.alias, a.orgId]));
  const userByName = new Map(ctx.users.map((u) => [u.username, u]));
  const firstRow = new Map<string, number>();

  const items: UserPlanItem[] = [];
  const results: RowResult[] = [];
  const errors: RowError[] = [];
  for (const r of sheet.rows) {
    const errs: string[] = [];
    const username = cellAt(r, index.username).toLowerCase();
    const displayName = cellAt(r, index.displayName);
    const orgText = cellAt(r, index.org);
    const roleText = cellAt(r, index.role);
    const phone = cellAt(r, index.phone) || null;
    const email = cellAt(r, index.email) || null;

    if (username === '') errs.push('账号不能为空');
    else if (!USERNAME_PATTERN.test(username))
      errs.push(`账号“${username}”应为3至40位小写字母、数字或 _ . -`);
    else {
      const first = firstRow.get(username);
      if (first !== undefined) errs.push(`账号“${username}”与第${first}行重复`);
      else firstRow.set(username, r.row);
    }
    if (displayName === '') errs.push('姓名不能为空');
    else if (displayName.length > 50) errs.push('姓名不能超过50个字');

    let orgId: number | null = null;
    if (orgText === '') errs.push('机构不能为空');
    else {
      const named = orgsByName.get(orgText) ?? [];
      const viaAlias = aliasOf.get(orgText);
      if (named.length > 1) errs.push(`机构“${orgText}”在系统中有多个同名机构，无法确定`);
      else if (named.length === 1) orgId = (named[0] as { id: number }).id;
      else if (viaAlias !== undefined) orgId = viaAlias;
      else errs.push(`机构“${orgText}”不存在`);
      if (orgId !== null) {
        if (!visible(orgId)) {
          errs.push(`机构“${orgText}”不在您的管理范围内`);
          orgId = null;
        } else if (orgById.get(orgId)?.disabled) errs.push(`机构“${orgText}”已停用`);
      }
    }
    const role = roleText === '' ? null : roleFromCell(roleText);
    if (roleText === '') errs.push('角色不能为空');
    else if (!role) errs.push(`角色“${roleText}”无效，应为：${ROLES.map((x) => ROLE_LABELS[x]).join('、')}`);
    if (phone && !isPhone(phone)) errs.push(`手机号码“${phone}”格式不正确`);
    if (email && !isEmail(email)) errs.push(`邮箱“${email}”格式不正确`);

    const existing = username ? userByName.get(username) : undefined;
    if (existing && !visible(existing.orgId)) errs.push(`账号“${username}”已被其他机构的用户使用`);
    if (existing && existing.id === ctx.actorId && role && role !== existing.role)
      errs.push('不能修改自己的角色');

    if (errs.length > 0 || orgId === null || role === null) {
      results.push({ row: r.row, label: username || displayName, action: 'error', messages: errs });
      for (const message of errs) errors.push({ row: r.row, message });
      continue;
    }
    const item: UserPlanItem = {
      row: r.row,
      action: existing ? 'update' : 'create',
      id: existing?.id ?? null,
      username,
      displayName,
      orgId,
      role,
      phone: phone ?? existing?.phone ?? null,
      email: email ?? existing?.email ?? null,
      changes: [],
    };
    if (existing) {
      if (existing.displayName !== item.displayName) item.changes.push('姓名');
      if (existing.orgId !== item.orgId) item.changes.push('机构');
      if (existing.role !== item.role) item.changes.push('角色');
      if (existing.phone !== item.phone) item.changes.push('手机');
      if (existing.email !== item.email) item.changes.push('邮箱');
    }
    items.push(item);
    const action = existing ? (item.changes.length > 0 ? 'update' : 'unchanged') : 'create';
    results.push({
      row: r.row,
      label: username,
      action,
      messages: action === 'update' ? [`修改：${item.changes.join('、')}`] : [],
    });
  }
  return { items: errors.length > 0 ? [] : items, results, errors };
}
