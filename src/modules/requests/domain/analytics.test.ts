// Working days below were counted by hand on the 2024 month grid: 14 Oct – 29 Nov 2024 has no holiday
// and no make-up working day (National Day ends 7 Oct, make-up Saturday 12 Oct).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';
import {
  type CountRow,
  computeAnalytics,
  type PausedReply,
  pausedDaysOf,
  type ReplyDayRow,
  releaseSuggestions,
  reportRowOf,
  type SubjectTerms,
} from './analytics.ts';
import { type LoggedEvent, STAGE_LABELS } from './stages.ts';

const years = holidays as unknown as CalendarYear[];
const calendar = createCalendar(years);

type Reply = { receivedOn: string; repliedOn: string; onTime: boolean };

/** Reply rows as the database groups them: one per case and side (n = 1). */
function replyRows(replies: Reply[]): ReplyDayRow[] {
  return replies.flatMap((r) => [
    { side: 'received' as const, day: r.receivedOn, onTime: r.onTime, n: 1 },
    { side: 'replied' as const, day: r.repliedOn, onTime: r.onTime, n: 1 },
  ]);
}

const consultation = (sent: string, delivered: string, replied: string | null): LoggedEvent[] => [
  { type: 'consult-send', on: sent, data: { consultationId: 'c1', party: 'third-party', name: '某公司' } },
  { type: 'consult-deliver', on: delivered, data: { consultationId: 'c1' } },
  ...(replied
    ? [{ type: 'consult-reply', on: replied, data: { consultationId: 'c1', opinion: 'agree' } }]
    : []),
];

// A: 9 WD, on time (due 11 Nov). B: due 18 Nov, replied 22 Nov: 24 WD, late.
// C: consultation pauses 17–23 Oct (5 WD): 14 WD elapsed, 9 counted, on time (due 18 Nov).
// D: correction 15 Oct, corrected application 21 Oct: 13 WD elapsed, 8 counted (5 paused).
// E: as C, but replied 22 Nov (due 18 Nov): 29 WD elapsed, 5 paused, late.
const A: Reply = { receivedOn: '2024-10-14', repliedOn: '2024-10-25', onTime: true };
const B: Reply = { receivedOn: '2024-10-21', repliedOn: '2024-11-22', onTime: false };
const C: Reply = { receivedOn: '2024-10-14', repliedOn: '2024-11-01', onTime: true };
const D: Reply = { receivedOn: '2024-10-14', repliedOn: '2024-10-31', onTime: true };
const E: Reply = { receivedOn: '2024-10-14', repliedOn: '2024-11-22', onTime: false };

const pausedC: PausedReply = {
  receivedOn: C.receivedOn,
  channel: 'in-person',
  repliedOn: C.repliedOn,
  events: [
    { type: 'submit', on: '2024-10-14', data: { confirmed: true } },
    ...consultation('2024-10-16', '2024-10-16', '2024-10-23'),
    { type: 'reply', on: C.repliedOn, data: { outcome: 'DISCLOSE' } },
  ],
};
const pausedD: PausedReply = {
  receivedOn: D.receivedOn,
  channel: 'in-person',
  repliedOn: D.repliedOn,
  events: [
    { type: 'request-correction', on: '2024-10-15', data: { items: '请写明文号' } },
    { type: 'receive-correction', on: '2024-10-21', data: {} },
  ],
};
const pausedE: PausedReply = {
  receivedOn: E.receivedOn,
  channel: 'in-person',
  repliedOn: E.repliedOn,
  events: consultation('2024-10-16', '2024-10-16', '2024-10-23'),
};

test('paused working days come from the replayed clock, on time or late', () => {
  assert.equal(pausedDaysOf(calendar, pausedC), 5);
  assert.equal(pausedDaysOf(calendar, pausedD), 5);
  assert.equal(pausedDaysOf(calendar, pausedE), 5);
  // Replied while the consultation was still open (no deadline in force): 15–16 Oct counted, 17–25 Oct not.
  assert.equal(
    pausedDaysOf(calendar, {
      receivedOn: '2024-10-14',
      channel: 'in-person',
      repliedOn: '2024-10-25',
      events: [consultation('2024-10-16', '2024-10-16', null)[0] as LoggedEvent],
    }),
    7,
  );
  // Events after the reply do not count.
  assert.equal(
    pausedDaysOf(calendar, {
      ...pausedC,
      events: [...pausedC.events, ...consultation('2024-11-04', '2024-11-04', '2024-11-08')],
    }),
    5,
  );
});

