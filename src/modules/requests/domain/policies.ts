/**
 * Who may do what on a case, and who sees the applicant's personal data. Pure: answers are booleans,
 * the service turns `false` into FORBIDDEN (or NOT_FOUND when the case may not even be seen).
 *
 * - The disclosure office (政府信息公开工作机构) of the addressed agency — an `office` actor whose
 *   `agencyIds` contain `kase.orgId` — may take every case action except `extend`.
 * - `extend` needs the consent of the head of the disclosure office (条例第三十三条第二款 “经政府信息公开
 *   工作机构负责人同意”): an `approver` whose `agencyIds` contain `kase.orgId`.
 * - The assigned handling unit (承办单位, `actor.orgId === kase.unitId`): its handlers and approvers may
 *   request/receive a correction, consult, reply and add notes; its reviewers may only view.
 * - `admin` may view (the service limits it to the organisations it administers) but takes no case action.
 * Personal data (name, ID number, phone, e-mail, address) is shown to the office of the agency and the
 * assigned unit's handlers/approvers; everyone else sees it masked.
 */
import type { Applicant } from './applicant.ts';
import type { Action } from './stages.ts';

export interface CaseActor {
  id: number;
  role: string;
  /** The actor's own organisation. */
  orgId: number;
  /** The agencies this person acts for as disclosure office (computed by the service). */
  agencyIds: readonly number[];
}

export interface CaseRef {
  /** The addressed agency. */
  orgId: number;
  /** The assigned handling unit, or null. */
  unitId: number | null;
  handlerId: number | null;
}

/** Case actions plus 'view'. */
export type CasePermission = Action | 'view';

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

function isOfficeOf(actor: CaseActor, kase: CaseRef): boolean {
  return actor.role === 'office' && actor.agencyIds.includes(kase.orgId);
}

/** 负责人 of the agency's disclosure office. */
function isOfficeHeadOf(actor: CaseActor, kase: CaseRef): boolean {
  return actor.role === 'approver' && actor.agencyIds.includes(kase.orgId);
}

function isUnitMember(actor: CaseActor, kase: CaseRef): boolean {
  return kase.unitId !== null && actor.orgId === kase.unitId;
}

/** A handler or approver of the assigned unit. */
function isUnitWorker(actor: CaseActor, kase: CaseRef): boolean {
  return isUnitMember(actor, kase) && (actor.role === 'handler' || actor.role === 'approver');
}

export function canView(actor: CaseActor, kase: CaseRef): boolean {
  if (actor.role === 'admin') return true;
  if (isOfficeOf(actor, kase) || isOfficeHeadOf(actor, kase)) return true;
  return (
    isUnitMember(actor, kase) &&
    (actor.role === 'handler' || actor.role === 'reviewer' || actor.role === 'approver')
  );
}

export function canAct(actor: CaseActor, action: CasePermission, kase: CaseRef): boolean {
  if (action === 'view') return canView(actor, kase);
  if (actor.role === 'admin') return false;
  // Answered by the unit asked for assistance, through its own task (canAnswerAssistance), not on the case.
  if (action === 'assist-reply') return false;
  if (action === 'extend') return isOfficeHeadOf(actor, kase);
  if (isOfficeOf(actor, kase)) return true;
  return isUnitWorker(actor, kase) && UNIT_ACTIONS.has(action);
}

/**
 * Whether the person may answer an assistance request (协助调查/会商) addressed to `unitId`: a handler,
 * approver or office worker of that organisation.
 */
export function canAnswerAssistance(actor: CaseActor, unitId: number): boolean {
  return (
    actor.orgId === unitId &&
    (actor.role === 'handler' || actor.role === 'approver' || actor.role === 'office')
  );
}

/** Whether the person sees the assistance requests addressed to `unitId` (any staff role of that organisation). */
export function canSeeAssistance(actor: CaseActor, unitId: number): boolean {
  return actor.orgId === unitId && actor.role !== 'admin';
}

export function canSeePersonalData(actor: CaseActor, kase: CaseRef): boolean {
  return isOfficeOf(actor, kase) || isOfficeHeadOf(actor, kase) || isUnitWorker(actor, kase);
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
