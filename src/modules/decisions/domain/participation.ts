/**
 * Hearings (听证会), government meetings open to public representatives (列席政府会议) and open days
 * (政府开放日): the rules of sign-up, capacity, selection and timing. Pure: today's date is a parameter.
 *
 * 《重大行政决策程序暂行条例》 Art. 16–17 (REGULATIONS §4): the participant-selection method and the
 * participant list are published in advance; the materials reach participants at least 7 days before
 * the hearing (召开听证会7日前送达); participants confirm the record. Meetings and open days follow the
 * local rules (REQUIREMENTS D4–D6): sign-up, a recorded selection, the list, opinions and answers, a
 * survey after an open day, and yearly counts against targets (settings).
 */
import { charCount } from './comment.ts';

export const EVENT_KINDS = ['hearing', 'meeting', 'open_day'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  hearing: '听证会',
  meeting: '公众代表列席政府会议',
  open_day: '政府开放日',
};

export const SELECTIONS = ['draw', 'criteria', 'first_come'] as const;
export type Selection = (typeof SELECTIONS)[number];
export const SELECTION_LABELS: Record<Selection, string> = {
  draw: '公开抽签',
  criteria: '按条件遴选',
  first_come: '按报名先后，额满为止',
};

export const EVALUATION_RESULTS = ['continue', 'amend', 'repeal'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const EVALUATION_RESULT_LABELS: Record<EvaluationResult, string> = {
  continue: '继续施行',
  amend: '修改完善',
  repeal: '废止',
};

/** 713 Art. 17: materials delivered at least 7 days before the hearing. */
export const HEARING_MATERIALS_DAYS = 7;

export const SIGNUP_LIMITS = { name: 50, contact: 100, identity: 100, reason: 500 } as const;
export const SURVEY_REMARK_CHARS = 500;

export type SignupInput = { name: string; contact: string; identity: string; reason: string };
export type SignupField = keyof SignupInput;
export type FieldError<F extends string> = { field: F; message: string };

/** Where an event stands for a visitor on `today`. */
export const EVENT_PHASES = ['signup', 'selecting', 'upcoming', 'held'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  signup: '正在报名',
  selecting: '报名已截止',
  upcoming: '即将举行',
  held: '已举行',
};

export interface EventFacts {
  heldOn: string;
  /** Last day of sign-up; none: until the day before the event. */
  signupClosesOn: string | null;
  listPublished: boolean;
}

/** The last day a visitor may sign up. */
export function lastSignupDay(e: Pick<EventFacts, 'heldOn' | 'signupClosesOn'>): string {
  return e.signupClosesOn ?? addDays(e.heldOn, -1);
}

export function eventPhase(e: EventFacts, today: string): EventPhase {
  if (today >= e.heldOn) return 'held';
  if (today <= lastSignupDay(e) && !e.listPublished) return 'signup';
  return e.listPublished ? 'upcoming' : 'selecting';
}

/** ISO date plus n calendar days (UTC arithmetic on a date, no time zone involved). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function checkSignup(
  input: SignupInput,
): { ok: true; value: SignupInput } | { ok: false; errors: FieldError<SignupField>[] } {
  const v: SignupInput = {
    name: input.name.trim(),
    contact: input.contact.trim(),
    identity: input.identity.trim(),
    reason: input.reason.replace(/\r\n?/g, '\n').trim(),
  };
  const errors: FieldError<SignupField>[] = [];
  if (v.name === '') errors.push({ field: 'name', message: '请填写姓名' });
  if (v.contact === '')
    errors.push({ field: 'contact', message: '请填写联系方式（电话或电子邮箱），以便通知您遴选结果' });
  const labels: Record<SignupField, string> = {
    name: '姓名',
    contact: '联系方式',
    identity: '职业或身份',
    reason: '报名理由或拟提出的意见',
  };
  for (const f of ['name', 'contact', 'identity', 'reason'] as const) {
    const n = charCount(v[f]);
    if (n > SIGNUP_LIMITS[f])
      errors.push({ field: f, message: `${labels[f]}不能超过${SIGNUP_LIMITS[f]}字（现为${n}字）` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: v };
}

export type SignupRefusal = { code: 'closed'; lastDay: string } | { code: 'full'; places: number };

/**
 * Whether one more sign-up is accepted. First come: no more than the places (checked with the event row
 * locked, so two visitors cannot take the last place). Draw or criteria: anyone until the deadline.
 */
export function signupRefusal(
  e: EventFacts & { selection: Selection; places: number },
  taken: number,
  today: string,
): SignupRefusal | null {
  if (eventPhase(e, today) !== 'signup') return { code: 'closed', lastDay: lastSignupDay(e) };
  if (e.selection === 'first_come' && taken >= e.places) return { code: 'full', places: e.places };
  return null;
}

/** The survey after an open day: from the day it is held. */
export function checkSurvey(input: {
  rating: string;
  remark: string;
}):
  | { ok: true; value: { rating: number; remark: string } }
  | { ok: false; errors: FieldError<'rating' | 'remark'>[] } {
  const errors: FieldError<'rating' | 'remark'>[] = [];
  const rating = /^[1-5]$/.test(input.rating.trim()) ? Number(input.rating.trim()) : null;
  if (rating === null) errors.push({ field: 'rating', message: '请选择满意程度' });
  const remark = input.remark.replace(/\r\n?/g, '\n').trim();
  if (charCount(remark) > SURVEY_REMARK_CHARS)
    errors.push({
      field: 'remark',
      message: `意见建议不能超过${SURVEY_REMARK_CHARS}字（现为${charCount(remark)}字）`,
    });
  return errors.length || rating === null ? { ok: false, errors } : { ok: true, value: { rating, remark } };
}

/** 713 Art. 17: were the hearing materials sent at least 7 days before? `null` while not yet sent. */
export function materialsOnTime(sentOn: string | null, heldOn: string): boolean | null {
  if (sentOn === null) return null;
  return sentOn <= addDays(heldOn, -HEARING_MATERIALS_DAYS);
}

/** The last day the hearing materials may be sent. */
export const materialsDeadline = (heldOn: string) => addDays(heldOn, -HEARING_MATERIALS_DAYS);

/** A yearly count against its target: reached, or how many are missing. */
export function targetProgress(count: number, target: number): { reached: boolean; missing: number } {
  return { reached: count >= target, missing: Math.max(0, target - count) };
}
