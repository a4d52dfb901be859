// Calendar and ISO-date tests. Expected values were read off the arrangements in docs/law/holidays.md
// (test names' §7 = docs/law/deadlines.md §5, worked examples).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import holidays from '../data/holidays.json' with { type: 'json' };
import {
  type CalendarYear,
  CalendarYearMissingError,
  createCalendar,
  type DayKind,
  validateCalendarYear,
} from './calendar.ts';
import {
  addCalendarDays,
  chineseWeekday,
  compareIsoDates,
  formatChineseDate,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from './dates.ts';

const years = holidays as unknown as CalendarYear[];
const calendar = createCalendar(years);

function missingYear(year: number) {
  return (error: unknown) => {
    assert.ok(error instanceof CalendarYearMissingError);
    assert.equal(error.code, 'CALENDAR_YEAR_MISSING');
    assert.deepEqual(error.params, { year });
    assert.match(error.message, new RegExp(String(year)));
    return true;
  };
}

describe('ISO dates (dates.ts)', () => {
  const valid = ['2024-02-29', '2000-02-29', '2021-01-01', '2026-12-31', '1970-01-01', '0001-01-01'];
  const invalid: unknown[] = [
    '2024-02-30', // February has 29 days in 2024
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-05',
    '2024/01/05',
    ' 2024-01-05',
    '2024-01-05T00:00:00Z',
    '２０２４-01-05', // full-width digits
    '0000-01-01',
    '',
    20240105,
    null,
    undefined,
  ];
  for (const value of valid) test(`accepts ${value}`, () => assert.equal(isIsoDate(value), true));
  for (const value of invalid) {
    test(`rejects ${JSON.stringify(value)}`, () => {
      assert.equal(isIsoDate(value), false);
      assert.throws(() => parseIsoDate(value), { code: 'INVALID_DATE' });
    });
  }

  test('day numbers: days since 1970-01-01', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('1969-12-31'), -1);
    assert.equal(toDayNumber('2024-01-01'), 19723); // 1704067200 s / 86400
    assert.equal(fromDayNumber(19723), '2024-01-01');
    assert.equal(fromDayNumber(-1), '1969-12-31');
  });

  test('day numbers round-trip with Date for any day 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        assert.equal(fromDayNumber(n), iso);
        assert.equal(toDayNumber(iso), n);
        assert.equal(weekdayOf(iso), new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });

  test('weekday, Chinese formats, calendar-day arithmetic, ordering', () => {
    assert.equal(weekdayOf('2024-04-07'), 0);
    assert.equal(chineseWeekday('2024-04-07'), '星期日');
    assert.equal(chineseWeekday('2021-02-20'), '星期六');
    assert.equal(formatChineseDate('2024-03-05'), '2024年3月5日');
    assert.equal(formatChineseDate('2026-12-31'), '2026年12月31日');
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addCalendarDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addCalendarDays('2022-12-31', 1), '2023-01-01');
    assert.equal(addCalendarDays('2024-03-01', -1), '2024-02-29');
    assert.equal(compareIsoDates('2024-01-02', '2024-01-10'), -1);
    assert.equal(compareIsoDates('2024-01-10', '2024-01-10'), 0);
  });

  test('formatChineseDate: no leading zeros; no value → empty; anything but a date → as it is', () => {
    assert.equal(formatChineseDate('2023-12-31'), '2023年12月31日');
    assert.equal(formatChineseDate('2024-02-29'), '2024年2月29日');
    for (const none of [null, undefined, '']) assert.equal(formatChineseDate(none), '');
    for (const bad of [
      '2024-3-5',
      '2024-03-05T00:00:00Z',
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-00-10',
    ]) {
      assert.equal(formatChineseDate(bad), bad);
    }
  });
});

