import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEGAL_GROUNDS, needsInterpretation } from './codes.ts';
import {
  addMonths,
  allowedActions,
  attributeProblems,
  attributeReviewDue,
  decide,
  type WorkflowDoc,
} from './workflow.ts';

const doc = (over: Partial<WorkflowDoc> = {}): WorkflowDoc => ({
  status: 'draft',
  genre: 'notice',
  attribute: 'proactive',
  attributeGround: null,
  attributeReason: null,
  interpretationCount: 0,
  ...over,
});

test('the happy path: draft → in_review → approved → published', () => {
  assert.deepEqual(decide(doc(), 'submit'), { ok: true, next: 'in_review' });
  assert.deepEqual(decide(doc({ status: 'in_review' }), 'approve'), { ok: true, next: 'approved' });
  assert.deepEqual(decide(doc({ status: 'in_review' }), 'return'), { ok: true, next: 'returned' });
  assert.deepEqual(decide(doc({ status: 'returned' }), 'submit'), { ok: true, next: 'in_review' });
  assert.deepEqual(decide(doc({ status: 'approved' }), 'publish'), { ok: true, next: 'published' });
});

test('actions out of turn are refused with the status and action in Chinese', () => {
  const table: [WorkflowDoc['status'], Parameters<typeof decide>[1]][] = [
    ['draft', 'approve'],
    ['draft', 'publish'],
    ['in_review', 'edit'],
    ['in_review', 'publish'],
    ['approved', 'submit'],
    ['published', 'edit'],
    ['published', 'return'],
  ];
  for (const [status, action] of table) {
    const d = decide(doc({ status }), action);
    assert.equal(d.ok, false, `${status} ${action}`);
    if (!d.ok) {
      assert.equal(d.code, 'DOC_STATUS_INVALID');
      assert.ok(typeof d.params.statusLabel === 'string' && typeof d.params.actionLabel === 'string');
    }
  }
});

test('先确定公开属性: no submission without the attribute; withheld needs ground + reason valid for it', () => {
  const none = decide(doc({ attribute: null }), 'submit');
  assert.equal(none.ok ? null : none.code, 'DOC_ATTRIBUTE_REQUIRED');
  const noGround = decide(doc({ attribute: 'not_public' }), 'submit');
  assert.equal(noGround.ok ? null : noGround.code, 'DOC_GROUND_REQUIRED');
  assert.deepEqual(
    attributeProblems('not_public', null, null).map((p) => p.path),
    ['attributeGround', 'attributeReason'],
  );
  assert.match(
    attributeProblems('not_public', 'art13_scope', '理由')[0]?.message ?? '',
    /不能作为不予公开的依据/,
  );
  assert.equal(attributeProblems('on_request', 'art13_scope', '仅涉及特定对象').length, 0);
  assert.match(attributeProblems('on_request', 'art99', 'x')[0]?.message ?? '', /不在条例规定的范围内/);
  assert.deepEqual(attributeProblems('proactive', null, null), []);
  for (const g of LEGAL_GROUNDS.filter((x) => x.code.startsWith('art1') && !x.code.startsWith('art13')))
    assert.deepEqual(attributeProblems('not_public', g.code, '理由'), [], g.code);
  // Also checked again at approval and publication (the attribute cannot be lost on the way).
  assert.equal(decide(doc({ status: 'in_review', attribute: null }), 'approve').ok, false);
});

test('三同步 (不解读不运转): proactive policy documents need an interpretation to go for signature, approval and publication', () => {
  const steps = [
    ['draft', 'submit'],
    ['returned', 'submit'],
    ['in_review', 'approve'],
    ['approved', 'publish'],
  ] as const;
  for (const genre of ['rule', 'normative', 'opinion', 'measures', 'decision']) {
    assert.equal(needsInterpretation(genre), true, genre);
    for (const [status, action] of steps) {
      const d = decide(doc({ status, genre }), action);
      assert.equal(d.ok ? null : d.code, 'DOC_INTERPRETATION_REQUIRED', `${genre} ${action}`);
      assert.equal(
        decide(doc({ status, genre, interpretationCount: 1 }), action).ok,
        true,
        `${genre} ${action}`,
      );
    }
  }
  for (const genre of ['notice', 'announcement', 'letter', 'reply', 'report', 'bulletin', 'other'])
    for (const [status, action] of steps)
      assert.equal(decide(doc({ status, genre }), action).ok, true, `${genre} ${action}`);
  // A withheld policy document is not published, so it needs no interpretation to be submitted.
  assert.equal(
    decide(
      doc({
        genre: 'normative',
        attribute: 'on_request',
        attributeGround: 'art13_scope',
        attributeReason: '仅涉及特定对象',
      }),
      'submit',
    ).ok,
    true,
  );
  const refused = decide(doc({ genre: 'rule' }), 'submit');
  assert.deepEqual(refused.ok ? null : [refused.params.genreLabel, refused.params.actionLabel], [
    '规章',
    '提交保密审查',
  ]);
});

test('allowed actions follow the rules', () => {
  assert.deepEqual(allowedActions(doc({ attribute: null })), ['edit']);
  assert.deepEqual(allowedActions(doc()), ['edit', 'submit']);
  assert.deepEqual(allowedActions(doc({ genre: 'normative' })), ['edit']);
  assert.deepEqual(allowedActions(doc({ status: 'in_review' })), ['approve', 'return']);
  assert.deepEqual(allowedActions(doc({ status: 'approved', genre: 'normative' })), []);
  assert.deepEqual(allowedActions(doc({ status: 'published' })), []);
});

test('periodic review dates: months added, clamped to month end; only withheld documents', () => {
  assert.equal(addMonths('2024-06-10', 12), '2025-06-10');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
  assert.equal(addMonths('2024-11-15', 3), '2025-02-15');
  assert.equal(attributeReviewDue('on_request', '2024-06-10', 6), '2024-12-10');
  assert.equal(attributeReviewDue('not_public', '2024-06-10', 12), '2025-06-10');
  assert.equal(attributeReviewDue('proactive', '2024-06-10', 12), null);
  assert.equal(attributeReviewDue(null, '2024-06-10', 12), null);
});
