/**
 * One installation, many governments (集约化): which organisations each government's portal site shows,
 * and how a request names its site (host name, or the path prefix `/s/{行政区划代码}`). Pure.
 *
 * - A government is an organisation of kind `government` (the root, or a government below it) or
 *   `county` (县、市、区); towns, departments and institutions belong to the nearest government above.
 * - A site's own organisations are its government's subtree without the subtrees of the governments
 *   below it: a county's documents are on the county's site, not listed as the city's own.
 * - A site may also show everything below it (the city's search over every county, filtered by
 *   government): its whole subtree.
 */
import { subtreeIds, type TreeNode } from '../../orgs/domain/tree.ts';

export type SiteOrg = TreeNode & { kind: string; name: string; regionCode: string | null };

export function isGovernment(o: { kind: string }): boolean {
  return o.kind === 'government' || o.kind === 'county';
}

/** The government `orgId` belongs to: itself when it is one, else the nearest government above it. */
export function governmentOf(orgs: readonly SiteOrg[], orgId: number): number | null {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  let o = byId.get(orgId);
  const seen = new Set<number>();
  while (o && !seen.has(o.id)) {
    if (isGovernment(o)) return o.id;
    seen.add(o.id);
    o = o.parentId === null ? undefined : byId.get(o.parentId);
  }
  return null;
}

/** The governments above `orgId` (nearest first), not itself. */
export function governmentsAbove(orgs: readonly SiteOrg[], orgId: number): number[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out: number[] = [];
  const seen = new Set<number>([orgId]);
  let parent = byId.get(orgId)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const p = byId.get(parent);
    if (!p) break;
    if (isGovernment(p)) out.push(p.id);
    parent = p.parentId;
  }
  return out;
}

/** The site's own organisations: `governmentId`'s subtree, stopping at the governments below it. */
export function ownScope(orgs: readonly SiteOrg[], governmentId: number): number[] {
  const children = new Map<number, SiteOrg[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId);
    if (list) list.push(o);
    else children.set(o.parentId, [o]);
  }
  const out = [governmentId];
  const seen = new Set(out);
  const stack = [governmentId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    for (const c of children.get(id) ?? []) {
      if (seen.has(c.id) || isGovernment(c)) continue;
      seen.add(c.id);
      out.push(c.id);
      stack.push(c.id);
    }
  }
  return out;
}

/** Everything the site may show: the government's whole subtree, lower governments included. */
export function wholeScope(orgs: readonly SiteOrg[], governmentId: number): number[] {
  return [...subtreeIds(orgs, governmentId)];
}

/** The governments below `governmentId` (in the order given), each with its own organisations. */
export function lowerGovernments(
  orgs: readonly SiteOrg[],
  governmentId: number,
): { id: number; name: string; orgIds: number[] }[] {
  const below = subtreeIds(orgs, governmentId);
  return orgs
    .filter((o) => o.id !== governmentId && below.has(o.id) && isGovernment(o))
    .map((o) => ({ id: o.id, name: o.name, orgIds: ownScope(orgs, o.id) }));
}

/** A host name as requests carry it: lower case, without a port or a trailing dot; null when malformed. */
export function normaliseHost(raw: string): string | null {
  const h = raw.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(h)
    ? h
    : null;
}

/** A site's host names as entered (one per line or separated by commas/spaces), or the problem. */
export function parseHosts(text: string): { hosts: string[] } | { problem: string } {
  const parts = text.split(/[\s,，、;；]+/).filter((p) => p !== '');
  const hosts: string[] = [];
  for (const p of parts) {
    const h = normaliseHost(p);
    if (!h) return { problem: `域名“${p}”格式不正确，应如 www.example.gov.cn（不含 http:// 和路径）` };
    if (!hosts.includes(h)) hosts.push(h);
  }
  if (hosts.length > 10) return { problem: '每个站点最多绑定10个域名' };
  return { hosts };
}
