/** The first run's rules the setup page, `gongkai setup` and the service share. */
export { USERNAME_PATTERN } from '../../orgs/domain/user-import.ts';

export const USERNAME_RULE = '用户名为3至40位小写字母、数字或 _ . -';

/** The office account's username when none is given: the administrator's with `_office` appended. */
export const OFFICE_USERNAME_SUFFIX = '_office';

export function defaultOfficeUsername(adminUsername: string): string {
  return `${adminUsername}${OFFICE_USERNAME_SUFFIX}`;
}
