import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepsSuggestion, type SuggestionVia } from './unit-suggestions.ts';

test('a county’s table never gets the city’s namesake suggested; a department’s table keeps its siblings', () => {
  const rows: [owner: string, rank: number, via: SuggestionVia, kept: boolean][] = [
    // 邹城市人民政府's table: 邹城市财政局 → 市财政局 (the city's department, rank 1) is not suggested.
    ['county', 1, 'fuzzy', false],
    ['county', 1, 'exact', false],
    // … unless the office mapped it once.
    ['county', 1, 'alias', true],
    // Its own departments and towns are.
    ['county', 0, 'fuzzy', true],
    ['county', 2, 'exact', true],
    ['town', 1, 'fuzzy', false],
    ['government', 1, 'fuzzy', false],
    // 市教育局's table naming 市财政局: a sibling department of the same government.
    ['department', 1, 'fuzzy', true],
    ['department', 1, 'exact', true],
    ['office', 1, 'fuzzy', true],
  ];
  for (const [kind, rank, via, kept] of rows)
    assert.equal(keepsSuggestion({ kind }, { rank }, via), kept, `${kind} rank ${rank} ${via}`);
});
