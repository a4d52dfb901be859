/**
 * Who may do what with the site's identity. Pure: answers are booleans; the service turns `false` into
 * FORBIDDEN.
 *
 * - Everyone, signed in or not, reads the public identity (the portal and the login page show it).
 * - Only an administrator (`admin`) edits it, and only the site of the government it administers: its
 *   own organisation (today the root government, the only one with a site).
 */
import type { Role } from '../../../platform/roles.ts';

export type SiteAction = 'view' | 'edit';

export interface SiteActor {
  role: Role;
  orgId: number;
}

/** The site whose identity is read or edited: the government it belongs to. */
export interface SiteRef {
  orgId: number;
}

export function can(actor: SiteActor | null, action: SiteAction, site?: SiteRef): boolean {
  if (action === 'view') return true;
  if (actor?.role !== 'admin') return false;
  return site === undefined || site.orgId === actor.orgId;
}
