// Issue 16.4: 按件 counts the same applicant's applications of the natural month from the records; staff
// correct the count with a reason; the fee letter says what the clock does while the fee is unpaid.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicationBody, orgIdByName, registerCase } from '../../../test/helpers/factories.ts';
import { residentId } from '../../../test/helpers/identity.ts';
import { CLOCK_RULES, feeClockSentence } from './domain/clock.ts';

let t: TestApp;
let office: Client;
let city: number;
let education: number;

before(
  async () => {
    t = await createTestApp();
    office = await t.as('t_office');
    city = await orgIdByName(t.db, '济宁市人民政府');
    education = await orgIdByName(t.db, '市教育局');
  },
  { timeout: 60_000 },
);
after(() => t.close());

const act = (id: number, body: Record<string, unknown>) =>
  office.send('POST', `/api/requests/${id}/actions`, body);

/** An application of 李四 handed in on `on`, assigned the same day. */
async function application(on: string, idNumber = residentId('37080219900101123')): Promise<number> {
  const id = await registerCase(
    office,
    applicationBody(city, { submittedOn: on, subject: `申请${on}`, applicant: { name: '李四', idNumber } }),
  );
  const r = await act(id, { action: 'assign', on, unitId: education });
  assert.equal(r.statusCode, 200, r.body);
  return id;
}

test('按件: the applicant’s earlier applications of the month are counted from the records', {
  timeout: 120_000,
}, async () => {
  // 11 applications of 李四 in February 2024 (and one in January, and one of someone else, not counted).
  await application('2024-01-31');
  await application('2024-02-05', residentId('37080219900202123'));
  const ids: number[] = [];
  for (let i = 0; i < 11; i++) ids.push(await application(`2024-02-${String(6 + i).padStart(2, '0')}`));
  const eleventh = ids[10] as number;

  let r = await act(eleventh, { action: 'fee-notice', on: '2024-02-20', method: 'per-item', quantity: 1 });
  assert.equal(r.statusCode, 200, r.body);
  let notice = r.json().events.at(-1).data;
  assert.equal(notice.computedEarlier, 10, 'ten earlier applications in February');
  assert.equal(notice.earlierThisMonth, 10);
  assert.equal(notice.amount, 100, 'the 11th application is in the 100 元 band');
  assert.deepEqual(notice.bands, [{ from: 11, to: 11, count: 1, unitPrice: 100, amount: 100 }]);

  // The tenth: nine earlier, free — not charged as if it were the month's total again.
  r = await act(ids[9] as number, {
    action: 'fee-notice',
    on: '2024-02-20',
    method: 'per-item',
    quantity: 1,
  });
  notice = r.json().events.at(-1).data;
  assert.equal(notice.computedEarlier, 9);
  assert.equal(notice.amount, 0);

  // Staff correct the count, with a reason; without one, refused with the system's count named.
  r = await act(ids[0] as number, {
    action: 'fee-notice',
    on: '2024-02-20',
    method: 'per-item',
    quantity: 1,
    earlierThisMonth: 30,
  });
  assert.equal(r.statusCode, 400);
  assert.match(r.json().error.fields[0].message, /系统统计该申请人本月此前申请0件/);
  r = await act(ids[0] as number, {
    action: 'fee-notice',
    on: '2024-02-20',
    method: 'per-item',
    quantity: 1,
    earlierThisMonth: 30,
    countReason: '该申请人另以护照提交30件',
  });
  assert.equal(r.statusCode, 200, r.body);
  notice = r.json().events.at(-1).data;
  assert.equal(notice.computedEarlier, 0);
  assert.equal(notice.earlierThisMonth, 30);
  assert.equal(notice.countReason, '该申请人另以护照提交30件');
  assert.equal(notice.amount, 200, 'the 31st is in the 200 元 band');
});

test('the fee letter says what the configured clock rule does', { timeout: 5_000 }, () => {
  assert.equal(CLOCK_RULES.feePausesClock, false, 'no local rule pauses the clock for a fee');
  assert.doesNotMatch(feeClockSentence(false), /不计算在答复期限内/);
  assert.match(feeClockSentence(false), /答复期限不因收费而中止计算/);
  assert.match(feeClockSentence(true), /不计算在答复期限内/);
});
