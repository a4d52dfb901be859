/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》): 18 characters from the
 * 31-character set 0-9 and the capital letters without I, O, Z, S and V. Position 1 is the registering
 * authority, 2 the organisation category, 3-8 the administrative division, 9-17 the organisation code
 * (GB 11714), 18 the check character: C18 = 31 - (Σ Ci·Wi mod 31), with 31 written as 0, and
 * Wi = 3^(i-1) mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28).
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when they are not 17 valid characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i] as string);
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[c] as string;
}

export type CreditCodeProblem = 'length' | 'charset' | 'check';

/** Why `code` (already trimmed and upper-cased) is not a valid credit code; null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

/** The Chinese reason for a credit code problem, as shown in an import's row errors. */
export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有无效字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）',
  check: '统一社会信用代码校验位不正确',
};
