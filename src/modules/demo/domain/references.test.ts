import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Blocker, deletionOrder, describeBlocker, describeBlockers } from './references.ts';

const kase: Blocker = {
  record: { table: 'requests', key: { id: 12 }, label: '某路段拓宽工程会议纪要' },
  demo: { table: 'orgs', key: { id: 3 }, label: '市教育局' },
};

test('a record in the way is named with its table in Chinese, its number and the demo record', () => {
  const rows: [Blocker, string][] = [
    [kase, '依申请公开案件 #12「某路段拓宽工程会议纪要」引用了演示机构「市教育局」'],
    [
      {
        record: { table: 'calendar_years', key: { year: 2026 }, label: null },
        demo: { table: 'users', key: { id: 1 }, label: 'admin（系统管理员）' },
      },
      '工作日历（2026年）引用了演示用户「admin（系统管理员）」',
    ],
    [
      {
        record: { table: 'site_things', key: { id: 4 }, label: null },
        demo: { table: 'work_tasks', key: { id: 9 }, label: null },
      },
      'site_things #4引用了演示数据 台账任务 #9',
    ],
  ];
  for (const [b, expected] of rows) assert.equal(describeBlocker(b), expected);
});

test('a record without an id is named by what its key points to, never by column names', {
  timeout: 10_000,
}, () => {
  const demoOrg = { table: 'orgs', key: { id: 3 }, label: '市教育局' };
  const rows: { what: string; record: Blocker['record']; expected: string }[] = [
    {
      what: 'a key column pointing to a named record, and a year',
      record: {
        table: 'work_assessment_rows',
        key: { assessment_id: 5, org_id: 3 },
        label: null,
        refs: {
          assessment_id: { table: 'work_assessments', label: '2026年度政务公开考核' },
          org_id: { table: 'orgs', label: '市教育局' },
        },
      },
      expected: '考核得分（考核「2026年度政务公开考核」，机构「市教育局」）引用了演示机构「市教育局」',
    },
    {
      what: 'a pointed-to record without a name, and a year',
      record: {
        table: 'reports',
        key: { org_id: 7, year: 2026 },
        label: null,
        refs: { org_id: { table: 'orgs', label: null } },
      },
      expected: '政府信息公开工作年度报告（机构 #7，2026年）引用了演示机构「市教育局」',
    },
    {
      what: 'codes and hashes are left out; the record keeps its own name',
      record: { table: 'enterprise_access', key: { token_hash: 'ab12' }, label: '某科技有限公司' },
      expected: '企业访问凭据「某科技有限公司」引用了演示机构「市教育局」',
    },
    {
      what: 'nothing of the key reads as Chinese and no name: described by its table',
      record: {
        table: 'policy_package_items',
        key: { package_id: 2, kind: 'document', ref_id: 9 },
        label: null,
      },
      expected: '一条政策包条目引用了演示机构「市教育局」',
    },
  ];
  for (const r of rows) {
    const text = describeBlocker({ record: r.record, demo: demoOrg });
    assert.equal(text, r.expected, r.what);
    assert.doesNotMatch(text, /[a-z_]+=/, r.what);
  }
});

test('a long list shows the first five and the total', () => {
  const many = Array.from({ length: 7 }, (_, i) => ({
    ...kase,
    record: { ...kase.record, key: { id: i + 1 } },
  }));
  const text = describeBlockers(many, 9);
  assert.equal(text.split('；').length, 5);
  assert.ok(text.endsWith('等 9 处'));
  assert.ok(!describeBlockers(many.slice(0, 2), 2).includes('等'));
});

test('deletion order: referencing tables first, self-references ignored, cycles last', () => {
  const refs = [
    { table: 'users', refTable: 'orgs' },
    { table: 'orgs', refTable: 'orgs' },
    { table: 'requests', refTable: 'orgs' },
    { table: 'requests', refTable: 'users' },
    { table: 'a', refTable: 'b' },
    { table: 'b', refTable: 'a' },
  ];
  assert.deepEqual(deletionOrder(['orgs', 'users', 'requests'], refs), ['requests', 'users', 'orgs']);
  assert.deepEqual(deletionOrder(['orgs', 'a', 'b'], refs), ['orgs', 'a', 'b']);
});
