import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';
import { computeClock } from './clock.ts';
import {
  ACTION_LABELS,
  ACTIONS,
  type Action,
  allowedActions,
  CaseError,
  type CaseEvent,
  type CaseState,
  decide,
  foldState,
  isAssistanceOverdue,
  type LoggedEvent,
  nextState,
  STAGE_LABELS,
  STAGES,
  type Stage,
  toClockEvents,
} from './stages.ts';

const calendar = createCalendar(holidays as unknown as CalendarYear[]);

function hasCode(code: string, params?: Record<string, unknown>) {
  return (error: unknown) => {
    assert.ok(error instanceof CaseError, String(error));
    assert.equal(error.code, code);
    if (params !== undefined) assert.deepEqual({ ...error.params, ...params }, error.params);
    assert.ok(/\p{Script=Han}/u.test(error.message), 'Chinese message');
    return true;
  };
}

function state(stage: Stage, extra: Partial<CaseState> = {}): CaseState {
  return {
    stage,
    correctionRequested: false,
    extended: false,
    feeNoticeSent: false,
    feePaid: false,
    openConsultations: [],
    ...extra,
  };
}

test('stage and action labels a clerk understands', () => {
  assert.deepEqual(
    STAGES.map((s) => STAGE_LABELS[s]),
    ['待确认收到', '已登记', '办理中', '待补正', '已答复', '已终止', '已归档'],
  );
  assert.deepEqual(
    ACTIONS.map((a) => ACTION_LABELS[a]),
    [
      '确认收到',
      '分办',
      '补正告知',
      '收到补正',
      '视为放弃（逾期未补正）',
      '发送征求意见函',
      '第三方收到征求意见函',
      '收到第三方意见',
      '延期答复',
      '收费通知',
      '已缴费',
      '视为放弃（逾期未缴费）',
      '答复',
      '拟写答复（提交审核签发）',
      '审核通过',
      '退回修改',
      '申请人撤回',
      '办理记录',
      '请求协助（协助调查/会商）',
      '协助答复',
      '归档',
      '重新办理（复议或诉讼纠正）',
      '转办',
    ],
  );
});

// docs/requests.md "Actions", written out again: stage → next stage where the action is allowed.
const OPEN: Stage[] = ['awaiting-confirmation', 'registered', 'processing', 'awaiting-correction'];
const EXPECTED: Record<Action, Partial<Record<Stage, Stage>>> = {
  'confirm-receipt': { 'awaiting-confirmation': 'registered' },
  assign: { registered: 'processing', processing: 'processing' },
  'request-correction': { registered: 'awaiting-correction', processing: 'awaiting-correction' },
  'receive-correction': { 'awaiting-correction': 'processing' },
  'deem-withdrawn-no-correction': { 'awaiting-correction': 'closed' },
  'consult-send': { processing: 'processing' },
  'consult-deliver': { processing: 'processing' },
  'consult-reply': { processing: 'processing' },
  extend: { processing: 'processing' },
  'fee-notice': { processing: 'processing' },
  'fee-paid': { processing: 'processing' },
  'deem-withdrawn-no-payment': { processing: 'closed' },
  reply: { registered: 'replied', processing: 'replied' },
  // 审核签发: the draft and its steps leave the stage as it is; only the signature (reply) answers.
  'draft-reply': { registered: 'registered', processing: 'processing' },
  'review-draft': { registered: 'registered', processing: 'processing' },
  'return-draft': { registered: 'registered', processing: 'processing' },
  withdraw: Object.fromEntries(OPEN.map((s) => [s, 'closed'])),
  note: Object.fromEntries([...OPEN, 'replied', 'closed'].map((s) => [s, s])),
  'assist-request': {
    registered: 'registered',
    processing: 'processing',
    'awaiting-correction': 'awaiting-correction',
  },
  'assist-reply': Object.fromEntries([...OPEN, 'replied', 'closed'].map((s) => [s, s])),
  archive: { replied: 'archived', closed: 'archived' },
  reopen: { replied: 'processing', closed: 'processing', archived: 'processing' },
  // 转办: an unconfirmed case stays unconfirmed; a received one starts over, unassigned, at the new agency.
  transfer: {
    'awaiting-confirmation': 'awaiting-confirmation',
    registered: 'registered',
    processing: 'registered',
  },
};

