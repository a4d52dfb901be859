// CLI subcommand tests (pure functions; expected dates counted by hand, see clock.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calendarCommand, clockCommand, feeCommand, runCommand } from './commands.ts';
import { bundledCalendarYears as years } from './index.ts';

const parse = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('clock', () => {
  test('--json prints exactly the documented fields (§7 pause example)', () => {
    const r = clockCommand(
      [
        '--received',
        '2024-02-08',
        '--channel',
        'online',
        '--third-party-sent',
        '2024-02-19',
        '--third-party-received',
        '2024-02-20',
        '--json',
      ],
      years,
    );
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(parse(r.stdout), {
      received: '2024-02-08',
      correctionNoticeDue: '2024-02-23',
      replyDue: '2024-04-07',
      originalReplyDue: '2024-04-07',
      extendedReplyDue: '2024-05-07',
      workingDaysUsed: 3,
      workingDaysLeft: 17,
      paused: true,
      thirdPartyDue: '2024-03-12',
      overdue: null,
    });
  });

  test('--extended: replyDue is the extended date, originalReplyDue keeps the first', () => {
    const r = clockCommand(
      ['--received', '2021-02-05', '--extended', '--today', '2021-03-11', '--json'],
      years,
    );
    const out = parse(r.stdout);
    assert.equal(out.replyDue, '2021-04-08');
    assert.equal(out.originalReplyDue, '2021-03-10');
    assert.equal(out.extendedReplyDue, '2021-04-08');
    assert.equal(out.overdue, false);
    assert.equal(out.workingDaysUsed, 21);
  });

  test('--today after the deadline: overdue', () => {
    const out = parse(
      clockCommand(['--received', '2024-10-03', '--today', '2024-11-04', '--json'], years).stdout,
    );
    assert.equal(out.replyDue, '2024-11-01');
    assert.equal(out.overdue, true);
    assert.equal(out.workingDaysLeft, 0);
  });

  test('correction restart and a reply from the third party', () => {
    const args = ['--received', '2021-11-01', '--correction-sent', '2021-11-03', '--corrected', '2021-11-08'];
    const more = ['--third-party-sent', '2021-11-10', '--third-party-received', '2021-11-11'];
    const r = clockCommand([...args, ...more, '--third-party-replied', '2021-11-19', '--json'], years);
    const out = parse(r.stdout);
    assert.equal(out.correctionNoticeDue, '2021-11-10');
    assert.equal(out.replyDue, '2021-12-15');
    assert.equal(out.paused, false);
  });

  test('waiting for correction: replyDue null, paused', () => {
    const out = parse(
      clockCommand(['--received', '2024-09-23', '--correction-sent', '2024-09-25', '--json'], years).stdout,
    );
    assert.equal(out.replyDue, null);
    assert.equal(out.paused, true);
    assert.equal(out.workingDaysUsed, null);
  });

  test('text output in Chinese with 年月日 dates', () => {
    const r = clockCommand(
      [
        '--received',
        '2024-02-08',
        '--third-party-sent',
        '2024-02-19',
        '--third-party-received',
        '2024-02-20',
      ],
      years,
    );
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /收到申请之日：2024年2月8日（星期四）/);
    assert.match(r.stdout, /答复期限：2024年4月7日（星期日，调休上班日）/);
    assert.match(r.stdout, /第三方提出意见期限：2024年3月12日/);
    assert.match(r.stdout, /暂停/);
  });

  test('late 2026 without extension: the +20 date is unknown (2027 missing) but the command succeeds', () => {
    const r = clockCommand(['--received', '2026-11-20', '--json'], years);
    assert.equal(r.exitCode, 0);
    assert.equal(parse(r.stdout).replyDue, '2026-12-18');
    assert.equal(parse(r.stdout).extendedReplyDue, null);
  });

  test('§7 2026-12-15: exit 2, CALENDAR_YEAR_MISSING and 2027 on stderr', () => {
    const r = clockCommand(['--received', '2026-12-15'], years);
    assert.equal(r.exitCode, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /CALENDAR_YEAR_MISSING/);
    assert.match(r.stderr, /2027年/);
    assert.match(r.stderr, /2027 is not loaded/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  });

  test('--provisional: exit 0, the provisional deadline, and the years it is provisional for', () => {
    const r = clockCommand(['--received', '2026-12-15', '--provisional', '--json'], years);
    assert.equal(r.exitCode, 0, r.stderr);
    const out = parse(r.stdout);
    assert.equal(out.provisional, true);
    assert.deepEqual(out.missingYears, [2027]);
    // 12 working days in December 2026 after the 15th, 元旦 (Fri 1 Jan 2027) off by law, then 8 more.
    assert.equal(out.replyDue, '2027-01-13');
    const text = clockCommand(['--received', '2026-12-15', '--provisional'], years);
    assert.match(text.stdout, /答复期限：2027年1月13日（星期三），暂定（2027年放假安排尚未录入）/);
  });

  test('--provisional on a date inside the loaded years is final', () => {
    const r = clockCommand(['--received', '2026-03-02', '--provisional', '--json'], years);
    assert.equal(parse(r.stdout).provisional, false);
    assert.deepEqual(parse(r.stdout).missingYears, []);
  });

  test('a year added from the database is used', () => {
    const y2027 = {
      year: 2027,
      notice: { title: '测试', number: null, date: '2026-11-01', url: 'https://example.org' },
      daysOff: ['2027-01-01'],
      makeupWorkdays: [],
    };
    const r = clockCommand(['--received', '2026-12-15', '--json'], [...years, y2027]);
    assert.equal(parse(r.stdout).replyDue, '2027-01-13');
  });

  const bad: [string[], RegExp, string][] = [
    [['--received', '2024-02-30'], /2024-02-30.*无效[\s\S]*Invalid date for --received/, 'impossible date'],
    [['--received', '2024/02/01'], /Invalid date/, 'wrong format'],
    [[], /缺少参数 --received[\s\S]*Missing --received/, 'missing --received'],
    [['--received', '2024-02-01', '--channel', 'email'], /--channel/, 'unknown channel'],
    [['--received', '2024-02-01', '--recieved', 'x'], /参数无效[\s\S]*Unknown option/, 'misspelt flag'],
    [['--received', '2024-02-01', 'extra'], /参数无效/, 'stray positional'],
    [
      ['--received', '2024-02-01', '--corrected', '2024-02-05'],
      /需要同时提供 --correction-sent/,
      'corrected alone',
    ],
    [
      ['--received', '2024-02-01', '--third-party-replied', '2024-02-05'],
      /--third-party-sent/,
      'reply alone',
    ],
    [
      ['--received', '2024-02-05', '--third-party-sent', '2024-02-01'],
      /CLOCK_EVENT_INVALID/,
      'letter before receipt',
    ],
    [['--received', '2020-12-30'], /CALENDAR_YEAR_MISSING[\s\S]*2020/, 'year before the data'],
  ];
  for (const [argv, stderr, why] of bad) {
    test(`exit 2: ${why}`, () => {
      const r = clockCommand(argv, years);
      assert.equal(r.exitCode, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, stderr);
    });
  }

  test('--help', () => {
    const r = clockCommand(['--help'], years);
    assert.equal(r.exitCode, 0);
    assert.match(r.stdout, /用法：gongkai clock --received/);
    assert.match(r.stdout, /--today/);
  });
});

