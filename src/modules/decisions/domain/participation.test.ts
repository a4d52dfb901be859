/** Sign-up, capacity, phases, the 7-day rule for hearing materials, survey and targets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkSignup,
  checkSurvey,
  type EventFacts,
  eventPhase,
  materialsOnTime,
  type SignupRefusal,
  signupRefusal,
  targetProgress,
} from './participation.ts';

const ev: EventFacts = { heldOn: '2026-03-20', signupClosesOn: '2026-03-15', listPublished: false };

test('event phase by date and by the published list', () => {
  const rows: [string, typeof ev, string, string][] = [
    ['before the deadline', ev, '2026-03-10', 'signup'],
    ['on the deadline', ev, '2026-03-15', 'signup'],
    ['after the deadline, no list yet', ev, '2026-03-16', 'selecting'],
    ['list published', { ...ev, listPublished: true }, '2026-03-12', 'upcoming'],
    ['on the day', ev, '2026-03-20', 'held'],
    ['no deadline: until the day before', { ...ev, signupClosesOn: null }, '2026-03-19', 'signup'],
  ];
  for (const [why, e, today, phase] of rows) assert.equal(eventPhase(e, today), phase, why);
});

test('sign-up refused after the deadline; first come refuses when full', () => {
  const rows: [string, 'draw' | 'first_come', number, string, SignupRefusal | null][] = [
    ['room left', 'first_come', 29, '2026-03-10', null],
    ['full', 'first_come', 30, '2026-03-10', { code: 'full', places: 30 }],
    ['a draw takes more candidates than places', 'draw', 300, '2026-03-10', null],
    ['after the deadline', 'draw', 0, '2026-03-16', { code: 'closed', lastDay: '2026-03-15' }],
  ];
  for (const [why, selection, taken, today, refusal] of rows)
    assert.deepEqual(signupRefusal({ ...ev, selection, places: 30 }, taken, today), refusal, why);
});

test('sign-up fields: required, length limits, trimmed', () => {
  const ok = { name: ' 张三 ', contact: '13800000000', identity: '', reason: '' };
  const rows: [string, typeof ok, string[]][] = [
    ['complete', ok, []],
    ['nothing in it', { name: '', contact: ' ', identity: '', reason: '' }, ['name', 'contact']],
    ['name too long', { ...ok, name: '张'.repeat(51) }, ['name']],
    ['reason too long', { ...ok, reason: '意'.repeat(501) }, ['reason']],
    ['an emoji counts as one', { ...ok, name: '😀'.repeat(50) }, []],
  ];
  for (const [why, input, fields] of rows) {
    const r = checkSignup(input);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), fields, why);
  }
  const r = checkSignup(ok);
  assert.ok(r.ok);
  assert.equal(r.value.name, '张三');
  const long = checkSignup({ ...ok, reason: '意'.repeat(501) });
  assert.ok(!long.ok);
  assert.equal(long.errors[0]?.message, '报名理由或拟提出的意见不能超过500字（现为501字）');
});

test('713 Art. 17: materials at least 7 days before the hearing', () => {
  const rows: [string, string | null, boolean | null][] = [
    ['not yet sent', null, null],
    ['exactly 7 days before', '2026-03-13', true],
    ['8 days before', '2026-03-12', true],
    ['6 days before', '2026-03-14', false],
  ];
  for (const [why, sent, onTime] of rows) assert.equal(materialsOnTime(sent, '2026-03-20'), onTime, why);
});

test('survey: a rating 1–5, a remark within the limit', () => {
  const rows: [string, string, string, string[]][] = [
    ['fine', '5', '很好', []],
    ['no rating', '', '', ['rating']],
    ['forged rating', '9', '', ['rating']],
    ['remark too long', '3', '好'.repeat(501), ['remark']],
  ];
  for (const [why, rating, remark, fields] of rows) {
    const r = checkSurvey({ rating, remark });
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), fields, why);
  }
});

test('yearly targets', () => {
  assert.deepEqual(targetProgress(10, 10), { reached: true, missing: 0 });
  assert.deepEqual(targetProgress(3, 10), { reached: false, missing: 7 });
  assert.deepEqual(targetProgress(3, 0), { reached: true, missing: 0 });
});
