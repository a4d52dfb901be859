// Statutory clock tests. Every expected date below was counted by hand on the arrangements of
// docs/law/holidays.md with the convention of docs/law/deadlines.md §3 (the start day is not counted;
// N-th working day after it). In test names, §6.N is that convention's rule N and §7 its worked examples
// (deadlines.md §5); see docs/law/README.md.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';
import {
  type ClockEvent,
  type ClockInput,
  computeClock,
  explainDeadline,
  type ReceiptChannel,
  receiptDateFor,
} from './clock.ts';

// The bundled 2021–2026 arrangements, loaded without the calendar module's database layer.
const bundledCalendarYears = holidays as unknown as CalendarYear[];
const calendar = createCalendar(bundledCalendarYears);

function clock(receivedOn: string, events: ClockEvent[] = [], extra: Partial<ClockInput> = {}) {
  return computeClock({ calendar, receipt: { channel: 'online', receivedOn }, events, ...extra });
}

function hasCode(code: string, params?: Record<string, unknown>) {
  return (error: unknown) => {
    const e = error as { code?: string; params?: Record<string, unknown> };
    assert.equal(e.code, code);
    if (params !== undefined) assert.deepEqual({ ...e.params, ...params }, e.params);
    return true;
  };
}

// [receipt day, 7 WD correction-notice deadline, 20 WD reply deadline, +20 WD with extension, why]
const plainCases: [string, string, string, string | null, string][] = [
  // docs/law/deadlines.md §5 (worked examples)
  [
    '2021-02-05',
    '2021-02-20',
    '2021-03-10',
    '2021-04-08',
    '§7 Friday before Spring Festival; 7 WD on make-up Sat',
  ],
  [
    '2023-04-23',
    '2023-05-05',
    '2023-05-23',
    '2023-06-20',
    '§7 received on the make-up Sunday before Labour Day',
  ],
  [
    '2024-10-03',
    '2024-10-15',
    '2024-11-01',
    '2024-11-29',
    '§7 online confirmation on a National Day holiday',
  ],
  // Spring Festival, every year
  [
    '2021-02-10',
    '2021-02-25',
    '2021-03-16',
    '2021-04-14',
    'eve of Spring Festival 2021, 02-20 make-up Sat counts',
  ],
  ['2022-01-28', '2022-02-11', '2022-03-02', '2022-03-30', 'Friday before the 2022 make-up weekend 01-29/30'],
  [
    '2023-01-20',
    '2023-02-03',
    '2023-02-22',
    '2023-03-22',
    'Friday before Spring Festival 2023, 01-28/29 make-up',
  ],
  ['2024-02-02', '2024-02-18', '2024-03-06', '2024-04-03', '2024: 7 WD lands on the make-up Sunday 02-18'],
  ['2024-02-08', '2024-02-23', '2024-03-13', '2024-04-11', '2024: day before 除夕 (02-09 is a working day)'],
  ['2024-02-09', '2024-02-26', '2024-03-14', '2024-04-12', '2024: received on 除夕, a working day'],
  [
    '2025-01-24',
    '2025-02-10',
    '2025-02-27',
    '2025-03-27',
    '2025: make-up Sun 01-26 and Sat 02-08 both count',
  ],
  [
    '2025-12-26',
    '2026-01-07',
    '2026-01-26',
    '2026-02-28',
    'New Year 2026 make-up Sun; +20 ends on make-up Sat',
  ],
  [
    '2026-02-13',
    '2026-03-02',
    '2026-03-19',
    '2026-04-17',
    '2026: nine-day Spring Festival, make-up Sat 02-14/28',
  ],
  // Qingming, Dragon Boat, Mid-Autumn
  ['2022-04-01', '2022-04-13', '2022-04-29', '2022-05-31', 'Qingming 2022 with make-up Sat 04-02'],
  ['2023-04-04', '2023-04-14', '2023-05-05', '2023-06-01', 'Qingming 2023, one day off on a Wednesday'],
  ['2024-04-03', '2024-04-15', '2024-05-06', '2024-05-31', 'Qingming 2024, make-up Sun 04-07 is WD 1'],
  [
    '2025-04-03',
    '2025-04-15',
    '2025-05-06',
    '2025-06-04',
    'Qingming 2025 (Fri–Sun), 20 WD runs into Labour Day',
  ],
  ['2026-04-03', '2026-04-15', '2026-05-07', '2026-06-03', 'Qingming 2026 (Sat–Mon)'],
  ['2021-04-25', '2021-05-07', '2021-05-25', '2021-06-23', 'received on the make-up Sunday 2021-04-25'],
  ['2022-06-02', '2022-06-14', '2022-07-01', '2022-07-29', 'Dragon Boat 2022 (Fri–Sun)'],
  [
    '2023-06-21',
    '2023-07-03',
    '2023-07-20',
    '2023-08-17',
    'Dragon Boat 2023, 7 WD starts on make-up Sun 06-25',
  ],
  ['2024-06-07', '2024-06-19', '2024-07-08', '2024-08-05', 'Dragon Boat 2024: Monday 06-10 only'],
  ['2025-05-30', '2025-06-11', '2025-06-30', '2025-07-28', 'Dragon Boat 2025 (Sat–Mon)'],
  ['2026-06-18', '2026-06-30', '2026-07-17', '2026-08-14', 'Dragon Boat 2026 (Fri–Sun)'],
  [
    '2022-09-09',
    '2022-09-21',
    '2022-10-13',
    '2022-11-10',
    'Mid-Autumn 2022 without make-up day, then National Day',
  ],
  ['2021-09-20', '2021-09-29', '2021-10-22', '2021-11-19', 'received on Mid-Autumn 2021 (Monday off)'],
  ['2026-09-24', '2026-10-12', '2026-10-29', '2026-11-26', 'Mid-Autumn and National Day 2026 back to back'],
  // Labour Day, every year
  ['2021-04-28', '2021-05-11', '2021-05-28', '2021-06-28', 'Labour Day 2021, make-up Sat 05-08 counts'],
  ['2022-04-29', '2022-05-12', '2022-05-31', '2022-06-29', 'Labour Day 2022 starts the next day (04-30)'],
  [
    '2023-04-28',
    '2023-05-11',
    '2023-05-30',
    '2023-06-28',
    'Labour Day 2023; +20 crosses Dragon Boat make-up Sun',
  ],
  [
    '2024-04-26',
    '2024-05-09',
    '2024-05-27',
    '2024-06-25',
    'Labour Day 2024, make-up Sun 04-28 and Sat 05-11',
  ],
  ['2025-04-30', '2025-05-14', '2025-06-03', '2025-07-01', 'Labour Day 2025; 20 WD crosses Dragon Boat'],
  ['2026-04-30', '2026-05-13', '2026-06-01', '2026-06-30', 'Labour Day 2026, make-up Sat 05-09'],
  // National Day, every year
  [
    '2021-09-17',
    '2021-09-28',
    '2021-10-21',
    '2021-11-18',
    'Mid-Autumn + National Day 2021, three make-up days',
  ],
  ['2021-10-03', '2021-10-15', '2021-11-03', '2021-12-01', 'received during National Day 2021'],
  ['2022-09-30', '2022-10-14', '2022-11-02', '2022-11-30', 'National Day 2022, make-up weekend 10-08/09'],
  ['2023-09-27', '2023-10-12', '2023-10-31', '2023-11-28', 'eight-day Mid-Autumn/National Day 2023'],
  [
    '2024-09-13',
    '2024-09-25',
    '2024-10-17',
    '2024-11-14',
    'Mid-Autumn + National Day 2024, four make-up days',
  ],
  ['2025-09-26', '2025-10-13', '2025-10-30', '2025-11-27', 'eight-day National Day 2025, make-up Sun 09-28'],
  [
    '2026-09-18',
    '2026-09-29',
    '2026-10-22',
    '2026-11-19',
    'National Day 2026, make-up Sun 09-20 and Sat 10-10',
  ],
  ['2025-10-09', '2025-10-17', '2025-11-05', '2025-12-03', 'first working day after National Day 2025'],
  // Year ends
  [
    '2021-01-01',
    '2021-01-12',
    '2021-01-29',
    '2021-03-03',
    'received on New Year 2021, first day of the data',
  ],
  [
    '2021-12-20',
    '2021-12-29',
    '2022-01-18',
    '2022-02-18',
    'year end 2021 into New Year and Spring Festival 2022',
  ],
  ['2022-12-30', '2023-01-11', '2023-02-02', '2023-03-02', 'year end 2022: 12-31 is off (filed under 2022)'],
  ['2022-12-31', '2023-01-11', '2023-02-02', '2023-03-02', 'received on 2022-12-31, an official day off'],
  ['2023-12-22', '2024-01-03', '2024-01-22', '2024-02-22', 'year end 2023; +20 uses make-up Sun 2024-02-04'],
  ['2024-12-20', '2024-12-31', '2025-01-20', '2025-02-21', 'year end 2024; 7 WD on New Year’s Eve'],
  ['2026-11-20', '2026-12-01', '2026-12-18', null, 'late 2026: the extension would reach 2027 (not loaded)'],
  // Ordinary weeks
  ['2022-11-01', '2022-11-10', '2022-11-29', '2022-12-27', 'no holiday at all'],
  ['2023-03-04', '2023-03-14', '2023-03-31', '2023-04-28', 'received on an ordinary Saturday'],
  ['2023-06-19', '2023-06-29', '2023-07-18', '2023-08-15', 'Monday before Dragon Boat 2023'],
];

