import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  APPLICANT_TYPE_INFO,
  APPLICANT_TYPES,
  checkResidentId,
  checkUscc,
  isValidResidentId,
  isValidUscc,
  normalizeCode,
  normalizePhone,
  validateApplicant,
} from './applicant.ts';

// Independent check-character helpers, written from the ISO 7064 formulations the standards use
// (not from the module's tables): GB 11643 = MOD 11-2 with weights 2^k mod 11, GB 32100 = weights 3^k mod 31.
function residentIdCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * 2 ** (17 - i);
  const a = (((1 - s) % 11) + 11) % 11;
  return a === 10 ? 'X' : String(a);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccCheck(first17: string): string {
  let s = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    s += USCC_ALPHABET.indexOf(first17[i] as string) * w;
    w = (w * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}

function residentId(region: string, birth: string, seq: string): string {
  const first17 = region + birth + seq;
  return first17 + residentIdCheck(first17);
}

/** ASCII → full-width forms (what a Chinese IME types in full-width mode). */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const TODAY = '2024-05-01';

test('the independent helpers agree with published examples', () => {
  // The example number of GB 11643-1999 appendix, widely republished.
  assert.equal(residentIdCheck('11010519491231002'), 'X');
  // A commonly cited valid unified social credit code.
  assert.equal(usccCheck('91350100M000100Y4'), '3');
});

test('resident ID: published example and constructed numbers are valid', () => {
  assert.equal(isValidResidentId('11010519491231002X', TODAY), true);
  assert.equal(isValidResidentId('11010519491231002x', TODAY), true);
  for (const [region, birth, seq] of [
    ['440304', '19900307', '123'],
    ['320102', '20000229', '001'], // leap day
    ['510107', '19751231', '998'],
    ['650102', '20240501', '010'], // born today
    ['810000', '19880808', '456'], // Hong Kong residence permit prefix
  ] as const) {
    const id = residentId(region, birth, seq);
    assert.equal(checkResidentId(id, TODAY), null, id);
  }
});

test('resident ID: full-width digits, lower-case x and spaces are normalised', () => {
  assert.equal(normalizeCode(fullWidth('11010519491231002x')), '11010519491231002X');
  assert.equal(isValidResidentId(fullWidth('11010519491231002x'), TODAY), true);
  assert.equal(isValidResidentId('110105 19491231 002X', TODAY), true);
  assert.equal(isValidResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY), true);
});

test('resident ID: each kind of error is recognised', () => {
  assert.equal(checkResidentId('11010519491231002', TODAY), 'length');
  assert.equal(checkResidentId('11010519491231002XX', TODAY), 'length');
  assert.equal(checkResidentId('1101051949123100AX', TODAY), 'format');
  assert.equal(checkResidentId('X10105194912310021', TODAY), 'format');
  assert.equal(checkResidentId(residentId('010105', '19900101', '123'), TODAY), 'region');
  // 2月30日, 1900-02-29 (not a leap year), month 13, day 00 — with correct check characters.
  assert.equal(checkResidentId(residentId('110105', '19900230', '123'), TODAY), 'birth-date');
  assert.equal(checkResidentId(residentId('110105', '19000229', '123'), TODAY), 'birth-date');
  assert.equal(checkResidentId(residentId('110105', '19901301', '123'), TODAY), 'birth-date');
  assert.equal(checkResidentId(residentId('110105', '19900100', '123'), TODAY), 'birth-date');
  assert.equal(checkResidentId(residentId('110105', '18991231', '123'), TODAY), 'birth-date');
  // Born tomorrow.
  const tomorrow = residentId('110105', '20240502', '123');
  assert.equal(checkResidentId(tomorrow, TODAY), 'birth-future');
  assert.equal(checkResidentId(tomorrow), null, 'without today only the date itself is checked');
  // Wrong check character: every other character fails.
  for (const c of '0123456789X') {
    if (c === 'X') continue;
    assert.equal(checkResidentId(`11010519491231002${c}`, TODAY), 'checksum', c);
  }
  assert.throws(() => checkResidentId('11010519491231002X', '2024-13-01'));
});