/** The most permissive flags for an action (so only the stage decides). */
function permissive(stage: Stage, action: Action): CaseState {
  // 转办 needs nothing pending (tested below); the others need the consultation or task they answer.
  const pending = action !== 'transfer';
  return state(stage, {
    feeNoticeSent: action === 'fee-paid' || action === 'deem-withdrawn-no-payment',
    openConsultations: pending ? ['c1'] : [],
    deliveredConsultations: [],
    openAssistance: pending ? ['a1'] : [],
    // The draft's review and return need a draft waiting for review.
    draft:
      action === 'review-draft' || action === 'return-draft'
        ? { pending: ['review', 'sign'], drafterId: 1 }
        : null,
  });
}

function dataFor(action: Action): Record<string, unknown> {
  return { consultationId: action === 'consult-send' ? 'c2' : 'c1', assistanceId: 'a1' };
}

test('every stage × action: the next stage of the design, or CASE_ACTION_NOT_ALLOWED / CASE_ARCHIVED', () => {
  for (const stage of STAGES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[action][stage];
      const s = permissive(stage, action);
      if (stage === 'archived' && action !== 'reopen') {
        assert.throws(() => decide(s, action, dataFor(action)), hasCode('CASE_ARCHIVED'), action);
      } else if (expected === undefined) {
        assert.throws(
          () => decide(s, action, dataFor(action)),
          hasCode('CASE_ACTION_NOT_ALLOWED', { stage, action }),
          `${stage} × ${action}`,
        );
      } else {
        assert.equal(decide(s, action, dataFor(action)).stage, expected, `${stage} × ${action}`);
      }
    }
  }
});

test('closing actions carry their fixed outcome', () => {
  assert.deepEqual(decide(state('awaiting-correction'), 'deem-withdrawn-no-correction'), {
    stage: 'closed',
    outcome: 'WITHDRAWN_NO_CORRECTION',
  });
  assert.deepEqual(decide(state('processing', { feeNoticeSent: true }), 'deem-withdrawn-no-payment'), {
    stage: 'closed',
    outcome: 'WITHDRAWN_NO_PAYMENT',
  });
  assert.deepEqual(decide(state('registered'), 'withdraw'), { stage: 'closed', outcome: 'OTHER' });
  assert.deepEqual(decide(state('processing'), 'reply'), { stage: 'replied' });
});

// Every combination of stage and flags.
function allStates(): CaseState[] {
  const out: CaseState[] = [];
  const bools = [false, true];
  for (const stage of STAGES)
    for (const correctionRequested of bools)
      for (const extended of bools)
        for (const feeNoticeSent of bools)
          for (const feePaid of bools)
            for (const [openConsultations, deliveredConsultations] of [
              [[], []],
              [['c1'], []],
              [['c1'], ['c1']],
              [['c1', 'c2'], ['c1']],
            ] as [string[], string[]][])
              out.push({
                stage,
                correctionRequested,
                extended,
                feeNoticeSent,
                feePaid,
                openConsultations,
                deliveredConsultations,
              });
  return out;
}

test('allowedActions agrees with decide for every state × action', () => {
  const states = allStates();
  assert.equal(states.length, 7 * 16 * 4);
  for (const s of states) {
    const allowed = allowedActions(s);
    for (const action of ACTIONS) {
      // Accepted for some consultation id (an open one, or a new one for consult-send)?
      const ids = [...s.openConsultations, 'brand-new'];
      const accepted = ids.some((consultationId) => {
        try {
          decide(s, action, { consultationId });
          return true;
        } catch (error) {
          assert.ok(error instanceof CaseError);
          return false;
        }
      });
      assert.equal(allowed.includes(action), accepted, `${JSON.stringify(s)} × ${action}`);
    }
  }
});