test('on-time rate, average working days to reply and paused days', () => {
  const a = computeAnalytics({
    year: 2024,
    counts: [],
    replies: replyRows([A, B, C, D, E]),
    paused: [pausedC, pausedD, pausedE],
    calendar,
  });
  assert.equal(a.timeliness.replied, 5);
  assert.equal(a.timeliness.onTime, 3);
  assert.equal(a.timeliness.late, 2);
  assert.equal(a.timeliness.onTimeRate, 0.6);
  // Elapsed 9 + 24 + 14 + 13 + 29 = 89, paused 15 → 74 / 5.
  assert.equal(a.timeliness.pausedWorkingDays, 15);
  assert.equal(a.timeliness.pausedCases, 3);
  assert.equal(a.timeliness.averageWorkingDays, 14.8);
  assert.equal(a.timeliness.calendarMissingYear, null);
});

test('open cases past their deadline count against the on-time rate before they are answered', () => {
  const table: { replies: ReplyDayRow[]; overdueOpen: number; rate: number | null }[] = [
    // A and D replied on time, one case overdue and still open: 2 of the 3 that came due were on time.
    { replies: replyRows([A, D]), overdueOpen: 1, rate: 2 / 3 },
    // Nothing replied, one case overdue: 0 %, not "no figure".
    { replies: [], overdueOpen: 1, rate: 0 },
    { replies: [], overdueOpen: 0, rate: null },
  ];
  for (const { replies, overdueOpen, rate } of table) {
    const a = computeAnalytics({ year: 2024, counts: [], replies, paused: [], calendar, overdueOpen });
    assert.equal(a.timeliness.overdueOpen, overdueOpen);
    assert.equal(a.timeliness.onTimeRate, rate, JSON.stringify({ overdueOpen, rate }));
  }
});

test('grouped rows give the same figures as one row per case', () => {
  const grouped: ReplyDayRow[] = [
    { side: 'received', day: '2024-10-14', onTime: true, n: 2 },
    { side: 'received', day: '2024-10-21', onTime: false, n: 1 },
    { side: 'replied', day: '2024-10-25', onTime: true, n: 1 },
    { side: 'replied', day: '2024-10-31', onTime: true, n: 1 },
    { side: 'replied', day: '2024-11-22', onTime: false, n: 1 },
  ];
  const a = computeAnalytics({ year: 2024, counts: [], replies: grouped, paused: [], calendar });
  const b = computeAnalytics({ year: 2024, counts: [], replies: replyRows([A, D, B]), paused: [], calendar });
  assert.deepEqual(a.timeliness, b.timeliness);
  assert.equal(a.timeliness.averageWorkingDays, Math.round(((9 + 13 + 24) / 3) * 10) / 10);
});

test('no replies: rates and averages are null, not zero', () => {
  const a = computeAnalytics({ year: 2024, counts: [], replies: [], paused: [], calendar });
  assert.equal(a.total, 0);
  assert.equal(a.timeliness.onTimeRate, null);
  assert.equal(a.timeliness.averageWorkingDays, null);
  assert.equal(a.timeliness.pausedWorkingDays, 0);
  assert.equal(a.byMonth.length, 12);
  assert.ok(a.byMonth.every((m) => m.count === 0));
});

test('a reply in a year the calendar lacks leaves the working-day figures unknown', () => {
  const only2024 = createCalendar(years.filter((y) => y.year === 2024));
  const a = computeAnalytics({
    year: 2024,
    counts: [],
    replies: replyRows([A, { receivedOn: '2024-12-20', repliedOn: '2025-01-10', onTime: true }]),
    paused: [],
    calendar: only2024,
  });
  assert.equal(a.timeliness.calendarMissingYear, 2025);
  assert.equal(a.timeliness.averageWorkingDays, null);
  assert.equal(a.timeliness.onTimeRate, 1, 'the on-time rate needs no calendar');
});

