/**
 * The site identity's fields as a government publishes them on its portal, and their forms. Pure: each
 * check answers null (fine) or the Chinese message a user sees beside the field.
 *
 * - 网站标识码: the 10-character code 国务院办公厅 assigns to a government website (digits and capitals).
 * - ICP备案号: `鲁ICP备12345678号`, optionally `-1` (the site's number under that filing).
 * - 公安机关备案号: `鲁公网安备 37080202000123号` (14 digits; the space is optional).
 * - 行政区划代码: 6 digits (county and above), or 12 (the statistical code down to towns).
 */

/** The title the portal shows while no identity is set (an empty database): neutral, no place name. */
export const NEUTRAL_SITE_NAME = '政府信息公开';

/** The short names of the provinces, as filings begin (鲁, 京, 粤 …). */
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台]';

const SITE_CODE = /^[0-9A-Z]{10}$/;
const ICP = new RegExp(`^${PROVINCE}ICP备\\d{6,10}号(-\\d{1,3})?$`);
const POLICE = new RegExp(`^${PROVINCE}公网安备 ?(\\d{14})号$`);
const REGION = /^\d{6}(\d{6})?$/;
/** Digits with the separators people write: 0537-2345678, (0537) 2345678, 12345, +86 537 2345678. */
const PHONE = /^\+?[\d\s()（）-]+(转\d{1,6})?$/;

export function checkSiteCode(v: string): string | null {
  return SITE_CODE.test(v) ? null : '网站标识码应为10位数字或大写字母';
}

export function checkIcpRecord(v: string): string | null {
  return ICP.test(v) ? null : 'ICP备案号格式应如 鲁ICP备12345678号 或 鲁ICP备12345678号-1';
}

export function checkPoliceRecord(v: string): string | null {
  return POLICE.test(v) ? null : '公安机关备案号格式应如 鲁公网安备 37080202000123号';
}

export function checkRegionCode(v: string): string | null {
  return REGION.test(v) ? null : '行政区划代码应为6位或12位数字';
}

export function checkPhone(v: string): string | null {
  const digits = v.replace(/\D/g, '').length;
  return PHONE.test(v) && digits >= 5 && digits <= 20 ? null : '联系电话格式不正确';
}

/** The number of a 公安机关备案号, for the link to its record at beian.gov.cn; null when malformed. */
export function policeRecordCode(v: string): string | null {
  return POLICE.exec(v)?.[1] ?? null;
}

/** Where the footer's filing numbers link to (the registries the rules name). */
export const ICP_REGISTRY_URL = 'https://beian.miit.gov.cn/';
export const POLICE_REGISTRY_URL = 'https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=';