test('an archived case refuses everything but a reopening; a note is possible everywhere else', () => {
  assert.deepEqual(allowedActions(state('archived')), ['reopen']);
  for (const stage of STAGES) {
    if (stage !== 'archived') assert.ok(allowedActions(state(stage)).includes('note'), stage);
  }
  assert.deepEqual(allowedActions(state('awaiting-confirmation')), [
    'confirm-receipt',
    'withdraw',
    'note',
    'transfer',
  ]);
  assert.deepEqual(allowedActions(state('replied')), ['note', 'archive', 'reopen']);
});

describe('refusals with their own codes', () => {
  test('one extension per case', () => {
    assert.throws(
      () => decide(state('processing', { extended: true }), 'extend'),
      hasCode('EXTENSION_ALREADY_USED'),
    );
    assert.equal(allowedActions(state('processing', { extended: true })).includes('extend'), false);
  });

  test('one correction notice per case (一次性告知)', () => {
    const s = state('processing', { correctionRequested: true });
    assert.throws(() => decide(s, 'request-correction'), hasCode('CORRECTION_ALREADY_REQUESTED'));
    assert.throws(
      () => decide(state('awaiting-correction', { correctionRequested: true }), 'request-correction'),
      hasCode('CORRECTION_ALREADY_REQUESTED'),
    );
    assert.throws(
      () => decide(state('replied', { correctionRequested: true }), 'request-correction'),
      hasCode('CASE_ACTION_NOT_ALLOWED'),
    );
  });

  test('fees: payment and deemed withdrawal need a notice; one notice; one payment', () => {
    for (const action of ['fee-paid', 'deem-withdrawn-no-payment'] as const) {
      assert.throws(() => decide(state('processing'), action), hasCode('FEE_NOT_NOTIFIED', { action }));
      assert.throws(
        () => decide(state('processing', { feeNoticeSent: true, feePaid: true }), action),
        hasCode('FEE_ALREADY_PAID'),
      );
    }
    assert.throws(
      () => decide(state('processing', { feeNoticeSent: true }), 'fee-notice'),
      hasCode('FEE_ALREADY_NOTIFIED'),
    );
  });

  test('consultations are addressed by an open id', () => {
    const s = state('processing', { openConsultations: ['c1'] });
    for (const action of ['consult-deliver', 'consult-reply'] as const) {
      assert.throws(() => decide(s, action, { consultationId: 'c9' }), hasCode('CONSULTATION_UNKNOWN'));
      assert.throws(() => decide(s, action), hasCode('CONSULTATION_UNKNOWN'));
      assert.equal(decide(s, action, { consultationId: 'c1' }).stage, 'processing');
    }
    assert.throws(
      () => decide(s, 'consult-send', { consultationId: 'c1' }),
      hasCode('CONSULTATION_DUPLICATE'),
    );
    assert.throws(() => decide(s, 'consult-send', {}), hasCode('CONSULTATION_UNKNOWN'));
    const delivered = { ...s, deliveredConsultations: ['c1'] };
    assert.throws(
      () => decide(delivered, 'consult-deliver', { consultationId: 'c1' }),
      hasCode('CONSULTATION_ALREADY_DELIVERED'),
    );
    assert.equal(decide(delivered, 'consult-reply', { consultationId: 'c1' }).stage, 'processing');
  });

  test('an unknown action and the stage refusal message', () => {
    assert.throws(() => decide(state('processing'), 'fly' as Action), hasCode('CASE_ACTION_UNKNOWN'));
    assert.throws(
      () => decide(state('replied'), 'reply'),
      (e: unknown) => (e as Error).message === '该申请当前处于“已答复”阶段，不能进行“答复”操作',
    );
  });
});

