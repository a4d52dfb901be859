import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODULES } from '../modules.ts';
import { auditActions } from '../platform/audit/labels.ts';
import { ALL_AREAS, type PublicChange } from '../platform/http/page-cache-versions.ts';
import {
  isPersonalPath,
  matchAction,
  pageAreas,
  publicAreasOfAction,
  publicAreasOfChange,
} from './cache-areas.ts';

void MODULES; // registers every module's audit labels

describe('which writes change public pages', { timeout: 10_000 }, () => {
  it('every audit action the modules name is classified', () => {
    const missing = auditActions()
      .map((a) => a.action)
      .filter((action) => matchAction(action) === null);
    assert.deepEqual(missing, [], `audit actions the page cache does not classify:\n${missing.join('\n')}`);
  });

  const cases: [string, readonly string[]][] = [
    ['document.update', ['documents']],
    ['gazette.publish', ['documents']],
    ['consultation.publish', ['decisions']],
    ['consultation.comment.moderate', ['decisions']],
    ['consultation.comment.portal', []],
    ['policy.evaluation.create', ['decisions']],
    ['policy.package.saved', ['enterprises']],
    ['policy.pushed', []],
    ['policy.push.granted', []],
    ['workplan.progress.publish', ['workplan']],
    ['workplan.progress.submit', []],
    ['qa.pair.updated', ['qa']],
    ['qa.routed.submit', []],
    ['report.figures', ['reports']],
    ['report.complaint.submit', []],
    ['site.update', ['site']],
    ['org.rename', ['site']],
    ['calendar.year.update', ['site']],
    ['request.submit', []],
    ['auth.login', []],
    ['duties.errata.submit', []],
    ['duties.update', ['duties']],
    ['demo.remove', [ALL_AREAS]],
    ['something.new', [ALL_AREAS]],
  ];
  for (const [action, areas] of cases) {
    it(`${action} → ${areas.join(', ') || 'none'}`, () => {
      assert.deepEqual(publicAreasOfAction(action), areas);
    });
  }
});

describe('a document that is not on the portal', { timeout: 10_000 }, () => {
  const doc = (action: string, before: unknown, after: unknown) => ({
    action,
    subjectType: 'document',
    before,
    after,
  });
  const cases: [string, PublicChange, readonly string[]][] = [
    ['a draft saved', doc('document.create', undefined, { status: 'draft' }), []],
    ['a draft edited', doc('document.update', { status: 'draft' }, { status: 'draft' }), []],
    ['sent for review', doc('document.submit', { status: 'draft' }, { status: 'in_review' }), []],
    ['approved', doc('document.approve', { status: 'in_review' }, { status: 'approved' }), []],
    ['published', doc('document.publish', { status: 'approved' }, { status: 'published' }), ['documents']],
    [
      'a published one edited',
      doc('document.update', { status: 'published' }, { status: 'published' }),
      ['documents'],
    ],
    [
      'taken back from the portal',
      doc('document.withdraw', { status: 'published' }, { status: 'returned' }),
      ['documents'],
    ],
    ['imported as published', doc('document.import', undefined, { status: 'published' }), ['documents']],
    ['a write without snapshots', doc('document.attach', undefined, undefined), ['documents']],
    ['a snapshot without a status', doc('document.relate', undefined, { relatedId: 3 }), ['documents']],
    [
      'another subject with a draft status',
      { action: 'consultation.update', subjectType: 'consultation', after: { status: 'draft' } },
      ['decisions'],
    ],
  ];
  for (const [name, change, areas] of cases) {
    it(`${name} → ${areas.join(', ') || 'none'}`, () => {
      assert.deepEqual(publicAreasOfChange(change), areas);
    });
  }
});

describe('what a page shows', { timeout: 10_000 }, () => {
  const cases: [string, readonly string[]][] = [
    ['/', ['site']],
    ['/gk/documents/12', ['site', 'documents']],
    ['/gk/documents/search', ['site', 'documents']],
    ['/gk/decisions/consultations/3', ['site', 'decisions']],
    ['/gk/qa', ['site', 'qa', 'documents']],
    ['/gk/apply/deadline', ['site']],
    ['/gk/documentsx', [ALL_AREAS]],
    ['/gk/unknown', [ALL_AREAS]],
  ];
  for (const [path, areas] of cases) {
    it(`${path} → ${areas.join(', ')}`, () => assert.deepEqual(pageAreas(path), areas));
  }

  it('tracking and an enterprise’s own pages are personal', () => {
    for (const p of [
      '/gk/apply/track',
      '/gk/qa/track',
      '/gk/errata/track',
      '/gk/enterprise',
      '/gk/enterprise/me',
    ])
      assert.equal(isPersonalPath(p), true, p);
    for (const p of ['/gk/enterprises', '/gk/apply', '/gk/documents'])
      assert.equal(isPersonalPath(p), false, p);
  });
});
