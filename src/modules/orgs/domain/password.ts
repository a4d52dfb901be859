/**
 * The password a person chooses for their own account: at least 10 characters, with letters and
 * digits, and not the username. Pure: null when acceptable, otherwise the Chinese reason.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function checkNewPassword(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同';
  return null;
}