describe('bundled holiday data (data/holidays.json)', () => {
  // [year, official days off, make-up working days] — counted from the ranges of docs/law/holidays.md
  const counts: [number, number, number][] = [
    [2021, 31, 7],
    [2022, 32, 7], // includes 2022-12-31 of the 2023 New Year break
    [2023, 26, 7],
    [2024, 28, 8],
    [2025, 28, 5],
    [2026, 33, 6],
  ];
  for (const [year, daysOff, makeup] of counts) {
    test(`${year}: ${daysOff} days off, ${makeup} make-up working days, valid`, () => {
      const entry = years.find((y) => y.year === year);
      assert.ok(entry);
      assert.equal(entry.daysOff.length, daysOff);
      assert.equal(entry.makeupWorkdays.length, makeup);
      assert.deepEqual(validateCalendarYear(entry), { ok: true, value: entry });
      assert.match(entry.notice.title, new RegExp(`国务院办公厅关于${year}年部分节假日安排的通知`));
    });
  }

  test('one entry per year 2021–2026, in order', () => {
    assert.deepEqual(
      years.map((y) => y.year),
      [2021, 2022, 2023, 2024, 2025, 2026],
    );
    assert.deepEqual(calendar.years(), [2021, 2022, 2023, 2024, 2025, 2026]);
  });

  test('2022-12-31 (2023 New Year) is filed under 2022, not 2023', () => {
    assert.ok(years.find((y) => y.year === 2022)?.daysOff.includes('2022-12-31'));
    assert.ok(!years.find((y) => y.year === 2023)?.daysOff.includes('2022-12-31'));
  });

  test('notice numbers as the notices print them (2023 and 2026 read from their texts in notices/)', () => {
    const numbers = Object.fromEntries(years.map((y) => [y.year, y.notice.number]));
    assert.equal(numbers[2024], '国办发明电〔2023〕7号');
    assert.equal(numbers[2023], '国办发明电〔2022〕16号');
    assert.equal(numbers[2026], '国办发明电〔2025〕7号');
  });

  test('whole-year working-day totals: 2024 = 251, 2025 = 248', () => {
    // 2024: 262 weekdays − 19 weekday days off + 8 make-up days; 2025: 261 − 18 + 5.
    assert.equal(calendar.countWorkingDays('2023-12-31', '2024-12-31'), 251);
    assert.equal(calendar.countWorkingDays('2024-12-31', '2025-12-31'), 248);
  });
});

describe('day kinds', () => {
  const kinds: [string, DayKind, string | null, string][] = [
    ['2024-02-09', 'workday', null, '除夕 2024 is a working day'],
    ['2024-02-10', 'holiday', '春节', 'Spring Festival Saturday inside the range'],
    ['2024-02-12', 'holiday', '春节', 'Spring Festival Monday'],
    ['2024-02-18', 'makeup-workday', '春节', 'make-up Sunday'],
    ['2024-02-24', 'weekend', null, 'ordinary Saturday'],
    ['2024-06-08', 'weekend', null, 'Saturday before 端午 06-10 (notice lists 06-10 only)'],
    ['2024-06-10', 'holiday', '端午节', '端午 Monday'],
    ['2022-12-31', 'holiday', '元旦', 'New Year 2023 break starts in 2022'],
    ['2023-01-02', 'holiday', '元旦', 'New Year Monday 2023'],
    ['2023-10-07', 'makeup-workday', '中秋节、国庆节', 'make-up Saturday after the 8-day break'],
    ['2025-01-28', 'holiday', '春节', '除夕 2025 is a day off'],
    ['2026-01-04', 'makeup-workday', '元旦', 'New Year 2026 make-up Sunday'],
    ['2026-02-28', 'makeup-workday', '春节', 'second Spring Festival make-up Saturday 2026'],
    ['2026-12-31', 'workday', null, 'last day of the data'],
  ];
  for (const [date, kind, name, why] of kinds) {
    test(`${date} is ${kind} (${why})`, () => {
      assert.equal(calendar.dayKind(date), kind);
      assert.equal(calendar.holidayName(date), name);
      assert.equal(calendar.isWorkingDay(date), kind === 'workday' || kind === 'makeup-workday');
    });
  }
});

