import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { APPLICANT_TYPES, ID_TYPES } from './domain/applicant.ts';
import { APPLICATION_FILE_KINDS, CASE_FILE_GROUPS } from './domain/case-files.ts';
import { PAUSE_REASONS } from './domain/clock.ts';
import { GROUND_CODES, OUTCOME_CODES, REPORT_ROW_KEYS } from './domain/outcomes.ts';
import { RELEASE_STATUSES } from './domain/release.ts';
import { SIGNOFF_CHAINS, SIGNOFF_STEPS } from './domain/signoff.ts';
import { ACTIONS, ASSIST_KINDS, CONSULTATION_OPINIONS, NOTE_KINDS, STAGES } from './domain/stages.ts';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => (s ? s : null));

/** What every application carries (Art. 29), for the portal form and staff registration alike. */
export const applicationFields = {
  orgId: z.coerce.number('请选择受理申请的行政机关').int().positive('请选择受理申请的行政机关'),
  applicant: z.object({
    type: z.enum(
      ['natural', 'commercial', 'research', 'public-interest', 'legal-service', 'other'],
      '请选择申请人类型',
    ),
    name: z.string().trim().min(1, '请填写申请人姓名或名称').max(100, '姓名或名称不能超过100个字'),
    idType: z.enum(['resident-id', 'passport', 'other', 'uscc'], '请选择证件类型'),
    idNumber: z.string().trim().min(1, '请填写证件号码').max(40, '证件号码过长'),
    phone: z.string().trim().min(1, '请填写联系电话').max(30, '联系电话过长'),
    email: optionalText(100, '电子邮箱过长'),
    address: optionalText(200, '通信地址不能超过200个字'),
    contactName: optionalText(50, '联系人姓名过长'),
  }),
  request: z.object({
    subject: z.string().trim().min(1, '请填写所需政府信息的名称').max(200, '信息名称不能超过200个字'),
    docNumber: optionalText(100, '文号过长'),
    description: z
      .string()
      .trim()
      .min(1, '请描述所需信息的内容特征，便于行政机关查找')
      .max(2000, '内容描述不能超过2000个字'),
    formWanted: optionalText(50, '信息形式过长'),
    deliveryWanted: optionalText(50, '获取方式过长'),
  }),
};

export const applicationBody = z.object(applicationFields);

export const registerBody = z.object({
  ...applicationFields,
  channel: z.enum(['in-person', 'post-signed', 'post-confirmed', 'fax', 'email'], '请选择申请方式'),
  submittedOn: isoDate,
  receivedOn: isoDate.nullish().transform((s) => s ?? null),
  /** What the applicant handed in, uploaded first (POST /api/files): the scanned letter, identity, other. */
  files: z
    .array(
      z.object({
        fileId: z.number().int().positive(),
        kind: z.enum(APPLICATION_FILE_KINDS, '请选择材料类型'),
      }),
    )
    .max(20, '申请材料最多20个')
    .default([]),
});

/** The information released with a reply (予以公开/部分公开): uploads and documents of the library. */
const released = {
  releasedFileIds: z.array(z.number().int().positive()).max(20, '附件最多20个').optional(),
  releasedDocumentIds: z.array(z.number().int().positive()).max(20, '最多选择20份文件').optional(),
};

const on = isoDate;
const consultationId = z.string().trim().min(1).max(40);
const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, `不能超过${max}个字`);

