import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventLabel, groupedOutcomeOptions, labelOf, normalizeMeta, toOptions } from './requestsMeta.ts';

test('reads option lists given as arrays of entries or as code → label maps', () => {
  assert.deepEqual(
    toOptions([{ code: 'a', label: '甲' }]).map((o) => [o.code, o.label]),
    [['a', '甲']],
  );
  assert.deepEqual(
    toOptions({ a: '甲', b: { label: '乙' } }).map((o) => [o.code, o.label]),
    [
      ['a', '甲'],
      ['b', '乙'],
    ],
  );
  assert.equal(labelOf(toOptions({ a: '甲' }), 'zz'), 'zz');
  assert.equal(labelOf([], null), '—');
});

test('groups reply outcomes under the annual-report headings, in report order', () => {
  const meta = normalizeMeta({
    outcomeGroups: [
      { code: 'disclosed', label: '（一）予以公开' },
      { code: 'withheld', label: '（三）不予公开' },
    ],
    outcomes: [
      { code: 'WITHHOLD', label: '不予公开', group: 'withheld', groundRequired: true, replyChoosable: true },
      {
        code: 'DISCLOSE',
        label: '予以公开',
        group: 'disclosed',
        groundRequired: false,
        replyChoosable: true,
      },
      { code: 'NOT_EXIST', label: '本机关不掌握相关政府信息' },
      { code: 'OTHER', label: '其他处理', group: 'other', replyChoosable: false },
    ],
  });
  const withhold = meta.outcomes.find((o) => o.code === 'WITHHOLD');
  assert.equal(withhold?.groundRequired, true);
  assert.equal(meta.outcomes.find((o) => o.code === 'OTHER')?.replyChoosable, false);
  const groups = groupedOutcomeOptions(meta.outcomes.filter((o) => o.replyChoosable));
  assert.deepEqual(
    groups.map((g) => [g.label, g.options.map((o) => o.value)]),
    [
      ['（一）予以公开', ['DISCLOSE']],
      ['（三）不予公开', ['WITHHOLD']],
      ['（四）无法提供', ['NOT_EXIST']],
    ],
  );
});

test('labels events by their own list, then by the action they record', () => {
  const meta = normalizeMeta({ actions: [{ code: 'reply', label: '答复' }] });
  assert.equal(eventLabel(meta, 'reply'), '答复');
  assert.equal(eventLabel(meta, 'submit'), '提交申请');
  assert.equal(eventLabel(meta, 'unknown'), 'unknown');
});
