/**
 * 统一社会信用代码 of a government agency (GB 32100-2015): 登记管理部门码 1 (机构编制), 机构类别码 1
 * (机关), the 6-digit 行政区划码 (GB/T 2260), the 9-character 组织机构代码 (GB 11714: 8 characters and
 * its own check character) and the GB 32100 check character (the orgs module's rule). Pure: no I/O.
 */
import { creditCodeCheckChar, creditCodeProblem } from '../../orgs/domain/credit-code.ts';

/** GB 11714 check character of an 8-character 组织机构代码 body (digits and capital letters). */
export function orgCodeCheck(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charAt(i);
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 …
    sum += v * (w[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** The agency's code: "11" + `region` (6 digits) + `body8` + both check characters. */
export function agencyUscc(region: string, body8: string): string {
  const first17 = `11${region}${body8}${orgCodeCheck(body8)}`;
  return `${first17}${creditCodeCheckChar(first17) ?? ''}`;
}

/** Whether `code` is a valid 统一社会信用代码 (18 characters, GB 32100 check character). */
export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
