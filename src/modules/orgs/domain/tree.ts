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