describe('reply deadline without events (Art. 33, §6)', () => {
  for (const [received, correctionDue, replyDue, extendedDue, why] of plainCases) {
    test(`${received}: ${why}`, () => {
      const c = clock(received);
      assert.equal(c.received, received);
      assert.equal(c.correctionNoticeDue, correctionDue);
      assert.equal(c.replyDue, replyDue);
      assert.equal(c.originalReplyDue, replyDue);
      assert.equal(c.extendedReplyDue, extendedDue);
      assert.equal(c.calendarMissingYear, extendedDue === null ? 2027 : null);
      assert.equal(calendar.isWorkingDay(replyDue), true);
    });
  }

  test('each plain case with an approved extension gives the +20 date', () => {
    for (const [received, , replyDue, extendedDue] of plainCases) {
      if (extendedDue === null) continue;
      const c = clock(received, [{ type: 'extension-approved', on: received }]);
      assert.equal(c.replyDue, extendedDue, received);
      assert.equal(c.originalReplyDue, replyDue, received);
      assert.equal(c.totalWorkingDays, 40);
    }
  });

  test('§7 2026-12-15: 7 WD is 2026-12-24, the 20 WD count reaches 2027 and must fail', () => {
    assert.equal(calendar.addWorkingDays('2026-12-15', 7), '2026-12-24');
    assert.throws(() => clock('2026-12-15'), hasCode('CALENDAR_YEAR_MISSING', { year: 2027 }));
  });

  test('2026-12-22: even the 7 WD notice deadline is the last day of 2026; reply needs 2027', () => {
    assert.equal(calendar.addWorkingDays('2026-12-22', 7), '2026-12-31');
    assert.throws(() => clock('2026-12-22'), hasCode('CALENDAR_YEAR_MISSING', { year: 2027 }));
  });

  test('2026-11-20 with an approved extension must fail (extension reaches 2027)', () => {
    const events: ClockEvent[] = [{ type: 'extension-approved', on: '2026-12-10' }];
    assert.throws(() => clock('2026-11-20', events), hasCode('CALENDAR_YEAR_MISSING', { year: 2027 }));
  });

  test('receipt in 2020 (not loaded) fails instead of counting Mon–Fri', () => {
    assert.throws(() => clock('2020-12-28'), hasCode('CALENDAR_YEAR_MISSING', { year: 2020 }));
  });

  test('invalid receipt date is rejected', () => {
    assert.throws(() => clock('2024-02-30'), hasCode('INVALID_DATE'));
  });
});

