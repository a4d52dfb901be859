/**
 * Who may use 政策问答 in the console. Pure: answers are booleans; the service turns `false` into
 * FORBIDDEN.
 *
 * - `ask` (the console's tester: the answers the portal would give): every signed-in staff member (DERIVED:
 *   the answers are public; staff check them before pointing citizens to the column).
 * - `reindex` (rebuild the passage index now rather than at the next periodic check): administrators and
 *   the government office that runs the portal (DERIVED: it changes what the portal answers).
 * - `pair.write` (write, edit and submit a curated pair of 政策问答库): staff of the pair's organisation;
 *   administrators and the office for any (DERIVED: a department answers for its own policies).
 * - `pair.review` (publish or return a submitted pair): reviewers, approvers, administrators and the office
 *   (DERIVED: review before publication, as documents' 保密审查).
 * - `routed.manage` (the routing queue: confirm or reassign the unit, review and send answers, the due-days
 *   setting; read the asker's contact) and `consultation.write` (enter or import consultation records,
 *   suggest a frequent question into 政策问答库): administrators and the office (DERIVED: the office runs the
 *   portal's Q&A and answers for what is sent to citizens).
 * - `routed.answer` (answer a routed question): staff of the unit it is assigned to; administrators and the
 *   office for any (DERIVED: a department answers for its own policies).
 */
import type { Role } from '../../../platform/roles.ts';

export type QaAction =
  | 'ask'
  | 'reindex'
  | 'pair.write'
  | 'pair.review'
  | 'routed.manage'
  | 'routed.answer'
  | 'consultation.write';

export function can(
  actor: { role: Role; orgId?: number } | null,
  action: QaAction,
  subject?: { orgId: number },
): boolean {
  if (actor === null) return false;
  const central = actor.role === 'admin' || actor.role === 'office';
  switch (action) {
    case 'ask':
      return true;
    case 'reindex':
      return central;
    case 'pair.write':
      return central || (subject !== undefined && subject.orgId === actor.orgId);
    case 'pair.review':
      return central || actor.role === 'reviewer' || actor.role === 'approver';
    case 'routed.manage':
    case 'consultation.write':
      return central;
    case 'routed.answer':
      return central || (subject !== undefined && subject.orgId === actor.orgId);
  }
}
