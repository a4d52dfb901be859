// Reading the State Council holiday notices (notices/20XX.txt hold the published texts, 2010–2026).
import assert from 'node:assert/strict';
// biome-ignore lint/style/noRestrictedImports: the test reads its fixture files; notice.ts itself is pure.
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import holidays from '../data/holidays.json' with { type: 'json' };
import { type CalendarYear, validateCalendarYear } from './calendar.ts';
import { addCalendarDays, type IsoDate } from './dates.ts';
import {
  diffCalendarYear,
  mergePreviousYearDays,
  type NoticeParsed,
  type NoticeParseResult,
  parseHolidayNotice,
  toCalendarYears,
} from './notice.ts';

const bundled = holidays as unknown as CalendarYear[];
const entry = (year: number) => bundled.find((y) => y.year === year) as CalendarYear;
const noticeText = (year: number) => readFileSync(new URL(`./notices/${year}.txt`, import.meta.url), 'utf8');

function parsed(result: NoticeParseResult): NoticeParsed {
  if (!result.ok) assert.fail(`notice refused:\n${result.errors.join('\n')}`);
  return result;
}

function refused(result: NoticeParseResult): string[] {
  assert.equal(result.ok, false, 'the notice should have been refused');
  return result.ok ? [] : result.errors;
}

const ofYear = (year: number) => (d: IsoDate) => d.startsWith(`${year}-`);

describe('the bundled years 2021–2026 come out of their notices date by date', () => {
  for (let year = 2021; year <= 2026; year++) {
    test(`${year}`, () => {
      const r = parsed(parseHolidayNotice(noticeText(year)));
      const stored = entry(year);
      assert.equal(r.year, year);
      assert.equal(r.notice.title, stored.notice.title);
      assert.equal(r.notice.date, stored.notice.date);
      if (stored.notice.number !== null) assert.equal(r.notice.number, stored.notice.number);
      // Days of `year` come from its own notice plus (元旦 across the new year) from the next one.
      const next = year < 2026 ? parsed(parseHolidayNotice(noticeText(year + 1))) : null;
      const daysOff = [...r.daysOff, ...(next?.daysOff ?? [])].filter(ofYear(year)).sort();
      const workdays = [...r.workdays, ...(next?.workdays ?? [])].filter(ofYear(year)).sort();
      assert.deepEqual(daysOff, stored.daysOff);
      assert.deepEqual(workdays, stored.makeupWorkdays);
      const names = { ...r.names, ...(next?.names ?? {}) };
      for (const [date, name] of Object.entries(stored.names ?? {})) assert.equal(names[date], name, date);

      const { current, missing } = toCalendarYears(r, stored.notice.url);
      assert.deepEqual(missing, []);
      assert.deepEqual(
        current.daysOff,
        stored.daysOff.filter((d) => !next?.daysOff.includes(d)),
      );
      assert.deepEqual(current.makeupWorkdays, stored.makeupWorkdays);
      assert.deepEqual(
        current.names,
        Object.fromEntries(Object.entries(stored.names ?? {}).filter(([d]) => !next?.daysOff.includes(d))),
      );
      assert.deepEqual(validateCalendarYear(current), { ok: true, value: current });
    });
  }
});

test('2023: 元旦 2022年12月31日至2023年1月2日 puts 2022-12-31 into the 2022 entry', () => {
  const r = parsed(parseHolidayNotice(noticeText(2023)));
  assert.deepEqual(r.holidays[0]?.daysOff, ['2022-12-31', '2023-01-01', '2023-01-02']);
  assert.equal(r.daysOff[0], '2022-12-31');
  const { current, previous } = toCalendarYears(r, entry(2023).notice.url);
  assert.deepEqual(previous, {
    year: 2022,
    daysOff: ['2022-12-31'],
    makeupWorkdays: [],
    names: { '2022-12-31': '元旦' },
  });
  assert.equal(current.daysOff[0], '2023-01-01');

  const before: CalendarYear = {
    ...entry(2022),
    daysOff: entry(2022).daysOff.filter((d) => d !== '2022-12-31'),
  };
  delete before.names?.['2022-12-31'];
  const merged = mergePreviousYearDays(before, previous as NonNullable<typeof previous>);
  assert.deepEqual(merged.daysOff, entry(2022).daysOff);
  assert.equal(merged.names?.['2022-12-31'], '元旦');
  assert.deepEqual(diffCalendarYear(before, merged), {
    year: 2022,
    addedDaysOff: ['2022-12-31'],
    removedDaysOff: [],
    addedWorkdays: [],
    removedWorkdays: [],
    changed: true,
  });
});