describe('third-party / other-agency consultation pauses (Art. 32–34, §6.6)', () => {
  test('§7: letter sent 02-19, received 02-20, no reply → 15 WD end 03-12, reply due make-up Sunday 04-07', () => {
    const c = clock('2024-02-08', [
      { type: 'consultation-sent', on: '2024-02-19' },
      { type: 'consultation-delivered', on: '2024-02-20' },
    ]);
    assert.equal(c.thirdPartyDue, '2024-03-12');
    assert.equal(c.replyDue, '2024-04-07');
    assert.equal(calendar.dayKind('2024-04-07'), 'makeup-workday');
    assert.equal(c.extendedReplyDue, '2024-05-07');
  });

  // [receipt, events, expected reply due, expected thirdPartyDue or null, why]
  const pauseCases: [string, ClockEvent[], string, string | null, string][] = [
    [
      '2021-04-19',
      [
        { type: 'consultation-sent', on: '2021-04-22' },
        { type: 'consultation-delivered', on: '2021-04-23' },
        { type: 'consultation-replied', on: '2021-05-10' },
      ],
      '2021-06-02',
      '2021-05-17',
      'pause spans Labour Day 2021; make-up days inside the pause do not count',
    ],
    [
      '2022-09-01',
      [
        { type: 'consultation-sent', on: '2022-09-02' },
        { type: 'consultation-delivered', on: '2022-09-05' },
        { type: 'consultation-replied', on: '2022-10-10' },
      ],
      '2022-10-27',
      '2022-09-27',
      'late reply: the pause ends when the 15 WD run out (09-27), not at the reply',
    ],
    [
      '2023-03-01',
      [
        { type: 'consultation-sent', on: '2023-03-03' },
        { type: 'consultation-delivered', on: '2023-03-06' },
        { type: 'consultation-replied', on: '2023-03-10' },
        { type: 'consultation-sent', on: '2023-03-17' },
        { type: 'consultation-delivered', on: '2023-03-20' },
        { type: 'consultation-replied', on: '2023-03-24' },
      ],
      '2023-04-13',
      '2023-04-11',
      'two consultations one after the other (5 + 5 WD paused), Qingming skipped',
    ],
    [
      '2023-03-01',
      [
        { type: 'consultation-sent', on: '2023-03-03', consultationId: 'A' },
        { type: 'consultation-sent', on: '2023-03-08', consultationId: 'B', party: 'agency' },
        { type: 'consultation-delivered', on: '2023-03-06', consultationId: 'A' },
        { type: 'consultation-delivered', on: '2023-03-09', consultationId: 'B' },
        { type: 'consultation-replied', on: '2023-03-15', consultationId: 'A' },
        { type: 'consultation-replied', on: '2023-03-20', consultationId: 'B' },
      ],
      '2023-04-14',
      '2023-03-30',
      'two overlapping consultations (third party + other agency) merge into one pause',
    ],
    [
      '2025-03-03',
      [
        { type: 'consultation-sent', on: '2025-03-03' },
        { type: 'consultation-delivered', on: '2025-03-04' },
        { type: 'consultation-replied', on: '2025-03-07' },
      ],
      '2025-04-07',
      '2025-03-25',
      'letter sent on the receipt day: 0 WD used, 20 WD after the reply day',
    ],
    [
      '2025-01-20',
      [
        { type: 'consultation-sent', on: '2025-01-22' },
        { type: 'consultation-delivered', on: '2025-01-23' },
      ],
      '2025-03-17',
      '2025-02-19',
      'no reply; the 15 WD of the third party span Spring Festival 2025',
    ],
    [
      '2022-11-01',
      [{ type: 'consultation-sent', on: '2022-12-01' }],
      '2022-11-29',
      null,
      'letter sent after the deadline passed does not move it',
    ],
  ];
  for (const [received, events, replyDue, thirdPartyDue, why] of pauseCases) {
    test(`${received}: ${why}`, () => {
      const c = clock(received, events);
      assert.equal(c.replyDue, replyDue);
      assert.equal(c.thirdPartyDue, thirdPartyDue);
    });
  }

  test('letter sent, receipt by the third party unknown → paused, no deadline yet, 2 WD used', () => {
    const c = clock('2024-05-06', [{ type: 'consultation-sent', on: '2024-05-08' }], { today: '2024-05-20' });
    assert.equal(c.paused, true);
    assert.equal(c.pausedSince, '2024-05-08');
    assert.equal(c.pauseReason, 'consultation');
    assert.equal(c.replyDue, null);
    assert.equal(c.originalReplyDue, null);
    assert.equal(c.extendedReplyDue, null);
    assert.equal(c.workingDaysUsed, 2);
    assert.equal(c.workingDaysLeft, 18);
    assert.equal(c.overdue, false);
  });

  test('during the third party’s period: paused, reply due projected on a full 15 WD', () => {
    const events: ClockEvent[] = [
      { type: 'consultation-sent', on: '2024-02-19' },
      { type: 'consultation-delivered', on: '2024-02-20' },
    ];
    const c = clock('2024-02-08', events, { today: '2024-03-01' });
    assert.equal(c.paused, true);
    assert.equal(c.pausedSince, '2024-02-19');
    assert.equal(c.workingDaysUsed, 3); // 02-09, make-up Sunday 02-18, 02-19
    assert.equal(c.workingDaysLeft, 17);
    assert.equal(c.replyDue, '2024-04-07');
  });

  test('on the last day of the third party’s period still paused; the day after it runs again', () => {
    const events: ClockEvent[] = [
      { type: 'consultation-sent', on: '2024-02-19' },
      { type: 'consultation-delivered', on: '2024-02-20' },
    ];
    assert.equal(clock('2024-02-08', events, { today: '2024-03-12' }).paused, true);
    const after = clock('2024-02-08', events, { today: '2024-03-13' });
    assert.equal(after.paused, false);
    assert.equal(after.workingDaysUsed, 4);
  });

  test('without today the state is as of the last event (reply received → running again)', () => {
    const c = clock('2021-04-19', [
      { type: 'consultation-sent', on: '2021-04-22' },
      { type: 'consultation-delivered', on: '2021-04-23' },
      { type: 'consultation-replied', on: '2021-05-10' },
    ]);
    assert.equal(c.asOf, '2021-05-10');
    assert.equal(c.paused, false);
    assert.equal(c.workingDaysUsed, 3);
    assert.equal(c.overdue, null);
  });

  test('events out of order are rejected with CLOCK_EVENT_INVALID', () => {
    assert.throws(
      () => clock('2024-03-04', [{ type: 'consultation-delivered', on: '2024-03-05' }]),
      hasCode('CLOCK_EVENT_INVALID'),
    );
    assert.throws(
      () => clock('2024-03-04', [{ type: 'consultation-sent', on: '2024-03-01' }]),
      hasCode('CLOCK_EVENT_INVALID', { reason: 'before the receipt date' }),
    );
    assert.throws(
      () => clock('2024-03-04', [{ type: 'correction-received', on: '2024-03-06' }]),
      hasCode('CLOCK_EVENT_INVALID'),
    );
  });
});

