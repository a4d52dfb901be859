/**
 * From the unit cells of a task table to assignments: each written name resolved to an organisation
 * or recognised as a group name; a unit named twice in one task is assigned once (lead wins).
 */
import type { AssignmentRole } from './status.ts';

/**
 * The kinds of organisation a unit created during an import may have: orgs' own list, re-exported so
 * the request schemas (which the console reads) need no server code of orgs.
 */
export { ORG_KINDS } from '../../orgs/domain/roles.ts';

export type UnitCells = { leadUnits: readonly string[]; responsibleUnits: readonly string[] };
export type PlannedAssignment = {
  orgId: number;
  role: AssignmentRole;
  /** The name as written, when it differs from the organisation's name. */
  unitText: string | null;
  sortOrder: number;
};
export type PlannedGroup = { name: string; role: AssignmentRole; sortOrder: number };

/** Every distinct, non-empty unit name of the tasks, in first-seen order, with how many tasks name it. */
export function distinctUnitNames(tasks: readonly UnitCells[]): { name: string; tasks: number }[] {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const seen = new Set<string>();
    for (const raw of [...t.leadUnits, ...t.responsibleUnits]) {
      const name = raw.trim();
      if (name === '' || seen.has(name)) continue;
      seen.add(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].map(([name, n]) => ({ name, tasks: n }));
}

export type Resolution = { orgId: number; orgName: string } | { group: true } | null;

/**
 * The assignments and groups of one task, given how each name resolved. Names that resolved to
 * nothing are returned in `unresolved`.
 */
export function planTaskUnits(
  task: UnitCells,
  resolve: (name: string) => Resolution,
): { assignments: PlannedAssignment[]; groups: PlannedGroup[]; unresolved: string[] } {
  const assignments: PlannedAssignment[] = [];
  const groups: PlannedGroup[] = [];
  const unresolved: string[] = [];
  const byOrg = new Map<number, PlannedAssignment>();
  const groupNames = new Set<string>();
  let order = 0;
  const cells: ['lead' | 'responsible', readonly string[]][] = [
    ['lead', task.leadUnits],
    ['responsible', task.responsibleUnits],
  ];
  for (const [role, names] of cells) {
    for (const raw of names) {
      const name = raw.trim();
      if (name === '') continue;
      const r = resolve(name);
      if (r === null) {
        if (!unresolved.includes(name)) unresolved.push(name);
      } else if ('group' in r) {
        if (!groupNames.has(name)) {
          groupNames.add(name);
          groups.push({ name, role, sortOrder: order++ });
        }
      } else if (!byOrg.has(r.orgId)) {
        const a: PlannedAssignment = {
          orgId: r.orgId,
          role,
          unitText: name === r.orgName ? null : name,
          sortOrder: order++,
        };
        byOrg.set(r.orgId, a);
        assignments.push(a);
      }
    }
  }
  return { assignments, groups, unresolved };
}
