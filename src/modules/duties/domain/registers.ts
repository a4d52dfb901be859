/**
 * The four duty registers (日常工作台账) and what they share: their names, states, the fields of each
 * (for the console's one generic form and the .xlsx import's headers) and the option lists. Pure data.
 *
 * - 网站找错 (errata): the public reports an error on a portal page; the office assigns, the unit fixes and
 *   answers within a set number of working days (《政府网站发展指引》, ZC23 #36).
 * - 舆情回应 (opinions): public-opinion events about the government's policies and their response
 *   (release, interpretation, interview) with its time in hours (JN21 十, ZC23 #24).
 * - 建议提案办理 (proposals): NPC deputies' suggestions and CPPCC proposals assigned to units, the replies
 *   and the publication of the results (全文公开 or 摘要公开 with the reason) (LW21 二(二)).
 * - 政务新媒体 (accounts): the government's accounts, opened with approval, changed, closed (注销),
 *   checked periodically; a silent account is flagged (JN22 十五, ZC23 #37).
 */

export const REGISTERS = ['errata', 'opinions', 'proposals', 'accounts'] as const;
export type Register = (typeof REGISTERS)[number];
/** The registers staff enter records in (errata come from the portal). */
export const EDITABLE_REGISTERS = ['opinions', 'proposals', 'accounts'] as const;
export type EditableRegister = (typeof EDITABLE_REGISTERS)[number];
/** The registers an .xlsx import fills. */
export const IMPORT_REGISTERS = ['opinions', 'proposals'] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

export const REGISTER_LABELS: Record<Register, string> = {
  errata: '网站找错',
  opinions: '舆情回应台账',
  proposals: '建议提案办理',
  accounts: '政务新媒体',
};

export const STATES = {
  errata: ['received', 'assigned', 'answered'],
  opinions: ['open', 'responded'],
  proposals: ['handling', 'replied', 'published'],
  accounts: ['active', 'closed'],
} as const;
export type State = (typeof STATES)[Register][number];
export const STATE_LABELS: Record<State, string> = {
  received: '待交办',
  assigned: '已交办',
  answered: '已答复',
  open: '待回应',
  responded: '已回应',
  handling: '办理中',
  replied: '已答复',
  published: '已公开',
  active: '正常运营',
  closed: '已注销',
};

export const RESPONSE_KINDS = ['release', 'interpretation', 'interview'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const RESPONSE_KIND_LABELS: Record<ResponseKind, string> = {
  release: '发布信息',
  interpretation: '政策解读',
  interview: '接受采访',
};

export const PROPOSAL_KINDS = ['suggestion', 'proposal'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  suggestion: '人大代表建议',
  proposal: '政协委员提案',
};

export const SATISFACTIONS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

export const PUBLICATIONS = ['none', 'full', 'summary'] as const;
export type Publication = (typeof PUBLICATIONS)[number];
export const PUBLICATION_LABELS: Record<Publication, string> = {
  none: '未公开',
  full: '全文公开',
  summary: '摘要公开',
};

export const PLATFORMS = ['wechat', 'weibo', 'douyin', 'app', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  app: '移动客户端',
  other: '其他',
};

/** How the console's generic form and the import show a field. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'url' | 'select' | 'org';
export type FieldDef = {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For `select`: the values and their labels. */
  options?: Record<string, string>;
  /** Shown in the console's list. */
  listed?: boolean;
};

/** Every editable record has these (the responsible unit, the title, the date). */
const common = (title: string, date: string): FieldDef[] => [
  { key: 'orgId', label: '责任单位', kind: 'org', required: true, listed: true },
  { key: 'title', label: title, kind: 'text', required: true, listed: true },
  { key: 'occurredOn', label: date, kind: 'date', required: true, listed: true },
];

export const FIELDS: Record<EditableRegister, FieldDef[]> = {
  opinions: [
    ...common('舆情主题', '发生日期'),
    { key: 'source', label: '舆情来源', kind: 'text', required: true, listed: true },
    { key: 'discoveredAt', label: '发现时间', kind: 'datetime', required: true },
    { key: 'responseKind', label: '回应方式', kind: 'select', options: RESPONSE_KIND_LABELS, listed: true },
    { key: 'respondedAt', label: '回应时间', kind: 'datetime' },
    { key: 'responseLink', label: '回应链接', kind: 'url' },
    { key: 'followUp', label: '后续跟踪', kind: 'textarea' },
  ],
  proposals: [
    ...common('建议提案标题', '交办日期'),
    {
      key: 'kind',
      label: '类别',
      kind: 'select',
      required: true,
      options: PROPOSAL_KIND_LABELS,
      listed: true,
    },
    { key: 'number', label: '建议提案编号', kind: 'text', required: true, listed: true },
    { key: 'deputy', label: '代表委员', kind: 'text', required: true },
    { key: 'dueOn', label: '办理期限', kind: 'date', required: true, listed: true },
    { key: 'reply', label: '答复内容', kind: 'textarea' },
    { key: 'repliedOn', label: '答复日期', kind: 'date' },
    { key: 'satisfaction', label: '代表委员意见', kind: 'select', options: SATISFACTION_LABELS },
    { key: 'publication', label: '公开方式', kind: 'select', options: PUBLICATION_LABELS, listed: true },
    { key: 'publicationReason', label: '摘要公开理由', kind: 'textarea' },
    { key: 'summaryText', label: '公开的摘要', kind: 'textarea' },
    { key: 'publishedOn', label: '公开日期', kind: 'date' },
  ],
  accounts: [
    ...common('账号名称', '开设日期'),
    {
      key: 'platform',
      label: '平台',
      kind: 'select',
      required: true,
      options: PLATFORM_LABELS,
      listed: true,
    },
    { key: 'accountId', label: '账号ID', kind: 'text', required: true, listed: true },
    { key: 'person', label: '责任人', kind: 'text', required: true },
    { key: 'approvalRef', label: '开设审批文号', kind: 'text', required: true },
    { key: 'lastUpdateOn', label: '最近更新日期', kind: 'date', listed: true },
    { key: 'lastCheckOn', label: '最近检查日期', kind: 'date' },
    { key: 'changes', label: '变更情况', kind: 'textarea' },
    { key: 'closedOn', label: '注销日期', kind: 'date' },
    { key: 'closureRef', label: '注销审批文号', kind: 'text' },
  ],
};

/** The columns of a register that are table columns; the rest of a record's fields live in `data`. */
export const COLUMN_FIELDS = ['orgId', 'title', 'occurredOn', 'dueOn'] as const;
