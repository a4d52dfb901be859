/**
 * The applicant (申请人): type (report column), identity document and contact details.
 *
 * 《中华人民共和国政府信息公开条例》第二十九条第二款 政府信息公开申请应当包括：(一)申请人的姓名或者名称、身份证明、
 *   联系方式；……
 *
 * Identity numbers:
 * - 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date YYYYMMDD, 3-digit sequence, check
 *   character: Σ(digit_i × W_i) mod 11 with W = 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 → '10X98765432'[r].
 * - 统一社会信用代码 (GB 32100-2015): 18 characters of '0123456789ABCDEFGHJKLMNPQRTUWXY' (no I, O, Z, S, V);
 *   check = 31 − (Σ value_i × W_i mod 31) with W = 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; 31 → 0.
 * Input may be typed with full-width characters, lower case or spaces: `normalizeCode` (NFKC, upper case,
 * whitespace removed) runs first.
 *
 * Report columns: table 三 of 国办公开办函〔2021〕30号 (docs/law/annual-report-format.md): 自然人 | 法人或其他组织
 * (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) | 总计.
 */
import { daysInMonth, type IsoDate, toDayNumber } from '../../calendar/domain/dates.ts';

export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'public-interest',
  'legal-service',
  'other',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export interface ApplicantTypeInfo {
  type: ApplicantType;
  label: string;
  /** 自然人 or 法人或其他组织 (the column group of table 三). */
  group: 'natural-person' | 'organisation';
  groupLabel: string;
  /** The column of table 三 the applicant is counted in (0 = 自然人 … 5 = 其他; 总计 is column 6). */
  reportColumn: number;
  /** The column header as printed. */
  reportColumnLabel: string;
}

export const APPLICANT_TYPE_INFO: Readonly<Record<ApplicantType, ApplicantTypeInfo>> = {
  natural: {
    type: 'natural',
    label: '自然人',
    group: 'natural-person',
    groupLabel: '自然人',
    reportColumn: 0,
    reportColumnLabel: '自然人',
  },
  commercial: {
    type: 'commercial',
    label: '商业企业',
    group: 'organisation',
    groupLabel: '法人或其他组织',
    reportColumn: 1,
    reportColumnLabel: '商业企业',
  },
  research: {
    type: 'research',
    label: '科研机构',
    group: 'organisation',
    groupLabel: '法人或其他组织',
    reportColumn: 2,
    reportColumnLabel: '科研机构',
  },
  'public-interest': {
    type: 'public-interest',
    label: '社会公益组织',
    group: 'organisation',
    groupLabel: '法人或其他组织',
    reportColumn: 3,
    reportColumnLabel: '社会公益组织',
  },
  'legal-service': {
    type: 'legal-service',
    label: '法律服务机构',
    group: 'organisation',
    groupLabel: '法人或其他组织',
    reportColumn: 4,
    reportColumnLabel: '法律服务机构',
  },
  other: {
    type: 'other',
    label: '其他',
    group: 'organisation',
    groupLabel: '法人或其他组织',
    reportColumn: 5,
    reportColumnLabel: '其他',
  },
};

/** Chinese labels of the applicant types. */
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-service': '法律服务机构',
  other: '其他',
};

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && (APPLICANT_TYPES as readonly string[]).includes(value);
}

export function isNaturalPerson(type: ApplicantType): boolean {
  return type === 'natural';
}

export const ID_TYPES = ['resident-id', 'passport', 'other', 'uscc'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  'resident-id': '居民身份证',
  passport: '护照',
  other: '其他有效身份证件',
  uscc: '统一社会信用代码',
};

/** The document types a natural person may give; organisations give a unified social credit code. */
export const NATURAL_ID_TYPES: readonly IdType[] = ['resident-id', 'passport', 'other'];
export const ORGANISATION_ID_TYPES: readonly IdType[] = ['uscc'];

