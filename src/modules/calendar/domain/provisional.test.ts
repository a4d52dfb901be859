import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledCalendarYears } from '../bundled.ts';
import { CalendarYearMissingError, createCalendar } from './calendar.ts';
import { fromDayNumber } from './dates.ts';
import {
  provisionalNote,
  provisionalYear,
  provisionalYearsBetween,
  statutoryFestivals,
  withProvisionalYears,
} from './provisional.ts';

// 《全国年节及纪念日放假办法》 Art. 2 (2024 revision from 2025; 2013 revision before) — the dates of
// each festival, read from the lunar calendar and the solar term by the library.
const FESTIVALS: [number, Record<string, string[]>][] = [
  [
    2024,
    {
      元旦: ['2024-01-01'],
      春节: ['2024-02-10', '2024-02-11', '2024-02-12'],
      清明节: ['2024-04-04'],
      劳动节: ['2024-05-01'],
      端午节: ['2024-06-10'],
      中秋节: ['2024-09-17'],
      国庆节: ['2024-10-01', '2024-10-02', '2024-10-03'],
    },
  ],
  [
    2025,
    {
      元旦: ['2025-01-01'],
      春节: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      清明节: ['2025-04-04'],
      劳动节: ['2025-05-01', '2025-05-02'],
      端午节: ['2025-05-31'],
      中秋节: ['2025-10-06'],
      国庆节: ['2025-10-01', '2025-10-02', '2025-10-03'],
    },
  ],
  [
    2027,
    {
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    },
  ],
];

for (const [year, expected] of FESTIVALS) {
  test(`the statutory holidays of ${year} fall on the days the law and the lunar calendar give`, () => {
    const got = Object.fromEntries(statutoryFestivals(year).map((f) => [f.name, f.days.map(fromDayNumber)]));
    assert.deepEqual(got, expected);
  });
}

test('every statutory holiday of 2021–2026 is a day off in that year’s notice', () => {
  for (const entry of bundledCalendarYears) {
    for (const f of statutoryFestivals(entry.year)) {
      for (const d of f.days.map(fromDayNumber)) {
        assert.ok(entry.daysOff.includes(d), `${d} (${f.name}) is off in ${entry.year}`);
      }
    }
  }
});

test('a provisional year has as many working days as the notice later gave (2021–2026)', () => {
  // 调休 swaps days, 补假 replaces weekend holidays: the yearly count is the same.
  for (const entry of bundledCalendarYears) {
    const y = entry.year;
    const final = createCalendar([entry]).countWorkingDays(`${y}-01-01`, `${y}-12-31`);
    const estimate = createCalendar([provisionalYear(y)]).countWorkingDays(`${y}-01-01`, `${y}-12-31`);
    assert.equal(estimate, final, String(y));
  }
});

test('a holiday on a weekend is made up on the next free working day (Art. 6)', () => {
  const y = provisionalYear(2027);
  assert.equal(y.provisional, true);
  assert.deepEqual(y.makeupWorkdays, []);
  // 春节 2027: 除夕 Fri 5 Feb to 初三 Mon 8 Feb; Sat 6 and Sun 7 are made up on Tue 9 and Wed 10.
  assert.equal(y.names?.['2027-02-09'], '春节补假');
  assert.equal(y.names?.['2027-02-10'], '春节补假');
  // 劳动节 Sat 1 and Sun 2 May → Mon 3 and Tue 4; 国庆 Sat 2 and Sun 3 Oct → Mon 4 and Tue 5.
  for (const d of ['2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05'])
    assert.ok(y.daysOff.includes(d), d);
  assert.equal(y.daysOff.length, 19);
});

test('missing years after the first loaded one are filled provisionally, earlier ones stay missing', () => {
  const years = withProvisionalYears(bundledCalendarYears, 2028);
  const calendar = createCalendar(years);
  assert.deepEqual(calendar.provisionalYears(), [2027, 2028]);
  assert.equal(calendar.isProvisional(2026), false);
  assert.equal(calendar.isProvisional(2027), true);
  // 20 working days from Mon 14 Dec 2026: 1 Jan 2027 is 元旦 whatever the notice says.
  assert.equal(calendar.addWorkingDays('2026-12-14', 20), '2027-01-12');
  assert.deepEqual(provisionalYearsBetween(calendar, '2026-12-14', '2027-01-12'), [2027]);
  assert.deepEqual(provisionalYearsBetween(calendar, '2026-03-02', '2026-03-30'), []);
  assert.throws(() => calendar.addWorkingDays('2020-06-01', 1), CalendarYearMissingError);
  assert.throws(() => calendar.addWorkingDays('2028-12-20', 20), CalendarYearMissingError);
});

test('a gap between loaded years is filled, and a loaded year is never replaced', () => {
  const only2021And2023 = bundledCalendarYears.filter((y) => y.year === 2021 || y.year === 2023);
  const years = withProvisionalYears(only2021And2023, 2023);
  assert.deepEqual(
    years.map((y) => [y.year, y.provisional === true]),
    [
      [2021, false],
      [2022, true],
      [2023, false],
    ],
  );
});

test('the provisional wording names the missing years', () => {
  assert.equal(provisionalNote([2027]), '暂定（2027年放假安排尚未录入）');
  assert.equal(provisionalNote([2027, 2028]), '暂定（2027年、2028年放假安排尚未录入）');
});
