/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capital letters
 * without I, O, Z, S, V): 登记管理部门码 (1), 机构类别码 (1), 登记管理机关行政区划码 (6 digits),
 * 主体标识码 (9, the organisation code), 校验码 (1). The check character is
 * 31 − (Σ value(cᵢ)·wᵢ mod 31) over the first 17, with wᵢ = 3^(i−1) mod 31 and 31 written as 0.
 * Pure.
 */

export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/** The check character the first 17 characters call for (null when one is not in the set). */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[c] ?? null;
}

/** Checks a 统一社会信用代码 as typed (spaces dropped, lower case raised); the reason is in Chinese. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.replace(/\s+/g, '').toUpperCase();
  if (code === '') return { ok: false, reason: '请填写统一社会信用代码' };
  if (code.length !== 18) return { ok: false, reason: `统一社会信用代码应为18位，当前为${code.length}位` };
  for (const ch of code)
    if (!CREDIT_CODE_CHARS.includes(ch))
      return { ok: false, reason: `统一社会信用代码中不能出现字符“${ch}”（不使用I、O、Z、S、V）` };
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { ok: false, reason: '统一社会信用代码第3至8位应为行政区划代码（数字）' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17])
    return { ok: false, reason: '统一社会信用代码校验位不正确，请核对后重新填写' };
  return { ok: true, code };
}
