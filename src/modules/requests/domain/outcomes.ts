/**
 * Outcomes of an application for disclosure (处理结果) and the grounds for non-disclosure (不予公开理由),
 * with the article each rests on and the row of the annual report (table 三) each is counted in.
 *
 * 《中华人民共和国政府信息公开条例》(2019年修订，国务院令第711号)
 * 第三十六条 对政府信息公开申请，行政机关根据下列情况分别作出答复：
 *   (一)所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径；
 *   (二)所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间；
 *   (三)行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；
 *   (四)经检索没有所申请公开信息的，告知申请人该政府信息不存在；
 *   (五)所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；……
 *   (六)行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予
 *       重复处理；
 *   (七)所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人
 *       依照有关法律、行政法规的规定办理。
 * 第三十七条 区分处理（部分公开）；第三十八条 需要加工、分析的可以不予提供；第三十九条 信访投诉举报、公开出版物；
 * 第三十五条 数量、频次明显超过合理范围；第三十条 补正。
 * 第十四条／第十五条／第十六条 不予公开的情形 (docs/law/ogi-regulation.md Art. 14–16).
 *
 * Report rows: 国办公开办函〔2021〕30号 table 三 "本年度办理结果" (docs/law/annual-report-format.md). Row keys
 * are stable strings: '3.1' = 三.(一), '3.3.4' = 三.(三)4, … Mappings marked `rowConfirmed: false` are
 * UNCONFIRMED in docs/law/ogi-regulation.md (Outcomes and report rows; no authoritative text read) — a
 * convention of this platform.
 *
 * Remedies (docs/law/remedies.md): 《中华人民共和国行政复议法》(2023年修订，2024-01-01施行) 第二十条 60日;
 * 第二十三条第一款第四项 申请政府信息公开，行政机关不予公开 → 复议前置, and 第二款: the agency must say so when it
 * decides; 《中华人民共和国行政诉讼法》第四十五条 (15日 after the review decision), 第四十六条 (6个月).
 */

export const OUTCOME_CODES = [
  'ALREADY_PUBLIC',
  'DISCLOSE',
  'PARTIAL',
  'WITHHOLD',
  'NOT_EXIST',
  'NOT_OUR_AGENCY',
  'NEEDS_CREATION',
  'STILL_UNCLEAR',
  'PETITION',
  'REPEAT',
  'PUBLICATION',
  'MASS_UNREASONABLE',
  'CONFIRM_OR_REISSUE',
  'SPECIAL_REGIME',
  'WITHDRAWN_NO_CORRECTION',
  'WITHDRAWN_NO_PAYMENT',
  'OTHER',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export const GROUND_CODES = [
  'STATE_SECRET',
  'LAW_PROHIBITED',
  'SECURITY_STABILITY',
  'THIRD_PARTY_RIGHTS',
  'INTERNAL_AFFAIRS',
  'PROCESS_INFO',
  'ENFORCEMENT_FILE',
  'ADMIN_QUERY',
] as const;
export type GroundCode = (typeof GROUND_CODES)[number];

/** The rows of table 三 "三、本年度办理结果" that count outcomes: '3.1' … '3.6.3' (21 rows; the 22nd row of the group is （七）总计). */
export const REPORT_ROW_KEYS = [
  '3.1',
  '3.2',
  '3.3.1',
  '3.3.2',
  '3.3.3',
  '3.3.4',
  '3.3.5',
  '3.3.6',
  '3.3.7',
  '3.3.8',
  '3.4.1',
  '3.4.2',
  '3.4.3',
  '3.5.1',
  '3.5.2',
  '3.5.3',
  '3.5.4',
  '3.5.5',
  '3.6.1',
  '3.6.2',
  '3.6.3',
] as const;
export type ReportRowKey = (typeof REPORT_ROW_KEYS)[number];

/** The six groups of "三、本年度办理结果" (（一）…（六）). */
export type OutcomeGroup = 'disclosed' | 'partial' | 'withheld' | 'unable' | 'not-handled' | 'other';

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  'not-handled': '（五）不予处理',
  other: '（六）其他处理',
};