/** NFKC (full-width → half-width), upper case, whitespace removed. */
export function normalizeCode(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Why a resident ID number is invalid; null = valid. */
export type ResidentIdProblem = 'length' | 'format' | 'region' | 'birth-date' | 'birth-future' | 'checksum';

/**
 * Checks an 18-character resident ID number (GB 11643-1999). The birth date must exist, not be before
 * 1900-01-01, and — when `today` is given — not be after `today`. Input is normalised first.
 */
export function checkResidentId(s: string, today?: IsoDate): ResidentIdProblem | null {
  const id = normalizeCode(s);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (id[0] === '0') return 'region';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return 'birth-date';
  }
  if (today !== undefined) {
    toDayNumber(today); // throws InvalidDateError for a malformed `today`
    if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'birth-future';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK[sum % 11] !== id[17]) return 'checksum';
  return null;
}

export function isValidResidentId(s: string, today?: IsoDate): boolean {
  return checkResidentId(s, today) === null;
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'charset' | 'checksum';

/** Checks an 18-character unified social credit code (GB 32100-2015). Input is normalised first. */
export function checkUscc(s: string): UsccProblem | null {
  const code = normalizeCode(s);
  if (code.length !== 18) return 'length';
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const value = USCC_CHARSET.indexOf(code[i] as string);
    if (value < 0) return 'charset';
    if (i < 17) sum += value * (USCC_WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  if (USCC_CHARSET[check] !== code[17]) return 'checksum';
  return null;
}

export function isValidUscc(s: string): boolean {
  return checkUscc(s) === null;
}

/** Mainland mobile number, or a landline with area code (0xx-xxxxxxxx). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Normalises a phone number (NFKC, spaces removed, +86 / 0086 prefix of a mobile dropped); null if invalid. */
export function normalizePhone(s: string): string | null {
  let phone = s.normalize('NFKC').replace(/\s+/g, '');
  const international = /^(?:\+86|0086)-?(1\d{10})$/.exec(phone);
  if (international) phone = international[1] as string;
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return phone;
  return null;
}

export interface ApplicantInput {
  type?: unknown;
  name?: unknown;
  idType?: unknown;
  idNumber?: unknown;
  phone?: unknown;
  email?: unknown;
  address?: unknown;
  contactName?: unknown;
}

export interface Applicant {
  type: ApplicantType;
  name: string;
  idType: IdType;
  /** Normalised: resident ID and USCC upper case, half-width, no spaces. */
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  /** 联系人 of an organisation; null for a natural person. */
  contactName: string | null;
}

export interface ApplicantFieldError {
  path: string;
  message: string;
}

export type ApplicantResult = { ok: true; value: Applicant } | { ok: false; errors: ApplicantFieldError[] };

const NAME_MAX = 100;
const CONTACT_MAX = 50;
const ADDRESS_MAX = 200;
const EMAIL_MAX = 100;

/** Trimmed string, or null when absent or blank. Non-strings count as absent. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  length: '身份证号码应为18位',
  format: '身份证号码应为17位数字加1位校验码（数字或字母X）',
  region: '身份证号码的前6位（地址码）不正确，请核对',
  'birth-date': '身份证号码中的出生日期不存在，请核对',
  'birth-future': '身份证号码中的出生日期晚于今天，请核对',
  checksum: '身份证号码校验位不正确，请核对',
};

const USCC_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码只能由数字和大写字母组成（不使用I、O、Z、S、V）',
  checksum: '统一社会信用代码校验位不正确，请核对',
};

/**
 * Validates and normalises an applicant. `today` bounds the birth date of a resident ID. Errors carry the
 * field path (`applicant.idNumber`, …) and a Chinese message.
 */
export function validateApplicant(input: ApplicantInput, today: IsoDate): ApplicantResult {
  const errors: ApplicantFieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ path: `applicant.${field}`, message });

  let type: ApplicantType | null = null;
  if (text(input.type) === null) fail('type', '请选择申请人类型');
  else if (!isApplicantType(input.type)) fail('type', '申请人类型无效，请从列表中选择');
  else type = input.type;
  const natural = type === null ? null : isNaturalPerson(type);

  const name = text(input.name);
  if (name === null) fail('name', natural === false ? '请填写申请人名称' : '请填写申请人姓名');
  else if (name.length > NAME_MAX) fail('name', `姓名或名称不能超过${NAME_MAX}个字`);

  // Identity document.
  let idType: IdType | null = null;
  const rawIdType = text(input.idType);
  if (natural === false) {
    // Organisations have a single document type; it may be left out.
    if (rawIdType === null || rawIdType === 'uscc') idType = 'uscc';
    else fail('idType', '法人或其他组织应当提供统一社会信用代码');
  } else if (rawIdType === null) {
    fail('idType', '请选择证件类型');
  } else if (natural === null) {
    // Type unknown: still check the number against the document type given.
    if ((ID_TYPES as readonly string[]).includes(rawIdType)) idType = rawIdType as IdType;
    else fail('idType', '证件类型无效，请从列表中选择');
  } else if (!NATURAL_ID_TYPES.includes(rawIdType as IdType)) {
    fail(
      'idType',
      rawIdType === 'uscc'
        ? '自然人应当提供身份证件，不能使用统一社会信用代码'
        : '证件类型无效，请从列表中选择',
    );
  } else {
    idType = rawIdType as IdType;
  }

  let idNumber: string | null = null;
  const rawId = text(input.idNumber);
  if (rawId === null) {
    fail('idNumber', idType === 'uscc' ? '请填写统一社会信用代码' : '请填写证件号码');
  } else if (idType !== null) {
    const code = normalizeCode(rawId);
    if (idType === 'resident-id') {
      const problem = checkResidentId(code, today);
      if (problem === null) idNumber = code;
      else fail('idNumber', RESIDENT_ID_MESSAGES[problem]);
    } else if (idType === 'uscc') {
      const problem = checkUscc(code);
      if (problem === null) idNumber = code;
      else fail('idNumber', USCC_MESSAGES[problem]);
    } else if (idType === 'passport') {
      if (/^[A-Z0-9]{5,20}$/.test(code)) idNumber = code;
      else fail('idNumber', '护照号码应为5至20位字母或数字');
    } else if (/^[A-Z0-9()-]{4,30}$/.test(code)) {
      idNumber = code;
    } else {
      fail('idNumber', '证件号码应为4至30位字母、数字，可含括号或连字符');
    }
  }

  let phone: string | null = null;
  const rawPhone = text(input.phone);
  if (rawPhone === null) fail('phone', '请填写联系电话');
  else {
    phone = normalizePhone(rawPhone);
    if (phone === null) {
      fail('phone', '联系电话应为11位手机号码，或带区号的固定电话（如010-12345678）');
    }
  }

  let email: string | null = null;
  const rawEmail = text(input.email);
  if (rawEmail !== null) {
    const normalised = rawEmail.normalize('NFKC').replace(/\s+/g, '');
    if (normalised.length > EMAIL_MAX) fail('email', `电子邮箱不能超过${EMAIL_MAX}个字符`);
    else if (!EMAIL.test(normalised)) fail('email', '电子邮箱格式不正确，请核对（如 name@example.com）');
    else email = normalised;
  }

  const address = text(input.address);
  if (address !== null && address.length > ADDRESS_MAX) fail('address', `通信地址不能超过${ADDRESS_MAX}个字`);

  let contactName: string | null = null;
  if (natural === false) {
    contactName = text(input.contactName);
    if (contactName === null) fail('contactName', '请填写联系人姓名');
    else if (contactName.length > CONTACT_MAX) fail('contactName', `联系人姓名不能超过${CONTACT_MAX}个字`);
  }

  if (errors.length > 0 || type === null || name === null || idType === null || idNumber === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { type, name, idType, idNumber, phone: phone as string, email, address, contactName },
  };
}

/**
 * 获取方式 needs the way to reach the applicant (条例第二十九条第二款第(三)项: 申请公开的政府信息的形式要求，
 * 包括获取信息的方式、途径): 邮寄 a postal address, 电子邮件 an e-mail address. Other ways need nothing more.
 */
export function deliveryContactErrors(
  delivery: string | null | undefined,
  contact: { address?: string | null; email?: string | null },
): { path: string; message: string }[] {
  const blank = (v: string | null | undefined) => (v ?? '').trim() === '';
  if (delivery === '邮寄' && blank(contact.address)) {
    return [{ path: 'applicant.address', message: '选择邮寄方式获取信息的，请填写通信地址' }];
  }
  if (delivery === '电子邮件' && blank(contact.email)) {
    return [{ path: 'applicant.email', message: '选择电子邮件方式获取信息的，请填写电子邮箱' }];
  }
  return [];
}
