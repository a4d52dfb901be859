import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  correctionRefusal,
  currentVersion,
  isEditable,
  nextState,
  REPORT_STATES,
  type ReportState,
  TRANSITIONS,
  type VersionFacts,
} from './states.ts';

test('draft → submitted → accepted → published; a submitted report may be returned to draft', () => {
  const table = REPORT_STATES.flatMap((s) => TRANSITIONS.map((t) => `${s} ${t} → ${nextState(s, t) ?? '×'}`));
  assert.deepEqual(
    table.filter((l) => !l.endsWith('×')),
    [
      'draft submit → submitted',
      'submitted accept → accepted',
      'submitted return → draft',
      'accepted publish → published',
    ],
  );
  assert.deepEqual(REPORT_STATES.filter(isEditable), ['draft']);
});

test('a correction starts only from a published report, one at a time', () => {
  const v = (version: number, state: ReportState, superseded = false): VersionFacts => ({
    id: version,
    version,
    state,
    superseded,
  });
  const table: [string, VersionFacts[], ReturnType<typeof correctionRefusal>][] = [
    ['no report', [], 'not_published'],
    ['a draft', [v(1, 'draft')], 'not_published'],
    ['submitted', [v(1, 'submitted')], 'not_published'],
    ['accepted', [v(1, 'accepted')], 'not_published'],
    ['published', [v(1, 'published')], null],
    ['a correction in draft', [v(1, 'published'), v(2, 'draft')], 'open'],
    ['a correction accepted', [v(1, 'published'), v(2, 'accepted')], 'open'],
    ['corrected and published', [v(1, 'published', true), v(2, 'published')], null],
  ];
  for (const [name, versions, expected] of table) assert.equal(correctionRefusal(versions), expected, name);
});

test('the version shown: the newest published one not superseded, else the newest', () => {
  const v = (version: number, state: ReportState, superseded = false): VersionFacts => ({
    id: version,
    version,
    state,
    superseded,
  });
  const table: [string, VersionFacts[], number | undefined][] = [
    ['none', [], undefined],
    ['a draft', [v(1, 'draft')], 1],
    ['published', [v(1, 'published')], 1],
    ['a correction under way', [v(1, 'published'), v(2, 'submitted')], 1],
    ['corrected', [v(2, 'published'), v(1, 'published', true)], 2],
    [
      'corrected twice, third open',
      [v(1, 'published', true), v(2, 'published', true), v(3, 'published'), v(4, 'draft')],
      3,
    ],
  ];
  for (const [name, versions, expected] of table)
    assert.equal(currentVersion(versions)?.version, expected, name);
});
