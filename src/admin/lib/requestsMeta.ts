// The labels of the requests module come from GET /api/requests/meta (one source of truth on the server).
// This file turns that answer into option lists, whatever the list form (array of { code, label } or a
// { code: label } map), and adds the few lists the meta contract does not cover.

import { fetchRequestsMeta } from '../api/requests.ts';
import { useLoad } from './useLoad.ts';

/** The meta answer as read here: any object, so that older list forms are normalised too. */
export type RawRequestsMeta = Record<string, unknown>;

export interface MetaOption {
  code: string;
  label: string;
  /** The entry as the server sent it (extra fields such as the report row). */
  raw: Record<string, unknown>;
}

export interface OutcomeOption extends MetaOption {
  /** Annual-report group heading, e.g. （三）不予公开. */
  group: string;
  /** A ground for non-disclosure must be given (WITHHOLD, PARTIAL). */
  groundRequired: boolean;
  /** A staff reply may choose it (the withdrawn outcomes come from their own actions). */
  replyChoosable: boolean;
}

export interface RequestsMeta {
  stages: MetaOption[];
  actions: MetaOption[];
  /** Event types that are not actions (e.g. the registration); may be empty. */
  events: MetaOption[];
  outcomes: OutcomeOption[];
  grounds: MetaOption[];
  channels: MetaOption[];
  applicantTypes: MetaOption[];
  idTypes: MetaOption[];
  formsWanted: MetaOption[];
  deliveries: MetaOption[];
  parties: MetaOption[];
  opinions: MetaOption[];
  noteKinds: MetaOption[];
  feeMethods: MetaOption[];
}

type Pairs = readonly (readonly [string, string])[];

// Lists that docs/requests.md does not put in the meta answer: used unless the server sends them.
// Identity document codes are those the server's registration schema accepts.
const FALLBACK_ID_TYPES: Pairs = [
  ['resident-id', '居民身份证'],
  ['passport', '护照'],
  ['other', '其他有效身份证件'],
  ['uscc', '统一社会信用代码'],
];
/** Identity documents of natural persons and of organisations (codes of the list above). */
export const PERSON_ID_TYPES: readonly string[] = ['resident-id', 'passport', 'other'];
export const ORGANISATION_ID_TYPES: readonly string[] = ['uscc'];

// The form and the way of delivery are free text on the server (up to 50 characters): the usual
// choices are offered and stored as their Chinese wording.
const FALLBACK_FORMS: Pairs = [
  ['纸质', '纸质'],
  ['电子', '电子'],
  ['光盘', '光盘'],
];
const FALLBACK_DELIVERIES: Pairs = [
  ['邮寄', '邮寄'],
  ['电子邮件', '电子邮件'],
  ['传真', '传真'],
  ['自行领取', '自行领取'],
  ['当场阅读、抄录', '当场阅读、抄录'],
];
const FALLBACK_EVENTS: Pairs = [['submit', '提交申请']];
const FALLBACK_PARTIES: Pairs = [
  ['third-party', '第三方'],
  ['agency', '其他机关'],
];
const FALLBACK_OPINIONS: Pairs = [
  ['agree', '同意公开'],
  ['refuse', '不同意公开'],
  ['none', '逾期未提出意见'],
];
// The server's action schema takes the Chinese words as the note kind.
const FALLBACK_NOTE_KINDS: Pairs = [
  ['会商', '会商'],
  ['协助调查', '协助调查'],
  ['其他', '其他'],
];
const FALLBACK_FEE_METHODS: Pairs = [
  ['per-item', '按件计收'],
  ['per-page', '按量计收'],
];

/** Headings of 表三 of the annual report (国办公开办函〔2021〕30号), by group numeral. */
const REPORT_GROUPS: Record<string, string> = {
  一: '（一）予以公开',
  二: '（二）部分公开',
  三: '（三）不予公开',
  四: '（四）无法提供',
  五: '（五）不予处理',
  六: '（六）其他处理',
};

/** docs/requests.md §Outcomes: the report group of each outcome, when the meta entry does not say. */
const OUTCOME_GROUPS: Record<string, string> = {
  ALREADY_PUBLIC: '一',
  DISCLOSE: '一',
  PARTIAL: '二',
  WITHHOLD: '三',
  SPECIAL_REGIME: '三',
  NOT_EXIST: '四',
  NOT_OUR_AGENCY: '四',
  NEEDS_CREATION: '四',
  STILL_UNCLEAR: '四',
  PETITION: '五',
  REPEAT: '五',
  PUBLICATION: '五',
  MASS_UNREASONABLE: '五',
  CONFIRM_OR_REISSUE: '五',
  WITHDRAWN_NO_CORRECTION: '六',
  WITHDRAWN_NO_PAYMENT: '六',
  OTHER: '六',
};