describe('extension (Art. 33(2))', () => {
  test('extension after a pause: +20 WD after the paused deadline (2024-04-07 → 2024-05-07)', () => {
    const c = clock('2024-02-08', [
      { type: 'consultation-sent', on: '2024-02-19' },
      { type: 'consultation-delivered', on: '2024-02-20' },
      { type: 'extension-approved', on: '2024-04-01' },
    ]);
    assert.equal(c.originalReplyDue, '2024-04-07');
    assert.equal(c.extendedReplyDue, '2024-05-07');
    assert.equal(c.replyDue, '2024-05-07');
    assert.equal(c.extended, true);
  });

  test('a second extension throws EXTENSION_ALREADY_USED', () => {
    const events: ClockEvent[] = [
      { type: 'extension-approved', on: '2024-03-01' },
      { type: 'extension-approved', on: '2024-03-20' },
    ];
    assert.throws(() => clock('2024-02-08', events), hasCode('EXTENSION_ALREADY_USED'));
  });

  test('workingDaysUsed counts up to 40 with an extension', () => {
    const c = clock('2024-10-03', [{ type: 'extension-approved', on: '2024-10-30' }], {
      today: '2024-11-15',
    });
    assert.equal(c.workingDaysUsed, 30); // 20 to 11-01, 10 more 11-04..11-15
    assert.equal(c.workingDaysLeft, 10);
    assert.equal(c.overdue, false);
  });
});