export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm-receipt'), on }),
  z.object({
    action: z.literal('assign'),
    on,
    unitId: z.number().int().positive('请选择承办单位'),
    handlerId: z.number().int().positive().nullish(),
  }),
  z.object({
    action: z.literal('request-correction'),
    on,
    items: text(2000, '请写明需要补正的事项'),
    deadlineDate: isoDate,
  }),
  z.object({ action: z.literal('receive-correction'), on, text: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('deem-withdrawn-no-correction'), on }),
  z.object({
    action: z.literal('consult-send'),
    on,
    consultationId,
    party: z.enum(['third-party', 'agency'], '请选择征求意见对象类型'),
    name: text(100, '请填写被征求意见的第三方或机关名称'),
  }),
  z.object({ action: z.literal('consult-deliver'), on, consultationId }),
  z.object({
    action: z.literal('consult-reply'),
    on,
    consultationId,
    opinion: z.enum(['agree', 'refuse', 'none']),
    text: z.string().trim().max(2000).optional(),
  }),
  z.object({ action: z.literal('extend'), on, reason: text(500, '请写明延期答复的理由') }),
  z.object({
    action: z.literal('fee-notice'),
    on,
    method: z.enum(['per-item', 'per-page'], '请选择计收方式'),
    quantity: z.number().int().positive('请填写件数或页数'),
    /** 按件: the applicant's earlier applications this natural month, when staff correct the count. */
    earlierThisMonth: z.number().int().min(0, '件数不能为负数').optional(),
    countReason: z.string().trim().max(500).optional(),
  }),
  z.object({ action: z.literal('fee-paid'), on }),
  z.object({ action: z.literal('deem-withdrawn-no-payment'), on }),
  // Without a draft waiting: the reply itself (outcome and text required). With one waiting for 负责人签发:
  // the signature, which sends the draft as it stands (no outcome or text given).
  z.object({
    action: z.literal('reply'),
    on,
    outcome: z.string().min(1, '请选择答复类型').optional(),
    groundCode: z.string().nullish(),
    text: z.string().trim().max(5000, '不能超过5000个字').optional(),
    ...released,
  }),
  z.object({
    action: z.literal('draft-reply'),
    on,
    outcome: z.string().min(1, '请选择答复类型'),
    groundCode: z.string().nullish(),
    text: text(5000, '请填写答复内容'),
    ...released,
  }),
  z.object({ action: z.literal('review-draft'), on, comment: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('return-draft'), on, comment: text(1000, '请写明修改意见') }),
  z.object({ action: z.literal('withdraw'), on, reason: z.string().trim().max(500).optional() }),
  z.object({
    action: z.literal('note'),
    on,
    kind: z.enum(NOTE_KINDS).optional(),
    text: text(2000, '请填写记录内容'),
  }),
  z.object({
    action: z.literal('assist-request'),
    on,
    unitId: z.number().int().positive('请选择请求协助的单位'),
    kind: z.enum(ASSIST_KINDS, '请选择协助调查或会商'),
    question: text(2000, '请写明需要协助的事项'),
    dueOn: isoDate,
  }),
  z.object({ action: z.literal('archive'), on }),
  z.object({
    action: z.literal('transfer'),
    on,
    toOrgId: z.number('请选择转办的行政机关').int().positive('请选择转办的行政机关'),
    reason: text(500, '请写明转办理由'),
  }),
]);

