/** Adjustments of a published 决策事项目录: which changes need a reason and what they are (713 Art. 3(3)). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjustmentOf, type Change, changedFields, type ItemSnapshot } from './catalogue.ts';

const item: ItemSnapshot = {
  subject: '济宁市养老服务设施布局专项规划',
  undertaker: '市民政局',
  plannedTime: '2026年第三季度',
  hearingPlanned: false,
  riskPlanned: true,
  expertPlanned: false,
  partyConsentOn: '2026-02-10',
  partyConsentNote: '',
  published: true,
};
const TODAY = '2026-03-16';

test('which changes of a catalogue item are adjustments (with a reason) and which are free', () => {
  const rows: [string, Partial<AdjustmentRow>, Change | null][] = [
    // [why, facts, expected]
    ['a draft item, not published: free', { before: null, after: { published: false } }, null],
    ['published on the catalogue’s first day: original catalogue', { before: null, published: TODAY }, null],
    ['published into a catalogue never published: original', { before: null, published: null }, null],
    ['published into a catalogue published earlier: added', { before: null, published: '2026-01-20' }, 'add'],
    [
      'an unpublished draft edited: free',
      {
        before: { published: false },
        after: { published: false, plannedTime: '2026年第四季度' },
        ever: false,
      },
      null,
    ],
    [
      'a draft item published later into the published catalogue: added',
      { before: { published: false }, after: { published: true }, ever: false, published: '2026-01-20' },
      'add',
    ],
    ['a published item edited: adjustment', { after: { plannedTime: '2026年第四季度' } }, 'edit'],
    ['a published item saved unchanged: nothing', { after: {} }, null],
    ['a published item taken off the catalogue: withdrawn', { after: { published: false } }, 'withdraw'],
    [
      'a withdrawn item published again: restored',
      { before: { published: false }, after: { published: true } },
      'restore',
    ],
    [
      'a withdrawn item edited while off the portal: free',
      { before: { published: false }, after: { published: false, undertaker: '市卫健委' } },
      null,
    ],
  ];
  for (const [why, r, expected] of rows) {
    const before = r.before === null ? null : { ...item, ...(r.before ?? {}) };
    const after = { ...(before ?? item), ...(r.after ?? {}) };
    assert.equal(
      adjustmentOf({
        before,
        after,
        everPublished: r.ever ?? before !== null,
        cataloguePublishedOn: r.published === undefined ? '2026-01-20' : r.published,
        today: TODAY,
      }),
      expected,
      why,
    );
  }
});

type AdjustmentRow = {
  before: Partial<ItemSnapshot> | null;
  after: Partial<ItemSnapshot>;
  ever: boolean;
  published: string | null;
};

test('changed fields are listed in the catalogue’s column order; a null date equals a missing one', () => {
  const rows: [Partial<ItemSnapshot>, string[]][] = [
    [{}, []],
    [{ plannedTime: '2026年第四季度', subject: '新名称' }, ['subject', 'plannedTime']],
    [{ hearingPlanned: true, published: false }, ['hearingPlanned', 'published']],
    [{ partyConsentOn: null }, ['partyConsentOn']],
  ];
  for (const [change, expected] of rows)
    assert.deepEqual(changedFields(item, { ...item, ...change }), expected);
  assert.deepEqual(
    changedFields(
      { ...item, partyConsentOn: null },
      { ...item, partyConsentOn: undefined as unknown as null },
    ),
    [],
  );
});
