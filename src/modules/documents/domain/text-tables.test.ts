import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textBlocks } from './text-tables.ts';

test('one cell per line (Word text export): header, spanning section rows, continued cells, empty cells', {
  timeout: 5000,
}, () => {
  const text = [
    '附件',
    '2021年任务分解表',
    '\t工作任务',
    '\t牵头部门',
    '\t具体要求',
    '',
    '\t一、深化重点领域公开',
    '',
    '\t（一）推进重大战略公开',
    '\t市发展改革委',
    '市自然资源和规划局',
    '\t主动公开“十四五”规划。',
    '',
    '\t',
    '\t市财政局',
    '\t扩大预决算公开范围。',
    '',
    '抄送：市委办公室。',
  ].join('\n');
  assert.deepEqual(textBlocks(text), [
    { kind: 'paragraph', text: '附件' },
    { kind: 'paragraph', text: '2021年任务分解表' },
    {
      kind: 'table',
      header: ['工作任务', '牵头部门', '具体要求'],
      rows: [
        ['一、深化重点领域公开'],
        ['（一）推进重大战略公开', '市发展改革委\n市自然资源和规划局', '主动公开“十四五”规划。'],
        ['', '市财政局', '扩大预决算公开范围。'],
      ],
    },
    { kind: 'paragraph', text: '抄送：市委办公室。' },
  ]);
});

test('tab-separated rows of the same width are a table; other text stays paragraphs', {
  timeout: 5000,
}, () => {
  for (const [text, expected] of [
    [
      '情况如下：\n序号\t项目\t金额（万元）\n1\t道路改造\t120\n2\t管网更新\t80\n以上。',
      [
        { kind: 'paragraph', text: '情况如下：' },
        {
          kind: 'table',
          header: ['序号', '项目', '金额（万元）'],
          rows: [
            ['1', '道路改造', '120'],
            ['2', '管网更新', '80'],
          ],
        },
        { kind: 'paragraph', text: '以上。' },
      ],
    ],
    // One line with a tab is no table.
    [
      '姓名\t张三\n第二段',
      [
        { kind: 'paragraph', text: '姓名 张三' },
        { kind: 'paragraph', text: '第二段' },
      ],
    ],
    // A lone tab-led block (no body rows) is no table.
    [
      '\t工作任务\n\t牵头部门\n\n正文',
      [
        { kind: 'paragraph', text: '工作任务' },
        { kind: 'paragraph', text: '牵头部门' },
        { kind: 'paragraph', text: '正文' },
      ],
    ],
    [
      '第一段\n\n第二段',
      [
        { kind: 'paragraph', text: '第一段' },
        { kind: 'paragraph', text: '第二段' },
      ],
    ],
  ] as const) {
    assert.deepEqual(textBlocks(text), expected, text);
  }
});
