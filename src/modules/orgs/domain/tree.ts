/** Pure helpers over the organisation tree (rows of id + parentId). */
export type TreeNode = { id: number; parentId: number | null };

export function childrenIndex<T extends TreeNode>(nodes: readonly T[]): Map<number | null, T[]> {
  const index = new Map<number | null, T[]>();
  for (const n of nodes) {
    const list = index.get(n.parentId);
    if (list) list.push(n);
    else index.set(n.parentId, [n]);
  }
  return index;
}

/** The id and every descendant id of `rootId`. */
export function subtreeIds(nodes: readonly TreeNode[], rootId: number): Set<number> {
  const index = childrenIndex(nodes);
  const out = new Set<number>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    for (const c of index.get(id) ?? []) {
      if (!out.has(c.id)) {
        out.add(c.id);
        stack.push(c.id);
      }
    }
  }
  return out;
}

/** True when making `newParentId` the parent of `id` would put `id` below itself. */
export function wouldCycle(nodes: readonly TreeNode[], id: number, newParentId: number | null): boolean {
  return newParentId !== null && subtreeIds(nodes, id).has(newParentId);
}

/** The root above `id` (itself when it has no parent); null for an id not in the tree. */
export function rootOf(nodes: readonly TreeNode[], id: number): number | null {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  if (!parent.has(id)) return null;
  let at = id;
  for (let i = 0; i <= nodes.length; i++) {
    const up = parent.get(at);
    if (up === null || up === undefined) return at;
    at = up;
  }
  return null;
}

/**
 * Whether someone who administers the organisations `managed` (their subtree) may change the place or the
 * kind of `org` (move it to `newParentId`, detach it, change what it is). DERIVED (the tree is the
 * platform's: a unit's place in it belongs to whoever administers the unit above):
 * - only the administrator of its parent: `org`'s parent is in `managed` — so nobody moves, detaches or
 *   re-kinds the organisation at the top of their own scope (a department's administrator cannot take
 *   its department out of the city);
 * - it stays in the tree and in that administrator's subtree: the new parent is not null and in `managed`.
 */
export function canRestructure(
  managed: ReadonlySet<number>,
  org: { parentId: number | null },
  newParentId: number | null,
): boolean {
  return (
    org.parentId !== null && managed.has(org.parentId) && newParentId !== null && managed.has(newParentId)
  );
}
