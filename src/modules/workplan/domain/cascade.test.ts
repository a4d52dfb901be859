import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressesCounties, rollup, selectCountyTasks, selectDerivedTasks } from './cascade.ts';

test('group names that address the counties', () => {
  const table: [string, boolean][] = [
    ['各县（市、区）政府（管委会）', true],
    ['各县(市、区)人民政府', true],
    ['各县市区', true],
    ['各县市区政府', true],
    ['县（市、区）政府', true],
    ['各区县', true],
    ['市、县级政府办公室', true],
    ['各区（县）', true],
    ['市政府各部门、单位', false],
    ['市政府有关部门、单位', false],
    ['市直各部门', false],
    ['各区域中心', false],
  ];
  for (const [name, want] of table) assert.equal(addressesCounties(name), want, name);
});

test('cascade selection: county groups or the county itself, in table order', () => {
  const county = 70;
  const tasks = [
    { id: 3, seq: 3, groups: ['各县（市、区）政府（管委会）'], assignmentOrgIds: [5] },
    { id: 1, seq: 1, groups: ['市政府各部门、单位'], assignmentOrgIds: [5, 6] },
    { id: 2, seq: 2, groups: [], assignmentOrgIds: [county] },
    { id: 4, seq: 4, groups: [], assignmentOrgIds: [71] },
    { id: 5, seq: 5, groups: ['各县市区'], assignmentOrgIds: [] },
  ];
  assert.deepEqual(
    selectCountyTasks(tasks, county).map((t) => t.id),
    [2, 3, 5],
  );
  // From an external plan (the province's), the importing city takes every task, in table order.
  const rows: [external: boolean, ids: number[]][] = [
    [false, [2, 3, 5]],
    [true, [1, 2, 3, 4, 5]],
  ];
  for (const [external, ids] of rows)
    assert.deepEqual(
      selectDerivedTasks(tasks, county, external).map((t) => t.id),
      ids,
    );
});

test('roll-up of a derived task', () => {
  const a = (status: string, reviewState: string) => ({ status, reviewState });
  const today = '2026-05-01';
  const table: [
    ReturnType<typeof a>[],
    string | null,
    { status: string; finished: number; overdue: number },
  ][] = [
    [[], null, { status: 'unassigned', finished: 0, overdue: 0 }],
    [
      [a('not_started', 'none'), a('not_started', 'none')],
      '2026-06-30',
      { status: 'not_started', finished: 0, overdue: 0 },
    ],
    [
      [a('done', 'accepted'), a('in_progress', 'submitted')],
      '2026-04-30',
      { status: 'in_progress', finished: 1, overdue: 1 },
    ],
    [
      [a('done', 'accepted'), a('done', 'accepted')],
      '2026-04-30',
      { status: 'done', finished: 2, overdue: 0 },
    ],
    [[a('done', 'accepted'), a('ongoing', 'accepted')], null, { status: 'ongoing', finished: 2, overdue: 0 }],
    [[a('done', 'submitted')], null, { status: 'in_progress', finished: 0, overdue: 0 }],
  ];
  for (const [as, due, want] of table) {
    const r = rollup(as, due, today);
    assert.deepEqual(
      { status: r.status, finished: r.finished, overdue: r.overdue },
      want,
      JSON.stringify(as),
    );
    assert.equal(r.total, as.length);
  }
});
