/**
 * Sign-in throttling (DERIVED, 网络安全等级保护 基本要求 8.1.4.1 "登录失败处理功能": limit failed sign-ins
 * and act on them). Pure: which counters an attempt counts in and their limits.
 *
 * Every attempt is counted before the password is checked, in three counters of 15 minutes:
 * - the name typed and the address (`pair`): 5 — someone guessing from one place stops quickly, and
 *   nobody elsewhere is locked out by it;
 * - the name typed, from anywhere (`account`): 20 — guessing from many places is slowed too;
 * - the address, whatever the name (`address`): 50 — one place trying many names.
 * Names are counted whether an account has them or not, and every refusal says the same thing, so the
 * answers tell nothing about which accounts exist. A successful sign-in clears its name's counters.
 */
export const THROTTLE_WINDOW_MINUTES = 15;

export type ThrottleKey = { key: string; limit: number };

export function throttleKeys(username: string, address: string): ThrottleKey[] {
  const name = username.trim().toLowerCase();
  return [
    { key: `pair:${name}|${address}`, limit: 5 },
    { key: `account:${name}`, limit: 20 },
    { key: `address:${address}`, limit: 50 },
  ];
}

/** The counters a successful sign-in clears: its name's (not the address's, which may hold others'). */
export function keysClearedOnSuccess(username: string, address: string): string[] {
  return throttleKeys(username, address)
    .filter((k) => !k.key.startsWith('address:'))
    .map((k) => k.key);
}

/** Whether an attempt, counted as `attempts[i]` in `keys[i]`, goes over a limit. */
export function overLimit(keys: readonly ThrottleKey[], attempts: readonly number[]): boolean {
  return keys.some((k, i) => (attempts[i] ?? 0) > k.limit);
}
