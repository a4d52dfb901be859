/**
 * 密码规则 for passwords a person chooses (an administrator's reset, or one's own): 10 to 200
 * characters, at least two of letters, digits and other characters, and not the account name.
 * Generated passwords (platform randomPassword: 16 letters and digits) meet it.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Why `password` is refused, in Chinese; null when it meets the policy. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}位`;
  if (password.length > PASSWORD_MAX) return `密码不能超过${PASSWORD_MAX}位`;
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) return '密码应至少包含字母、数字、符号中的两种';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含账号';
  return null;
}