describe('fee', () => {
  test('per-item --count 35 --json', () => {
    const r = feeCommand(['per-item', '--count', '35', '--json'], years);
    assert.equal(r.exitCode, 0);
    const out = parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['method', 'total', 'bands']);
    assert.equal(out.method, 'per-item');
    assert.equal(out.total, 3000);
  });
  test('per-page --pages 150 --json', () => {
    const out = parse(feeCommand(['per-page', '--pages', '150', '--json'], years).stdout);
    assert.deepEqual(out, {
      method: 'per-page',
      total: 1700,
      bands: [
        { from: 1, to: 30, count: 30, unitPrice: 0, amount: 0 },
        { from: 31, to: 100, count: 70, unitPrice: 10, amount: 700 },
        { from: 101, to: 150, count: 50, unitPrice: 20, amount: 1000 },
      ],
    });
  });
  test('per-page 2219 pages → 83460 元 (text)', () => {
    const r = feeCommand(['per-page', '--pages', '2219'], years);
    assert.match(r.stdout, /第201–2219页：2019页 × 40元 = 80760元/);
    assert.match(r.stdout, /合计：83460元/);
  });
  test('per-item with --already continues the month', () => {
    assert.equal(
      parse(feeCommand(['per-item', '--count', '1', '--already', '34', '--json'], years).stdout).total,
      200,
    );
  });
  const bad: [string[], RegExp, string][] = [
    [['per-item', '--count', '35', '--pages', '150'], /FEE_METHOD_CONFLICT/, 'both methods'],
    [['per-item'], /缺少参数 --count/, 'missing count'],
    [['per-page', '--pages', '-3'], /参数无效|非负整数/, 'negative pages'],
    [['per-page', '--pages', '1.5'], /非负整数/, 'fractional pages'],
    [['per-page', '--pages', '３０'], /非负整数/, 'full-width digits'],
    [['per-line', '--count', '3'], /per-item（按件）或 per-page（按量）/, 'unknown method'],
    [['per-page', '--pages', '40', '--already', '3'], /--already/, '--already with per-page'],
  ];
  for (const [argv, stderr, why] of bad) {
    test(`exit 2: ${why}`, () => {
      const r = feeCommand(argv, years);
      assert.equal(r.exitCode, 2);
      assert.match(r.stderr, stderr);
    });
  }
  test('--help', () => assert.match(feeCommand(['--help'], years).stdout, /按件计收/));
});

