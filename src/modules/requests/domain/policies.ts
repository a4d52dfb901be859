/**
 * Who may do what on a case and around it, and who sees the applicant's personal data. Pure: `can(actor,
 * action, subject)` answers with a boolean, the service turns `false` into FORBIDDEN (or NOT_FOUND when the
 * case may not even be seen).
 *
 * On a case (subject: the case):
 * - The disclosure office (政府信息公开工作机构) of the addressed agency — an `office` actor whose
 *   `agencyIds` contain `kase.orgId` (orgs' `isOfficeOf`) — may take every case action except `extend`.
 * - `extend` needs the consent of the head of the disclosure office (条例第三十三条第二款 “经政府信息公开
 *   工作机构负责人同意”): an `approver` whose `agencyIds` contain `kase.orgId`.
 * - The assigned handling unit (承办单位, `actor.orgId === kase.unitId`): its handlers and approvers may
 *   request/receive a correction, consult, reply and add notes; its reviewers may only view.
 * - 督办: the disclosure office of a government (条例第三条、第四条: it leads and supervises the disclosure
 *   work of its area) views every case of the agencies in the government's subtree (`supervisedOrgIds`),
 *   deadlines included, but acts only where it is the office of the addressed agency (it receives for it:
 *   its own, designated or by fallback — orgs' `agenciesReceivedBy`).
 * - `admin` may view the cases of the organisations it administers (`administeredOrgIds`, loaded by the
 *   service) but takes no case action.
 * - 'view-personal': personal data (name, ID number, phone, e-mail, address) is shown to the office of the
 *   agency, its head and the assigned unit's handlers/approvers; everyone else sees it masked.
 * - 'export' (the case file as a zip): the office of the agency, which keeps the register (条例第四十五条).
 * - 'release-flag' (propose 转主动公开, 条例第四十四条): those who may reply to the case; 'release-decide':
 *   the office of the agency, which discloses proactively.
 * Around cases:
 * - 'register' (subject: the agency addressed): an application goes to the agency's disclosure office
 *   (条例第二十九条), so its office registers letters, visits, faxes and e-mails.
 * - 'import-ledger' (subject: the agency): the office keeps the agency's register of applications
 *   (条例第四十五条), so it imports its existing ledger as past cases (issue 13.6).
 * - 'answer-assistance' / 'see-assistance' (subject: the unit asked): platform rule, see below.
 * - 'office-deadline-reminder' (subject: the agency) / 'unit-deadline-reminder' (subject: the unit): who is
 *   reminded of the reply deadlines (platform rule, reminders.ts).
 * - 'edit-letter-templates' (subject: whose templates, `TemplateOwner`): the letters are the addressed
 *   agency's (条例第三十六条: the agency replies in its own name), so an agency's own text is edited by its
 *   disclosure office (an office actor acting for it) and by an administrator of it; the shared text (orgId
 *   null), which every agency without its own uses, by an administrator and by the office of a government
 *   (it leads the disclosure work of its area, 条例第三条第二款: an office with 督办 scope). DERIVED.
 * - 'transfer' (转办, a case action): the office of the addressed agency, like every case action; which
 *   agency it may go to is domain/transfer.ts.
 * - Without a subject: 'see-release-queue' (the office and the administrator, platform rule);
 *   'see-applicant-identities' (the analytics name repeat applicants only for those who
 *   see applicants' personal data on their cases: the office, its head and handlers).
 */
import type { Role } from '../../../platform/roles.ts';
import { isOfficeOf } from '../../orgs/domain/offices.ts';
import type { Applicant } from './applicant.ts';
import type { Action } from './stages.ts';

export interface CaseActor {
  id: number;
  role: Role;
  /** The actor's own organisation. */
  orgId: number;
  /** The agencies this person acts for as disclosure office (computed by the service). */
  agencyIds: readonly number[];
  /**
   * The organisations an administrator administers (its subtree, computed by the service when
   * `viewsByAdministeredOrgs`); empty for everyone else.
   */
  administeredOrgIds: readonly number[];
  /**
   * 督办: the agencies whose cases this person oversees without acting for them (a government's disclosure
   * office: every agency in the government's subtree; orgs' `supervisedAgencies`). Absent: none.
   */
  supervisedOrgIds?: readonly number[];
}

export interface CaseRef {
  /** The addressed agency. */
  orgId: number;
  /** The assigned handling unit, or null. */
  unitId: number | null;
  handlerId: number | null;
}

/** An agency, as the subject of 'register' and 'office-deadline-reminder'. */
export interface AgencyRef {
  orgId: number;
}

/** Whose letter templates: an agency's own (`orgId`), or the shared ones (null). */
export interface TemplateOwner {
  orgId: number | null;
}

/** A unit, as the subject of the assistance questions and 'unit-deadline-reminder'. */
export interface UnitRef {
  unitId: number;
}

/** Case actions plus 'view'. */
export type CasePermission = Action | 'view';

