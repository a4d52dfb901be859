import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CaseFileRef,
  caseFileRefs,
  type LoggedEvent,
  releasedDocuments,
  releasedListLines,
  releasesInformation,
} from './case-files.ts';

const ev = (id: number, type: string, data: Record<string, unknown>): LoggedEvent => ({
  id,
  type,
  on: `2025-03-${String(id).padStart(2, '0')}`,
  data,
});

test('the files a case log names, grouped, each once, drafts not counted', { timeout: 5_000 }, () => {
  const cases: {
    name: string;
    events: LoggedEvent[];
    expected: Pick<CaseFileRef, 'fileId' | 'group' | 'label'>[];
  }[] = [
    { name: 'nothing', events: [ev(1, 'submit', { channel: 'online' })], expected: [] },
    {
      name: 'the registration’s scan and identity, unknown kinds and bad ids ignored',
      events: [
        ev(1, 'submit', {
          files: [
            { fileId: 7, kind: 'letter-scan', name: '来信.pdf' },
            { fileId: 8, kind: 'identity', name: '身份证.jpg' },
            { fileId: 9, kind: 'photo', name: 'x' },
            { fileId: -1, kind: 'supporting', name: 'y' },
          ],
        }),
      ],
      expected: [
        { fileId: 7, group: 'application', label: '申请书（信函）扫描件' },
        { fileId: 8, group: 'application', label: '身份证明' },
      ],
    },
    {
      name: 'assistance answers and the signed reply; the draft alone is not the case’s',
      events: [
        ev(1, 'submit', {}),
        ev(2, 'assist-reply', { fileIds: [11, 12] }),
        ev(3, 'draft-reply', { releasedFiles: [{ fileId: 13, name: '方案.pdf' }] }),
        ev(4, 'reply', {
          releasedFiles: [
            { fileId: 13, name: '方案.pdf' },
            { fileId: 11, name: '重复.pdf' },
          ],
        }),
      ],
      expected: [
        { fileId: 11, group: 'assistance', label: '协助答复附件' },
        { fileId: 12, group: 'assistance', label: '协助答复附件' },
        { fileId: 13, group: 'released', label: '答复附件' },
      ],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(
      caseFileRefs(c.events).map(({ fileId, group, label }) => ({ fileId, group, label })),
      c.expected,
      c.name,
    );
  }
});

test('released documents: from replies only, each once', { timeout: 5_000 }, () => {
  const doc = { documentId: 5, title: '关于某项目的批复', docNumber: '济政字〔2024〕3号' };
  const events = [
    ev(1, 'draft-reply', { releasedDocuments: [{ documentId: 6, title: '草稿里的', docNumber: null }] }),
    ev(2, 'reply', { releasedDocuments: [doc, { documentId: 'x', title: '坏的' }] }),
    ev(3, 'reply', { releasedDocuments: [doc] }),
  ];
  assert.deepEqual(releasedDocuments(events), [{ ...doc, eventId: 2, on: '2025-03-02' }]);
});

test('what a reply letter lists, and which outcomes release information', { timeout: 5_000 }, () => {
  const rows: [Parameters<typeof releasedListLines>, string[]][] = [
    [[[], []], []],
    [
      [[{ documentId: 1, title: '批复', docNumber: '济政字〔2024〕3号' }], ['附件一.pdf']],
      ['随本答复书提供以下政府信息：', '1. 《批复》（济政字〔2024〕3号）', '2. 附件一.pdf'],
    ],
    [
      [[{ documentId: 1, title: '方案', docNumber: null }], []],
      ['随本答复书提供以下政府信息：', '1. 《方案》'],
    ],
  ];
  for (const [args, expected] of rows) assert.deepEqual(releasedListLines(...args), expected);
  const outcomes: [string, boolean][] = [
    ['DISCLOSE', true],
    ['PARTIAL', true],
    ['WITHHOLD', false],
    ['ALREADY_PUBLIC', false],
    ['NOT_EXIST', false],
  ];
  for (const [o, expected] of outcomes) assert.equal(releasesInformation(o), expected, o);
});
