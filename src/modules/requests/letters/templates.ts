/**
 * Outgoing letters of a case (文书): their kinds, the built-in default texts, the placeholders each kind may
 * use, and the pure step from a template plus the facts of a case to the letter model `render.ts` prints.
 * Pure: no database, no clock — the letter date is the event's date.
 *
 * 《中华人民共和国政府信息公开条例》第三十条 (补正告知), 第三十二条 (征求第三方意见), 第三十三条第二款 (延期答复),
 * 第三十四条 (征求其他机关意见), 第三十六条—第三十九条 (答复), 第四十二条 (信息处理费); 转办告知书: no
 * article (docs/law/ogi-regulation.md "转办 within one government");
 * 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号). Remedies: `remediesText` (domain/outcomes.ts).
 */

import { formatChineseDate, isIsoDate } from '../../calendar/index.ts';
import { releasedDocumentsOf, releasedFilesOf, releasedListLines } from '../domain/case-files.ts';
import { CLOCK_RULES, feeClockSentence } from '../domain/clock.ts';
import {
  isGroundCode,
  isReplyOutcome,
  OUTCOMES,
  type OutcomeCode,
  REPLY_OUTCOMES,
  remediesText,
} from '../domain/outcomes.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

// ---------------------------------------------------------------------------------------------------------
// Kinds

export type ReplyLetterKind = `reply-${OutcomeCode}`;
export type LetterKind =
  | 'correction'
  | 'extension'
  | 'fee'
  | 'consultation'
  | 'consultation-agency'
  | 'transfer'
  | ReplyLetterKind;

/** Every letter kind: the notices (and the 转办 notice), then one reply per outcome a staff reply may choose (report order). */
export const LETTER_KINDS: readonly LetterKind[] = [
  'correction',
  'extension',
  'fee',
  'consultation',
  'consultation-agency',
  'transfer',
  ...REPLY_OUTCOMES.map((o): ReplyLetterKind => `reply-${o}`),
];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/** The outcome of a reply letter kind, or null for the notices. */
export function replyOutcomeOf(kind: LetterKind): OutcomeCode | null {
  return kind.startsWith('reply-') ? (kind.slice('reply-'.length) as OutcomeCode) : null;
}

/** Consultation letters go to the third party or the other agency, never to the applicant. */
export function isForApplicant(kind: string): boolean {
  return kind !== 'consultation' && kind !== 'consultation-agency';
}

/** What the office calls each kind (the template editor's list). */
export function letterKindLabel(kind: LetterKind): string {
  const outcome = replyOutcomeOf(kind);
  if (outcome) return `答复书（${OUTCOMES[outcome].label}）`;
  return NOTICE_LABELS[kind as keyof typeof NOTICE_LABELS];
}

const NOTICE_LABELS = {
  correction: '补正告知书',
  extension: '延期答复告知书',
  fee: '收费通知书',
  consultation: '征求第三方意见函',
  'consultation-agency': '征求有关机关意见函',
  transfer: '转办告知书',
} as const;

/**
 * The letter an event of the log produces, or null (most events produce none). A consultation goes to a
 * third party (Art. 32) or to another agency that made the information together (Art. 34).
 */