// A complete online application: confirmation, assignment, consultation, extension, fee, reply, archive.
const onlineCase: CaseEvent[] = [
  { type: 'submit', on: '2024-02-29', data: { confirmed: false } },
  { type: 'confirm-receipt', on: '2024-03-01', data: {} },
  { type: 'assign', on: '2024-03-04', data: { unitId: 7, handlerId: 12 } },
  { type: 'note', on: '2024-03-04', data: { text: '与财政局会商', kind: 'meeting' } },
  {
    type: 'consult-send',
    on: '2024-03-05',
    data: { consultationId: 'c1', party: 'third-party', name: '某某公司' },
  },
  { type: 'consult-deliver', on: '2024-03-06', data: { consultationId: 'c1' } },
  { type: 'consult-reply', on: '2024-03-12', data: { consultationId: 'c1', opinion: 'refuse' } },
  { type: 'extend', on: '2024-04-01', data: { reason: '需要调取档案' } },
  {
    type: 'fee-notice',
    on: '2024-04-02',
    data: { method: 'per-page', quantity: 150, receivedOn: '2024-04-03' },
  },
  { type: 'fee-paid', on: '2024-04-08', data: {} },
  {
    type: 'reply',
    on: '2024-04-10',
    data: { outcome: 'PARTIAL', groundCode: 'THIRD_PARTY_RIGHTS', text: '…' },
  },
  { type: 'archive', on: '2024-04-20', data: {} },
];

describe('foldState', () => {
  test('the submit event decides the first stage', () => {
    assert.equal(foldState([{ type: 'submit', data: { confirmed: false } }]).stage, 'awaiting-confirmation');
    assert.deepEqual(foldState([{ type: 'submit', data: { confirmed: true } }]), {
      stage: 'registered',
      correctionRequested: false,
      extended: false,
      feeNoticeSent: false,
      feePaid: false,
      openConsultations: [],
      deliveredConsultations: [],
      openAssistance: [],
      draft: null,
    });
  });

  test('a complete case, step by step', () => {
    const stages = onlineCase.map((_, i) => foldState(onlineCase.slice(0, i + 1)).stage);
    assert.deepEqual(stages, [
      'awaiting-confirmation',
      'registered',
      'processing',
      'processing',
      'processing',
      'processing',
      'processing',
      'processing',
      'processing',
      'processing',
      'replied',
      'archived',
    ]);
    assert.deepEqual(foldState(onlineCase.slice(0, 6)).openConsultations, ['c1']);
    assert.deepEqual(foldState(onlineCase.slice(0, 6)).deliveredConsultations, ['c1']);
    assert.deepEqual(foldState(onlineCase.slice(0, 7)).openConsultations, []);
    const end = foldState(onlineCase);
    assert.equal(end.extended, true);
    assert.equal(end.feeNoticeSent, true);
    assert.equal(end.feePaid, true);
  });

  test('correction: notice, corrected application, and deemed withdrawal', () => {
    const base: LoggedEvent[] = [
      { type: 'submit', on: '2024-03-01', data: { confirmed: true } },
      {
        type: 'request-correction',
        on: '2024-03-05',
        data: { items: '请写明文件名称', deadlineDate: '2024-03-20' },
      },
    ];
    const waiting = foldState(base);
    assert.equal(waiting.stage, 'awaiting-correction');
    assert.equal(waiting.correctionRequested, true);
    assert.equal(
      foldState([...base, { type: 'receive-correction', on: '2024-03-08', data: {} }]).stage,
      'processing',
    );
    assert.equal(
      foldState([...base, { type: 'deem-withdrawn-no-correction', on: '2024-03-21' }]).stage,
      'closed',
    );
    assert.throws(
      () =>
        foldState([
          ...base,
          { type: 'receive-correction', on: '2024-03-08', data: {} },
          { type: 'request-correction', on: '2024-03-09', data: { items: '再补' } },
        ]),
      hasCode('CORRECTION_ALREADY_REQUESTED'),
    );
  });

  test('a malformed log is refused', () => {
    assert.throws(() => foldState([]), hasCode('CASE_LOG_INVALID'));
    assert.throws(() => foldState([{ type: 'assign', data: { unitId: 1 } }]), hasCode('CASE_LOG_INVALID'));
    assert.throws(() => foldState([{ type: 'submit', data: {} }]), hasCode('CASE_LOG_INVALID'));
    assert.throws(
      () =>
        foldState([
          { type: 'submit', data: { confirmed: true } },
          { type: 'submit', data: { confirmed: true } },
        ]),
      hasCode('CASE_LOG_INVALID', { index: 1 }),
    );
    assert.throws(
      () =>
        foldState([
          { type: 'submit', data: { confirmed: true } },
          { type: 'teleport', data: {} },
        ]),
      hasCode('CASE_LOG_INVALID'),
    );
    // A transition the rules forbid surfaces with the rule's own code.
    assert.throws(
      () =>
        foldState([
          { type: 'submit', data: { confirmed: false } },
          { type: 'reply', data: { outcome: 'DISCLOSE' } },
        ]),
      hasCode('CASE_ACTION_NOT_ALLOWED', { stage: 'awaiting-confirmation', action: 'reply' }),
    );
  });

  test('nextState does not mutate its input', () => {
    const s = state('processing', { openConsultations: ['c1'], deliveredConsultations: [] });
    const copy = structuredClone(s);
    nextState(s, 'consult-deliver', { consultationId: 'c1' });
    nextState(s, 'consult-send', { consultationId: 'c2' });
    nextState(s, 'consult-reply', { consultationId: 'c1' });
    assert.deepEqual(s, copy);
  });
});

