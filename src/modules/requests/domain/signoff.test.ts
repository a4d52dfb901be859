// 条例第四十五条 (登记、审核、办理、答复、归档) and 第三十三条 (the head of the disclosure office consents):
// the sign-off chain's next step and who may act, written out as tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import {
  afterApproval,
  directReplyAllowed,
  mayActOnStep,
  type PendingDraft,
  SIGNOFF_CHAIN_STEPS,
  type SignoffAction,
  type SignoffChain,
  type SignoffStep,
  signoffPermits,
  signoffView,
} from './signoff.ts';

test('each chain’s steps after drafting, and whether the handler replies directly', {
  timeout: 5_000,
}, () => {
  const table: [SignoffChain, SignoffStep[], boolean][] = [
    ['full', ['review', 'sign'], false],
    ['sign-only', ['sign'], false],
    ['none', [], true],
  ];
  for (const [chain, steps, direct] of table) {
    assert.deepEqual(SIGNOFF_CHAIN_STEPS[chain], steps, chain);
    assert.equal(directReplyAllowed(chain), direct, chain);
  }
});

test('approval moves the draft to the next step; the last step’s approval is the reply', {
  timeout: 5_000,
}, () => {
  const table: [SignoffStep[], SignoffStep[] | null][] = [
    [['review', 'sign'], ['sign']],
    [['sign'], null],
  ];
  for (const [pending, next] of table) {
    const after = afterApproval({ pending, drafterId: 7 });
    assert.deepEqual(after?.pending ?? null, next, pending.join('>'));
    if (after) assert.equal(after.drafterId, 7, 'the drafter stays');
  }
});

test('who may act on a step: 公开办 reviews, its 负责人 signs, nobody their own draft', {
  timeout: 5_000,
}, () => {
  const table: [string, Role, boolean, SignoffStep, number | null, boolean][] = [
    ['office of the agency reviews', 'office', true, 'review', 1, true],
    ['office of another agency', 'office', false, 'review', 1, false],
    ['head does not review', 'approver', true, 'review', 1, false],
    ['head of the agency signs', 'approver', true, 'sign', 1, true],
    ['head of another agency', 'approver', false, 'sign', 1, false],
    ['office does not sign', 'office', true, 'sign', 1, false],
    ['handler neither', 'handler', true, 'review', 1, false],
    ['own draft never', 'office', true, 'review', 99, false],
    ['own draft never (head)', 'approver', true, 'sign', 99, false],
    ['drafter unknown', 'approver', true, 'sign', null, true],
  ];
  for (const [name, role, actsForAgency, step, drafterId, expected] of table) {
    assert.equal(mayActOnStep({ id: 99, role, actsForAgency }, step, drafterId), expected, name);
  }
});

test('which reply step the person may take now', { timeout: 5_000 }, () => {
  const office = { id: 2, role: 'office' as Role, actsForAgency: true };
  const head = { id: 3, role: 'approver' as Role, actsForAgency: true };
  const handler = { id: 1, role: 'handler' as Role, actsForAgency: false };
  const atReview: PendingDraft = { pending: ['review', 'sign'], drafterId: 1 };
  const atSign: PendingDraft = { pending: ['sign'], drafterId: 1 };
  const table: [string, SignoffAction, typeof office, boolean, SignoffChain, PendingDraft | null, boolean][] =
    [
      ['handler drafts under a chain', 'draft-reply', handler, true, 'full', null, true],
      ['no second draft', 'draft-reply', handler, true, 'full', atReview, false],
      ['no draft without a chain', 'draft-reply', handler, true, 'none', null, false],
      ['no direct reply under a chain', 'reply', handler, true, 'full', null, false],
      ['direct reply without a chain', 'reply', handler, true, 'none', null, true],
      ['direct reply needs the case policy', 'reply', handler, false, 'none', null, false],
      ['office reviews', 'review-draft', office, true, 'full', atReview, true],
      ['no review at the sign step', 'review-draft', office, true, 'full', atSign, false],
      ['office returns at review', 'return-draft', office, true, 'full', atReview, true],
      ['office does not return at sign', 'return-draft', office, true, 'full', atSign, false],
      ['head returns at sign', 'return-draft', head, true, 'sign-only', atSign, true],
      ['head signs', 'reply', head, true, 'full', atSign, true],
      ['head cannot sign before review', 'reply', head, true, 'full', atReview, false],
      ['office cannot sign', 'reply', office, true, 'full', atSign, false],
      ['nothing to return', 'return-draft', office, true, 'full', null, false],
    ];
  for (const [name, action, actor, mayReply, chain, draft, expected] of table) {
    assert.equal(signoffPermits(action, { actor, mayReply, chain, draft }), expected, name);
  }
});

test('the sign-off read from the log: draft, return with its comment, new draft, approval, signature', {
  timeout: 5_000,
}, () => {
  const e = (type: string, on: string, actorId: number | null, data: Record<string, unknown> = {}) => ({
    type,
    on,
    actorId,
    data,
  });
  const log = [
    e('submit', '2024-02-08', 2),
    e('draft-reply', '2024-02-20', 1, { outcome: 'DISCLOSE', text: '初稿', steps: ['review', 'sign'] }),
    e('return-draft', '2024-02-21', 2, { comment: '请写明获取方式' }),
  ];
  let v = signoffView(log);
  assert.equal(v.draft, null);
  assert.deepEqual(v.returned, { on: '2024-02-21', actorId: 2, step: 'review', comment: '请写明获取方式' });

  log.push(
    e('draft-reply', '2024-02-22', 1, { outcome: 'DISCLOSE', text: '二稿', steps: ['review', 'sign'] }),
  );
  v = signoffView(log);
  assert.equal(v.returned, null, 'a new draft answers the return');
  assert.equal(v.draft?.pending, 'review');
  assert.equal(v.draft?.text, '二稿');

  log.push(e('review-draft', '2024-02-23', 2, { comment: '同意' }));
  v = signoffView(log);
  assert.equal(v.draft?.pending, 'sign');

  log.push(e('reply', '2024-02-26', 3, { outcome: 'DISCLOSE', text: '二稿' }));
  v = signoffView(log);
  assert.equal(v.draft, null);
  assert.deepEqual(
    v.history.map((h) => h.type),
    ['draft', 'return', 'draft', 'approve', 'sign'],
  );
});
