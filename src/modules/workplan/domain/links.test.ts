import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkAllowed, suggestParentTasks } from './links.ts';

const PROVINCE = [
  { id: 1, task: '推进财政预决算公开', requirement: '全面公开部门预算、决算和“三公”经费' },
  { id: 2, task: '加强政策解读', requirement: '重要政策文件与解读材料同步起草、同步审签、同步发布' },
  { id: 3, task: '优化政府网站集约化平台', requirement: '推进政府网站集约化，统一信息资源库' },
];

test('each city task gets the provincial task it restates; an unrelated or ambiguous one gets none', () => {
  const rows: [task: string, requirement: string, expected: number | null][] = [
    ['推进市级财政预决算公开', '全面公开市直部门预算、决算和“三公”经费', 1],
    ['加强重要政策解读', '政策文件与解读材料同步起草、同步审签、同步发布', 2],
    ['优化市政府网站集约化平台', '推进网站集约化建设，统一信息资源库', 3],
    // A task of its own: nothing alike enough.
    ['开展政务开放日活动', '邀请市民走进机关', null],
    ['', '', null],
  ];
  const got = suggestParentTasks(
    rows.map(([task, requirement], i) => ({ id: 100 + i, task, requirement })),
    PROVINCE,
  );
  rows.forEach(([task, , expected], i) => {
    assert.equal(got[i]?.taskId, 100 + i);
    assert.equal(got[i]?.parentTaskId, expected, `${task}: ${got[i]?.similarity}`);
  });
  assert.ok((got[0]?.similarity ?? 0) >= 0.2 && (got[3]?.similarity ?? 1) < 0.2);
});

test('a tie between two parent tasks is left to the office; no parents, no suggestion', () => {
  const twins = [
    { id: 1, task: '做好信息公开', requirement: '' },
    { id: 2, task: '做好信息公开', requirement: '' },
  ];
  assert.equal(
    suggestParentTasks([{ id: 9, task: '做好信息公开', requirement: '' }], twins)[0]?.parentTaskId,
    null,
  );
  assert.deepEqual(suggestParentTasks([{ id: 9, task: '做好信息公开', requirement: '' }], []), [
    { taskId: 9, parentTaskId: null, similarity: 0 },
  ]);
});

test('a plan links to a plan above it, never to itself or one below it', () => {
  // province 1 ← city 2 ← county 3
  const parents = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
  ]);
  const parentOf = (id: number) => parents.get(id) ?? null;
  const rows: [child: number, parent: number, ok: boolean][] = [
    [2, 1, true],
    [3, 2, true],
    [3, 1, true],
    [2, 2, false],
    [1, 3, false],
    [2, 3, false],
  ];
  for (const [child, parent, ok] of rows)
    assert.equal(linkAllowed(child, parent, parentOf), ok, `${child}→${parent}`);
});
