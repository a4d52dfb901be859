/**
 * Who may use 政策问答 in the console. Pure: answers are booleans; the service turns `false` into
 * FORBIDDEN.
 *
 * - `ask` (the console's tester: the answers the portal would give): every signed-in staff member (DERIVED:
 *   the answers are public; staff check them before pointing citizens to the column).
 * - `reindex` (rebuild the passage index now rather than at the next periodic check): administrators and
 *   the government office that runs the portal (DERIVED: it changes what the portal answers).
 */
import type { Role } from '../../../platform/roles.ts';

export type QaAction = 'ask' | 'reindex';

export function can(actor: { role: Role } | null, action: QaAction): boolean {
  if (actor === null) return false;
  if (action === 'ask') return true;
  return actor.role === 'admin' || actor.role === 'office';
}
