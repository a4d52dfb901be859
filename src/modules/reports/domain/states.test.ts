import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEditable, nextState, REPORT_STATES, TRANSITIONS } from './states.ts';

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
