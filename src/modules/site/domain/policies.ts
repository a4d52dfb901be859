/**
 * Who may do what with a site's identity. Pure: answers are booleans; the service turns `false` into
 * FORBIDDEN.
 *
 * - Everyone, signed in or not, reads the public identity (the portal and the login page show it).
 * - Only an administrator (`admin`) edits it (DERIVED: 站点信息 is system configuration), and only the
 *   sites of the government it belongs to (the government of its organisation: `domain/sites.ts`
 *   governmentOf) and of the governments below that one: a county's administrator edits the county's
 *   site only; the city's administrator edits the city's and every county's (集约化: the city runs the
 *   installation for the governments below it).
 */
import type { Role } from '../../../platform/roles.ts';

export type SiteAction = 'view' | 'edit';

export interface SiteActor {
  role: Role;
  /** The government the actor's organisation belongs to; null when it belongs to none. */
  governmentId: number | null;
}

/** The site whose identity is read or edited: its government and the governments above that one. */
export interface SiteRef {
  orgId: number;
  above: readonly number[];
}

export function can(actor: SiteActor | null, action: SiteAction, site?: SiteRef): boolean {
  if (action === 'view') return true;
  if (actor?.role !== 'admin') return false;
  if (site === undefined) return true;
  const own = actor.governmentId;
  return own !== null && (site.orgId === own || site.above.includes(own));
}