describe('working-day arithmetic', () => {
  // [start, n, expected, why]
  const adds: [string, number, string, string][] = [
    ['2024-02-08', 1, '2024-02-09', 'next day is 除夕, a working day'],
    ['2024-02-09', 1, '2024-02-18', 'over Spring Festival to the make-up Sunday'],
    ['2024-02-09', 0, '2024-02-09', 'n = 0 returns the start'],
    ['2024-10-03', 5, '2024-10-12', 'start on a holiday; 5th WD is the make-up Saturday'],
    ['2021-12-31', 1, '2022-01-04', 'across the year end and New Year 2022'],
    ['2022-12-30', 1, '2023-01-03', 'across 2022-12-31 … 2023-01-02'],
    ['2025-01-24', 2, '2025-01-27', 'make-up Sunday 01-26 then Monday 01-27'],
    ['2026-12-30', 1, '2026-12-31', 'last working day of the data'],
  ];
  for (const [start, n, expected, why] of adds) {
    test(`addWorkingDays(${start}, ${n}) = ${expected} (${why})`, () => {
      assert.equal(calendar.addWorkingDays(start, n), expected);
    });
  }

  test('nextWorkingDay', () => {
    assert.equal(calendar.nextWorkingDay('2024-10-01'), '2024-10-08');
    assert.equal(calendar.nextWorkingDay('2023-04-22'), '2023-04-23');
  });

  // [fromExclusive, toInclusive, count, why]
  const counts: [string, string, number, string][] = [
    ['2024-02-08', '2024-02-19', 3, '02-09, make-up 02-18, 02-19'],
    ['2024-01-01', '2024-01-31', 22, 'January 2024'],
    ['2024-02-19', '2024-02-08', -3, 'reversed interval is negative'],
    ['2024-02-10', '2024-02-10', 0, 'empty interval'],
    ['2021-02-05', '2021-03-10', 20, '§7 Spring Festival 2021'],
  ];
  for (const [from, to, n, why] of counts) {
    test(`countWorkingDays(${from}, ${to}] = ${n} (${why})`, () => {
      assert.equal(calendar.countWorkingDays(from, to), n);
    });
  }

  test('add and count agree (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const start = fromDayNumber(toDayNumber('2021-01-01') + offset);
        const end = calendar.addWorkingDays(start, n);
        assert.equal(calendar.countWorkingDays(start, end), n);
        if (n > 0) assert.equal(calendar.isWorkingDay(end), true);
      }),
    );
  });

  test('negative or fractional n is a programming error', () => {
    assert.throws(() => calendar.addWorkingDays('2024-01-02', -1), RangeError);
    assert.throws(() => calendar.addWorkingDays('2024-01-02', 1.5), RangeError);
  });

  test('invalid dates are rejected', () => {
    assert.throws(() => calendar.isWorkingDay('2024-02-30'), { code: 'INVALID_DATE' });
  });

  test('day-number API matches the ISO API', () => {
    const d = calendar.byDayNumber;
    const start = toDayNumber('2024-02-08');
    assert.equal(d.toIso(d.addWorkingDays(start, 3)), '2024-02-19');
    assert.equal(d.dayKind(toDayNumber('2024-04-07')), 'makeup-workday');
    assert.equal(d.toIso(toDayNumber('2030-05-06')), '2030-05-06');
  });
});

describe('missing years: never a Mon–Fri fallback', () => {
  test('questions about 2027 and 2020 throw CALENDAR_YEAR_MISSING', () => {
    assert.throws(() => calendar.isWorkingDay('2027-01-01'), missingYear(2027));
    assert.throws(() => calendar.dayKind('2020-12-31'), missingYear(2020));
    assert.throws(() => calendar.addWorkingDays('2026-12-31', 1), missingYear(2027));
    assert.throws(() => calendar.addWorkingDays('2026-12-24', 6), missingYear(2027));
    assert.throws(() => calendar.countWorkingDays('2026-12-01', '2027-01-05'), missingYear(2027));
    assert.throws(() => calendar.nextWorkingDay('2020-12-31'), missingYear(2020));
  });

  test('a gap year in the middle is detected (2021 and 2023 loaded, 2022 missing)', () => {
    const gap = createCalendar(years.filter((y) => y.year === 2021 || y.year === 2023));
    assert.deepEqual(gap.years(), [2021, 2023]);
    assert.equal(gap.addWorkingDays('2021-12-20', 5), '2021-12-27');
    assert.equal(gap.addWorkingDays('2023-01-20', 1), '2023-01-28');
    assert.throws(() => gap.addWorkingDays('2021-12-20', 20), missingYear(2022));
    assert.throws(() => gap.isWorkingDay('2022-06-01'), missingYear(2022));
    assert.throws(() => gap.countWorkingDays('2021-12-01', '2023-01-10'), missingYear(2022));
    assert.throws(() => gap.addWorkingDays('2023-12-20', 20), missingYear(2024));
  });

  test('an empty calendar answers nothing', () => {
    const empty = createCalendar([]);
    assert.deepEqual(empty.years(), []);
    assert.throws(() => empty.isWorkingDay('2024-01-02'), missingYear(2024));
  });

  test('a year added later (e.g. from the database) is used', () => {
    const y2027: CalendarYear = {
      year: 2027,
      notice: {
        title: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        number: null,
        date: '2026-11-01',
        url: 'https://example.org/2027',
      },
      daysOff: ['2027-01-01'],
      makeupWorkdays: [],
    };
    const extended = createCalendar([...years, y2027]);
    // 2026-12-15 + 20 WD: 12-16…12-31 (12 WD), 2027-01-01 off, 01-04…01-08 (17), 01-11…01-13 (20)
    assert.equal(extended.addWorkingDays('2026-12-15', 20), '2027-01-13');
  });
});