export interface ReportRow {
  key: ReportRowKey;
  group: OutcomeGroup;
  /** The row's own label as printed in the table (without the group). */
  label: string;
}

/** Labels of the 21 outcome rows of table 三 (docs/law/annual-report-format.md), in table order. */
export const REPORT_ROWS: readonly ReportRow[] = [
  { key: '3.1', group: 'disclosed', label: '（一）予以公开' },
  { key: '3.2', group: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: '3.3.1', group: 'withheld', label: '1.属于国家秘密' },
  { key: '3.3.2', group: 'withheld', label: '2.其他法律行政法规禁止公开' },
  { key: '3.3.3', group: 'withheld', label: '3.危及“三安全一稳定”' },
  { key: '3.3.4', group: 'withheld', label: '4.保护第三方合法权益' },
  { key: '3.3.5', group: 'withheld', label: '5.属于三类内部事务信息' },
  { key: '3.3.6', group: 'withheld', label: '6.属于四类过程性信息' },
  { key: '3.3.7', group: 'withheld', label: '7.属于行政执法案卷' },
  { key: '3.3.8', group: 'withheld', label: '8.属于行政查询事项' },
  { key: '3.4.1', group: 'unable', label: '1.本机关不掌握相关政府信息' },
  { key: '3.4.2', group: 'unable', label: '2.没有现成信息需要另行制作' },
  { key: '3.4.3', group: 'unable', label: '3.补正后申请内容仍不明确' },
  { key: '3.5.1', group: 'not-handled', label: '1.信访举报投诉类申请' },
  { key: '3.5.2', group: 'not-handled', label: '2.重复申请' },
  { key: '3.5.3', group: 'not-handled', label: '3.要求提供公开出版物' },
  { key: '3.5.4', group: 'not-handled', label: '4.无正当理由大量反复申请' },
  { key: '3.5.5', group: 'not-handled', label: '5.要求行政机关确认或重新出具已获取信息' },
  {
    key: '3.6.1',
    group: 'other',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: '3.6.2',
    group: 'other',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: '3.6.3', group: 'other', label: '3.其他' },
];

export interface GroundInfo {
  code: GroundCode;
  /** The report row's wording, e.g. 属于国家秘密. */
  label: string;
  /** Article of the 条例 it rests on; null where the 2019 text has none (行政查询事项). */
  article: string | null;
  reportRow: ReportRowKey;
}

/** The eight grounds of 三.(三) 不予公开 (docs/law/ogi-regulation.md Art. 14–16), in report order. */
export const WITHHOLD_GROUNDS: Readonly<Record<GroundCode, GroundInfo>> = {
  STATE_SECRET: { code: 'STATE_SECRET', label: '属于国家秘密', article: '第十四条', reportRow: '3.3.1' },
  LAW_PROHIBITED: {
    code: 'LAW_PROHIBITED',
    label: '其他法律行政法规禁止公开',
    article: '第十四条',
    reportRow: '3.3.2',
  },
  SECURITY_STABILITY: {
    code: 'SECURITY_STABILITY',
    label: '危及“三安全一稳定”',
    article: '第十四条',
    reportRow: '3.3.3',
  },
  THIRD_PARTY_RIGHTS: {
    code: 'THIRD_PARTY_RIGHTS',
    label: '保护第三方合法权益',
    article: '第十五条',
    reportRow: '3.3.4',
  },
  INTERNAL_AFFAIRS: {
    code: 'INTERNAL_AFFAIRS',
    label: '属于三类内部事务信息',
    article: '第十六条第一款',
    reportRow: '3.3.5',
  },
  PROCESS_INFO: {
    code: 'PROCESS_INFO',
    label: '属于四类过程性信息',
    article: '第十六条第二款',
    reportRow: '3.3.6',
  },
  ENFORCEMENT_FILE: {
    code: 'ENFORCEMENT_FILE',
    label: '属于行政执法案卷',
    article: '第十六条第二款',
    reportRow: '3.3.7',
  },
  // No article of the 2019 text names 行政查询事项 (docs/law/ogi-regulation.md Art. 14–16: UNCONFIRMED basis).
  ADMIN_QUERY: { code: 'ADMIN_QUERY', label: '属于行政查询事项', article: null, reportRow: '3.3.8' },
};

