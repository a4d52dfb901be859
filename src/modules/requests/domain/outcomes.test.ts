import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GROUND_CODES,
  isReplyOutcome,
  OUTCOME_CODES,
  OUTCOMES,
  type OutcomeCode,
  REPLY_OUTCOMES,
  REPORT_ROW_KEYS,
  REPORT_ROWS,
  remediesText,
  reportRowFor,
  validateOutcome,
  WITHHOLD_GROUNDS,
} from './outcomes.ts';

// docs/law/ogi-regulation.md (Outcomes and report rows) and docs/requests.md, written out independently of
// the module's table.
const expectedRows: [OutcomeCode, string | null, string | null][] = [
  ['ALREADY_PUBLIC', '3.1', '第三十六条第一项'],
  ['DISCLOSE', '3.1', '第三十六条第二项'],
  ['PARTIAL', '3.2', '第三十七条'],
  ['WITHHOLD', null, '第三十六条第三项'],
  ['NOT_EXIST', '3.4.1', '第三十六条第四项'],
  ['NOT_OUR_AGENCY', '3.4.1', '第三十六条第五项'],
  ['NEEDS_CREATION', '3.4.2', '第三十八条'],
  ['STILL_UNCLEAR', '3.4.3', '第三十条'],
  ['PETITION', '3.5.1', '第三十九条第一款'],
  ['REPEAT', '3.5.2', '第三十六条第六项'],
  ['PUBLICATION', '3.5.3', '第三十九条第二款'],
  ['MASS_UNREASONABLE', '3.5.4', '第三十五条'],
  ['CONFIRM_OR_REISSUE', '3.5.5', null],
  ['SPECIAL_REGIME', '3.3.8', '第三十六条第七项'],
  ['WITHDRAWN_NO_CORRECTION', '3.6.1', '第三十条'],
  ['WITHDRAWN_NO_PAYMENT', '3.6.2', '第四十二条'],
  ['OTHER', '3.6.3', null],
];

test('every outcome of the design is present, with its article and report row', () => {
  assert.deepEqual(
    [...OUTCOME_CODES],
    expectedRows.map(([code]) => code),
  );
  for (const [code, row, article] of expectedRows) {
    const info = OUTCOMES[code];
    assert.equal(info.code, code);
    assert.equal(info.reportRow, row, code);
    assert.equal(info.article, article, code);
    assert.ok(/\p{Script=Han}/u.test(info.label), `${code} has a Chinese label`);
  }
  assert.equal(OUTCOMES.DISCLOSE.label, '予以公开');
  assert.equal(OUTCOMES.PARTIAL.label, '部分公开');
  assert.equal(OUTCOMES.WITHHOLD.label, '不予公开');
  assert.equal(OUTCOMES.NOT_EXIST.label, '本机关不掌握相关政府信息');
});

test('only WITHHOLD and PARTIAL require a ground', () => {
  const requiring = OUTCOME_CODES.filter((c) => OUTCOMES[c].groundRequired);
  assert.deepEqual(requiring, ['PARTIAL', 'WITHHOLD']);
});

test('the eight grounds map to rows 3.3.1 … 3.3.8 with their articles', () => {
  const expected: [string, string, string | null][] = [
    ['STATE_SECRET', '属于国家秘密', '第十四条'],
    ['LAW_PROHIBITED', '其他法律行政法规禁止公开', '第十四条'],
    ['SECURITY_STABILITY', '危及“三安全一稳定”', '第十四条'],
    ['THIRD_PARTY_RIGHTS', '保护第三方合法权益', '第十五条'],
    ['INTERNAL_AFFAIRS', '属于三类内部事务信息', '第十六条第一款'],
    ['PROCESS_INFO', '属于四类过程性信息', '第十六条第二款'],
    ['ENFORCEMENT_FILE', '属于行政执法案卷', '第十六条第二款'],
    ['ADMIN_QUERY', '属于行政查询事项', null],
  ];
  assert.deepEqual(
    [...GROUND_CODES],
    expected.map(([c]) => c),
  );
  expected.forEach(([code, label, article], i) => {
    const g = WITHHOLD_GROUNDS[code as keyof typeof WITHHOLD_GROUNDS];
    assert.equal(g.label, label);
    assert.equal(g.article, article);
    assert.equal(g.reportRow, `3.3.${i + 1}`);
  });
});

test('report rows: 21 keys in table order, every outcome row exists, labels follow §3.2', () => {
  assert.equal(REPORT_ROW_KEYS.length, 21);
  assert.deepEqual(
    REPORT_ROWS.map((r) => r.key),
    [...REPORT_ROW_KEYS],
  );
  const keys = new Set<string>(REPORT_ROW_KEYS);
  for (const code of OUTCOME_CODES) {
    const row = OUTCOMES[code].reportRow;
    if (row !== null) assert.ok(keys.has(row), code);
  }
  for (const g of GROUND_CODES) {
    const row = REPORT_ROWS.find((r) => r.key === WITHHOLD_GROUNDS[g].reportRow);
    assert.ok(row?.label.endsWith(WITHHOLD_GROUNDS[g].label), g);
  }
  assert.ok(REPORT_ROWS.find((r) => r.key === '3.2')?.label.includes('只计这一情形'));
});

