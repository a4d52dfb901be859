/**
 * Routing what 政策问答 cannot answer (e3): a citizen's question the index refused goes on to the
 * responsible unit. The office confirms or reassigns the unit suggested here, the unit answers, the office
 * reviews and sends the answer; a general answer may join 政策问答库. Pure: "today", the organisations
 * and the best-matching documents are parameters.
 */
import { normaliseOrgName, placeNamesOf } from '../../orgs/domain/aliases.ts';

export const ROUTED_STATUSES = ['received', 'assigned', 'answered', 'sent'] as const;
export type RoutedStatus = (typeof ROUTED_STATUSES)[number];
/** What the office, the unit and the asker read. */
export const ROUTED_STATUS_LABELS: Readonly<Record<RoutedStatus, string>> = {
  received: '待确认承办单位',
  assigned: '承办单位办理中',
  answered: '答复待审核',
  sent: '已答复',
};

export const ROUTED_STEPS = ['assign', 'answer', 'approve', 'return'] as const;
export type RoutedStep = (typeof ROUTED_STEPS)[number];

/**
 * The status after a step, or null when the step does not apply: the office assigns (or reassigns) the
 * unit until it has answered; the unit answers; the office approves (sent) or returns it to the unit.
 */
export function nextRoutedStatus(status: RoutedStatus, step: RoutedStep): RoutedStatus | null {
  switch (step) {
    case 'assign':
      return status === 'received' || status === 'assigned' ? 'assigned' : null;
    case 'answer':
      return status === 'assigned' ? 'answered' : null;
    case 'approve':
      return status === 'answered' ? 'sent' : null;
    case 'return':
      return status === 'answered' ? 'assigned' : null;
  }
}

/** Overdue: not yet sent to the asker and today is after the due date (ISO dates compare as text). */
export function isRoutedOverdue(status: RoutedStatus, dueOn: string, today: string): boolean {
  return status !== 'sent' && today > dueOn;
}

export type UnitOrg = { id: number; name: string; parentId: number | null; kind: string; disabled: boolean };
/** A best-matching passage of the refused question: its document's issuer, the task row's lead units. */
export type UnitEvidence = { issuer: string; leadUnits: string | null; score: number };
export type UnitSuggestion = { orgId: number; reason: string } | null;

const GOVERNMENT_KINDS = new Set(['government', 'county']);

/** The enabled organisation a name designates: same name, else same normalised name; a disabled one → its parent. */
function orgNamed(name: string, orgs: readonly UnitOrg[], places: readonly string[]): UnitOrg | null {
  const key = normaliseOrgName(name, places);
  if (key === '') return null;
  let hit =
    orgs.find((o) => o.name === name) ?? orgs.find((o) => normaliseOrgName(o.name, places) === key) ?? null;
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // Up the tree past disabled organisations (a merged department's successor is its parent's choice).
  while (hit?.disabled) hit = hit.parentId === null ? null : (byId.get(hit.parentId) ?? null);
  return hit;
}

/**
 * The unit suggested for a refused question (DERIVED: the issuer of the documents that came closest is
 * the unit that makes the policy; a task row's 牵头单位 is the one charged with it). Each piece of
 * evidence votes its score for the lead unit named first (when it is one organisation) or else the
 * issuer; a government's vote goes to its office (the organisation below it whose name ends in 办公室).
 * The most votes wins; a tie goes to the better-ranked evidence. Nothing matched: null (the office chooses).
 */
export function suggestUnit(evidence: readonly UnitEvidence[], orgs: readonly UnitOrg[]): UnitSuggestion {
  const places = orgs.filter((o) => GOVERNMENT_KINDS.has(o.kind)).flatMap((o) => placeNamesOf(o.name));
  const votes = new Map<number, { score: number; first: number; via: string }>();
  evidence.forEach((e, i) => {
    const lead = e.leadUnits
      ?.split(/[、，,；;\s]+/u)
      .map((s) => s.trim())
      .find((s) => s !== '');
    const fromLead = lead ? orgNamed(lead, orgs, places) : null;
    const named = fromLead ?? orgNamed(e.issuer, orgs, places);
    if (!named) return;
    let org = named;
    if (GOVERNMENT_KINDS.has(org.kind)) {
      const office = orgs.find((o) => o.parentId === org.id && !o.disabled && /办公室$/u.test(o.name));
      if (office) org = office;
    }
    const via = fromLead ? '牵头单位' : '制发机关';
    const v = votes.get(org.id);
    if (v) v.score += e.score;
    else votes.set(org.id, { score: e.score, first: i, via });
  });
  let best: [number, { score: number; first: number; via: string }] | null = null;
  for (const entry of votes) {
    if (
      !best ||
      entry[1].score > best[1].score ||
      (entry[1].score === best[1].score && entry[1].first < best[1].first)
    )
      best = entry;
  }
  if (!best) return null;
  return { orgId: best[0], reason: `按最相关文件的${best[1].via}推荐` };
}

/** A tracking code's shape: QA, the date (YYYYMMDD) and six characters that cannot be confused. */
export const TRACKING_CODE = /^QA\d{8}[2-9A-HJ-NP-Z]{6}$/;
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The tracking code from the day it was asked and six random numbers (0–255 each, from the caller). */
export function trackingCode(askedOn: string, random: readonly number[]): string {
  const tail = random
    .slice(0, 6)
    .map((n) => TRACKING_ALPHABET[n % TRACKING_ALPHABET.length])
    .join('');
  return `QA${askedOn.replaceAll('-', '')}${tail}`;
}

/** A tracking code as typed: spaces gone, upper case; null when it cannot be one. */
export function readTrackingCode(input: string): string | null {
  const code = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  return TRACKING_CODE.test(code) ? code : null;
}

export type Contact = { phone: string | null; email: string | null };
export type ContactError = { field: 'phone' | 'email'; message: string };

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@<>"']{1,64}@[^\s@<>"']{1,190}\.[A-Za-z]{2,}$/;

/** The optional contact as typed: a mobile or landline number, an e-mail address; both may stay empty. */
export function checkContact(phone: string, email: string): { contact: Contact; errors: ContactError[] } {
  const p = phone.normalize('NFKC').replace(/[\s()（）]/g, '');
  const m = email.normalize('NFKC').trim();
  const errors: ContactError[] = [];
  if (p !== '' && !PHONE.test(p))
    errors.push({ field: 'phone', message: '请填写正确的手机号码（11位）或带区号的固定电话，也可以不填' });
  if (m !== '' && (m.length > 254 || !EMAIL.test(m)))
    errors.push({ field: 'email', message: '请填写正确的电子邮箱地址，例如 name@example.com，也可以不填' });
  return { contact: { phone: p === '' ? null : p, email: m === '' ? null : m }, errors };
}
