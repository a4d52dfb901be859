/** Moving a decision to 已决策: the required steps of 713 (Art. 14–15, 16–26, 30), named when missing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import type { CalendarYear } from '../../calendar/domain/calendar.ts';
import { createCalendar } from '../../calendar/domain/calendar.ts';
import { checkDecide, type StepRecord } from './steps.ts';

const cal = createCalendar(holidays as unknown as CalendarYear[]);
const none = { hearingPlanned: false, riskPlanned: false, expertPlanned: false };
const done = (step: StepRecord['step'], startedOn: string, finishedOn: string): StepRecord => ({
  step,
  startedOn,
  finishedOn,
});
const base = [
  done('participation', '2026-03-02', '2026-04-01'),
  // Submitted Thursday 04-09, ended Monday 04-20: 7 working days (04-10, 13–17, 20).
  done('legality', '2026-04-09', '2026-04-20'),
  done('collective', '2026-04-28', '2026-04-28'),
];

test('table: the steps a decision needs, and what refuses it', () => {
  const rows: [string, typeof none, StepRecord[], string[] | string][] = [
    ['all required steps done', none, base, '2026-04-28'],
    [
      'no public participation',
      none,
      base.slice(1),
      ['尚未完成“公众参与”（《重大行政决策程序暂行条例》第十四条、第十五条）'],
    ],
    [
      'a planned risk assessment missing',
      { ...none, riskPlanned: true },
      base,
      ['尚未完成“风险评估”（《重大行政决策程序暂行条例》第二十二条至第二十四条）'],
    ],
    [
      'a planned hearing still open',
      { ...none, hearingPlanned: true },
      [...base, { step: 'hearing', startedOn: '2026-03-20', finishedOn: null }],
      ['尚未完成“听证”（《重大行政决策程序暂行条例》第十六条、第十七条）'],
    ],
    [
      'legality review of 5 working days (清明 04-04…06 not counted)',
      none,
      [base[0] as StepRecord, done('legality', '2026-04-01', '2026-04-09'), base[2] as StepRecord],
      ['合法性审查时间为5个工作日，一般不少于7个工作日（第二十六条）'],
    ],
    [
      'collective discussion before the legality review ended',
      none,
      [base[0] as StepRecord, base[1] as StepRecord, done('collective', '2026-04-15', '2026-04-15')],
      ['集体讨论决定应在合法性审查之后（第二十五条）'],
    ],
    [
      'no collective decision',
      none,
      base.slice(0, 2),
      ['尚未完成“集体讨论决定”（《重大行政决策程序暂行条例》第三十条）'],
    ],
  ];
  for (const [why, plan, steps, expected] of rows) {
    const r = checkDecide(plan, steps, cal);
    if (typeof expected === 'string') assert.deepEqual(r, { ok: true, decidedOn: expected }, why);
    else assert.deepEqual(r, { ok: false, problems: expected }, why);
  }
});
