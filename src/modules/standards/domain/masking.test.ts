import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnKind, maskAccount, maskAddress, maskList, maskName, maskPhone, scrubText } from './masking.ts';

describe('masking personal data in 定向公开 lists', { timeout: 10_000 }, () => {
  const names: [string, string][] = [
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
    ['', ''],
  ];
  for (const [raw, masked] of names)
    it(`name ${raw || '（空）'} → ${masked || '（空）'}`, () => assert.equal(maskName(raw), masked));

  const phones: [string, string][] = [
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['0537-2345678', '053******78'],
  ];
  for (const [raw, masked] of phones)
    it(`phone ${raw} → ${masked}`, () => assert.equal(maskPhone(raw), masked));

  it('keeps the last four digits of an account', () =>
    assert.equal(maskAccount('6228 4801 2345 6789 012'), '尾号9012'));
  it('hides house numbers, keeps the village', () =>
    assert.equal(maskAddress('张庄村3组15号'), '张庄村3组**号'));
  it('replaces identity numbers and masks mobiles anywhere', () =>
    assert.equal(scrubText('备注370881199001011234，电话13912345678'), '备注（已隐去），电话139****5678'));

  const kinds: [string, string][] = [
    ['身份证号码', 'id'],
    ['户主姓名', 'name'],
    ['联系电话', 'phone'],
    ['一卡通账号', 'account'],
    ['家庭住址', 'address'],
    ['补贴面积（亩）', 'text'],
  ];
  for (const [h, k] of kinds) it(`column ${h} is ${k}`, () => assert.equal(columnKind(h), k));

  it('drops identity columns and masks every row', () => {
    const m = maskList(
      ['户主姓名', '身份证号码', '补贴面积（亩）', '联系电话', '备注'],
      [
        ['李建国', '370881196501012345', '12.5', '13812345678', ''],
        ['', '', '', '', ''],
        ['王芳', '37088119700202234X', '8', '', '代领人370881199912120011'],
      ],
    );
    assert.deepEqual(m.columns, ['户主姓名', '补贴面积（亩）', '联系电话', '备注']);
    assert.deepEqual(m.removed, ['身份证号码']);
    assert.deepEqual(m.rows, [
      ['李*国', '12.5', '138****5678', ''],
      ['王*', '8', '', '代领人（已隐去）'],
    ]);
    assert.doesNotMatch(JSON.stringify(m), /370881|1381234/);
  });
});