/** Every question `can` answers, with its subject (`undefined`: none). */
export type PolicySubjects = Record<
  CasePermission | 'view-personal' | 'export' | 'release-flag' | 'release-decide',
  CaseRef
> & {
  register: AgencyRef;
  'import-ledger': AgencyRef;
  'office-deadline-reminder': AgencyRef;
  'answer-assistance': UnitRef;
  'see-assistance': UnitRef;
  'unit-deadline-reminder': UnitRef;
  'edit-letter-templates': TemplateOwner;
  'see-release-queue': undefined;
  'see-applicant-identities': undefined;
};

export type PolicyAction = keyof PolicySubjects;

/** The subject argument of `can`: none for the questions without one. */
type SubjectArgs<A extends PolicyAction> = PolicySubjects[A] extends undefined ? [] : [PolicySubjects[A]];

/** The roles the deadline reminders go to (see 'unit-deadline-reminder', 'office-deadline-reminder'). */
export const REMINDED_ROLES = ['handler', 'office'] as const satisfies readonly Role[];

/** Actions of the handling unit's handlers and approvers. */
const UNIT_ACTIONS: ReadonlySet<CasePermission> = new Set<CasePermission>([
  'request-correction',
  'receive-correction',
  'consult-send',
  'consult-deliver',
  'consult-reply',
  'reply',
  'note',
  'assist-request',
  'view',
]);

/**
 * Whether the person sees cases by the organisations they administer (an administrator): the service then
 * loads `administeredOrgIds`.
 */
export function viewsByAdministeredOrgs(actor: { role: Role }): boolean {
  return actor.role === 'admin';
}

/** 负责人 of the agency's disclosure office. */
function isOfficeHeadOf(actor: CaseActor, kase: CaseRef): boolean {
  return actor.role === 'approver' && actor.agencyIds.includes(kase.orgId);
}

/** The government's disclosure office overseeing the agency (督办): sees, does not act. */
function isSupervisorOf(actor: CaseActor, orgId: number): boolean {
  return actor.role === 'office' && (actor.supervisedOrgIds ?? []).includes(orgId);
}

function isUnitMember(actor: CaseActor, kase: CaseRef): boolean {
  return kase.unitId !== null && actor.orgId === kase.unitId;
}

/** A handler or approver of the assigned unit. */
function isUnitWorker(actor: CaseActor, kase: CaseRef): boolean {
  return isUnitMember(actor, kase) && (actor.role === 'handler' || actor.role === 'approver');
}

function canView(actor: CaseActor, kase: CaseRef): boolean {
  if (viewsByAdministeredOrgs(actor)) return actor.administeredOrgIds.includes(kase.orgId);
  if (isOfficeOf(actor, kase.orgId) || isOfficeHeadOf(actor, kase)) return true;
  if (isSupervisorOf(actor, kase.orgId)) return true;
  return (
    isUnitMember(actor, kase) &&
    (actor.role === 'handler' || actor.role === 'reviewer' || actor.role === 'approver')
  );
}

function canAct(actor: CaseActor, action: CasePermission, kase: CaseRef): boolean {
  if (action === 'view') return canView(actor, kase);
  if (actor.role === 'admin') return false;
  // Answered by the unit asked for assistance, through its own task ('answer-assistance'), not on the case.
  if (action === 'assist-reply') return false;
  // Reopened only by recording a 纠正 result in the review register (reports), never on the case itself.
  if (action === 'reopen') return false;
  if (action === 'extend') return isOfficeHeadOf(actor, kase);
  if (isOfficeOf(actor, kase.orgId)) return true;
  return isUnitWorker(actor, kase) && UNIT_ACTIONS.has(action);
}

/**
 * Whether the person may answer an assistance request (协助调查/会商) addressed to `unitId`: a handler,
 * approver or office worker of that organisation.
 */
function canAnswerAssistance(actor: CaseActor, unitId: number): boolean {
  return (
    actor.orgId === unitId &&
    (actor.role === 'handler' || actor.role === 'approver' || actor.role === 'office')
  );
}

/** Whether the person sees the assistance requests addressed to `unitId` (any staff role of that organisation). */
function canSeeAssistance(actor: CaseActor, unitId: number): boolean {
  return actor.orgId === unitId && actor.role !== 'admin';
}

function canEditTemplates(actor: CaseActor, orgId: number | null): boolean {
  if (actor.role === 'admin') return orgId === null || actor.administeredOrgIds.includes(orgId);
  if (orgId === null) return actor.role === 'office' && (actor.supervisedOrgIds ?? []).length > 0;
  return isOfficeOf(actor, orgId);
}

function canSeePersonalData(actor: CaseActor, kase: CaseRef): boolean {
  return isOfficeOf(actor, kase.orgId) || isOfficeHeadOf(actor, kase) || isUnitWorker(actor, kase);
}