test('2024: 除夕 (2月9日) is only encouraged, not an official day off', () => {
  const r = parsed(parseHolidayNotice(noticeText(2024)));
  assert.ok(!r.daysOff.includes('2024-02-09'));
  assert.match(
    r.holidays[1]?.sentence ?? '',
    /鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息/,
  );
  assert.deepEqual(r.holidays[1]?.daysOff.length, 8);
});

test('diffCalendarYear: nothing stored yet, and an unchanged year', () => {
  const y = entry(2025);
  const fresh = diffCalendarYear(undefined, y);
  assert.deepEqual(fresh.addedDaysOff, y.daysOff);
  assert.deepEqual(fresh.addedWorkdays, y.makeupWorkdays);
  assert.equal(fresh.changed, true);
  const same = diffCalendarYear(y, { ...y, daysOff: [...y.daysOff].reverse() });
  assert.equal(same.changed, false);
  const moved = diffCalendarYear(y, {
    ...y,
    daysOff: y.daysOff.filter((d) => d !== '2025-10-08'),
    makeupWorkdays: [...y.makeupWorkdays, '2025-10-12'],
  });
  assert.deepEqual(moved.removedDaysOff, ['2025-10-08']);
  assert.deepEqual(moved.addedWorkdays, ['2025-10-12']);
});

// ------------------------------------------------------------------------------ earlier notices

/** `02-13..02-19` (a range) or `04-05` (a day); `2018-12-30..01-01` carries its own year. */
function days(year: number, specs: string[]): IsoDate[] {
  const out: IsoDate[] = [];
  const full = (s: string) => (s.length === 10 ? s : `${year}-${s}`);
  for (const spec of specs) {
    const [from, to] = spec.split('..') as [string, string | undefined];
    const start = full(from);
    const end = to === undefined ? start : full(to);
    for (let d = start; d <= end; d = addCalendarDays(d, 1)) out.push(d);
  }
  return out;
}

type Item = [name: string, off: string[], work?: string[]];

