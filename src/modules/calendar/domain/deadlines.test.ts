// Deadline tests; expected dates counted by hand on the arrangements of docs/law/holidays.md.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import holidays from '../data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from './calendar.ts';
import { annualReportDue, feePaymentDue, proactivePublicationDue, workingDaysUntil } from './deadlines.ts';

const calendar = createCalendar(holidays as unknown as CalendarYear[]);

describe('proactive publication: 20 WD after formation or change (Art. 26)', () => {
  const cases: [string, string, string][] = [
    ['2024-02-08', '2024-03-13', 'formed the day before 除夕 2024'],
    ['2021-09-17', '2021-10-21', 'formed before Mid-Autumn + National Day 2021'],
    ['2024-10-03', '2024-11-01', 'changed on a National Day holiday'],
    ['2022-12-30', '2023-02-02', 'formed at the 2022 year end'],
    ['2025-12-26', '2026-01-26', 'formed before New Year 2026 (make-up Sun 01-04 counts)'],
  ];
  for (const [formed, due, why] of cases) {
    test(`${formed} → ${due} (${why})`, () => assert.equal(proactivePublicationDue(calendar, formed), due));
  }
  test('formed 2026-12-15: the count reaches 2027 → CALENDAR_YEAR_MISSING', () => {
    assert.throws(() => proactivePublicationDue(calendar, '2026-12-15'), {
      code: 'CALENDAR_YEAR_MISSING',
      params: { year: 2027 },
    });
  });
});

describe('annual report dates (Art. 49): calendar dates, no roll-over', () => {
  const cases: [number, 'department' | 'government', string, string][] = [
    [2021, 'department', '2022-01-31', 'departments by 31 January'],
    [2021, 'government', '2022-03-31', 'governments by 31 March'],
    [2024, 'department', '2025-01-31', '2025-01-31 is a Spring Festival day off: the date stays'],
    [2024, 'government', '2025-03-31', 'a Monday'],
    [2026, 'department', '2027-01-31', 'needs no calendar, so 2027 is fine'],
    [2026, 'government', '2027-03-31', 'needs no calendar'],
  ];
  for (const [year, publisher, due, why] of cases) {
    test(`${year} report, ${publisher} → ${due} (${why})`, () =>
      assert.equal(annualReportDue(year, publisher), due));
  }
  test('rejects a non-integer year', () =>
    assert.throws(() => annualReportDue(2024.5, 'government'), RangeError));
});

describe('fee payment: 20 WD from the day after the fee notice is received', () => {
  const cases: [string, string, string][] = [
    ['2025-03-06', '2025-04-03', 'Qingming 2025 falls after the deadline'],
    ['2021-02-05', '2021-03-10', 'notice received the Friday before Spring Festival 2021'],
    ['2024-10-03', '2024-11-01', 'notice received (e-mail) on a holiday'],
    ['2023-04-23', '2023-05-23', 'notice received on a make-up Sunday'],
  ];
  for (const [received, due, why] of cases) {
    test(`${received} → ${due} (${why})`, () => assert.equal(feePaymentDue(calendar, received), due));
  }
});

describe('signed working days from today to a deadline', () => {
  const cases: [string, string, number, string][] = [
    ['2024-03-11', '2024-03-13', 2, 'Monday to Wednesday'],
    ['2024-03-13', '2024-03-13', 0, 'the day itself'],
    ['2024-03-14', '2024-03-13', -1, 'the first working day after it'],
    ['2024-02-09', '2024-02-18', 1, 'over the Spring Festival holiday to the make-up Sunday'],
    ['2024-02-18', '2024-02-09', -1, 'the make-up Sunday is the first working day after 02-09'],
    ['2024-03-08', '2024-03-10', 0, 'only the weekend is left'],
  ];
  for (const [today, deadline, n, why] of cases) {
    test(`${today} → ${deadline}: ${n} (${why})`, () =>
      assert.equal(workingDaysUntil(calendar, today, deadline), n));
  }
  test('a span into a year the calendar lacks → CALENDAR_YEAR_MISSING', () => {
    assert.throws(() => workingDaysUntil(calendar, '2026-12-30', '2027-01-05'), {
      code: 'CALENDAR_YEAR_MISSING',
      params: { year: 2027 },
    });
  });
});
