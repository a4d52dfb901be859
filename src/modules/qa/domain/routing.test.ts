import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkContact,
  isRoutedOverdue,
  nextRoutedStatus,
  type RoutedStatus,
  type RoutedStep,
  readTrackingCode,
  suggestUnit,
  trackingCode,
  type UnitEvidence,
  type UnitOrg,
} from './routing.ts';

const ORGS: UnitOrg[] = [
  { id: 1, name: '济宁市人民政府', parentId: null, kind: 'government', disabled: false },
  { id: 2, name: '市政府办公室', parentId: 1, kind: 'department', disabled: false },
  { id: 3, name: '市财政局', parentId: 1, kind: 'department', disabled: false },
  { id: 4, name: '市教育局', parentId: 1, kind: 'department', disabled: false },
  { id: 5, name: '市旧局', parentId: 3, kind: 'institution', disabled: true },
  { id: 6, name: '曲阜市人民政府', parentId: 1, kind: 'county', disabled: false },
  { id: 7, name: '曲阜市政府办公室', parentId: 6, kind: 'department', disabled: false },
];

test('the unit suggested from the best-matching documents, by a table', () => {
  const ev = (issuer: string, score: number, leadUnits: string | null = null): UnitEvidence => ({
    issuer,
    score,
    leadUnits,
  });
  const cases: [string, UnitEvidence[], number | null][] = [
    ['nothing matched: the office chooses', [], null],
    ['an issuer that is no organisation', [ev('国务院办公厅', 5)], null],
    ['the issuer', [ev('市财政局', 2)], 3],
    ['the issuer by its normalised name', [ev('济宁市财政局', 2)], 3],
    ['votes add up over documents', [ev('市教育局', 3), ev('市财政局', 2), ev('市财政局', 2)], 3],
    ['a tie goes to the better-ranked evidence', [ev('市教育局', 2), ev('市财政局', 2)], 4],
    ['a task row: its first lead unit, not the issuer', [ev('市政府办公室', 2, '市财政局、市税务局')], 3],
    ['a lead unit that is no organisation: the issuer', [ev('市教育局', 2, '各县（市、区）政府')], 4],
    ['a government: its office', [ev('曲阜市人民政府', 1)], 7],
    ['a disabled organisation: up the tree', [ev('市旧局', 1)], 3],
  ];
  for (const [name, evidence, want] of cases)
    assert.equal(suggestUnit(evidence, ORGS)?.orgId ?? null, want, name);
  assert.match(suggestUnit([ev('市政府办公室', 2, '市财政局')], ORGS)?.reason ?? '', /牵头单位/);
  assert.match(suggestUnit([ev('市财政局', 2)], ORGS)?.reason ?? '', /制发机关/);
});

test('the steps of a routed question, by a table', () => {
  const cases: [RoutedStatus, RoutedStep, RoutedStatus | null][] = [
    ['received', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['answered', 'assign', null],
    ['sent', 'assign', null],
    ['received', 'answer', null],
    ['assigned', 'answer', 'answered'],
    ['answered', 'approve', 'sent'],
    ['assigned', 'approve', null],
    ['answered', 'return', 'assigned'],
    ['sent', 'return', null],
  ];
  for (const [status, step, want] of cases)
    assert.equal(nextRoutedStatus(status, step), want, `${status} ${step}`);
});

test('overdue: not sent and past the due date, by a table', () => {
  const cases: [RoutedStatus, string, string, boolean][] = [
    ['assigned', '2026-03-05', '2026-03-05', false],
    ['assigned', '2026-03-05', '2026-03-06', true],
    ['received', '2026-03-05', '2026-04-01', true],
    ['answered', '2026-03-05', '2026-03-06', true],
    ['sent', '2026-03-05', '2026-04-01', false],
  ];
  for (const [status, due, today, want] of cases) assert.equal(isRoutedOverdue(status, due, today), want);
});

test('tracking codes: made from the day and random numbers, read back as typed', () => {
  const code = trackingCode('2026-03-05', [0, 1, 31, 32, 255, 7]);
  assert.equal(code, 'QA2026030523Z2Z9');
  const cases: [string, string | null][] = [
    [code, code],
    [` ${code.toLowerCase()} `, code],
    ['QA20260305', null],
    ['QA20260305ABCDE1', null],
    ['<script>', null],
    ['', null],
  ];
  for (const [input, want] of cases) assert.equal(readTrackingCode(input), want, input);
});

test('the optional contact, by a table', () => {
  const cases: [string, string, string[], string | null, string | null][] = [
    ['', '', [], null, null],
    ['13800138000', '', [], '13800138000', null],
    ['0537-2345678', '', [], '0537-2345678', null],
    ['138 0013 8000', '', [], '13800138000', null],
    ['12345', '', ['phone'], null, null],
    ['', 'a@b.cn', [], null, 'a@b.cn'],
    ['', 'not-mail', ['email'], null, null],
    ['', '<x>@y.com', ['email'], null, null],
    ['abc', 'x@', ['phone', 'email'], null, null],
  ];
  for (const [phone, email, fields, wantPhone, wantEmail] of cases) {
    const r = checkContact(phone, email);
    assert.deepEqual(
      r.errors.map((e) => e.field),
      fields,
      `${phone} ${email}`,
    );
    if (fields.length === 0) assert.deepEqual(r.contact, { phone: wantPhone, email: wantEmail });
  }
});