/** What each published text says, item by item (checked against the text, not against the parser). */
const EARLIER: Record<number, { number: string; date: IsoDate; items: Item[] }> = {
  2010: {
    number: '国办发明电〔2009〕27号',
    date: '2009-12-07',
    items: [
      ['元旦', ['01-01..01-03']],
      ['春节', ['02-13..02-19'], ['02-20', '02-21']],
      ['清明节', ['04-03..04-05']],
      ['劳动节', ['05-01..05-03']],
      ['端午节', ['06-14..06-16'], ['06-12', '06-13']],
      ['中秋节', ['09-22..09-24'], ['09-19', '09-25']],
      ['国庆节', ['10-01..10-07'], ['09-26', '10-09']],
    ],
  },
  2011: {
    number: '国办发明电〔2010〕40号',
    date: '2010-12-09',
    items: [
      ['元旦', ['01-01..01-03']],
      ['春节', ['02-02..02-08'], ['01-30', '02-12']],
      ['清明节', ['04-03..04-05'], ['04-02']],
      ['劳动节', ['04-30..05-02']],
      ['端午节', ['06-04..06-06']],
      ['中秋节', ['09-10..09-12']],
      ['国庆节', ['10-01..10-07'], ['10-08', '10-09']],
    ],
  },
  2012: {
    number: '国办发明电〔2011〕45号',
    date: '2011-12-05',
    items: [
      ['元旦', ['01-01..01-03'], ['2011-12-31']],
      ['春节', ['01-22..01-28'], ['01-21', '01-29']],
      ['清明节', ['04-02..04-04'], ['03-31', '04-01']],
      ['劳动节', ['04-29..05-01'], ['04-28']],
      ['端午节', ['06-22..06-24']],
      ['中秋节、国庆节', ['09-30..10-07'], ['09-29']],
    ],
  },
  2013: {
    number: '国办发明电〔2012〕33号',
    date: '2012-12-08',
    items: [
      ['元旦', ['01-01..01-03'], ['01-05', '01-06']],
      ['春节', ['02-09..02-15'], ['02-16', '02-17']],
      ['清明节', ['04-04..04-06'], ['04-07']],
      ['劳动节', ['04-29..05-01'], ['04-27', '04-28']],
      ['端午节', ['06-10..06-12'], ['06-08', '06-09']],
      ['中秋节', ['09-19..09-21'], ['09-22']],
      ['国庆节', ['10-01..10-07'], ['09-29', '10-12']],
    ],
  },
  2014: {
    number: '国办发明电〔2013〕28号',
    date: '2013-12-11',
    items: [
      ['元旦', ['01-01']],
      ['春节', ['01-31..02-06'], ['01-26', '02-08']],
      ['清明节', ['04-05', '04-07']],
      ['劳动节', ['05-01..05-03'], ['05-04']],
      ['端午节', ['06-02']],
      ['中秋节', ['09-08']],
      ['国庆节', ['10-01..10-07'], ['09-28', '10-11']],
    ],
  },
  2015: {
    number: '国办发明电〔2014〕28号',
    date: '2014-12-16',
    items: [
      ['元旦', ['01-01..01-03'], ['01-04']],
      ['春节', ['02-18..02-24'], ['02-15', '02-28']],
      ['清明节', ['04-05', '04-06']],
      ['劳动节', ['05-01']],
      ['端午节', ['06-20', '06-22']],
      ['中秋节', ['09-27']],
      ['国庆节', ['10-01..10-07'], ['10-10']],
    ],
  },
  2016: {
    number: '国办发明电〔2015〕18号',
    date: '2015-12-10',
    items: [
      ['元旦', ['01-01']],
      ['春节', ['02-07..02-13'], ['02-06', '02-14']],
      ['清明节', ['04-04']],
      ['劳动节', ['05-01', '05-02']],
      ['端午节', ['06-09..06-11'], ['06-12']],
      ['中秋节', ['09-15..09-17'], ['09-18']],
      ['国庆节', ['10-01..10-07'], ['10-08', '10-09']],
    ],
  },
  2017: {
    number: '国办发明电〔2016〕17号',
    date: '2016-12-01',
    items: [
      ['元旦', ['01-01', '01-02']],
      ['春节', ['01-27..02-02'], ['01-22', '02-04']],
      ['清明节', ['04-02..04-04'], ['04-01']],
      ['劳动节', ['05-01']],
      ['端午节', ['05-28..05-30'], ['05-27']],
      ['中秋节、国庆节', ['10-01..10-08'], ['09-30']],
    ],
  },
  2018: {
    number: '国办发明电〔2017〕12号',
    date: '2017-11-30',
    items: [
      ['元旦', ['01-01']],
      ['春节', ['02-15..02-21'], ['02-11', '02-24']],
      ['清明节', ['04-05..04-07'], ['04-08']],
      ['劳动节', ['04-29..05-01'], ['04-28']],
      ['端午节', ['06-18']],
      ['中秋节', ['09-24']],
      ['国庆节', ['10-01..10-07'], ['09-29', '09-30']],
    ],
  },
  2019: {
    number: '国办发明电〔2018〕15号',
    date: '2018-12-04',
    items: [
      ['元旦', ['2018-12-30..2019-01-01'], ['2018-12-29']],
      ['春节', ['02-04..02-10'], ['02-02', '02-03']],
      ['清明节', ['04-05']],
      ['劳动节', ['05-01']],
      ['端午节', ['06-07']],
      ['中秋节', ['09-13']],
      ['国庆节', ['10-01..10-07'], ['09-29', '10-12']],
    ],
  },
  2020: {
    number: '国办发明电〔2019〕16号',
    date: '2019-11-21',
    items: [
      ['元旦', ['01-01']],
      ['春节', ['01-24..01-30'], ['01-19', '02-01']],
      ['清明节', ['04-04..04-06']],
      ['劳动节', ['05-01..05-05'], ['04-26', '05-09']],
      ['端午节', ['06-25..06-27'], ['06-28']],
      ['国庆节、中秋节', ['10-01..10-08'], ['09-27', '10-10']],
    ],
  },
};

describe('earlier notices 2010–2020: the days each item states', () => {
  for (const [yearText, expected] of Object.entries(EARLIER)) {
    const year = Number(yearText);
    test(`${year}`, () => {
      const r = parsed(parseHolidayNotice(noticeText(year)));
      assert.equal(r.year, year);
      assert.deepEqual(r.notice, {
        title: `国务院办公厅关于${year}年部分节假日安排的通知`,
        number: expected.number,
        date: expected.date,
      });
      assert.deepEqual(
        r.holidays.map((h) => [h.name, h.daysOff, h.workdays]),
        expected.items.map(([name, off, work]) => [name, days(year, off), days(year, work ?? [])]),
      );
      assert.deepEqual(r.daysOff, r.holidays.flatMap((h) => h.daysOff).sort());
      assert.deepEqual(r.workdays, r.holidays.flatMap((h) => h.workdays).sort());
    });
  }
});