describe('toClockEvents', () => {
  test('maps the log to the clock events', () => {
    assert.deepEqual(toClockEvents(onlineCase), [
      { type: 'consultation-sent', on: '2024-03-05', consultationId: 'c1', party: 'third-party' },
      { type: 'consultation-delivered', on: '2024-03-06', consultationId: 'c1' },
      { type: 'consultation-replied', on: '2024-03-12', consultationId: 'c1' },
      { type: 'extension-approved', on: '2024-04-01' },
      { type: 'fee-notice-sent', on: '2024-04-02' },
      { type: 'fee-notice-received', on: '2024-04-03' },
      { type: 'fee-paid', on: '2024-04-08' },
    ]);
  });

  test('correction events; the date may sit in data; a fee notice is received the day it is sent by default', () => {
    assert.deepEqual(
      toClockEvents([
        { type: 'submit', data: { confirmed: true } },
        { type: 'request-correction', data: { on: '2024-03-05', items: 'x' } },
        { type: 'receive-correction', on: '2024-03-08', data: {} },
        { type: 'fee-notice', on: '2024-03-11', data: { method: 'per-item', quantity: 12 } },
        { type: 'note', data: { text: 'x' } },
      ]),
      [
        { type: 'correction-notice-sent', on: '2024-03-05' },
        { type: 'correction-received', on: '2024-03-08' },
        { type: 'fee-notice-sent', on: '2024-03-11' },
        { type: 'fee-notice-received', on: '2024-03-11' },
      ],
    );
  });

  test('a clock event without a valid date is refused', () => {
    assert.throws(
      () => toClockEvents([{ type: 'extend', data: { reason: 'x' } }]),
      hasCode('CASE_LOG_INVALID'),
    );
    assert.throws(() => toClockEvents([{ type: 'fee-paid', on: '2024-02-30' }]), hasCode('CASE_LOG_INVALID'));
    assert.throws(
      () => toClockEvents([{ type: 'fee-notice', on: '2024-03-01', data: { receivedOn: 'soon' } }]),
      hasCode('CASE_LOG_INVALID'),
    );
  });

  test('the clock derived from the log (counted by hand)', () => {
    // Received Fri 2024-03-01. Letter sent Tue 03-05 (2 working days used: 03-04, 03-05); reply received
    // Tue 03-12; 18 days remain: 03-13…03-15 (3), 03-18…03-22 (8), 03-25…03-29 (13), 04-01…04-03 (16),
    // 04-04…04-06 清明 off, Sun 04-07 make-up working day (17), Mon 04-08 (18) → due 2024-04-08.
    const log = onlineCase.slice(0, 7);
    const clock = computeClock({
      calendar,
      receipt: { channel: 'online', receivedOn: '2024-03-01' },
      events: toClockEvents(log),
      today: '2024-03-20',
    });
    assert.equal(clock.replyDue, '2024-04-08');
    assert.equal(clock.thirdPartyDue, '2024-03-27');
    // With the extension: +20 working days after 04-08.
    const extended = computeClock({
      calendar,
      receipt: { channel: 'online', receivedOn: '2024-03-01' },
      events: toClockEvents(onlineCase),
    });
    assert.equal(extended.extended, true);
    assert.equal(extended.replyDue, calendar.addWorkingDays('2024-04-08', 20));
  });
});