test('USCC: the published example, lower case and full width are valid; errors are recognised', () => {
  assert.equal(isValidUscc('91350100M000100Y43'), true);
  assert.equal(isValidUscc('91350100m000100y43'), true);
  assert.equal(isValidUscc(fullWidth('91350100m000100y43')), true);
  assert.equal(checkUscc('91350100M000100Y44'), 'checksum');
  assert.equal(checkUscc('91350100M000100Y4'), 'length');
  assert.equal(checkUscc('91350100I000100Y43'), 'charset', 'I is not used');
  assert.equal(checkUscc('91350100O000100Y43'), 'charset', 'O is not used');
  // Constructed codes of several registration authorities.
  for (const first17 of [
    '91110108MA01ABCD1',
    '12100000400000624',
    '52310115MJ5123456',
    'Y1440300XYW123456',
  ]) {
    const code = first17 + usccCheck(first17);
    assert.equal(checkUscc(code), null, code);
    assert.equal(isValidUscc(code.toLowerCase()), true);
  }
  // A check value of 0 (31 − 0 → 0) is handled.
  let found = false;
  for (let n = 0; n < 200 && !found; n++) {
    const first17 = `9111010${String(n).padStart(10, '0')}`;
    if (usccCheck(first17) === '0') {
      assert.equal(isValidUscc(`${first17}0`), true);
      found = true;
    }
  }
  assert.ok(found);
});

test('phone numbers: mobiles and landlines with area code', () => {
  assert.equal(normalizePhone('13812345678'), '13812345678');
  assert.equal(normalizePhone(' 138 1234 5678 '), '13812345678');
  assert.equal(normalizePhone('+86 13812345678'), '13812345678');
  assert.equal(normalizePhone(fullWidth('13812345678')), '13812345678');
  assert.equal(normalizePhone('010-12345678'), '010-12345678');
  assert.equal(normalizePhone('0755-1234567'), '0755-1234567');
  assert.equal(normalizePhone('02012345678'), '02012345678');
  assert.equal(normalizePhone('12812345678'), null);
  assert.equal(normalizePhone('1381234567'), null);
  assert.equal(normalizePhone('12345678'), null, 'a landline needs its area code');
  assert.equal(normalizePhone('010-123456'), null);
});

test('applicant types map to the report columns of table 三', () => {
  assert.deepEqual(
    APPLICANT_TYPES.map((t) => [APPLICANT_TYPE_INFO[t].reportColumn, APPLICANT_TYPE_INFO[t].label]),
    [
      [0, '自然人'],
      [1, '商业企业'],
      [2, '科研机构'],
      [3, '社会公益组织'],
      [4, '法律服务机构'],
      [5, '其他'],
    ],
  );
  assert.equal(APPLICANT_TYPE_INFO.natural.group, 'natural-person');
  assert.equal(APPLICANT_TYPE_INFO['legal-service'].groupLabel, '法人或其他组织');
});

const person = {
  type: 'natural',
  name: ' 张三 ',
  idType: 'resident-id',
  idNumber: '１１０１０５１９４９１２３１００２ｘ',
  phone: '138 1234 5678',
  email: ' zhangsan@example.com ',
  address: '北京市西城区某某街1号',
};

const company = {
  type: 'commercial',
  name: '某某科技有限公司',
  idType: 'uscc',
  idNumber: '91350100m000100y43',
  phone: '0591-87654321',
  contactName: '李四',
};

test('validateApplicant: a natural person is normalised', () => {
  const r = validateApplicant(person, TODAY);
  assert.deepEqual(r, {
    ok: true,
    value: {
      type: 'natural',
      name: '张三',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      email: 'zhangsan@example.com',
      address: '北京市西城区某某街1号',
      contactName: null,
    },
  });
});

