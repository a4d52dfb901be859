import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Sheet } from './sheet.ts';
import {
  planUserImport,
  roleFromCell,
  USER_TEMPLATE_HEADERS,
  type UserImportContext,
} from './user-import.ts';

function sheet(rows: string[][], headers: readonly string[] = USER_TEMPLATE_HEADERS): Sheet {
  return { headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const CTX: UserImportContext = {
  orgs: [
    { id: 1, name: '济宁市人民政府', disabled: false },
    { id: 2, name: '市教育局', disabled: false },
    { id: 3, name: '办公室', disabled: false },
    { id: 4, name: '办公室', disabled: false },
    { id: 5, name: '市旧局', disabled: true },
  ],
  aliases: [{ alias: '教育局', orgId: 2 }],
  users: [
    {
      id: 9,
      username: 'lisi',
      displayName: '李四',
      orgId: 2,
      role: 'handler',
      phone: null,
      email: null,
    },
  ],
};

test('roles by label or code', () => {
  assert.equal(roleFromCell('承办人'), 'handler');
  assert.equal(roleFromCell('approver'), 'approver');
  assert.equal(roleFromCell('科长'), null);
});

test('a good file: creates, updates an existing account, finds an organisation by its alias', () => {
  const plan = planUserImport(
    sheet([
      ['ZhangSan', '张三', '市教育局', '承办人', '13800000000', 'zs@example.cn'],
      ['lisi', '李四', '教育局', '审核人', '0537-2345678', ''],
    ]),
    CTX,
  );
  assert.deepEqual(plan.errors, []);
  assert.deepEqual(
    plan.items.map((i) => [i.username, i.action, i.orgId, i.role, i.changes]),
    [
      ['zhangsan', 'create', 2, 'handler', []],
      ['lisi', 'update', 2, 'reviewer', ['角色', '手机']],
    ],
  );
});

const BAD: [string, string[][], readonly string[] | undefined, [number, RegExp][]][] = [
  ['missing columns', [['a', 'b']], ['账号', '姓名', '手机'], [[1, /缺少必填列：“机构”、“角色”/]]],
  ['a bad role', [['wangwu', '王五', '市教育局', '科长', '', '']], undefined, [[2, /角色“科长”无效/]]],
  [
    'an unknown organisation',
    [['wangwu', '王五', '市体育局', '承办人', '', '']],
    undefined,
    [[2, /机构“市体育局”不存在/]],
  ],
  [
    'an ambiguous organisation',
    [['wangwu', '王五', '办公室', '承办人', '', '']],
    undefined,
    [[2, /多个同名机构/]],
  ],
  ['a disabled organisation', [['wangwu', '王五', '市旧局', '承办人', '', '']], undefined, [[2, /已停用/]]],
  [
    'a duplicate username',
    [
      ['wangwu', '王五', '市教育局', '承办人', '', ''],
      ['WangWu', '王五', '市教育局', '审核人', '', ''],
    ],
    undefined,
    [[3, /账号“wangwu”与第2行重复/]],
  ],
  ['a bad username', [['王五', '王五', '市教育局', '承办人', '', '']], undefined, [[2, /应为3至40位/]]],
  [
    'a bad phone',
    [['wangwu', '王五', '市教育局', '承办人', '12345', '']],
    undefined,
    [[2, /手机号码“12345”格式不正确/]],
  ],
  [
    'a bad email',
    [['wangwu', '王五', '市教育局', '承办人', '', 'wangwu@']],
    undefined,
    [[2, /邮箱“wangwu@”格式不正确/]],
  ],
  ['an empty name', [['wangwu', '', '市教育局', '承办人', '', '']], undefined, [[2, /姓名不能为空/]]],
];

for (const [name, rows, headers, expected] of BAD) {
  test(`refused: ${name}`, () => {
    const plan = planUserImport(sheet(rows, headers), CTX);
    assert.deepEqual(plan.items, []);
    for (const [row, pattern] of expected) {
      assert.ok(
        plan.errors.some((e) => e.row === row && pattern.test(e.message)),
        `row ${row} ${pattern}: ${JSON.stringify(plan.errors)}`,
      );
    }
    assert.equal(plan.errors.length, expected.length, JSON.stringify(plan.errors));
  });
}

test('the importer may not change their own role, nor take accounts of other organisations', () => {
  const own = planUserImport(sheet([['lisi', '李四', '市教育局', '负责人', '', '']]), { ...CTX, actorId: 9 });
  assert.match(own.errors[0]?.message ?? '', /不能修改自己的角色/);
  const other = planUserImport(sheet([['lisi', '李四', '济宁市人民政府', '承办人', '', '']]), {
    ...CTX,
    visibleIds: new Set([1]),
  });
  assert.match(other.errors[0]?.message ?? '', /已被其他机构的用户使用/);
});