test('property: any walk through allowedActions folds consistently and yields a valid clock', () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 3 }) }), { maxLength: 40 }),
      (confirmed, steps) => {
        let on = '2024-01-02';
        const log: LoggedEvent[] = [{ type: 'submit', on, data: { confirmed } }];
        let s = foldState(log);
        let receivedOn: string | null = confirmed ? on : null;
        let nextId = 1;
        for (const { pick, gap } of steps) {
          const allowed = allowedActions(s);
          if (allowed.length === 0) break;
          const action = allowed[pick % allowed.length] as Action;
          if (gap > 0) on = calendar.addWorkingDays(on, gap);
          const delivered = s.deliveredConsultations ?? [];
          let data: Record<string, unknown> = {};
          if (action === 'consult-send')
            data = { consultationId: `c${nextId++}`, party: 'agency', name: 'x' };
          if (action === 'consult-deliver')
            data = { consultationId: s.openConsultations.find((c) => !delivered.includes(c)) };
          if (action === 'consult-reply')
            data = {
              consultationId: s.openConsultations[pick % 2 === 0 ? 0 : s.openConsultations.length - 1],
            };
          if (action === 'confirm-receipt') receivedOn = on;
          // A case ended before its receipt was confirmed counts from the reopening (steps.ts reopen).
          if (action === 'reopen' && receivedOn === null) receivedOn = on;
          s = nextState(s, action, data);
          log.push({ type: action, on, data });
        }
        assert.deepEqual(foldState(log), s);
        if (s.stage === 'archived') assert.deepEqual(allowedActions(s), ['reopen']);
        if (receivedOn !== null) {
          const clock = computeClock({
            calendar,
            receipt: { channel: 'online', receivedOn },
            events: toClockEvents(log),
            today: on,
          });
          assert.equal(clock.extended, s.extended);
        } else {
          assert.deepEqual(toClockEvents(log), []);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('assistance (协助调查/会商): asked while handled, answered once, never offered as a case action', () => {
  let s = state('processing');
  assert.ok(allowedActions(s).includes('assist-request'));
  s = nextState(s, 'assist-request', {
    assistanceId: 'a1',
    unitId: 7,
    kind: 'investigation',
    question: '?',
    dueOn: '2025-03-10',
  });
  s = nextState(s, 'assist-request', {
    assistanceId: 'a2',
    unitId: 8,
    kind: 'meeting',
    question: '?',
    dueOn: '2025-03-10',
  });
  assert.deepEqual(s.openAssistance, ['a1', 'a2']);
  assert.ok(!allowedActions(s).includes('assist-reply'), 'answered through the task, not the case menu');
  s = nextState(s, 'assist-reply', { assistanceId: 'a1', text: '已核实' });
  assert.deepEqual(s.openAssistance, ['a2']);
  assert.throws(
    () => decide(s, 'assist-reply', { assistanceId: 'a1', text: 'again' }),
    hasCode('ASSISTANCE_UNKNOWN'),
  );
  assert.throws(() => decide(s, 'assist-reply', {}), hasCode('ASSISTANCE_UNKNOWN'));
  // A reply to the applicant does not cancel the other unit's task: it may still answer.
  s = nextState(s, 'reply', { outcome: 'DISCLOSE', text: 'x' });
  assert.equal(decide(s, 'assist-reply', { assistanceId: 'a2', text: 'ok' }).stage, 'replied');
  assert.throws(() => decide(s, 'assist-request', {}), hasCode('CASE_ACTION_NOT_ALLOWED'));
  // The log replays the same way.
  const log = foldState([
    { type: 'submit', on: '2025-03-03', data: { confirmed: true } },
    {
      type: 'assist-request',
      on: '2025-03-04',
      data: { assistanceId: 'x', unitId: 1, kind: 'meeting', question: 'q', dueOn: '2025-03-10' },
    },
    { type: 'note', on: '2025-03-05', data: { kind: 'investigation', text: 'an old note stays readable' } },
  ]);
  assert.deepEqual(log.openAssistance, ['x']);
});

test('an assistance request is overdue the day after its due date while unanswered', () => {
  assert.equal(isAssistanceOverdue('2025-03-10', '2025-03-10', false), false);
  assert.equal(isAssistanceOverdue('2025-03-10', '2025-03-11', false), true);
  assert.equal(isAssistanceOverdue('2025-03-10', '2025-03-11', true), false);
});

// 转办 (domain/transfer.ts): the new agency answers for itself, so nothing may still be pending in the
// first agency's name. [name, state, refused?]
test('转办 is refused while a consultation, an assistance task or an unpaid fee notice is pending', () => {
  const rows: [string, CaseState, boolean][] = [
    ['nothing pending', state('processing'), false],
    ['a consultation open', state('processing', { openConsultations: ['c1'] }), true],
    ['an assistance task open', state('processing', { openAssistance: ['a1'] }), true],
    ['a fee notice unpaid', state('processing', { feeNoticeSent: true }), true],
    ['a fee notice paid', state('processing', { feeNoticeSent: true, feePaid: true }), false],
    [
      'a correction notice sent earlier (answered)',
      state('processing', { correctionRequested: true }),
      false,
    ],
  ];
  for (const [name, s, refused] of rows) {
    if (refused) assert.throws(() => decide(s, 'transfer'), hasCode('TRANSFER_PENDING_STEPS'), name);
    else assert.deepEqual(decide(s, 'transfer'), { stage: 'registered' }, name);
  }
  assert.throws(() => decide(state('awaiting-correction'), 'transfer'), hasCode('CASE_ACTION_NOT_ALLOWED'));
  assert.throws(() => decide(state('replied'), 'transfer'), hasCode('CASE_ACTION_NOT_ALLOWED'));
});

test('a transfer in the log folds to a registered case, keeping the once-only flags', () => {
  const s = foldState([
    { type: 'submit', on: '2024-03-01', data: { confirmed: true } },
    { type: 'assign', on: '2024-03-04', data: { unitId: 20 } },
    { type: 'extend', on: '2024-03-05', data: { reason: '需要检索' } },
    { type: 'transfer', on: '2024-03-06', data: { fromOrgId: 10, toOrgId: 40 } },
  ]);
  assert.equal(s.stage, 'registered');
  assert.equal(s.extended, true, 'the extension already used stays used');
  assert.deepEqual(toClockEvents([{ type: 'transfer', on: '2024-03-06', data: {} }]), [], 'no clock event');
});
