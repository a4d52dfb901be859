// Checksums of the identity numbers an applicant gives (docs/requests.md §Applicant types).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号码 (GB 11643-1999): 17 digits, a valid birth date and the check character. */
export function isValidResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code set and the check character. */
export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = USCC_CHARS.indexOf(code[i] as string);
    if (n < 0) return false;
    sum += n * (USCC_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}
