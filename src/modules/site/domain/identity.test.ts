import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkIcpRecord,
  checkPhone,
  checkPoliceRecord,
  checkRegionCode,
  checkSiteCode,
  policeRecordCode,
} from './identity.ts';

const ok = null;

test('identity fields: each check accepts the published forms and refuses the rest', () => {
  const rows: [string, (v: string) => string | null, string, boolean][] = [
    // 网站标识码: 10 characters, digits and capitals
    ['site code, digits', checkSiteCode, '3708000001', true],
    ['site code, capitals', checkSiteCode, '37080000A1', true],
    ['site code, lower case', checkSiteCode, '37080000a1', false],
    ['site code, 9 characters', checkSiteCode, '370800001', false],
    ['site code, 11 characters', checkSiteCode, '37080000011', false],
    // ICP备案号
    ['ICP', checkIcpRecord, '鲁ICP备12345678号', true],
    ['ICP with site number', checkIcpRecord, '鲁ICP备12345678号-1', true],
    ['ICP, other province', checkIcpRecord, '京ICP备05070602号', true],
    ['ICP without 号', checkIcpRecord, '鲁ICP备12345678', false],
    ['ICP without province', checkIcpRecord, 'ICP备12345678号', false],
    ['ICP, not a province', checkIcpRecord, '中ICP备12345678号', false],
    // 公安机关备案号
    ['police record with space', checkPoliceRecord, '鲁公网安备 37080202000123号', true],
    ['police record without space', checkPoliceRecord, '鲁公网安备37080202000123号', true],
    ['police record, 13 digits', checkPoliceRecord, '鲁公网安备 3708020200012号', false],
    ['police record, no 号', checkPoliceRecord, '鲁公网安备 37080202000123', false],
    // 行政区划代码
    ['region code, county', checkRegionCode, '370832', true],
    ['region code, 12 digits', checkRegionCode, '370832100000', true],
    ['region code, 4 digits', checkRegionCode, '3708', false],
    ['region code, letters', checkRegionCode, '37083X', false],
    // phone
    ['phone with area code', checkPhone, '0537-7321234', true],
    ['phone in brackets', checkPhone, '（0537）7321234', true],
    ['phone with extension', checkPhone, '0537-7321234转8001', true],
    ['service number', checkPhone, '12345', true],
    ['phone, letters', checkPhone, '0537-ABC', false],
    ['phone, too short', checkPhone, '123', false],
  ];
  for (const [name, check, value, valid] of rows) {
    const answer = check(value);
    if (valid) assert.equal(answer, ok, name);
    else assert.equal(typeof answer, 'string', name);
  }
});

test('the number of a police record, for its link', () => {
  assert.equal(policeRecordCode('鲁公网安备 37080202000123号'), '37080202000123');
  assert.equal(policeRecordCode('鲁公网安备37080202000123号'), '37080202000123');
  assert.equal(policeRecordCode('whatever'), null);
});