describe('correction (Art. 30)', () => {
  test('corrected application received 06-26 restarts 20 WD → 2023-07-24', () => {
    const c = clock('2023-06-19', [
      { type: 'correction-notice-sent', on: '2023-06-21' },
      { type: 'correction-received', on: '2023-06-26' },
    ]);
    assert.equal(c.correctionNoticeDue, '2023-06-29');
    assert.equal(c.countingFrom, '2023-06-26');
    assert.equal(c.replyDue, '2023-07-24');
    assert.equal(c.correctionPending, false);
  });

  test('corrected application confirmed on a National Day holiday → as if received that day', () => {
    const c = clock('2024-09-23', [
      { type: 'correction-notice-sent', on: '2024-09-25' },
      { type: 'correction-received', on: '2024-10-03' },
    ]);
    assert.equal(c.replyDue, '2024-11-01');
    assert.equal(c.extendedReplyDue, '2024-11-29');
  });

  test('waiting for the correction: paused, no reply deadline', () => {
    const c = clock('2024-09-23', [{ type: 'correction-notice-sent', on: '2024-09-25' }], {
      today: '2024-10-10',
    });
    assert.equal(c.correctionPending, true);
    assert.equal(c.paused, true);
    assert.equal(c.pauseReason, 'correction');
    assert.equal(c.pausedSince, '2024-09-25');
    assert.equal(c.replyDue, null);
    assert.equal(c.workingDaysUsed, null);
    assert.equal(c.overdue, false);
  });

  test('correction, then consultation, then extension (2021-11)', () => {
    const c = clock('2021-11-01', [
      { type: 'correction-notice-sent', on: '2021-11-03' },
      { type: 'correction-received', on: '2021-11-08' },
      { type: 'consultation-sent', on: '2021-11-10' },
      { type: 'consultation-delivered', on: '2021-11-11' },
      { type: 'consultation-replied', on: '2021-11-19' },
      { type: 'extension-approved', on: '2021-12-10' },
    ]);
    assert.equal(c.correctionNoticeDue, '2021-11-10');
    assert.equal(c.originalReplyDue, '2021-12-15');
    assert.equal(c.replyDue, '2022-01-13');
  });

  test('a second correction notice throws CORRECTION_ALREADY_REQUESTED (一次性告知)', () => {
    const events: ClockEvent[] = [
      { type: 'correction-notice-sent', on: '2023-06-20' },
      { type: 'correction-notice-sent', on: '2023-06-21' },
    ];
    assert.throws(() => clock('2023-06-19', events), hasCode('CORRECTION_ALREADY_REQUESTED'));
  });
});

