import type { Org } from '../api/orgs.ts';

export interface OrgNode extends Org {
  children?: OrgNode[];
}

export interface OrgTreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: OrgTreeOption[];
}

function byOrder(a: Org, b: Org): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/** Nests the flat list by parentId; an org whose parent is unknown becomes a root. */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const ids = new Set(orgs.map((o) => o.id));
  const childrenOf = new Map<number | null, Org[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), org]);
  }
  const build = (parent: number | null, seen: Set<number>): OrgNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((o) => !seen.has(o.id))
      .sort(byOrder)
      .map((o) => {
        const children = build(o.id, new Set([...seen, o.id]));
        return children.length ? { ...o, children } : { ...o };
      });
  return build(null, new Set());
}

/** The org and everything below it: these cannot become its new parent. */
export function selfAndDescendants(orgs: readonly Org[], id: number): Set<number> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && result.has(o.parentId) && !result.has(o.id)) {
        result.add(o.id);
        grew = true;
      }
    }
  }
  return result;
}

export function toTreeOptions(
  nodes: readonly OrgNode[],
  disabled: ReadonlySet<number> = new Set(),
): OrgTreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled.has(n.id) || undefined,
    children: n.children ? toTreeOptions(n.children, disabled) : undefined,
  }));
}
