/**
 * Which automatic unit matches the import preview may suggest (pure). The candidates of a table's unit
 * names are the importing organisation's subtree (rank 0 and 2) and the departments of its parent
 * government (rank 1, orgs/aliases.ts `unitCandidates`). For a department's table the parent's departments
 * are its siblings (市教育局 naming 市财政局). For a county's (or a town's) own table they are the city's
 * departments: 财政局 or 邹城市财政局 written there is the county's bureau, never the city's namesake 市财政局,
 * so such a match is not suggested — unless the office chose it once (a remembered alias), which stands.
 */

/** Organisation kinds that are governments of their own area. */
const GOVERNMENT_KINDS = new Set(['government', 'county', 'town']);

export type SuggestionVia = 'exact' | 'alias' | 'fuzzy';

export function keepsSuggestion(
  owner: { kind: string },
  candidate: { rank: number },
  via: SuggestionVia,
): boolean {
  if (via === 'alias') return true;
  return !(GOVERNMENT_KINDS.has(owner.kind) && candidate.rank === 1);
}