/** The one entry point: whether `actor` may do `action` (on `subject`, for the questions that have one). */
export function can<A extends PolicyAction>(actor: CaseActor, action: A, ...args: SubjectArgs<A>): boolean {
  const subject = args[0];
  const question = action as PolicyAction;
  switch (question) {
    case 'view-personal':
      return canSeePersonalData(actor, subject as CaseRef);
    case 'export':
    case 'release-decide':
      return isOfficeOf(actor, (subject as CaseRef).orgId);
    case 'release-flag':
      return canAct(actor, 'reply', subject as CaseRef);
    case 'register':
    case 'import-ledger':
    case 'office-deadline-reminder':
      return isOfficeOf(actor, (subject as AgencyRef).orgId);
    case 'answer-assistance':
      return canAnswerAssistance(actor, (subject as UnitRef).unitId);
    case 'see-assistance':
      return canSeeAssistance(actor, (subject as UnitRef).unitId);
    case 'unit-deadline-reminder':
      return actor.role === 'handler' && actor.orgId === (subject as UnitRef).unitId;
    case 'edit-letter-templates':
      return canEditTemplates(actor, (subject as TemplateOwner).orgId);
    case 'see-release-queue':
      return actor.role === 'office' || actor.role === 'admin';
    case 'see-applicant-identities':
      return actor.role === 'office' || actor.role === 'approver' || actor.role === 'handler';
    default:
      return canAct(actor, question, subject as CaseRef);
  }
}

/**
 * Which cases a person's lists cover (`view` 'work', the workbench): an administrator the cases addressed to the organisations it
 * administers; the office and 负责人 those addressed to the agencies they act for, and everyone the cases
 * assigned to their own organisation as handling unit. `view` 'supervise' (督办): the cases of the agencies
 * a government's office oversees.
 */
export function caseListScope(
  actor: CaseActor,
  view: 'work' | 'supervise' = 'work',
): { orgIds: number[]; unitIds: number[] } {
  if (view === 'supervise') {
    return { orgIds: actor.role === 'office' ? [...(actor.supervisedOrgIds ?? [])] : [], unitIds: [] };
  }
  if (viewsByAdministeredOrgs(actor)) return { orgIds: [...actor.administeredOrgIds], unitIds: [] };
  const office = actor.role === 'office' || actor.role === 'approver';
  return { orgIds: office ? [...actor.agencyIds] : [], unitIds: [actor.orgId] };
}

/**
 * The agencies whose 转主动公开 queue the person sees ('see-release-queue'): the office the agencies it acts
 * for, an administrator the organisations it administers.
 */
export function releaseQueueScope(actor: CaseActor): number[] {
  if (!can(actor, 'see-release-queue')) return [];
  return viewsByAdministeredOrgs(actor) ? [...actor.administeredOrgIds] : [...actor.agencyIds];
}

/** '张三丰' → '张**': the first character stays, every other one becomes '*'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return (chars[0] as string) + '*'.repeat(chars.length - 1);
}

/** Keeps `head` leading and `tail` trailing characters, masks the rest (length preserved). */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** '11010519491231002X' → '110***********002X'; short numbers keep only their first and last character. */
export function maskId(id: string): string {
  const value = id.trim();
  if (value.length >= 10) return keepEnds(value, 3, 4);
  if (value.length >= 4) return keepEnds(value, 1, 1);
  return '*'.repeat(value.length);
}

/** '13812345678' → '138****5678'; '010-12345678' → '010-****5678'. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const landline = /^(0\d{2,3})-(\d+)$/.exec(value);
  if (landline) {
    const number = landline[2] as string;
    return `${landline[1]}-${'*'.repeat(Math.max(number.length - 4, 0))}${number.slice(-4)}`;
  }
  if (value.length >= 8) return keepEnds(value, 3, 4);
  return keepEnds(value, 0, Math.min(2, value.length));
}

/** 'zhangsan@example.com' → 'z***@example.com'. */
export function maskEmail(email: string): string {
  const value = email.trim();
  const at = value.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(value.length);
  return `${Array.from(value)[0]}***${value.slice(at)}`;
}

/** Keeps the first 6 characters of an address (province/city), masks the rest with '****'. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return '****';
  return `${chars.slice(0, 6).join('')}****`;
}

/**
 * The applicant as someone without access to personal data sees it: a natural person's name masked, an
 * organisation's name shown (not personal data) but its contact person masked; document number, phone,
 * e-mail and address masked.
 */
export function maskApplicant(applicant: Applicant): Applicant {
  return {
    ...applicant,
    name: applicant.type === 'natural' ? maskName(applicant.name) : applicant.name,
    idNumber: maskId(applicant.idNumber),
    phone: maskPhone(applicant.phone),
    email: applicant.email === null ? null : maskEmail(applicant.email),
    address: applicant.address === null ? null : maskAddress(applicant.address),
    contactName: applicant.contactName === null ? null : maskName(applicant.contactName),
  };
}