test('2019 and 2012: a make-up working day of the previous year goes to the previous entry', () => {
  const r2019 = toCalendarYears(parsed(parseHolidayNotice(noticeText(2019))), 'https://www.gov.cn/');
  assert.deepEqual(r2019.previous, {
    year: 2018,
    daysOff: ['2018-12-30', '2018-12-31'],
    makeupWorkdays: ['2018-12-29'],
    names: { '2018-12-29': '元旦', '2018-12-30': '元旦', '2018-12-31': '元旦' },
  });
  assert.deepEqual(r2019.current.daysOff.slice(0, 1), ['2019-01-01']);
  const r2012 = toCalendarYears(parsed(parseHolidayNotice(noticeText(2012))));
  assert.deepEqual(r2012.previous?.makeupWorkdays, ['2011-12-31']);
  assert.deepEqual(r2012.missing, ['请填写通知在中国政府网上的网址（以http://或https://开头）。']);
});

// ---------------------------------------------------------------------------------- normalising

test('full-width digits, one pasted line, CRLF and stray spaces read the same', () => {
  const original = parsed(parseHolidayNotice(noticeText(2026)));
  const wide = noticeText(2026).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  assert.deepEqual(parsed(parseHolidayNotice(wide)), original);
  const oneLine = noticeText(2026).replace(/\n/g, ' ');
  assert.deepEqual(parsed(parseHolidayNotice(oneLine)).daysOff, original.daysOff);
  assert.deepEqual(parsed(parseHolidayNotice(oneLine)).workdays, original.workdays);
  const crlf = noticeText(2026)
    .replace(/\n/g, '\r\n')
    .replace(/至/g, ' 至 ')
    .replace('四、劳动节：', '四、劳动节：\n');
  assert.deepEqual(parsed(parseHolidayNotice(crlf)).holidays, original.holidays);
  // Copied from a news page: no title, no number, only the body (year from "现将2026年……").
  const body = noticeText(2026).split('\n').slice(4).join('\n');
  const fromBody = parsed(parseHolidayNotice(body));
  assert.deepEqual(fromBody.daysOff, original.daysOff);
  assert.deepEqual(fromBody.notice, { title: original.notice.title, number: null, date: '2025-11-04' });
});

test('a signature date in Chinese numerals (二○○九年十二月七日) and 发布日期 are read', () => {
  assert.equal(parsed(parseHolidayNotice(noticeText(2010))).notice.date, '2009-12-07');
  const meta = `发布日期：2025-11-04\n${noticeText(2026).replace(/国务院办公厅\n2025年11月4日\n$/, '')}`;
  assert.equal(parsed(parseHolidayNotice(meta)).notice.date, '2025-11-04');
});

// ------------------------------------------------------------------------------------- refusals

