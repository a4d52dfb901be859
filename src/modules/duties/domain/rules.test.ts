/** The registers' pure rules, as tables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';
import { withProvisionalYears } from '../../calendar/domain/provisional.ts';
import {
  errataDue,
  errataNext,
  isOverdue,
  isSilent,
  opinionErrors,
  proposalErrors,
  recordErrors,
  responseHours,
  stateOf,
} from './rules.ts';

const loaded = holidays as unknown as CalendarYear[];
// The bundled years (through 2026) and 2027 provisionally, as loadCalendar fills it.
const calendar = createCalendar(withProvisionalYears(loaded, 2027));

test('the errata answer is due 3 working days after receipt; provisional over a year without its notice', () => {
  const rows: [string, string | null, number[]][] = [
    ['2026-03-16', '2026-03-19', []], // Monday → Thursday
    ['2026-03-20', '2026-03-25', []], // Friday → the weekend skipped
    ['2026-04-02', '2026-04-08', []], // 清明 04-04…04-06 off
    ['2026-12-30', '2027-01-05', [2027]], // into 2027, whose notice is not loaded: 元旦 provisionally off
    ['2030-06-01', null, []], // beyond the calendar: no date
  ];
  for (const [received, due, provisional] of rows) {
    const r = errataDue(calendar, received);
    assert.deepEqual(r && [r.dueOn, r.provisionalYears], due && [due, provisional], received);
  }
});

test('overdue the day after the due day while not answered', () => {
  const rows: [Parameters<typeof isOverdue>[0], string | null, string, boolean][] = [
    ['received', '2026-03-19', '2026-03-19', false],
    ['received', '2026-03-19', '2026-03-20', true],
    ['assigned', '2026-03-19', '2026-03-20', true],
    ['answered', '2026-03-19', '2026-04-01', false],
    ['handling', '2026-03-19', '2026-03-20', true],
    ['replied', '2026-03-19', '2026-03-20', false],
    ['handling', null, '2026-03-20', false],
  ];
  for (const [state, due, today, overdue] of rows)
    assert.equal(isOverdue(state, due, today), overdue, `${state} ${due} ${today}`);
});

test('response time in hours, to one decimal; null until responded or when malformed or earlier', () => {
  const rows: [string, string | null, number | null][] = [
    ['2026-03-16 08:00', '2026-03-16 10:30', 2.5],
    ['2026-03-16 22:00', '2026-03-17 09:20', 11.3],
    ['2026-03-16T08:00', '2026-03-18T08:00', 48],
    ['2026-03-16 08:00', null, null],
    ['2026-03-16 08:00', '2026-03-16 07:59', null],
    ['2026-03-16 25:00', '2026-03-17 08:00', null],
    ['昨天', '2026-03-17 08:00', null],
  ];
  for (const [from, to, hours] of rows) assert.equal(responseHours(from, to), hours, `${from} → ${to}`);
});

test('an active account silent more than 14 days is flagged; a closed one never', () => {
  const rows: [string | null, string | null, string, boolean][] = [
    ['2026-03-02', null, '2026-03-16', false], // 14 days: not yet
    ['2026-03-01', null, '2026-03-16', true], // 15 days
    [null, null, '2026-03-16', true], // never updated: counted from the opening (2026-01-05)
    ['2026-03-01', '2026-03-10', '2026-03-16', false], // closed
  ];
  for (const [lastUpdateOn, closedOn, today, silent] of rows)
    assert.equal(
      isSilent({ lastUpdateOn, closedOn, occurredOn: '2026-01-05' }, today),
      silent,
      `${lastUpdateOn} ${closedOn}`,
    );
});

test('a proposal’s result is published only once replied; 摘要公开 requires its reason', () => {
  const replied = { reply: '已落实', repliedOn: '2026-03-10' };
  const rows: [string, Parameters<typeof proposalErrors>[0], string[]][] = [
    ['handling, nothing published', {}, []],
    ['全文公开', { ...replied, publication: 'full', publishedOn: '2026-03-12' }, []],
    [
      '摘要 with reason',
      {
        ...replied,
        publication: 'summary',
        publicationReason: '涉及个人隐私',
        summaryText: '已协调落实',
        publishedOn: '2026-03-12',
      },
      [],
    ],
    [
      '摘要 without reason',
      { ...replied, publication: 'summary', summaryText: '已落实', publishedOn: '2026-03-12' },
      ['publicationReason'],
    ],
    [
      '摘要 without its text',
      { ...replied, publication: 'summary', publicationReason: '涉及隐私', publishedOn: '2026-03-12' },
      ['summaryText'],
    ],
    ['published before replied', { publication: 'full', publishedOn: '2026-03-12' }, ['publication']],
    ['published without its date', { ...replied, publication: 'full' }, ['publishedOn']],
    ['a date without publication', { ...replied, publishedOn: '2026-03-12' }, ['publishedOn']],
    ['reply without its date', { reply: '已落实' }, ['repliedOn']],
    ['satisfaction before the reply', { satisfaction: 'satisfied' }, ['satisfaction']],
    ['replied before assigned', { reply: '已落实', repliedOn: '2026-02-01' }, ['repliedOn']],
    [
      'published before the reply',
      { ...replied, publication: 'full', publishedOn: '2026-03-09' },
      ['publishedOn'],
    ],
  ];
  for (const [name, p, paths] of rows)
    assert.deepEqual(
      proposalErrors(p, '2026-02-10').map((e) => e.path),
      paths,
      name,
    );
});

test('an opinion response has its kind and time, not before discovery; records are not in the future', () => {
  assert.deepEqual(opinionErrors({ discoveredAt: '2026-03-16 08:00' }), []);
  assert.deepEqual(
    opinionErrors({ discoveredAt: '2026-03-16 08:00', respondedAt: '2026-03-16 09:00' }).map((e) => e.path),
    ['responseKind'],
  );
  assert.deepEqual(
    opinionErrors({
      discoveredAt: '2026-03-16 08:00',
      respondedAt: '2026-03-15 09:00',
      responseKind: 'release',
    }).map((e) => e.path),
    ['respondedAt'],
  );
  assert.deepEqual(
    recordErrors('accounts', { occurredOn: '2026-03-17', closedOn: '2026-03-18' }, '2026-03-16').map(
      (e) => e.path,
    ),
    ['occurredOn', 'closureRef'],
  );
});

test('each record’s state from its facts; errata steps until answered', () => {
  const rows: [Parameters<typeof stateOf>[0], Record<string, unknown>, string][] = [
    ['opinions', {}, 'open'],
    ['opinions', { respondedAt: '2026-03-16 09:00' }, 'responded'],
    ['proposals', {}, 'handling'],
    ['proposals', { reply: '已落实', publication: 'none' }, 'replied'],
    ['proposals', { reply: '已落实', publication: 'summary' }, 'published'],
    ['accounts', {}, 'active'],
    ['accounts', { closedOn: '2026-03-01' }, 'closed'],
  ];
  for (const [register, r, state] of rows)
    assert.equal(stateOf(register, r), state, `${register} ${JSON.stringify(r)}`);
  assert.equal(errataNext('received', 'assign'), 'assigned');
  assert.equal(errataNext('assigned', 'assign'), 'assigned');
  assert.equal(errataNext('assigned', 'answer'), 'answered');
  assert.equal(errataNext('answered', 'answer'), null);
});