export const listQuery = z.object({
  /** work: the cases the caller acts on (default); supervise: 督办, the cases a government's office oversees. */
  view: z.enum(['work', 'supervise']).optional(),
  /** One stage; open: the cases in hand (未办结); all (or none): every case. */
  stage: z.enum([...STAGES, 'open', 'all'], '没有这个办理阶段').optional(),
  unitId: recordId.optional(),
  overdue: z.enum(['1', 'true']).optional(),
  paused: z.enum(['1', 'true']).optional(),
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// ---------------------------------------------------------------------------------------------------------
// Letters, analytics, the 转主动公开 queue, assistance and saved views: requests

export const letterParam = z.object({ id: recordId, letterId: recordId });
export const templateParam = z.object({ kind: z.string().max(60) });
/** Whose templates: an agency's own (`orgId`), or the shared ones (absent on a save or reset). */
export const templateQuery = z.object({ orgId: z.coerce.number().int().positive('机关无效').optional() });
export const templateBody = z.object({
  title: z.string('请填写文书标题').max(200, '文书标题过长'),
  body: z.string('请填写文书正文').max(20000, '文书正文过长'),
});

export const analyticsQuery = z.object({
  year: z.coerce.number().int('年度应为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
  unitId: recordId.optional(),
});
const decisionNote = z
  .string()
  .trim()
  .max(500, '说明不能超过500个字')
  .nullish()
  .transform((s) => (s ? s : null));
export const flagBody = z.object({ note: decisionNote }).optional();
export const queueQuery = z.object({
  status: z.enum(RELEASE_STATUSES, '状态无效').optional(),
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(100).default(20),
});
export const decideBody = z.object({
  status: z.enum(['published', 'rejected'], '请选择“转为主动公开”或“不予转入”'),
  note: decisionNote,
});

export const ASSISTANCE_FILTERS = ['open', 'answered', 'all'] as const;
export const assistanceQuery = z.object({
  status: z.enum(ASSISTANCE_FILTERS).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const assistanceReplyBody = z.object({
  text: z.string().trim().min(1, '请填写协助答复内容').max(5000, '答复内容不超过5000字'),
  fileIds: z.array(z.number().int().positive()).max(20, '附件最多20个').default([]),
  on: isoDate.optional(),
});
export const assistanceFileParam = z.object({ id: recordId, fileId: recordId });

export const viewFilter = z.object({
  stage: z.string().max(40).optional(),
  unitId: z.number().int().positive().optional(),
  overdue: z.boolean().optional(),
  paused: z.boolean().optional(),
  dueWithin: z.number().int().min(0).max(60).optional(),
  q: z.string().trim().max(60).optional(),
  assistance: z.enum(ASSISTANCE_FILTERS).optional(),
});
const viewName = z.string().trim().min(1, '请填写名称').max(40, '名称不超过40个字');
export const viewCreateBody = z.object({ name: viewName, filter: viewFilter });
export const viewUpdateBody = z.object({ name: viewName.optional(), filter: viewFilter.optional() });

// ---------------------------------------------------------------------------------------------------------
// Responses. They are exact: the reply is checked and serialized through them (unknown keys are dropped,
// a mismatch is a 500), so every field is listed with the type the service gives it.

const date = z.string().nullable();
const str = z.string();
const strOrNull = z.string().nullable();
const codeLabel = <T extends z.ZodType>(code: T) => z.object({ code, label: str });

/** GET /requests/meta: every label the console shows for this module (meta.ts). */
export const metaResponse = z.object({
  stages: z.array(codeLabel(z.enum(STAGES))),
  actions: z.array(codeLabel(z.enum(ACTIONS))),
  events: z.array(codeLabel(str)),
  channels: z.array(codeLabel(str)),
  applicantTypes: z.array(codeLabel(z.enum(APPLICANT_TYPES))),
  idTypes: z.array(codeLabel(z.enum(ID_TYPES))),
  outcomeGroups: z.array(codeLabel(str)),
  outcomes: z.array(
    z.object({
      code: z.enum(OUTCOME_CODES),
      label: str,
      group: str,
      article: strOrNull,
      groundRequired: z.boolean(),
      replyChoosable: z.boolean(),
    }),
  ),
  grounds: z.array(z.object({ code: z.enum(GROUND_CODES), label: str, article: strOrNull })),
  noteKinds: z.array(codeLabel(str)),
  assistKinds: z.array(codeLabel(z.enum(ASSIST_KINDS))),
  consultationOpinions: z.array(codeLabel(z.enum(CONSULTATION_OPINIONS))),
});

/** The addressed agency, the handling unit and the handler, with their names (list rows and the detail). */
const whoHandles = {
  orgId: z.number(),
  orgName: str,
  unitId: z.number().nullable(),
  unitName: strOrNull,
  handlerId: z.number().nullable(),
  handlerName: strOrNull,
};

/** One row of the workbench (present.ts presentListItem); the applicant's name masked where not personal. */
export const listItem = z.object({
  id: z.number(),
  caseNo: str,
  subject: str,
  applicantName: str,
  applicantType: str,
  channel: str,
  stage: z.enum(STAGES),
  ...whoHandles,
  receivedOn: date,
  replyDue: date,
  workingDaysLeft: z.number().nullable(),
  paused: z.boolean(),
  overdue: z.boolean(),
  clockMissingYear: z.number().nullable(),
  outcome: strOrNull,
  /** Imported from the office's existing ledger: read-only (import/). */
  imported: z.boolean(),
});
export const listResponse = z.object({ items: z.array(listItem), total: z.number() });

/** The applicant as the viewer may see them (present.ts presentApplicant): `masked` when not in full. */
export const applicantView = z.object({
  type: str,
  name: str,
  idType: str,
  idNumber: str,
  phone: str,
  email: strOrNull,
  address: strOrNull,
  contactName: strOrNull,
  masked: z.boolean(),
});

/** A case as the detail gives it (present.ts presentCase, with the names of agency, unit and handler). */
export const caseView = z.object({
  id: z.number(),
  caseNo: str,
  ...whoHandles,
  channel: str,
  submittedOn: str,
  receivedOn: date,
  stage: z.enum(STAGES),
  applicant: applicantView,
  subject: str,
  docNumber: strOrNull,
  description: str,
  formWanted: strOrNull,
  deliveryWanted: strOrNull,
  outcome: strOrNull,
  outcomeGround: strOrNull,
  replyDue: date,
  paused: z.boolean(),
  clockMissingYear: z.number().nullable(),
  /** The portal tracking code (online applications), for those who may see personal data. */
  trackingCode: strOrNull,
  /** Imported from the office's existing ledger: read-only, no actions (import/). */
  imported: z.boolean(),
});

/** The statutory clock as derived from the case's event log (domain/clock.ts ClockState); dates YYYY-MM-DD. */
export const clockView = z.object({
  received: str,
  channel: str,
  countingFrom: str,
  correctionNoticeDue: str,
  correctionPending: z.boolean(),
  replyDue: date,
  originalReplyDue: date,
  extendedReplyDue: date,
  extended: z.boolean(),
  totalWorkingDays: z.number(),
  workingDaysUsed: z.number().nullable(),
  workingDaysLeft: z.number().nullable(),
  paused: z.boolean(),
  pausedSince: date,
  pauseReason: z.enum(PAUSE_REASONS).nullable(),
  thirdPartyDue: date,
  feePaymentDue: date,
  overdue: z.boolean().nullable(),
  asOf: str,
  calendarMissingYear: z.number().nullable(),
  /** Years without a loaded holiday notice the reply deadline was counted over: non-empty = 暂定. */
  provisionalYears: z.array(z.number()),
});

/** One event of the case's log (present.ts presentEvent): `at` when recorded, `on` the day it happened. */
export const eventView = z.object({
  id: z.number(),
  at: str,
  on: str,
  type: str,
  actorId: z.number().nullable(),
  actorName: strOrNull,
  data: z.record(z.string(), z.unknown()),
});

/** One letter of the case file, as listed in the case detail and by GET /requests/:id/letters. */
export const letterView = z.object({
  id: z.number(),
  eventId: z.number(),
  kind: str,
  title: str,
  fileId: z.number(),
  createdAt: str,
});
export const lettersResponse = z.object({ items: z.array(letterView) });

/** A document of the library a reply releases. */
const releasedDocumentView = z.object({ documentId: z.number(), title: str, docNumber: strOrNull });

/** A file of the case (domain/case-files.ts): the applicant's, an assistance answer's, a released one. */
export const caseFileView = z.object({
  fileId: z.number(),
  name: str,
  mime: str,
  size: z.number(),
  group: z.enum(CASE_FILE_GROUPS),
  groupLabel: str,
  label: str,
  on: str,
});

/** The sign-off of the case's reply (domain/signoff.ts signoffView) and the agency's chain. */
export const signoffView = z.object({
  chain: z.enum(SIGNOFF_CHAINS),
  chainLabel: str,
  steps: z.array(z.object({ step: z.enum(SIGNOFF_STEPS), label: str })),
  draft: z
    .object({
      on: str,
      drafterId: z.number().nullable(),
      drafterName: strOrNull,
      outcome: str,
      groundCode: strOrNull,
      text: str,
      pending: z.enum(SIGNOFF_STEPS),
      pendingLabel: str,
      /** The information the draft releases (予以公开/部分公开), for its reviewers. */
      releasedFiles: z.array(z.object({ fileId: z.number(), name: str })),
      releasedDocuments: z.array(releasedDocumentView),
    })
    .nullable(),
  /** The last return of a draft, shown to the drafter until a new draft. */
  returned: z
    .object({ on: str, actorName: strOrNull, step: z.enum(SIGNOFF_STEPS), stepLabel: str, comment: str })
    .nullable(),
  /** Who signed the reply and when (null: not signed through the chain). */
  signed: z.object({ on: str, signerName: strOrNull, orgName: strOrNull }).nullable(),
});

export const detailResponse = z.object({
  case: caseView,
  clock: clockView.nullable(),
  /** Set when the deadline reaches a year whose working-day calendar is not loaded. */
  clockMissingYear: z.number().nullable(),
  events: z.array(eventView),
  /** The actions this viewer may take now. */
  allowedActions: z.array(z.enum(ACTIONS)),
  /** The letters of the case file (补正告知书, 答复书, …), oldest first. */
  letters: z.array(letterView),
  /** The case's files (申请材料 only for those who see personal data), oldest first. */
  files: z.array(caseFileView),
  /** The library documents the replies released. */
  releasedDocuments: z.array(releasedDocumentView.extend({ on: str })),
  signoff: signoffView,
});

/** An agency's sign-off chain for replies (domain/signoff.ts). */
export const signoffChainView = z.object({
  orgId: z.number(),
  orgName: str,
  chain: z.enum(SIGNOFF_CHAINS),
  chainLabel: str,
  /** The steps after drafting, with their Chinese names. */
  steps: z.array(z.object({ step: z.enum(SIGNOFF_STEPS), label: str })),
  /** Saved for this agency (false: the default applies). */
  saved: z.boolean(),
  /** The chain has 负责人签发 but no active 负责人 signs for the agency (its drafts could not go out). */
  signerMissing: z.boolean(),
});
export const signoffChainsResponse = z.object({
  items: z.array(signoffChainView),
  chains: z.array(z.object({ code: z.enum(SIGNOFF_CHAINS), label: str })),
});
export const signoffChainBody = z.object({ chain: z.enum(SIGNOFF_CHAINS, '请选择审核签发流程') });

/** A letter template in use (a saved one, or the built-in default). */
export const templateView = z.object({
  kind: str,
  kindLabel: str,
  title: str,
  body: str,
  /** Saved for the scope shown (the agency's own, or the shared text); false while another text is in use. */
  custom: z.boolean(),
  /** The text in force: the agency's own, the shared one, or the built-in default. */
  source: z.enum(['agency', 'shared', 'default']),
  updatedAt: strOrNull,
  updatedByName: strOrNull,
  defaultTitle: str,
  defaultBody: str,
  /** The placeholders this kind may use, written {{name}}. */
  placeholders: z.array(z.object({ name: str, label: str })),
});
/** A scope of templates the person may edit: an agency, or null for the shared texts (通用模板). */
const templateScope = z.object({ orgId: z.number().nullable(), name: str });
export const templatesResponse = z.object({
  scope: templateScope,
  scopes: z.array(templateScope),
  items: z.array(templateView),
});

const count = <K extends z.ZodType>(key: K) => z.object({ key, label: str, count: z.number() });

/** GET /requests/analytics: one year's figures for the caller's scope (analytics.service.ts YearAnalytics). */
export const analyticsResponse = z.object({
  year: z.number(),
  unitId: z.number().nullable(),
  total: z.number(),
  byMonth: z.array(count(z.number())),
  byChannel: z.array(count(str)),
  byApplicantType: z.array(count(str)),
  byUnit: z.array(count(z.number().nullable())),
  byStage: z.array(count(str)),
  /** The 21 rows of table 三 “本年度办理结果”, by applicant type (its columns, in APPLICANT_TYPES order). */
  byOutcome: z.array(
    z.object({
      key: z.enum(REPORT_ROW_KEYS),
      group: str,
      groupLabel: str,
      label: str,
      byApplicantType: z.array(z.number()),
      count: z.number(),
    }),
  ),
  byOutcomeGroup: z.array(count(str)),
  undecided: z.number(),
  unmapped: z.number(),
  timeliness: z.object({
    replied: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdueOpen: z.number(),
    /** 0…1 over the cases come due (replies and overdue open cases), null when none. */
    onTimeRate: z.number().nullable(),
    /** Working days from receipt to reply, paused days excluded; null when unknown. */
    averageWorkingDays: z.number().nullable(),
    pausedWorkingDays: z.number().nullable(),
    pausedCases: z.number(),
    calendarMissingYear: z.number().nullable(),
  }),
  repeatApplicants: z.object({
    applicants: z.number(),
    cases: z.number(),
    /** Filled only for users who may see applicants' personal data. */
    top: z.array(z.object({ name: str, idType: str, idNumber: str, cases: z.number() })),
    identitiesShown: z.boolean(),
  }),
  topics: z.array(z.object({ word: str, count: z.number() })),
  topicsSample: z.object({
    size: z.number(),
    limit: z.number(),
    total: z.number(),
    descriptionChars: z.number(),
  }),
  releaseSuggestions: z.array(
    z.object({
      keywords: z.tuple([str, str]),
      count: z.number(),
      subjects: z.array(str),
      flaggableIds: z.array(z.number()),
    }),
  ),
  generatedAt: str,
});

/** One entry of the 转主动公开 queue (release-queue.ts ReleaseEntry). */
export const releaseEntry = z.object({
  id: z.number(),
  requestId: z.number(),
  caseNo: str,
  subject: str,
  outcome: strOrNull,
  orgId: z.number(),
  orgName: str,
  unitName: strOrNull,
  status: z.enum(RELEASE_STATUSES),
  note: strOrNull,
  flaggedBy: strOrNull,
  flaggedAt: str,
  decidedBy: strOrNull,
  decidedAt: strOrNull,
  decisionNote: strOrNull,
});
export const releaseQueueResponse = z.object({
  items: z.array(releaseEntry),
  total: z.number(),
  statusLabels: z.object({ pending: str, published: str, rejected: str }),
});

/** An assistance request (协助调查/会商) with its answer (assistance.ts AssistanceItem). */
export const assistanceItem = z.object({
  id: z.number(),
  assistanceId: str,
  requestId: z.number(),
  caseNo: strOrNull,
  subject: str,
  description: strOrNull,
  kind: str,
  kindLabel: str,
  question: str,
  fromName: str,
  unitId: z.number(),
  unitName: str,
  askedOn: str,
  askedByName: strOrNull,
  dueOn: str,
  status: z.enum(['open', 'answered']),
  overdue: z.boolean(),
  replyText: strOrNull,
  repliedOn: strOrNull,
  repliedByName: strOrNull,
  files: z.array(z.object({ id: z.number(), name: str, size: z.number() })),
  /** The caller may answer it (a handler, approver or office worker of the unit asked, while open). */
  canAnswer: z.boolean(),
});
export const assistanceListResponse = z.object({
  items: z.array(assistanceItem),
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
});
export const caseAssistanceResponse = z.object({ items: z.array(assistanceItem) });

/** A saved workbench view (views.ts SavedView): its filter as stored. */
export const savedView = z.object({
  id: z.number(),
  name: str,
  filter: z.object({
    stage: z.string().optional(),
    unitId: z.number().optional(),
    overdue: z.boolean().optional(),
    paused: z.boolean().optional(),
    dueWithin: z.number().optional(),
    q: z.string().optional(),
    assistance: z.enum(ASSISTANCE_FILTERS).optional(),
  }),
  createdAt: str,
  updatedAt: str,
});
export const savedViewsResponse = z.object({ items: z.array(savedView) });
export const ok = z.object({ ok: z.literal(true) });