describe('refusals name the sentence they could not read', () => {
  test('a government document that is not a holiday notice', () => {
    const errors = refused(
      parseHolidayNotice(
        '国务院办公厅关于印发2024年政务公开工作要点的通知\n各省、自治区、直辖市人民政府：\n一、总体要求：坚持以人民为中心。\n二、主要任务：10月1日前完成目录更新。',
      ),
    );
    assert.match(
      errors[0] ?? '',
      /^这不是国务院办公厅节假日安排通知：没有找到“国务院办公厅关于XXXX年部分节假日安排的通知”/,
    );
  });

  test('a notice title without any numbered holiday item', () => {
    const errors = refused(
      parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n全文见中国政府网。'),
    );
    assert.deepEqual(errors, [
      '这不是国务院办公厅节假日安排通知：没有找到“一、元旦：……”这样按节日编号的放假安排。',
    ]);
  });

  test('empty text', () => {
    assert.deepEqual(refused(parseHolidayNotice('')), ['这不是国务院办公厅节假日安排通知：内容为空。']);
    assert.deepEqual(refused(parseHolidayNotice(' \n\u3000\n')), [
      '这不是国务院办公厅节假日安排通知：内容为空。',
    ]);
  });

  test('a weekday that does not match the date', () => {
    const errors = refused(parseHolidayNotice(noticeText(2026).replace('1月1日（周四）', '1月1日（周五）')));
    assert.deepEqual(errors, [
      '第一项“元旦”中的“1月1日（周五）至3日（周六）放假调休，共3天。”无法读取：2026年1月1日是星期四，括号中却写作“周五”。',
    ]);
  });

  test('"共N天" that does not match the range', () => {
    const errors = refused(
      parseHolidayNotice(
        noticeText(2024).replace('2月10日至17日放假调休，共8天', '2月10日至17日放假调休，共9天'),
      ),
    );
    assert.deepEqual(errors, [
      '第二项“春节”中的“2月10日至17日放假调休，共9天。”无法读取：写明共9天，但所列放假日期共8天。',
    ]);
  });

  test('a make-up working day on a weekday', () => {
    const errors = refused(
      parseHolidayNotice(noticeText(2021).replace('9月18日（星期六）上班', '9月17日上班')),
    );
    assert.deepEqual(errors, [
      '第六项“中秋节”中的“9月17日上班。”无法读取：调休上班日2021年9月17日是星期五，不是周六或周日。',
    ]);
  });

  test('"与周末连休" said of a day in the middle of the week, and 补休 on a Sunday', () => {
    const midweek = refused(parseHolidayNotice(noticeText(2024).replace('6月10日放假', '6月12日放假')));
    assert.deepEqual(midweek, [
      '第五项“端午节”中的“6月12日放假，与周末连休。”无法读取：2024年6月12日是星期三，不能“与周末连休”。',
    ]);
    const sunday = refused(
      parseHolidayNotice(noticeText(2017).replace('1月2日（星期一）补休', '1月8日补休')),
    );
    assert.match(sunday[0] ?? '', /“1月1日放假，1月8日补休。”无法读取：补休日2017年1月8日是星期日/);
  });

  test('a date that does not exist, a range backwards, a day with no month', () => {
    const feb30 = refused(parseHolidayNotice(noticeText(2026).replace('2月28日（周六）上班', '2月30日上班')));
    assert.deepEqual(feb30, [
      '第二项“春节”中的“2月14日（周六）、2月30日上班。”无法读取：2026年2月30日不是有效日期。',
    ]);
    const backwards = refused(parseHolidayNotice(noticeText(2022).replace('6月3日至5日', '6月5日至3日')));
    assert.match(
      backwards[0] ?? '',
      /“6月5日至3日放假，共3天。”无法读取：“6月5日至3日”的结束日期早于开始日期/,
    );
    const noMonth = refused(
      parseHolidayNotice(noticeText(2024).replace('4月7日（星期日）上班', '7日（星期日）上班')),
    );
    assert.match(noMonth[0] ?? '', /“7日（星期日）上班。”无法读取：“7日（星期日）”没有写月份/);
  });

  test('a sentence that says neither 放假 nor 上班', () => {
    const errors = refused(
      parseHolidayNotice(noticeText(2022).replace('9月10日至12日放假，共3天', '9月10日至12日为中秋节')),
    );
    assert.deepEqual(errors, [
      '第六项“中秋节”中的“9月10日至12日为中秋节。”无法读取：看不出“9月10日至12日”是放假还是上班。',
    ]);
  });

  test('a missing item, an unknown holiday, a year the title and body disagree on', () => {
    const gap = refused(parseHolidayNotice(noticeText(2026).replace(/　　三、清明节：.*\n/, '')));
    assert.deepEqual(gap, ['第四项“劳动节”的编号不连续（应为第三项），通知可能不完整。']);
    const local = refused(parseHolidayNotice(noticeText(2026).replace('六、中秋节', '六、火把节')));
    assert.deepEqual(local, [
      '第六项“火把节”不是全国性节假日（应为元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）。',
    ]);
    const years = refused(parseHolidayNotice(noticeText(2026).replace('现将2026年', '现将2027年')));
    assert.match(years[0] ?? '', /^标题说的是2026年，正文“现将2027年元旦、.*”说的却是2027年/);
  });

  test('a date listed twice', () => {
    const errors = refused(
      parseHolidayNotice(noticeText(2026).replace('5月9日（周六）上班', '4月4日（周六）上班')),
    );
    assert.match(errors[0] ?? '', /^2026年4月4日不能既放假又上班：“四、劳动节：/);
  });
});