test('counts by month, channel, applicant type, unit and stage', () => {
  const counts: CountRow[] = [
    { dim: 'month', key: 1, n: 3 },
    { dim: 'month', key: 3, n: 2 },
    { dim: 'channel', key: 'in-person', n: 4 },
    { dim: 'channel', key: 'online', n: 1 },
    { dim: 'applicantType', key: 'natural', n: 4 },
    { dim: 'applicantType', key: 'legal-service', n: 1 },
    { dim: 'unit', key: 7, n: 3 },
    { dim: 'unit', key: null, n: 2 },
    { dim: 'stage', key: 'replied', n: 3 },
    { dim: 'stage', key: 'registered', n: 2 },
  ];
  const a = computeAnalytics({
    year: 2024,
    counts,
    replies: [],
    paused: [],
    calendar,
    unitNames: { 7: '市教育局' },
  });
  assert.equal(a.total, 5);
  assert.deepEqual(
    a.byMonth.map((m) => m.count),
    [3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  assert.equal(a.byMonth[0]?.label, '1月');
  assert.deepEqual(
    a.byChannel.map((c) => [c.key, c.count]),
    [
      ['in-person', 4],
      ['online', 1],
    ],
  );
  assert.deepEqual(
    a.byApplicantType.map((t) => [t.label, t.count]),
    [
      ['自然人', 4],
      ['商业企业', 0],
      ['科研机构', 0],
      ['社会公益组织', 0],
      ['法律服务机构', 1],
      ['其他', 0],
    ],
  );
  assert.deepEqual(
    a.byUnit.map((u) => [u.key, u.label, u.count]),
    [
      [7, '市教育局', 3],
      [null, '未分办', 2],
    ],
  );
  assert.deepEqual(
    a.byStage.map((s) => [s.key, s.count]),
    [
      ['registered', 2],
      ['replied', 3],
    ],
  );
  assert.equal(a.byStage[1]?.label, STAGE_LABELS.replied);
});

test('outcomes are counted on the report rows of table 三, by applicant type', () => {
  const counts: CountRow[] = [
    { dim: 'outcome', key: 'DISCLOSE', ground: null, applicantType: 'natural', n: 2 },
    { dim: 'outcome', key: 'ALREADY_PUBLIC', ground: null, applicantType: 'legal-service', n: 1 },
    { dim: 'outcome', key: 'PARTIAL', ground: 'THIRD_PARTY_RIGHTS', applicantType: 'commercial', n: 1 },
    { dim: 'outcome', key: 'WITHHOLD', ground: 'PROCESS_INFO', applicantType: 'natural', n: 1 },
    { dim: 'outcome', key: 'WITHHOLD', ground: 'STATE_SECRET', applicantType: 'natural', n: 1 },
    { dim: 'outcome', key: 'NOT_OUR_AGENCY', ground: null, applicantType: 'natural', n: 1 },
    { dim: 'outcome', key: 'WITHDRAWN_NO_PAYMENT', ground: null, applicantType: 'research', n: 1 },
    { dim: 'outcome', key: null, ground: null, applicantType: 'natural', n: 2 },
    // Invalid (a withheld case without its ground): reported apart, never guessed into a row.
    { dim: 'outcome', key: 'WITHHOLD', ground: null, applicantType: 'natural', n: 1 },
  ];
  const a = computeAnalytics({ year: 2024, counts, replies: [], paused: [], calendar });
  assert.equal(a.byOutcome.length, 21);
  const row = (key: string) => a.byOutcome.find((r) => r.key === key);
  assert.equal(row('3.1')?.count, 3);
  assert.deepEqual(row('3.1')?.byApplicantType, [2, 0, 0, 0, 1, 0]);
  assert.equal(row('3.1')?.groupLabel, '（一）予以公开');
  assert.equal(row('3.2')?.count, 1);
  assert.deepEqual(row('3.2')?.byApplicantType, [0, 1, 0, 0, 0, 0]);
  assert.equal(row('3.3.6')?.count, 1);
  assert.equal(row('3.3.1')?.count, 1);
  assert.equal(row('3.3.4')?.count, 0, 'PARTIAL counts only in 3.2 (区分处理的，只计这一情形)');
  assert.equal(row('3.4.1')?.count, 1);
  assert.equal(row('3.6.2')?.count, 1);
  assert.deepEqual(row('3.6.2')?.byApplicantType, [0, 0, 1, 0, 0, 0]);
  assert.equal(a.undecided, 2);
  assert.equal(a.unmapped, 1);
  assert.deepEqual(
    a.byOutcomeGroup.map((g) => [g.key, g.count]),
    [
      ['disclosed', 3],
      ['partial', 1],
      ['withheld', 2],
      ['unable', 1],
      ['not-handled', 0],
      ['other', 1],
    ],
  );
  assert.equal(reportRowOf('WITHHOLD', 'ADMIN_QUERY'), '3.3.8');
  assert.equal(reportRowOf('NOPE', null), null);
  assert.equal(reportRowOf('DISCLOSE', 'STATE_SECRET'), null);
});

test('release suggestions: subjects sharing two words in three applications or more', () => {
  const app = (id: number, subject: string, terms: string[], flaggable = false) => ({
    id,
    subject,
    terms,
    flaggable,
  });
  const apps = [
    app(1, '某小区供暖改造补贴发放名单', ['小区', '供暖', '改造', '补贴', '名单'], true),
    app(2, '供暖补贴发放情况', ['供暖', '补贴', '发放']),
    app(3, '2025年供暖补贴标准', ['供暖', '补贴', '标准'], true),
    app(4, '供暖补贴发放名单', ['供暖', '补贴', '发放', '名单']),
    app(5, '义务教育学区划分方案', ['义务教育', '学区', '划分', '方案']),
    app(6, '学区划分方案', ['学区', '划分', '方案']),
  ];
  const s = releaseSuggestions(apps);
  assert.equal(s.length, 1, JSON.stringify(s));
  assert.deepEqual([...(s[0]?.keywords ?? [])].sort(), ['供暖', '补贴'].sort());
  assert.equal(s[0]?.count, 4);
  assert.deepEqual(s[0]?.flaggableIds, [1, 3]);
  assert.equal(s[0]?.subjects.length, 3);
  // Two applications are not enough; with a threshold of 2 the 学区 pairs appear (once: the others are covered).
  const two = releaseSuggestions(apps, 2);
  assert.ok(two.some((x) => x.keywords.includes('学区')));
  assert.equal(two.filter((x) => x.keywords.includes('学区') || x.keywords.includes('划分')).length, 1);
  assert.deepEqual(releaseSuggestions([]), []);
});

/** The pair counting as first written (string keys): the numbered pairs must give the same suggestions. */
function referenceSuggestions(apps: readonly SubjectTerms[], minApplications = 3, limit = 10) {
  const pairs = new Map<string, number[]>();
  apps.forEach((app, index) => {
    const words = [...new Set(app.terms)].slice(0, 12).sort();
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const key = `${words[i]}\u0000${words[j]}`;
        const list = pairs.get(key);
        if (list) list.push(index);
        else pairs.set(key, [index]);
      }
    }
  });
  const frequent = [...pairs]
    .filter(([, list]) => list.length >= minApplications)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const covered = new Set<number>();
  const out = [];
  for (const [key, list] of frequent) {
    if (out.length >= limit) break;
    if (list.every((i) => covered.has(i))) continue;
    for (const i of list) covered.add(i);
    const members = list.map((i) => apps[i] as SubjectTerms);
    out.push({
      keywords: key.split('\u0000'),
      count: list.length,
      subjects: [...new Set(members.map((a) => a.subject))].slice(0, 3),
      flaggableIds: members
        .filter((a) => a.flaggable)
        .map((a) => a.id)
        .slice(0, 20),
    });
  }
  return out;
}

test('property: release suggestions equal the string-keyed pair counting', () => {
  const word = fc.constantFrom(
    '学校',
    '供暖',
    '补贴',
    '名单',
    '项目',
    '批复',
    '合同',
    '采购',
    '道路',
    'a',
    'b',
    '改造',
    '资金',
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          id: fc.nat(10_000),
          subject: fc.constantFrom('甲', '乙', '丙', '丁'),
          terms: fc.array(word, { maxLength: 16 }),
          flaggable: fc.boolean(),
        }),
        { maxLength: 60 },
      ),
      fc.integer({ min: 1, max: 4 }),
      (apps, min) => {
        assert.deepEqual(releaseSuggestions(apps, min), referenceSuggestions(apps, min));
      },
    ),
    { numRuns: 300 },
  );
});