describe('validateCalendarYear (admin form)', () => {
  const good: CalendarYear = {
    year: 2027,
    notice: {
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      number: null,
      date: '2026-11-01',
      url: 'https://www.gov.cn/x',
    },
    daysOff: ['2027-01-01'],
    makeupWorkdays: ['2027-01-02'],
    names: { '2027-01-01': '元旦' },
  };
  const with_ = (patch: Record<string, unknown>) => ({ ...good, ...patch });
  // [input, expected message fragment, why]
  const bad: [unknown, string, string][] = [
    [with_({ daysOff: ['2026-12-31'] }), '放假日中的2026-12-31不属于2027年', 'date of another year'],
    [with_({ daysOff: ['2027-02-30'] }), '放假日中的“2027-02-30”不是有效日期', 'impossible date'],
    [with_({ daysOff: ['2027/01/01'] }), '不是有效日期（格式YYYY-MM-DD）', 'wrong format'],
    [with_({ makeupWorkdays: ['2027-01-01'] }), '2027-01-01不能同时是放假日和调休上班日', 'both'],
    [with_({ daysOff: ['2027-01-01', '2027-01-01'] }), '放假日中的2027-01-01重复', 'duplicate'],
    [with_({ makeupWorkdays: ['2027-01-04'] }), '调休上班日2027-01-04不是周六或周日', 'make-up on a Monday'],
    [with_({ year: 2027.5 }), '年份“2027.5”无效', 'fractional year'],
    [with_({ notice: undefined }), '缺少放假安排通知的信息', 'no notice'],
    [with_({ notice: { ...good.notice, title: ' ' } }), '通知标题不能为空', 'empty title'],
    [
      with_({ notice: { ...good.notice, url: 'www.gov.cn' } }),
      '通知网址应以http://或https://开头',
      'bad url',
    ],
    [
      with_({ notice: { ...good.notice, date: '2026-11-31' } }),
      '通知日期“2026-11-31”不是有效日期',
      'bad notice date',
    ],
    [
      with_({ names: { '2027-05-01': '劳动节' } }),
      '节日名称对应的日期2027-05-01不在放假日或调休上班日中',
      'stray name',
    ],
    [with_({ daysOff: 'x' }), '放假日应为日期列表', 'not a list'],
    ['2027', '年度日历数据应为一个对象', 'not an object'],
  ];
  for (const [input, message, why] of bad) {
    test(`rejects: ${why}`, () => {
      const result = validateCalendarYear(input);
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.ok(
          result.errors.some((e) => e.includes(message)),
          result.errors.join(' / '),
        );
    });
  }
  test('accepts a good entry', () => assert.deepEqual(validateCalendarYear(good), { ok: true, value: good }));

  test('createCalendar checks the dates only: a stored year with an empty notice URL still computes', () => {
    const stored = with_({ notice: { ...good.notice, url: '', date: '' } }) as CalendarYear;
    assert.equal(validateCalendarYear(stored).ok, false);
    assert.equal(createCalendar([stored]).isWorkingDay('2027-01-02'), true);
  });

  test('createCalendar refuses invalid or duplicate years', () => {
    assert.throws(() => createCalendar([with_({ daysOff: ['2026-12-31'] }) as CalendarYear]), {
      code: 'CALENDAR_DATA_INVALID',
    });
    assert.throws(
      () => createCalendar([good, good]),
      (e: unknown) => {
        const err = e as { code: string; params: { errors: string[] } };
        assert.equal(err.code, 'CALENDAR_DATA_INVALID');
        assert.deepEqual(err.params.errors, ['2027年的日历重复']);
        return true;
      },
    );
  });
});
