import type { Org } from '../api/orgs.ts';

export interface OrgNode extends Org {
  children?: OrgNode[];
}

export interface OrgTreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  /** Set on a hidden option (a disabled organisation): kept so a saved value still shows its name. */
  style?: { display: 'none' };
  children?: OrgTreeOption[];
}

/** The title of a disabled organisation (停用, orgs upkeep), where a saved value or a branch shows it. */
export const disabledOrgTitle = (name: string) => `${name}（已停用）`;

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

/**
 * The options of an organisation picker. Every picker offers only enabled organisations: a disabled one
 * (停用) cannot be chosen; it stays visible, marked 已停用, only as the branch above enabled ones, and is
 * otherwise a hidden option — still there, so a record that names it shows its name, not its id.
 * `disabled`: further organisations that may not be chosen (e.g. an org's own subtree as its parent).
 */
export function toTreeOptions(
  nodes: readonly OrgNode[],
  disabled: ReadonlySet<number> = new Set(),
): OrgTreeOption[] {
  return nodes.map((n) => {
    const children = n.children ? toTreeOptions(n.children, disabled) : undefined;
    if (!n.disabled) {
      return { value: n.id, title: n.name, disabled: disabled.has(n.id) || undefined, children };
    }
    const visibleBelow = (children ?? []).some((c) => c.style === undefined);
    return {
      value: n.id,
      title: disabledOrgTitle(n.name),
      disabled: true,
      ...(visibleBelow ? {} : { style: { display: 'none' as const } }),
      children,
    };
  });
}