describe('fees and the clock (local rule feePausesClock)', () => {
  const events: ClockEvent[] = [
    { type: 'fee-notice-sent', on: '2025-03-05' },
    { type: 'fee-notice-received', on: '2025-03-06' },
    { type: 'fee-paid', on: '2025-03-14' },
  ];
  test('default: the fee does not pause the clock; payment due 20 WD after notice received', () => {
    const c = clock('2025-03-03', events);
    assert.equal(c.replyDue, '2025-03-31');
    assert.equal(c.feePaymentDue, '2025-04-03');
  });
  test('feePausesClock: notice 03-05 → paid 03-14 paused → 2025-04-10', () => {
    const c = clock('2025-03-03', events, { rules: { feePausesClock: true } });
    assert.equal(c.replyDue, '2025-04-10');
  });
  test('feePausesClock and unpaid: paused since the notice, no deadline', () => {
    const c = clock('2025-03-03', events.slice(0, 2), {
      rules: { feePausesClock: true },
      today: '2025-03-20',
    });
    assert.equal(c.paused, true);
    assert.equal(c.pauseReason, 'fee');
    assert.equal(c.replyDue, null);
  });
});

describe('today, overdue, used/left', () => {
  const cases: [string, string, number, number, boolean, string][] = [
    ['2024-10-03', '2024-10-03', 0, 20, false, 'on the receipt day nothing is used'],
    ['2024-10-03', '2024-10-15', 7, 13, false, 'make-up Saturday 10-12 counted'],
    ['2024-10-03', '2024-11-01', 20, 0, false, 'on the deadline itself: not overdue'],
    ['2024-10-03', '2024-11-04', 20, 0, true, 'the next working day: overdue'],
    ['2024-10-03', '2024-11-02', 20, 0, true, 'a Saturday after the deadline: overdue'],
    ['2024-10-03', '2024-09-30', 0, 20, false, 'today before receipt (data entry ahead)'],
  ];
  for (const [received, today, used, left, overdue, why] of cases) {
    test(`${received} today ${today}: ${why}`, () => {
      const c = clock(received, [], { today });
      assert.equal(c.workingDaysUsed, used);
      assert.equal(c.workingDaysLeft, left);
      assert.equal(c.overdue, overdue);
      assert.equal(c.asOf, today);
    });
  }

  test('a today in 2027 does not break a 2024 case (counting stops at the deadline)', () => {
    const c = clock('2024-10-03', [], { today: '2027-03-01' });
    assert.equal(c.overdue, true);
    assert.equal(c.workingDaysUsed, 20);
  });
});

