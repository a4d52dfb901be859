import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshness, parseTimeLimit } from './time-limit.ts';

describe('公开时限 as catalogues write it', { timeout: 10_000 }, () => {
  const cases: [string, string, number | null][] = [
    ['信息形成或者变更之日起20个工作日内', 'event', null],
    ['自批准之日起20个工作日内', 'event', null],
    ['预算批准后20日内', 'event', null],
    ['年度预算经人大批准后20日内', 'event', null],
    ['实时公开', 'event', null],
    ['长期公开', 'event', null],
    ['每月', 'periodic', 31],
    ['按季度更新', 'periodic', 92],
    ['每半年', 'periodic', 183],
    ['每年3月底前', 'periodic', 366],
    ['年度', 'periodic', 366],
    ['', 'unknown', null],
    ['按规定', 'unknown', null],
  ];
  for (const [text, kind, days] of cases)
    it(`${text || '（空）'} → ${kind}${days ? ` ${days}天` : ''}`, () => {
      const t = parseTimeLimit(text);
      assert.equal(t.kind, kind);
      assert.equal(t.kind === 'periodic' ? t.days : null, days);
    });
});

describe('freshness of a catalogue item', { timeout: 10_000 }, () => {
  const monthly = parseTimeLimit('每月');
  const event = parseTimeLimit('20个工作日内');
  const cases: [
    string,
    ReturnType<typeof parseTimeLimit>,
    boolean,
    string | null,
    string,
    boolean,
    string | null,
  ][] = [
    ['not linked', monthly, false, null, '2026-03-16', true, 'unlinked'],
    ['linked, never updated', event, true, null, '2026-03-16', true, 'empty'],
    ['event-driven, updated long ago', event, true, '2020-01-01', '2026-03-16', false, null],
    ['monthly, due on the 31st day', monthly, true, '2026-02-13', '2026-03-16', false, null],
    ['monthly, stale the day after', monthly, true, '2026-02-13', '2026-03-17', true, 'overdue'],
  ];
  for (const [name, limit, linked, last, today, stale, problem] of cases)
    it(name, () => {
      const f = freshness(limit, linked, last, today);
      assert.equal(f.stale, stale);
      assert.equal(f.problem, problem);
    });
  it('gives the due date of a periodic item', () => {
    assert.equal(freshness(monthly, true, '2026-02-13', '2026-03-01').dueOn, '2026-03-16');
  });
});
