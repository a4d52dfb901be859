/**
 * Who may do what in the document library (pure). Answers are booleans; the services turn `false` into
 * FORBIDDEN (or NOT_FOUND where the document may not even be seen). Which organisations an actor works
 * for is checked separately, against its visible organisations (orgs' `visibleOrgIds`: a document is in
 * scope when its primary or a joint issuer is).
 *
 * Grants by role (docs/law/ogi-regulation.md; the role `office` is the disclosure office of Art. 4):
 * - `view`: every staff role sees the documents of its organisations (platform rule).
 * - `draft` (drafts, attachments, interpretations, relations, validity): the drafting units' handlers and
 *   approvers, the disclosure office, administrators (platform rule; Art. 19–21 the agency's own
 *   information).
 * - `review` (保密审查, 一事一审): Art. 17 review before disclosure — reviewers, approvers and
 *   administrators; the office that publishes does not also review (separation of duties, DERIVED).
 * - `publish`: Art. 4 the disclosure office runs the publication, Art. 26 within 20 working days —
 *   the office, approvers (the unit's head releases its document), administrators.
 * - `attribute_review` (定期复审 of withheld documents, undetermined historical documents): Art. 18
 *   periodic re-assessment — the office, approvers, reviewers, administrators.
 * - `import` (bulk import of historical documents): Art. 12 the catalogue is kept complete — the office
 *   and administrators (platform rule).
 * - `settings` (索引号 pattern, review interval, 特色主题): administrators (platform rule).
 * - `gazette` (compose and publish the 政府公报): Art. 23 a channel of proactive disclosure, run by the
 *   disclosure office (Art. 4) and administrators.
 * - `catalogue` (Art. 20 columns, 公开指南, 公共企事业单位 list): Art. 4 and Art. 12 the office keeps the
 *   guide and the catalogue current; administrators too.
 * - `catalogue_all_orgs`: administrators list every organisation's catalogue (platform rule); writes stay
 *   within the subtree one administers or, for the office, the organisations it oversees.
 * - `release_queue`: Art. 44 转主动公开 — the office and administrators see the requests module's queue,
 *   whose entries are linked to the withheld documents they name.
 * - `search_synonyms` (accept or reject the synonyms and abbreviations mined from the library for its
 *   search): Art. 4 the office runs the platform's disclosure channels; administrators too.
 * Rules on a subject:
 * - `set_attribute`: Art. 13 the attribute is decided while drafting (`draft`); a published document's
 *   attribute is set (first set, for an undetermined historical one) under Art. 18 (`attribute_review`).
 * - `attach_file`: whoever may draft attaches a file they uploaded themselves (or one without uploader);
 *   another person's upload only an administrator (platform rule: file ids are guessable).
 * - `themes` (create, rename, delete a 特色主题): the themes are platform-wide reference data, so `settings`
 *   and a scope reaching the whole tree — the administrator of the root government, not that of a
 *   department or a county (orgs' `seesWholeTree`; platform rule).
 */
import type { Role } from '../../../platform/roles.ts';
import type { DocStatus } from './codes.ts';

/** The person asking (the session's actor satisfies it). */
export interface DocActor {
  id: number;
  role: Role;
}

/** Actions granted by role alone. */
export const DOC_PERMISSIONS = [
  'view',
  'draft',
  'review',
  'publish',
  'attribute_review',
  'import',
  'settings',
  'gazette',
  'catalogue',
  'catalogue_all_orgs',
  'release_queue',
  'search_synonyms',
] as const;
export type DocPermission = (typeof DOC_PERMISSIONS)[number];

/** Every action `can` answers: the role grants plus the rules on a subject. */
export type DocAction = DocPermission | 'set_attribute' | 'attach_file' | 'themes';

const GRANTS: Record<Role, readonly DocPermission[]> = {
  admin: [
    'view',
    'draft',
    'review',
    'publish',
    'attribute_review',
    'import',
    'settings',
    'gazette',
    'catalogue',
    'catalogue_all_orgs',
    'release_queue',
    'search_synonyms',
  ],
  office: [
    'view',
    'draft',
    'publish',
    'attribute_review',
    'import',
    'gazette',
    'catalogue',
    'release_queue',
    'search_synonyms',
  ],
  approver: ['view', 'draft', 'review', 'publish', 'attribute_review'],
  reviewer: ['view', 'review', 'attribute_review'],
  handler: ['view', 'draft'],
};

function granted(actor: DocActor, permission: DocPermission): boolean {
  return GRANTS[actor.role]?.includes(permission) ?? false;
}

export function can(actor: DocActor, action: DocPermission): boolean;
export function can(actor: DocActor, action: 'set_attribute', doc: { status: DocStatus }): boolean;
export function can(actor: DocActor, action: 'attach_file', file: { uploadedBy: number | null }): boolean;
export function can(actor: DocActor, action: 'themes', scope: { seesWholeTree: boolean }): boolean;
export function can(
  actor: DocActor,
  action: DocAction,
  subject?: { status?: DocStatus; uploadedBy?: number | null; seesWholeTree?: boolean },
): boolean {
  switch (action) {
    case 'themes':
      return granted(actor, 'settings') && subject?.seesWholeTree === true;
    case 'set_attribute':
      return granted(actor, subject?.status === 'published' ? 'attribute_review' : 'draft');
    case 'attach_file': {
      const uploadedBy = subject?.uploadedBy ?? null;
      return (
        granted(actor, 'draft') && (uploadedBy === null || uploadedBy === actor.id || actor.role === 'admin')
      );
    }
    default:
      return granted(actor, action);
  }
}