test('reply may choose every outcome except the three that come from their own actions', () => {
  const excluded = OUTCOME_CODES.filter((c) => !REPLY_OUTCOMES.includes(c));
  assert.deepEqual(excluded, ['WITHDRAWN_NO_CORRECTION', 'WITHDRAWN_NO_PAYMENT', 'OTHER']);
  assert.equal(REPLY_OUTCOMES.length, 14);
  assert.equal(isReplyOutcome('DISCLOSE'), true);
  assert.equal(isReplyOutcome('OTHER'), false);
  assert.equal(isReplyOutcome('NOPE'), false);
});

test('validateOutcome: a ground is required for WITHHOLD and PARTIAL, forbidden elsewhere', () => {
  assert.deepEqual(validateOutcome('WITHHOLD', 'STATE_SECRET'), []);
  assert.deepEqual(validateOutcome('PARTIAL', 'THIRD_PARTY_RIGHTS'), []);
  assert.deepEqual(validateOutcome('DISCLOSE', null), []);
  assert.deepEqual(validateOutcome('DISCLOSE', ''), []);
  assert.deepEqual(validateOutcome('NOT_EXIST', undefined), []);

  const missing = validateOutcome('WITHHOLD', null);
  assert.equal(missing.length, 1);
  assert.equal(missing[0]?.path, 'groundCode');
  assert.equal(missing[0]?.code, 'OUTCOME_GROUND_REQUIRED');
  assert.match(missing[0]?.message ?? '', /不予公开的理由/);
  assert.equal(validateOutcome('PARTIAL', '  ')[0]?.code, 'OUTCOME_GROUND_REQUIRED');

  const unknownGround = validateOutcome('WITHHOLD', 'SECRET');
  assert.equal(unknownGround[0]?.code, 'OUTCOME_GROUND_UNKNOWN');
  assert.equal(unknownGround[0]?.path, 'groundCode');

  const extra = validateOutcome('DISCLOSE', 'STATE_SECRET');
  assert.equal(extra[0]?.code, 'OUTCOME_GROUND_NOT_ALLOWED');
  assert.match(extra[0]?.message ?? '', /予以公开/);
});

test('validateOutcome: missing or unknown outcomes, and outcomes a reply may not choose', () => {
  assert.deepEqual(
    validateOutcome('', null).map((e) => [e.path, e.code]),
    [['outcome', 'OUTCOME_MISSING']],
  );
  assert.deepEqual(
    validateOutcome('MAYBE', null).map((e) => [e.path, e.code]),
    [['outcome', 'OUTCOME_UNKNOWN']],
  );
  assert.deepEqual(validateOutcome('toString', null)[0]?.code, 'OUTCOME_UNKNOWN');
  assert.deepEqual(validateOutcome('OTHER', null), []);
  const forReply = validateOutcome('WITHDRAWN_NO_PAYMENT', null, { forReply: true });
  assert.equal(forReply[0]?.code, 'OUTCOME_NOT_FOR_REPLY');
  assert.deepEqual(validateOutcome('DISCLOSE', null, { forReply: true }), []);
  for (const e of [...validateOutcome('', null), ...forReply]) {
    assert.ok(/\p{Script=Han}/u.test(e.message));
  }
});

test('reportRowFor: PARTIAL only in 3.2, WITHHOLD in its ground row, others in their own row', () => {
  assert.equal(reportRowFor('PARTIAL', 'STATE_SECRET'), '3.2');
  assert.equal(reportRowFor('WITHHOLD', 'STATE_SECRET'), '3.3.1');
  assert.equal(reportRowFor('WITHHOLD', 'THIRD_PARTY_RIGHTS'), '3.3.4');
  assert.equal(reportRowFor('WITHHOLD', 'ADMIN_QUERY'), '3.3.8');
  assert.equal(reportRowFor('DISCLOSE'), '3.1');
  assert.equal(reportRowFor('ALREADY_PUBLIC', null), '3.1');
  assert.equal(reportRowFor('NOT_OUR_AGENCY'), '3.4.1');
  assert.equal(reportRowFor('SPECIAL_REGIME'), '3.3.8');
  assert.equal(reportRowFor('WITHDRAWN_NO_PAYMENT'), '3.6.2');
  assert.throws(() => reportRowFor('WITHHOLD', null));
  assert.throws(() => reportRowFor('DISCLOSE', 'STATE_SECRET'));
  // Every valid combination has a row.
  for (const code of OUTCOME_CODES) {
    const grounds = OUTCOMES[code].groundRequired ? GROUND_CODES : [null];
    for (const g of grounds) assert.ok(REPORT_ROW_KEYS.includes(reportRowFor(code, g)));
  }
});

test('remedies: 60 days review or 6 months lawsuit; review first for 不予公开', () => {
  const plain = remediesText('DISCLOSE');
  assert.match(plain, /六十日内/);
  assert.match(plain, /行政复议法》第二十条/);
  assert.match(plain, /六个月内/);
  assert.match(plain, /行政诉讼法》第四十六条/);
  assert.doesNotMatch(plain, /第二十三条/);

  const withhold = remediesText('WITHHOLD');
  assert.match(withhold, /第二十三条第一款第四项/);
  assert.match(withhold, /应当先/);
  assert.match(withhold, /六十日内/);
  assert.doesNotMatch(withhold, /六个月/);

  const partial = remediesText('PARTIAL', { reviewBody: '某某市人民政府', court: '某某区人民法院' });
  assert.match(partial, /不予公开的部分/);
  assert.match(partial, /第二十三条第一款第四项/);
  assert.match(partial, /六个月内向某某区人民法院/);
  assert.match(partial, /向某某市人民政府申请行政复议/);
  assert.match(remediesText('NOT_EXIST'), /有管辖权的行政复议机关/);
});