export function letterKindFor(eventType: string, data: Record<string, unknown>): LetterKind | null {
  switch (eventType) {
    case 'request-correction':
      return 'correction';
    case 'extend':
      return 'extension';
    case 'fee-notice':
      return 'fee';
    case 'consult-send':
      return data.party === 'agency' ? 'consultation-agency' : 'consultation';
    case 'reply':
      return isReplyOutcome(data.outcome) ? `reply-${data.outcome}` : null;
    case 'transfer':
      return 'transfer';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Placeholders

/** Every placeholder and what it stands for (shown in the template editor and in error messages). */
export const PLACEHOLDER_LABELS = {
  applicantName: '申请人姓名或名称',
  receivedOn: '收到申请的日期',
  subject: '申请公开的政府信息名称',
  caseNo: '申请编号',
  agencyName: '行政机关名称',
  date: '文书日期',
  items: '需要补正的事项',
  deadline: '补正期限',
  reason: '延期答复的理由',
  newDue: '延长后的答复期限',
  amount: '信息处理费金额（元）',
  feeBasis: '计收方式和计算明细',
  consultee: '被征求意见的第三方或机关',
  article: '答复所依据的条款',
  ground: '不予公开的理由及依据',
  replyText: '答复内容',
  remedies: '救济途径',
  fromAgency: '转出申请的行政机关',
  replyDue: '答复期限',
  feeClock: '缴费期间答复期限如何计算',
} as const;
export type Placeholder = keyof typeof PLACEHOLDER_LABELS;

const COMMON: readonly Placeholder[] = [
  'applicantName',
  'receivedOn',
  'subject',
  'caseNo',
  'agencyName',
  'date',
];

/** The placeholders a kind may use: the common ones plus those its event supplies. */
export function placeholdersFor(kind: LetterKind): readonly Placeholder[] {
  const outcome = replyOutcomeOf(kind);
  if (outcome) {
    const own: Placeholder[] = ['article', 'replyText', 'remedies'];
    if (OUTCOMES[outcome].groundRequired) own.push('ground');
    return [...COMMON, ...own];
  }
  switch (kind) {
    case 'correction':
      return [...COMMON, 'items', 'deadline'];
    case 'extension':
      return [...COMMON, 'reason', 'newDue'];
    case 'fee':
      return [...COMMON, 'amount', 'feeBasis', 'feeClock'];
    case 'transfer':
      return [...COMMON, 'fromAgency', 'replyDue'];
    default:
      return [...COMMON, 'consultee'];
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDER_LABELS, name);
}

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export type TemplateText = { title: string; body: string };
export type TemplateFieldError = { path: 'title' | 'body'; message: string };

export const TITLE_MAX = 60;
export const BODY_MAX = 10000;

function checkText(kind: LetterKind, path: 'title' | 'body', text: string): TemplateFieldError[] {
  const errors: TemplateFieldError[] = [];
  const allowed = placeholdersFor(kind);
  const list = allowed.map((p) => `{{${PLACEHOLDER_LABELS[p]}}}`).join('、');
  for (const name of placeholdersIn(text)) {
    if (!isPlaceholder(name)) {
      errors.push({ path, message: `未知的占位符“{{${name}}}”。可以使用的占位符：${list}` });
    } else if (!allowed.includes(name)) {
      errors.push({
        path,
        message: `占位符“{{${PLACEHOLDER_LABELS[name]}}}”不能用于${letterKindLabel(kind)}。可以使用的占位符：${list}`,
      });
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    errors.push({ path, message: '占位符的写法不正确，应当写作“{{名称}}”，例如“{{申请人姓名或名称}}”' });
  }
  return errors;
}

/** Checks a template before it is saved. Returns Chinese field errors (empty = valid). */
export function validateTemplate(kind: LetterKind, t: TemplateText): TemplateFieldError[] {
  const errors: TemplateFieldError[] = [];
  const title = t.title.trim();
  if (title === '') errors.push({ path: 'title', message: '请填写文书标题' });
  else if (Array.from(title).length > TITLE_MAX)
    errors.push({ path: 'title', message: `文书标题不能超过${TITLE_MAX}个字` });
  if (t.body.trim() === '') errors.push({ path: 'body', message: '请填写文书正文' });
  else if (t.body.length > BODY_MAX)
    errors.push({ path: 'body', message: `文书正文不能超过${BODY_MAX}个字` });
  return [...errors, ...checkText(kind, 'title', t.title), ...checkText(kind, 'body', t.body)];
}

/** Replaces every known placeholder by its value; anything else stays as written. */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) && values[name] !== undefined ? (values[name] as string) : whole,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** The case number as printed on a letter: '2024-000123' → '依申请公开〔2024〕第000123号'. */
export function formatCaseNo(caseNo: string | null): string {
  const m = /^(\d{4})-(\d+)$/.exec(caseNo ?? '');
  return m ? `依申请公开〔${m[1]}〕第${m[2]}号` : (caseNo ?? '');
}

// ---------------------------------------------------------------------------------------------------------
// Default texts

const OPENING = `{{applicantName}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请，您申请公开“{{subject}}”。`;

const reply = (title: string, findings: string, closing = '特此告知。'): TemplateText => ({
  title,
  body: `${OPENING}经审查，现答复如下：
${findings}
{{replyText}}
${closing}`,
});

const NOTICES: Record<keyof typeof NOTICE_LABELS, TemplateText> = {
  correction: {
    title: '政府信息公开申请补正告知书',
    body: `${OPENING}经审查，您的申请内容不明确，本机关无法确定您所需政府信息的具体内容。根据${REGULATION}第三十条之规定，现一次性告知您对申请作出补正。需要补正的事项如下：
{{items}}
请您于{{deadline}}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
特此告知。`,
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: `${OPENING}因情况复杂，本机关不能在法定期限内作出答复。延期理由：{{reason}}
根据${REGULATION}第三十三条第二款之规定，经本机关政府信息公开工作机构负责人同意，答复期限延长二十个工作日，本机关将于{{newDue}}前作出答复。
特此告知。`,
  },
  fee: {
    title: '政府信息公开信息处理费收费通知书',
    body: `${OPENING}经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》之规定，本机关决定收取信息处理费。计收方式和计算明细如下：
{{feeBasis}}
应缴纳信息处理费合计人民币{{amount}}元。
请您自收到本通知之日起二十个工作日内缴纳。{{feeClock}}您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
特此通知。`,
  },
  consultation: {
    title: '政府信息公开征求第三方意见函',
    body: `{{consultee}}：
本机关于{{receivedOn}}收到政府信息公开申请，申请公开“{{subject}}”。经审查，该政府信息的公开可能损害你方的合法权益。根据${REGULATION}第三十二条之规定，现书面征求你方意见。
请你方自收到本函之日起十五个工作日内，以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${REGULATION}的规定决定是否公开。
特此函告。`,
  },
  transfer: {
    title: '政府信息公开申请转办告知书',
    body: `{{applicantName}}：
{{fromAgency}}于{{receivedOn}}收到您提出的政府信息公开申请，您申请公开“{{subject}}”。经审查，该政府信息属于本机关负责公开，已转由本机关办理。收到申请之日不因转办而改变，本机关将于{{replyDue}}前作出答复。
特此告知。`,
  },
  'consultation-agency': {
    title: '政府信息公开征求意见函',
    body: `{{consultee}}：
本机关于{{receivedOn}}收到政府信息公开申请，申请公开“{{subject}}”。经审查，该政府信息由本机关与贵机关共同制作。根据${REGULATION}第三十四条之规定，现征求贵机关意见。
请贵机关自收到本函之日起十五个工作日内，以书面形式提出是否同意公开的意见；逾期未提出意见的，视为同意公开。
特此函告。`,
  },
};

/** The reply to each outcome (Art. 36–39): the finding and its article; the staff's text follows. */
const REPLIES: Record<OutcomeCode, TemplateText | null> = {
  ALREADY_PUBLIC: reply(
    '政府信息公开申请答复书',
    `您申请公开的政府信息，本机关已经主动公开。根据${REGULATION}{{article}}之规定，现告知您获取该政府信息的方式和途径：`,
  ),
  DISCLOSE: reply(
    '政府信息公开申请答复书',
    `您申请公开的政府信息属于可以公开的政府信息。根据${REGULATION}{{article}}之规定，本机关决定予以公开。具体如下：`,
  ),
  PARTIAL: reply(
    '政府信息部分公开告知书',
    `您申请公开的政府信息中含有不应当公开的内容，但是能够作区分处理。其中，{{ground}}的部分，本机关不予公开；其余部分，根据${REGULATION}{{article}}之规定，本机关予以公开。具体如下：`,
  ),
  WITHHOLD: reply(
    '政府信息不予公开告知书',
    `您申请公开的政府信息{{ground}}。根据${REGULATION}{{article}}之规定，本机关决定不予公开。理由如下：`,
  ),
  NOT_EXIST: reply(
    '政府信息不存在告知书',
    `经检索，本机关未制作或者获取您申请公开的政府信息。根据${REGULATION}{{article}}之规定，告知您该政府信息不存在。`,
  ),
  NOT_OUR_AGENCY: reply(
    '非本机关政府信息告知书',
    `您申请公开的政府信息不属于本机关负责公开。根据${REGULATION}{{article}}之规定，特此告知并说明理由：`,
  ),
  NEEDS_CREATION: reply(
    '政府信息公开申请答复书',
    `本机关没有您所申请的现成信息，需要对现有政府信息进行加工、分析方能形成。根据${REGULATION}{{article}}之规定，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息；需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。`,
  ),
  STILL_UNCLEAR: reply(
    '政府信息公开申请答复书',
    `本机关已告知您对申请作出补正，但您补正后的申请内容仍不明确，本机关无法确定您所需政府信息的具体内容。根据${REGULATION}{{article}}之规定，本机关无法按照您的申请提供政府信息。`,
  ),
  PETITION: reply(
    '政府信息公开申请答复书',
    `您以政府信息公开申请的形式提出的事项，属于信访、投诉、举报等诉求。根据${REGULATION}{{article}}之规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。`,
  ),
  REPEAT: reply(
    '政府信息公开申请答复书',
    `本机关已就您提出的政府信息公开申请作出答复，您本次系重复申请公开相同政府信息。根据${REGULATION}{{article}}之规定，本机关不予重复处理。`,
  ),
  PUBLICATION: reply(
    '政府信息公开申请答复书',
    `您申请获取的是政府公报、报刊、书籍等公开出版物。根据${REGULATION}{{article}}之规定，现告知您获取的途径：`,
  ),
  MASS_UNREASONABLE: reply(
    '政府信息公开申请答复书',
    `您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理。根据${REGULATION}{{article}}之规定，本机关不予处理。`,
  ),
  CONFIRM_OR_REISSUE: reply(
    '政府信息公开申请答复书',
    `您的申请系要求本机关确认或者重新出具您已经获取的信息，不属于${REGULATION}所规定的政府信息公开申请，本机关不作为政府信息公开申请处理。`,
  ),
  SPECIAL_REGIME: reply(
    '政府信息公开申请答复书',
    `您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对该信息的获取有特别规定。根据${REGULATION}{{article}}之规定，请您依照有关法律、行政法规的规定办理。`,
  ),
  // Not reply-choosable: these cases end by their own actions and get no reply letter.
  WITHDRAWN_NO_CORRECTION: null,
  WITHDRAWN_NO_PAYMENT: null,
  OTHER: null,
};

/** The built-in title and body of a kind (a saved template overrides it). */
export function defaultTemplate(kind: LetterKind): TemplateText {
  const outcome = replyOutcomeOf(kind);
  const t = outcome ? REPLIES[outcome] : NOTICES[kind as keyof typeof NOTICES];
  if (!t) throw new Error(`No default letter template for ${kind}`);
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// Ground wording: how a letter states each ground of non-disclosure, with the article it rests on.

const GROUND_WORDING: Record<string, string> = {
  STATE_SECRET: `属于国家秘密（${REGULATION}第十四条）`,
  LAW_PROHIBITED: `属于法律、行政法规禁止公开的政府信息（${REGULATION}第十四条）`,
  SECURITY_STABILITY: `公开后可能危及国家安全、公共安全、经济安全、社会稳定（${REGULATION}第十四条）`,
  THIRD_PARTY_RIGHTS: `涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（${REGULATION}第十五条）`,
  INTERNAL_AFFAIRS: `属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息（${REGULATION}第十六条第一款）`,
  PROCESS_INFO: `属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息（${REGULATION}第十六条第二款）`,
  ENFORCEMENT_FILE: `属于行政执法案卷信息（${REGULATION}第十六条第二款）`,
  // No article of the 2019 text names 行政查询事项 (domain/outcomes.ts).
  ADMIN_QUERY: '属于行政查询事项，应当通过相应的查询渠道办理',
};

// ---------------------------------------------------------------------------------------------------------
// From the facts of a case to the letter model

/** What a letter needs to know about the case and the event that produced it. */
export type LetterFacts = {
  caseNo: string | null;
  agencyName: string;
  applicantName: string;
  subject: string;
  submittedOn: string;
  receivedOn: string | null;
  /** The event: its date is the letter's date. */
  on: string;
  data: Record<string, unknown>;
  /** The reply deadline after the event (the extended deadline for an extension). */
  replyDue: string | null;
};

/** The plain model `render.ts` prints. */
export type LetterModel = {
  agencyName: string;
  title: string;
  /** 依申请公开〔2024〕第000123号 */
  docNo: string;
  /** The filled body; one paragraph per line, the first line is the salutation. */
  body: string;
  /** The remedies paragraph of a reply (null for the notices, or when the body already places {{remedies}}). */
  remedies: string | null;
  /** 2024年3月5日 */
  date: string;
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const dateOr = (v: unknown, fallback: string): string => (isIsoDate(v) ? formatChineseDate(v) : fallback);

function feeBasis(data: Record<string, unknown>): string {
  const perItem = data.method === 'per-item';
  const unit = perItem ? '件' : '页';
  const quantity = Number(data.quantity);
  const earlier = Number(data.earlierThisMonth);
  const head = !perItem
    ? `按量计收（本申请共${quantity}页）`
    : Number.isInteger(earlier)
      ? `按件计收（同一申请人本自然月内此前已申请${earlier}件，本申请计${quantity}件，本月累计${earlier + quantity}件）`
      : `按件计收（同一申请人一个自然月内累计申请${quantity}件）`;
  const bands = Array.isArray(data.bands) ? (data.bands as Record<string, unknown>[]) : [];
  const parts = bands.map((b) =>
    Number(b.unitPrice) === 0
      ? `第${b.from}—${b.to}${unit}不收费`
      : `第${b.from}—${b.to}${unit}共${b.count}${unit}，每${unit}${b.unitPrice}元，计${b.amount}元`,
  );
  return parts.length > 0 ? `${head}：${parts.join('；')}。` : `${head}。`;
}

/** The value of every placeholder the kind may use. */
export function letterValues(kind: LetterKind, f: LetterFacts): Partial<Record<Placeholder, string>> {
  const values: Partial<Record<Placeholder, string>> = {
    applicantName: f.applicantName,
    receivedOn: formatChineseDate(f.receivedOn ?? f.submittedOn),
    subject: f.subject,
    caseNo: formatCaseNo(f.caseNo),
    agencyName: f.agencyName,
    date: formatChineseDate(f.on),
  };
  const outcome = replyOutcomeOf(kind);
  if (outcome) {
    values.article = OUTCOMES[outcome].article ?? '';
    // What is provided with the reply (予以公开/部分公开), listed under its text.
    const released = releasedListLines(
      releasedDocumentsOf(f.data),
      releasedFilesOf(f.data).map((x) => x.name),
    );
    values.replyText = [text(f.data.text), ...released].filter((x) => x !== '').join('\n');
    values.remedies = remediesText(outcome);
    if (OUTCOMES[outcome].groundRequired) {
      values.ground = isGroundCode(f.data.groundCode) ? (GROUND_WORDING[f.data.groundCode] ?? '') : '';
    }
    return values;
  }
  switch (kind) {
    case 'correction':
      values.items = text(f.data.items);
      values.deadline = dateOr(f.data.deadlineDate, '补正期限届满之日');
      break;
    case 'extension':
      values.reason = text(f.data.reason);
      values.newDue = f.replyDue ? formatChineseDate(f.replyDue) : '延长后的答复期限届满之日';
      break;
    case 'fee':
      values.amount = String(f.data.amount ?? '');
      values.feeBasis = feeBasis(f.data);
      values.feeClock = feeClockSentence(CLOCK_RULES.feePausesClock);
      break;
    case 'transfer':
      values.fromAgency = text(f.data.fromOrgName);
      values.replyDue = f.replyDue ? formatChineseDate(f.replyDue) : '法定答复期限届满之日';
      break;
    default:
      values.consultee = text(f.data.name);
      break;
  }
  return values;
}

/** The letter of `kind` from its template and the facts: placeholders filled, remedies added to replies. */
export function buildLetter(kind: LetterKind, template: TemplateText, facts: LetterFacts): LetterModel {
  const values = letterValues(kind, facts);
  const inline = placeholdersIn(template.body).includes('remedies');
  return {
    agencyName: facts.agencyName,
    title: fillTemplate(template.title, values).trim(),
    docNo: formatCaseNo(facts.caseNo),
    body: fillTemplate(template.body, values),
    remedies: values.remedies !== undefined && !inline ? values.remedies : null,
    date: formatChineseDate(facts.on),
  };
}