describe('receipt date by channel (Art. 31)', () => {
  const cases: [ReceiptChannel, string, string][] = [
    ['in-person', '2024-03-04', 'handed in: 提交之日'],
    ['post-signed', '2024-03-05', 'registered post: 签收之日'],
    ['post-confirmed', '2024-03-06', 'ordinary letter: 确认之日'],
    ['online', '2024-03-06', 'internet: 双方确认之日'],
    ['fax', '2024-03-06', 'fax: 双方确认之日'],
  ];
  for (const [channel, expected, why] of cases) {
    test(`${channel} → ${expected} (${why})`, () => {
      const dates = { submittedOn: '2024-03-04', signedOn: '2024-03-05', confirmedOn: '2024-03-06' };
      assert.equal(receiptDateFor(channel, dates), expected);
    });
  }
  test('missing confirmation date for an online application', () => {
    assert.throws(
      () => receiptDateFor('online', { submittedOn: '2024-03-04' }),
      hasCode('RECEIPT_DATE_MISSING'),
    );
  });
  test('unknown channel', () => {
    assert.throws(
      () =>
        computeClock({ calendar, receipt: { channel: 'email' as ReceiptChannel, receivedOn: '2024-03-04' } }),
      hasCode('RECEIPT_CHANNEL_INVALID'),
    );
  });
});

describe('explainDeadline (答复期限计算)', () => {
  test('Spring Festival 2021: every day listed with its reason; 20th counted day is 03-10', () => {
    const e = explainDeadline({ calendar, receipt: { channel: 'in-person', receivedOn: '2021-02-05' } });
    assert.equal(e.due, '2021-03-10');
    assert.match(e.startNote, /2021年2月5日为收到申请之日/);
    const byDate = new Map(e.days.map((d) => [d.date, d]));
    assert.equal(byDate.get('2021-02-06')?.reason, '周末');
    assert.equal(byDate.get('2021-02-07')?.reason, '调休上班日计入（春节）');
    assert.equal(byDate.get('2021-02-07')?.ordinal, 1);
    assert.equal(byDate.get('2021-02-12')?.reason, '法定节假日（春节）');
    assert.equal(byDate.get('2021-02-20')?.ordinal, 7);
    const last = e.days[e.days.length - 1];
    assert.equal(last?.date, '2021-03-10');
    assert.equal(last?.ordinal, 20);
    assert.equal(last?.note, '答复期限');
    assert.equal(e.days.filter((d) => d.counted).length, 20);
    assert.equal(e.days[0]?.date, '2021-02-06');
  });

  test('pause days are marked as not counted', () => {
    const e = explainDeadline({
      calendar,
      receipt: { channel: 'online', receivedOn: '2024-02-08' },
      events: [
        { type: 'consultation-sent', on: '2024-02-19' },
        { type: 'consultation-delivered', on: '2024-02-20' },
      ],
    });
    const byDate = new Map(e.days.map((d) => [d.date, d]));
    assert.equal(byDate.get('2024-02-19')?.ordinal, 3);
    assert.equal(byDate.get('2024-02-20')?.counted, false);
    assert.match(byDate.get('2024-02-20')?.reason ?? '', /征求意见期间/);
    assert.equal(byDate.get('2024-03-13')?.ordinal, 4);
    assert.equal(byDate.get('2024-04-07')?.reason, '调休上班日计入（清明节）');
    assert.equal(e.due, '2024-04-07');
  });

  test('extension: the original deadline is marked', () => {
    const e = explainDeadline({
      calendar,
      receipt: { channel: 'online', receivedOn: '2024-10-03' },
      events: [{ type: 'extension-approved', on: '2024-10-28' }],
    });
    assert.equal(e.days.find((d) => d.date === '2024-11-01')?.note, '原答复期限（已延长20个工作日）');
    assert.equal(e.days[e.days.length - 1]?.note, '延长后的答复期限');
    assert.equal(e.days[e.days.length - 1]?.ordinal, 40);
  });

  test('correction pending: nothing to list yet', () => {
    const e = explainDeadline({
      calendar,
      receipt: { channel: 'online', receivedOn: '2024-09-23' },
      events: [{ type: 'correction-notice-sent', on: '2024-09-25' }],
    });
    assert.equal(e.due, null);
    assert.deepEqual(e.days, []);
  });
});