const GROUND_REQUIRED = new Set(['WITHHOLD', 'PARTIAL']);
/** Outcomes that come from their own actions (deem-withdrawn-*, withdraw), not from a reply. */
const NOT_FOR_REPLY = new Set(['WITHDRAWN_NO_CORRECTION', 'WITHDRAWN_NO_PAYMENT', 'OTHER']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function entry(code: string | undefined, value: unknown): MetaOption | undefined {
  if (isRecord(value)) {
    const c = code ?? text(value.code) ?? text(value.value) ?? text(value.id) ?? text(value.key);
    if (!c) return undefined;
    const label = text(value.label) ?? text(value.name) ?? text(value.title) ?? c;
    return { code: c, label, raw: value };
  }
  const label = text(value);
  if (code && label) return { code, label, raw: {} };
  if (label) return { code: label, label, raw: {} };
  return undefined;
}

/** An option list from an array of entries or a { code: label | entry } map. */
export function toOptions(value: unknown): MetaOption[] {
  const list = Array.isArray(value)
    ? value.map((v) => entry(undefined, v))
    : isRecord(value)
      ? Object.entries(value).map(([code, v]) => entry(code, v))
      : [];
  return list.filter((o): o is MetaOption => o !== undefined);
}

function pick(raw: RawRequestsMeta, names: readonly string[], fallback: Pairs = []): MetaOption[] {
  for (const name of names) {
    const options = toOptions(raw[name]);
    if (options.length) return options;
  }
  return fallback.map(([code, label]) => ({ code, label, raw: {} }));
}

/** The server's group codes (domain/outcomes.ts OutcomeGroup) by report numeral. */
const GROUP_CODES: Record<string, string> = {
  disclosed: '一',
  partial: '二',
  withheld: '三',
  unable: '四',
  'not-handled': '五',
  other: '六',
};

function heading(value: string, groupLabels: readonly MetaOption[]): string | undefined {
  const fromList = groupLabels.find((g) => g.code === value)?.label;
  if (fromList) return fromList;
  const numeral = /^[（(]([一二三四五六])[）)]/.exec(value)?.[1] ?? GROUP_CODES[value] ?? value;
  return REPORT_GROUPS[numeral];
}

function groupOf(option: MetaOption, groupLabels: readonly MetaOption[]): string {
  const label = text(option.raw.groupLabel);
  if (label) return heading(label, groupLabels) ?? label;
  for (const key of ['group', 'reportGroup', 'reportRow', 'row']) {
    const value = text(option.raw[key]);
    const found = value && heading(value, groupLabels);
    if (found) return found;
  }
  const numeral = OUTCOME_GROUPS[option.code];
  return (numeral && REPORT_GROUPS[numeral]) || '其他';
}

function flag(option: MetaOption, keys: readonly string[], fallback: boolean): boolean {
  for (const key of keys) {
    const value = option.raw[key];
    if (typeof value === 'boolean') return value;
  }
  return fallback;
}

export function normalizeMeta(raw: RawRequestsMeta): RequestsMeta {
  const groupLabels = pick(raw, ['outcomeGroups', 'groups']);
  return {
    stages: pick(raw, ['stages']),
    actions: pick(raw, ['actions']),
    events: pick(raw, ['events', 'eventTypes'], FALLBACK_EVENTS),
    outcomes: pick(raw, ['outcomes']).map((o) => ({
      ...o,
      group: groupOf(o, groupLabels),
      groundRequired: flag(o, ['groundRequired', 'requiresGround'], GROUND_REQUIRED.has(o.code)),
      replyChoosable: flag(o, ['replyChoosable', 'forReply'], !NOT_FOR_REPLY.has(o.code)),
    })),
    grounds: pick(raw, ['grounds']),
    channels: pick(raw, ['channels']),
    applicantTypes: pick(raw, ['applicantTypes', 'applicant_types']),
    idTypes: pick(raw, ['idTypes', 'identityTypes'], FALLBACK_ID_TYPES),
    formsWanted: pick(raw, ['formsWanted', 'forms', 'formWanted'], FALLBACK_FORMS),
    deliveries: pick(raw, ['deliveries', 'deliveryWanted', 'deliveryMethods'], FALLBACK_DELIVERIES),
    parties: pick(raw, ['parties', 'consultedParties'], FALLBACK_PARTIES),
    opinions: pick(raw, ['opinions', 'consultationOpinions'], FALLBACK_OPINIONS),
    noteKinds: pick(raw, ['noteKinds'], FALLBACK_NOTE_KINDS),
    feeMethods: pick(raw, ['feeMethods'], FALLBACK_FEE_METHODS),
  };
}

/** The label of a code in a list; the code itself when unknown, — when empty. */
export function labelOf(options: readonly MetaOption[], code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return options.find((o) => o.code === code)?.label ?? code;
}

/** The label of an event type: the registration event, or the action it records. */
export function eventLabel(meta: RequestsMeta | undefined, type: string): string {
  if (!meta) return type;
  return (
    meta.events.find((o) => o.code === type)?.label ??
    meta.actions.find((o) => o.code === type)?.label ??
    type
  );
}

/** Select options ({ value, label }) from a meta list. */
export function selectOptions(options: readonly MetaOption[]): { value: string; label: string }[] {
  return options.map((o) => ({ value: o.code, label: o.label }));
}

/** Outcome options grouped under the annual-report headings, in report order. */
export function groupedOutcomeOptions(
  outcomes: readonly OutcomeOption[],
): { label: string; title: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const o of outcomes)
    groups.set(o.group, [...(groups.get(o.group) ?? []), { value: o.code, label: o.label }]);
  const order = Object.values(REPORT_GROUPS);
  return [...groups]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([label, options]) => ({ label, title: label, options }));
}

let cached: Promise<RequestsMeta> | undefined;

function loadMeta(): Promise<RequestsMeta> {
  cached ??= fetchRequestsMeta().then(normalizeMeta, (e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

export interface MetaState {
  meta: RequestsMeta | undefined;
  error: string | undefined;
  reload: () => void;
}

/** The requests module's labels, loaded once per page load. */
export function useRequestsMeta(): MetaState {
  const { data, error, reload } = useLoad(loadMeta, []);
  return { meta: data, error, reload };
}