export interface OutcomeInfo {
  code: OutcomeCode;
  label: string;
  group: OutcomeGroup;
  /** Article of the 条例 (e.g. '第三十六条第二项'); null where none was found. */
  article: string | null;
  /** The report row; for WITHHOLD the row depends on the ground (see `reportRowFor`), this is null. */
  reportRow: ReportRowKey | null;
  /** The outcome needs a ground from WITHHOLD_GROUNDS (WITHHOLD, PARTIAL); every other outcome must not carry one. */
  groundRequired: boolean;
  /** false where docs/law/ogi-regulation.md (Outcomes and report rows) marks the row mapping UNCONFIRMED. */
  rowConfirmed: boolean;
  /** A staff `reply` may choose it; the others result from their own actions (deem-withdrawn-*, withdraw). */
  replyChoosable: boolean;
}

/** Every outcome of docs/requests.md (docs/law/ogi-regulation.md: Outcomes and report rows), report order. */
export const OUTCOMES: Readonly<Record<OutcomeCode, OutcomeInfo>> = {
  ALREADY_PUBLIC: {
    code: 'ALREADY_PUBLIC',
    label: '已主动公开',
    group: 'disclosed',
    article: '第三十六条第一项',
    reportRow: '3.1',
    groundRequired: false,
    rowConfirmed: false,
    replyChoosable: true,
  },
  DISCLOSE: {
    code: 'DISCLOSE',
    label: '予以公开',
    group: 'disclosed',
    article: '第三十六条第二项',
    reportRow: '3.1',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  PARTIAL: {
    code: 'PARTIAL',
    label: '部分公开',
    group: 'partial',
    article: '第三十七条',
    reportRow: '3.2',
    groundRequired: true,
    rowConfirmed: true,
    replyChoosable: true,
  },
  WITHHOLD: {
    code: 'WITHHOLD',
    label: '不予公开',
    group: 'withheld',
    article: '第三十六条第三项',
    reportRow: null,
    groundRequired: true,
    rowConfirmed: true,
    replyChoosable: true,
  },
  NOT_EXIST: {
    code: 'NOT_EXIST',
    label: '本机关不掌握相关政府信息',
    group: 'unable',
    article: '第三十六条第四项',
    reportRow: '3.4.1',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  NOT_OUR_AGENCY: {
    code: 'NOT_OUR_AGENCY',
    label: '不属于本机关负责公开',
    group: 'unable',
    article: '第三十六条第五项',
    reportRow: '3.4.1',
    groundRequired: false,
    rowConfirmed: false,
    replyChoosable: true,
  },
  NEEDS_CREATION: {
    code: 'NEEDS_CREATION',
    label: '没有现成信息需要另行制作',
    group: 'unable',
    article: '第三十八条',
    reportRow: '3.4.2',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  STILL_UNCLEAR: {
    code: 'STILL_UNCLEAR',
    label: '补正后申请内容仍不明确',
    group: 'unable',
    article: '第三十条',
    reportRow: '3.4.3',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  PETITION: {
    code: 'PETITION',
    label: '信访举报投诉类申请',
    group: 'not-handled',
    article: '第三十九条第一款',
    reportRow: '3.5.1',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  REPEAT: {
    code: 'REPEAT',
    label: '重复申请',
    group: 'not-handled',
    article: '第三十六条第六项',
    reportRow: '3.5.2',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  PUBLICATION: {
    code: 'PUBLICATION',
    label: '要求提供公开出版物',
    group: 'not-handled',
    article: '第三十九条第二款',
    reportRow: '3.5.3',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  MASS_UNREASONABLE: {
    code: 'MASS_UNREASONABLE',
    label: '无正当理由大量反复申请',
    group: 'not-handled',
    article: '第三十五条',
    reportRow: '3.5.4',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  CONFIRM_OR_REISSUE: {
    code: 'CONFIRM_OR_REISSUE',
    label: '要求行政机关确认或重新出具已获取信息',
    group: 'not-handled',
    // docs/law/ogi-regulation.md (Outcomes and report rows): no article found.
    article: null,
    reportRow: '3.5.5',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: true,
  },
  SPECIAL_REGIME: {
    code: 'SPECIAL_REGIME',
    label: '依照有关法律、行政法规的特别规定办理',
    group: 'withheld',
    article: '第三十六条第七项',
    // docs/law/ogi-regulation.md (Outcomes and report rows): row (三)8 属于行政查询事项 — UNCONFIRMED mapping.
    reportRow: '3.3.8',
    groundRequired: false,
    rowConfirmed: false,
    replyChoosable: true,
  },
  WITHDRAWN_NO_CORRECTION: {
    code: 'WITHDRAWN_NO_CORRECTION',
    label: '逾期未补正，视为放弃申请',
    group: 'other',
    article: '第三十条',
    reportRow: '3.6.1',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: false,
  },
  WITHDRAWN_NO_PAYMENT: {
    code: 'WITHDRAWN_NO_PAYMENT',
    label: '逾期未缴费，视为放弃申请',
    group: 'other',
    // Art. 42 allows the fee; "non-payment = abandoned" is in provincial notices only
    // (docs/law/processing-fee.md).
    article: '第四十二条',
    reportRow: '3.6.2',
    groundRequired: false,
    rowConfirmed: true,
    replyChoosable: false,
  },
  OTHER: {
    code: 'OTHER',
    label: '其他处理（如申请人撤回申请）',
    group: 'other',
    article: null,
    reportRow: '3.6.3',
    groundRequired: false,
    rowConfirmed: false,
    replyChoosable: false,
  },
};

/** The outcomes a staff `reply` may choose, in report order. */
export const REPLY_OUTCOMES: readonly OutcomeCode[] = OUTCOME_CODES.filter((c) => OUTCOMES[c].replyChoosable);

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && Object.hasOwn(OUTCOMES, value);
}

export function isGroundCode(value: unknown): value is GroundCode {
  return typeof value === 'string' && Object.hasOwn(WITHHOLD_GROUNDS, value);
}

export function isReplyOutcome(value: unknown): value is OutcomeCode {
  return isOutcomeCode(value) && OUTCOMES[value].replyChoosable;
}

export interface OutcomeFieldError {
  path: 'outcome' | 'groundCode';
  message: string;
  /** Stable code of the problem (the service may raise OUTCOME_GROUND_REQUIRED for it). */
  code:
    | 'OUTCOME_MISSING'
    | 'OUTCOME_UNKNOWN'
    | 'OUTCOME_NOT_FOR_REPLY'
    | 'OUTCOME_GROUND_REQUIRED'
    | 'OUTCOME_GROUND_UNKNOWN'
    | 'OUTCOME_GROUND_NOT_ALLOWED';
}

export interface ValidateOutcomeOptions {
  /** Also require an outcome a staff reply may choose (default false). */
  forReply?: boolean;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Checks an outcome and its ground. WITHHOLD and PARTIAL need a ground from WITHHOLD_GROUNDS; every other
 * outcome must not carry one. Returns Chinese field errors (empty = valid).
 */
export function validateOutcome(
  outcome: unknown,
  groundCode: unknown,
  options: ValidateOutcomeOptions = {},
): OutcomeFieldError[] {
  if (isBlank(outcome)) return [{ path: 'outcome', code: 'OUTCOME_MISSING', message: '请选择处理结果' }];
  if (!isOutcomeCode(outcome)) {
    return [{ path: 'outcome', code: 'OUTCOME_UNKNOWN', message: '处理结果无效，请从列表中选择' }];
  }
  const info = OUTCOMES[outcome];
  const errors: OutcomeFieldError[] = [];
  if (options.forReply === true && !info.replyChoosable) {
    errors.push({
      path: 'outcome',
      code: 'OUTCOME_NOT_FOR_REPLY',
      message: `“${info.label}”不能在答复中选择，请使用相应的操作办理`,
    });
  }
  const blankGround = isBlank(groundCode);
  if (info.groundRequired) {
    if (blankGround) {
      errors.push({
        path: 'groundCode',
        code: 'OUTCOME_GROUND_REQUIRED',
        message:
          outcome === 'PARTIAL'
            ? '部分公开的，应当选择对不予公开部分的理由'
            : '不予公开的，应当选择不予公开的理由',
      });
    } else if (!isGroundCode(groundCode)) {
      errors.push({
        path: 'groundCode',
        code: 'OUTCOME_GROUND_UNKNOWN',
        message: '不予公开的理由无效，请从列表中选择',
      });
    }
  } else if (!blankGround) {
    errors.push({
      path: 'groundCode',
      code: 'OUTCOME_GROUND_NOT_ALLOWED',
      message: `处理结果为“${info.label}”的，不应选择不予公开的理由`,
    });
  }
  return errors;
}

/**
 * The report row an outcome is counted in: PARTIAL only in 3.2 (区分处理的，只计这一情形), WITHHOLD in its
 * ground's row 3.3.N. Throws for an invalid combination (run `validateOutcome` first).
 */
export function reportRowFor(outcome: OutcomeCode, groundCode?: GroundCode | string | null): ReportRowKey {
  const errors = validateOutcome(outcome, groundCode);
  if (errors.length > 0) {
    throw new Error(`Invalid outcome/ground for the report: ${String(outcome)}/${String(groundCode)}`);
  }
  if (outcome === 'WITHHOLD') return WITHHOLD_GROUNDS[groundCode as GroundCode].reportRow;
  return OUTCOMES[outcome].reportRow as ReportRowKey;
}

export interface RemediesOptions {
  /** 行政复议机关, e.g. 某某市人民政府 (行政复议法 Art. 20(3): the letter should name it). */
  reviewBody?: string;
  /** The court, e.g. 某某区人民法院. */
  court?: string;
}

/** The sentence on remedies (救济途径) printed at the end of a reply letter. */
export function remediesText(outcome: OutcomeCode, options: RemediesOptions = {}): string {
  const reviewBody = options.reviewBody?.trim() || '有管辖权的行政复议机关';
  const court = options.court?.trim() || '有管辖权的人民法院';
  const review = `自知道或者应当知道该行政行为之日起六十日内向${reviewBody}申请行政复议（《中华人民共和国行政复议法》第二十条）`;
  const litigation = `自知道或者应当知道该行政行为之日起六个月内向${court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）`;
  const reviewFirst =
    `依照《中华人民共和国行政复议法》第二十三条第一款第四项的规定，应当先${review}；` +
    `对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）`;
  if (outcome === 'WITHHOLD') {
    return `申请人如对本不予公开决定不服，${reviewFirst}。`;
  }
  if (outcome === 'PARTIAL') {
    return `申请人如对本答复中不予公开的部分不服，${reviewFirst}；对本答复其他内容不服的，可以${review}，也可以${litigation}。`;
  }
  return `申请人如对本答复不服，可以${review}，也可以${litigation}。`;
}