describe('properties (fast-check)', () => {
  const dayMs = 86_400_000;
  const start2021 = Date.UTC(2021, 0, 1);
  /** A date 2021-01-01 + offset days (offset kept small enough to stay inside 2026). */
  const isoAt = (offset: number) => new Date(start2021 + offset * dayMs).toISOString().slice(0, 10);
  const receiptArb = fc.integer({ min: 0, max: 1900 }); // up to 2026-03-15: every count stays inside 2026
  const pauseArb = fc.record({
    sentAfter: fc.integer({ min: 0, max: 40 }),
    deliveredAfter: fc.integer({ min: 0, max: 10 }),
    repliedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  });
  const consultation = (
    receipt: number,
    p: { sentAfter: number; deliveredAfter: number; repliedAfter?: number },
  ) => {
    const sent = receipt + p.sentAfter;
    const delivered = sent + p.deliveredAfter;
    const events: ClockEvent[] = [
      { type: 'consultation-sent', on: isoAt(sent) },
      { type: 'consultation-delivered', on: isoAt(delivered) },
    ];
    if (p.repliedAfter !== undefined)
      events.push({ type: 'consultation-replied', on: isoAt(delivered + p.repliedAfter) });
    return events;
  };

  test('the reply deadline is always a working day', () => {
    fc.assert(
      fc.property(receiptArb, fc.array(pauseArb, { maxLength: 2 }), fc.boolean(), (r, pauses, extended) => {
        const events = pauses.flatMap((p) => consultation(r, p));
        if (extended) events.push({ type: 'extension-approved', on: isoAt(r + 1) });
        const c = clock(isoAt(r), events);
        assert.ok(c.replyDue !== null);
        assert.equal(calendar.isWorkingDay(c.replyDue), true);
        assert.equal(calendar.isWorkingDay(c.correctionNoticeDue), true);
      }),
      { numRuns: 500 },
    );
  });

  test('a pause never makes the deadline earlier', () => {
    fc.assert(
      fc.property(receiptArb, pauseArb, (r, p) => {
        const without = clock(isoAt(r));
        const withPause = clock(isoAt(r), consultation(r, p));
        assert.ok((withPause.replyDue as string) >= (without.replyDue as string));
      }),
      { numRuns: 500 },
    );
  });

  test('an extension adds exactly 20 working days (no pause after the original deadline)', () => {
    fc.assert(
      fc.property(receiptArb, fc.option(pauseArb, { nil: undefined }), (r, p) => {
        const events = p === undefined ? [] : consultation(r, { ...p, sentAfter: Math.min(p.sentAfter, 5) });
        const base = clock(isoAt(r), events);
        const ext = clock(isoAt(r), [...events, { type: 'extension-approved', on: isoAt(r) }]);
        const original = base.replyDue as string;
        assert.equal(ext.originalReplyDue, original);
        assert.equal(calendar.countWorkingDays(original, ext.replyDue as string), 20);
        assert.equal(ext.replyDue, calendar.addWorkingDays(original, 20));
      }),
      { numRuns: 500 },
    );
  });

  test('a calendar without the next year never falls back to Mon–Fri', () => {
    const only2024 = createCalendar(bundledCalendarYears.filter((y) => y.year === 2024));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 }), (offset) => {
        const received = new Date(Date.UTC(2024, 0, 1) + offset * dayMs).toISOString().slice(0, 10);
        try {
          const c = computeClock({
            calendar: only2024,
            receipt: { channel: 'online', receivedOn: received },
          });
          assert.ok((c.replyDue as string) < '2025-01-01');
        } catch (error) {
          assert.equal((error as { code?: string }).code, 'CALENDAR_YEAR_MISSING');
          assert.deepEqual((error as { params?: unknown }).params, { year: 2025 });
        }
      }),
      { numRuns: 366 },
    );
  });
});

test('a reopening (复议/诉讼纠正) restarts the 20 working days from its day, with a fresh extension', () => {
  // Received Mon 2024-03-04, extended once; replied; a review decision of Mon 2024-06-03 orders a new reply.
  const events: ClockEvent[] = [
    { type: 'extension-approved', on: '2024-03-20' },
    { type: 'reopened', on: '2024-06-03' },
  ];
  const c = computeClock({ calendar, receipt: { channel: 'in-person', receivedOn: '2024-03-04' }, events });
  assert.equal(c.countingFrom, '2024-06-03');
  // 20 working days after 2024-06-03: June 10 (端午节) is a holiday, so the 20th is Tuesday 2024-07-02.
  assert.equal(c.replyDue, '2024-07-02');
  assert.equal(c.extended, false);
  assert.equal(c.totalWorkingDays, 20);
  // An extension after the reopening counts from the new deadline.
  const again = computeClock({
    calendar,
    receipt: { channel: 'in-person', receivedOn: '2024-03-04' },
    events: [...events, { type: 'extension-approved', on: '2024-06-20' }],
  });
  assert.equal(again.extended, true);
  assert.equal(again.replyDue, '2024-07-30');
});
