/**
 * Who may see and remove the demo data. Pure: answers are booleans; the service turns `false` into
 * FORBIDDEN, or into DEMO_OWN_ACCOUNT when an administrator signed in with a demo account asks to remove
 * the demo (that account would go with it, and so would the audit row's author).
 *
 * - `view` (whether demo data is present, counts per table): administrators.
 * - `remove`: administrators signed in with an account of their own, not a demo account.
 */
import type { Role } from '../../../platform/roles.ts';

export type DemoAction = 'view' | 'remove';

export interface DemoActor {
  role: Role;
}

export interface DemoSubject {
  /** The actor's account is one the demo created. */
  actorIsDemo: boolean;
}

export function can(actor: DemoActor, action: DemoAction, subject?: DemoSubject): boolean {
  if (actor.role !== 'admin') return false;
  if (action === 'view') return true;
  return subject !== undefined && !subject.actorIsDemo;
}