test('validateApplicant: an organisation gives a USCC and a contact person', () => {
  const r = validateApplicant(company, TODAY);
  assert.deepEqual(r, {
    ok: true,
    value: {
      type: 'commercial',
      name: '某某科技有限公司',
      idType: 'uscc',
      idNumber: '91350100M000100Y43',
      phone: '0591-87654321',
      email: null,
      address: null,
      contactName: '李四',
    },
  });
  // The only document type of an organisation may be left out.
  const { idType: _omitted, ...withoutIdType } = company;
  assert.equal(validateApplicant(withoutIdType, TODAY).ok, true);
});

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const r = validateApplicant(input, TODAY);
  assert.equal(r.ok, false);
  if (r.ok) return {};
  const out: Record<string, string> = {};
  for (const e of r.errors) {
    assert.ok(/\p{Script=Han}/u.test(e.message), `Chinese message for ${e.path}`);
    out[e.path] = e.message;
  }
  return out;
}

test('validateApplicant: one clear Chinese message per wrong field', () => {
  assert.deepEqual(errorsOf({ ...person, idNumber: '110105194912310021' }), {
    'applicant.idNumber': '身份证号码校验位不正确，请核对',
  });
  assert.deepEqual(Object.keys(errorsOf({ ...person, idNumber: residentId('110105', '19900230', '123') })), [
    'applicant.idNumber',
  ]);
  assert.match(
    errorsOf({ ...person, idNumber: residentId('110105', '19900230', '123') })['applicant.idNumber'] ?? '',
    /出生日期不存在/,
  );
  assert.match(
    errorsOf({ ...person, idNumber: residentId('110105', '20240502', '123') })['applicant.idNumber'] ?? '',
    /晚于今天/,
  );
  assert.match(
    errorsOf({ ...company, idNumber: '91350100M000100Y44' })['applicant.idNumber'] ?? '',
    /校验位/,
  );
  assert.deepEqual(Object.keys(errorsOf({ ...person, phone: '12345' })), ['applicant.phone']);
  assert.deepEqual(Object.keys(errorsOf({ ...person, email: 'zhangsan@' })), ['applicant.email']);
  assert.deepEqual(Object.keys(errorsOf({ ...company, contactName: '  ' })), ['applicant.contactName']);
  assert.deepEqual(Object.keys(errorsOf({ ...person, idType: 'uscc', idNumber: '91350100M000100Y43' })), [
    'applicant.idType',
  ]);
  assert.deepEqual(Object.keys(errorsOf({ ...company, idType: 'resident-id' })), ['applicant.idType']);
  assert.deepEqual(Object.keys(errorsOf({ ...person, type: 'alien' })), ['applicant.type']);
  assert.deepEqual(Object.keys(errorsOf({ ...person, name: 'x'.repeat(101) })), ['applicant.name']);
  assert.deepEqual(Object.keys(errorsOf({ ...person, address: '址'.repeat(201) })), ['applicant.address']);
});

test('validateApplicant: missing fields are all reported', () => {
  const errors = errorsOf({});
  assert.deepEqual(Object.keys(errors).sort(), [
    'applicant.idNumber',
    'applicant.idType',
    'applicant.name',
    'applicant.phone',
    'applicant.type',
  ]);
  assert.equal(errors['applicant.type'], '请选择申请人类型');
  assert.equal(errors['applicant.phone'], '请填写联系电话');
  const orgErrors = errorsOf({ type: 'research' });
  assert.ok('applicant.contactName' in orgErrors);
  assert.equal(orgErrors['applicant.idNumber'], '请填写统一社会信用代码');
  assert.equal(orgErrors['applicant.name'], '请填写申请人名称');
});

test('validateApplicant: passports and other documents are checked for shape only', () => {
  const passport = validateApplicant({ ...person, idType: 'passport', idNumber: 'e1234 5678' }, TODAY);
  assert.equal(passport.ok && passport.value.idNumber, 'E12345678');
  const other = validateApplicant({ ...person, idType: 'other', idNumber: 'H1234567(8)' }, TODAY);
  assert.equal(other.ok && other.value.idNumber, 'H1234567(8)');
  assert.match(
    errorsOf({ ...person, idType: 'passport', idNumber: 'E1' })['applicant.idNumber'] ?? '',
    /护照/,
  );
});