describe('calendar', () => {
  test('show 2024 --json gives the year entry with its notice', () => {
    const out = parse(calendarCommand(['show', '2024', '--json'], years).stdout);
    assert.equal(out.year, 2024);
    assert.equal((out.makeupWorkdays as string[]).length, 8);
    assert.equal((out.notice as { number: string }).number, '国办发明电〔2023〕7号');
  });
  test('show 2026 as text lists ranges and make-up days', () => {
    const r = calendarCommand(['show', '2026'], years);
    assert.match(r.stdout, /春节：2月15日至2月23日（9天）/);
    assert.match(r.stdout, /2月28日（星期六）\s+春节/);
    assert.match(r.stdout, /（国办发明电〔2025〕7号），2025年11月4日/);
  });
  test('show 2027: exit 2 with CALENDAR_YEAR_MISSING', () => {
    const r = calendarCommand(['show', '2027'], years);
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /CALENDAR_YEAR_MISSING/);
    assert.match(r.stderr, /2027/);
  });
  // [from, to, working days inclusive of both ends, why]
  const spans: [string, string, number, string][] = [
    ['2024-02-01', '2024-02-29', 18, 'February 2024 with two make-up Sundays'],
    ['2021-01-01', '2021-01-31', 20, 'January 2021, starts on a holiday (no 2020 needed)'],
    ['2024-02-09', '2024-02-09', 1, 'one working day'],
    ['2024-02-10', '2024-02-17', 0, 'Spring Festival 2024'],
    ['2024-02-18', '2024-02-18', 1, 'a make-up Sunday alone'],
  ];
  for (const [from, to, n, why] of spans) {
    test(`workdays ${from}..${to} = ${n} (${why})`, () => {
      const out = parse(calendarCommand(['workdays', '--from', from, '--to', to, '--json'], years).stdout);
      assert.deepEqual(out, { from, to, inclusive: true, workingDays: n });
    });
  }
  test('workdays text states the convention', () => {
    const r = calendarCommand(['workdays', '--from', '2024-02-01', '--to', '2024-02-29'], years);
    assert.equal(r.stdout, '2024年2月1日至2024年2月29日（含首尾两日）共有18个工作日。\n');
  });
  const bad: [string[], RegExp, string][] = [
    [
      ['workdays', '--from', '2026-12-01', '--to', '2027-01-05'],
      /CALENDAR_YEAR_MISSING[\s\S]*2027/,
      'into 2027',
    ],
    [['workdays', '--from', '2024-03-01', '--to', '2024-02-01'], /不能早于/, 'reversed'],
    [['workdays', '--from', '2024-02-30', '--to', '2024-03-01'], /无效/, 'bad date'],
    [['show'], /四位年份/, 'no year'],
    [['show', '24'], /四位年份/, 'two-digit year'],
    [['list'], /show/, 'unknown action'],
  ];
  for (const [argv, stderr, why] of bad) {
    test(`exit 2: ${why}`, () => {
      const r = calendarCommand(argv, years);
      assert.equal(r.exitCode, 2);
      assert.match(r.stderr, stderr);
    });
  }
  test('--help mentions the inclusive convention', () => {
    assert.match(calendarCommand(['--help'], years).stdout, /首尾两日都计算在内/);
  });
});

describe('runCommand', () => {
  test('dispatches by name', () => {
    assert.equal(parse(runCommand(['fee', 'per-item', '--count', '35', '--json'], years).stdout).total, 3000);
  });
  test('unknown command → exit 2', () => {
    const r = runCommand(['deadline'], years);
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /未知命令/);
  });
  test('invalid calendar data → exit 2 with CALENDAR_DATA_INVALID', () => {
    const broken = [{ ...years[0], daysOff: ['2020-01-01'] }] as typeof years;
    const r = runCommand(['calendar', 'show', '2021'], broken);
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /CALENDAR_DATA_INVALID/);
  });
});
