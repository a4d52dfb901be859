import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTable3 } from './checks.ts';
import { activityFacts, overviewFacts, table3From } from './compose.ts';
import { table4Of } from './tables.ts';

const zeros = [0, 0, 0, 0, 0, 0, 0];

test('table 三 from the requests stats: 一, 二, outcome rows, （七） as their sum, 四', () => {
  const t = table3From([
    { key: 'received', counts: [2, 1, 0, 0, 0, 0, 3] },
    { key: 'carriedIn', counts: [1, 0, 0, 0, 0, 0, 1] },
    { key: '3.1', counts: [2, 0, 0, 0, 0, 0, 2] },
    { key: '3.3.4', counts: [0, 1, 0, 0, 0, 0, 1] },
    { key: 'unmapped', counts: zeros },
    { key: 'carriedForward', counts: [1, 0, 0, 0, 0, 0, 1] },
  ]);
  assert.deepEqual(t['三(三)4'], [0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual(t['三(七)'], [2, 1, 0, 0, 0, 0, 3]);
  assert.ok(checkTable3(t).every((c) => c.ok));
});

test('an application concluded with an outcome no row takes is in （七） and fails its check', () => {
  const t = table3From([
    { key: 'received', counts: [1, 0, 0, 0, 0, 0, 1] },
    { key: 'unmapped', counts: [1, 0, 0, 0, 0, 0, 1] },
  ]);
  assert.deepEqual(t['三(七)'], [1, 0, 0, 0, 0, 0, 1]);
  assert.ok(checkTable3(t).some((c) => !c.ok && c.message.includes('（一）至（六）各项之和为0')));
});

test('the overview paragraph states the figures', () => {
  const t = table3From([
    { key: 'received', counts: [2, 1, 0, 0, 0, 0, 3] },
    { key: '3.1', counts: [2, 1, 0, 0, 0, 0, 3] },
  ]);
  const text = overviewFacts('市教育局', 2025, {
    table2: {
      rule: [0, 0, 0],
      normative: [4, 1, 20],
      licensing: null,
      penalty: null,
      enforcement: null,
      fees: null,
    },
    table3: t,
    table4: table4Of([{ kind: 'review', result: 'upheld' }]),
  });
  assert.ok(text.includes('本年制发规章0件、行政规范性文件4件'), text);
  assert.ok(
    text.includes('本年新收政府信息公开申请3件，上年结转0件，本年办结3件，结转下年度继续办理0件'),
    text,
  );
  assert.ok(text.includes('被申请行政复议1件、提起行政诉讼0件'), text);
});

test('activity facts: each sentence from its table, summed over organisations, left out when empty', () => {
  const activity = {
    key: 'documents.activity',
    columns: [{ key: 'published' }, { key: 'interpretations' }],
    rows: [
      { key: '1', counts: [3, 1] },
      { key: '2', counts: [2, 0] },
    ],
  };
  const onlyDocs = { ...activity, rows: [{ key: '1', counts: [4, 0] }] };
  const workplan = {
    key: 'workplan.completion',
    columns: [{ key: 'tasks' }, { key: 'parts' }, { key: 'completed' }],
    rows: [{ key: '1', counts: [5, 8, 6] }],
  };
  const consultations = {
    key: 'decisions.consultations',
    columns: [{ key: 'consultations' }, { key: 'comments' }, { key: 'adopted' }],
    rows: [{ key: '1', counts: [2, 7, 3] }],
  };
  const cases: [string, Parameters<typeof activityFacts>[1], number | null, string][] = [
    ['nothing known', [], null, ''],
    ['zero fees and empty tables', [{ ...activity, rows: [] }], 0, ''],
    [
      'documents and interpretations',
      [activity],
      null,
      '2025年，通过政府信息公开平台主动公开政府文件5件，发布政策解读1篇。',
    ],
    ['documents only', [onlyDocs], null, '2025年，通过政府信息公开平台主动公开政府文件4件。'],
    ['workplan', [workplan], null, '年度政务公开工作要点确定任务5项，分解落实8项，已完成6项。'],
    ['consultations', [consultations], null, '重大行政决策公开征求意见2次，收到意见7条，采纳或部分采纳3条。'],
    ['fees', [], 1.5, '本年行政事业性收费1.5万元，收费项目和标准依法公开。'],
    [
      'participation, leaving out what did not happen',
      [
        {
          key: 'decisions.participation',
          columns: [{ key: 'hearings' }, { key: 'meetings' }, { key: 'open_days' }, { key: 'evaluations' }],
          rows: [{ key: '1', counts: [0, 3, 1, 2] }],
        },
      ],
      null,
      '邀请公众代表列席政府会议3次，举办政府开放日活动1次，开展政策评估2项。',
    ],
    [
      'gazette issues',
      [
        {
          key: 'documents.activity',
          columns: [{ key: 'published' }, { key: 'interpretations' }, { key: 'gazette' }],
          rows: [{ key: '1', counts: [0, 0, 12] }],
        },
      ],
      null,
      '编印发布政府公报12期。',
    ],
    [
      'routed questions and policies pushed (tables of named rows)',
      [
        {
          key: 'qa.routed',
          columns: [{ key: 'count' }],
          rows: [
            { key: 'received', counts: [4] },
            { key: 'sent', counts: [3] },
          ],
        },
        {
          key: 'enterprises.pushes',
          columns: [{ key: 'count' }],
          rows: [
            { key: 'policies', counts: [2] },
            { key: 'reached', counts: [40] },
            { key: 'granted', counts: [9] },
            { key: 'without_application', counts: [5] },
          ],
        },
      ],
      null,
      '政策问答平台转办群众提问4件，已答复3件。开展“政策找人”，向企业精准推送惠企政策2项、40户次，已兑现9户次（其中免申即享5户次）。',
    ],
    [
      'duty registers',
      [
        {
          key: 'duties.errata',
          columns: [{ key: 'received' }, { key: 'answered' }],
          rows: [{ key: '1', counts: [6, 5] }],
        },
        {
          key: 'duties.opinions',
          columns: [{ key: 'events' }, { key: 'responded' }],
          rows: [{ key: '1', counts: [3, 3] }],
        },
        {
          key: 'duties.proposals',
          columns: [{ key: 'suggestions' }, { key: 'proposals' }, { key: 'full' }, { key: 'summary' }],
          rows: [{ key: '1', counts: [4, 2, 3, 1] }],
        },
      ],
      null,
      '收到网站纠错6条，已答复5条。回应政务舆情3件。办理人大代表建议和政协委员提案6件，公开办理结果4件。',
    ],
  ];
  for (const [name, tables, fees, expected] of cases) {
    assert.equal(activityFacts(2025, tables, fees), expected, name);
  }
});
