/**
 * Code lists of the document library (政府文件库): genres (体裁), the State Council's topic
 * classification (主题分类), the legal grounds for withholding (条例第十四、十五、十六条), and labels.
 * Codes are stable identifiers stored in the database and used in URLs; names are what users see.
 */

export type Genre = {
  code: string;
  name: string;
  /** Category code used in the index number (索引号) pattern `{category}`. */
  category: string;
  /** Policy documents that need interpretation materials before publication (三同步). */
  policy: boolean;
};

export const GENRES: readonly Genre[] = [
  { code: 'rule', name: '规章', category: 'GZ', policy: true },
  { code: 'normative', name: '行政规范性文件', category: 'GF', policy: true },
  { code: 'other', name: '其他文件', category: 'QT', policy: false },
  { code: 'announcement', name: '公告', category: 'GG', policy: false },
  { code: 'notice', name: '通知', category: 'TZ', policy: false },
  { code: 'opinion', name: '意见', category: 'YJ', policy: true },
  { code: 'measures', name: '办法', category: 'BF', policy: true },
  { code: 'decision', name: '决定', category: 'JD', policy: true },
  { code: 'bulletin', name: '通报', category: 'TB', policy: false },
  { code: 'report', name: '报告', category: 'BG', policy: false },
  { code: 'reply', name: '批复', category: 'PF', policy: false },
  { code: 'letter', name: '函', category: 'HAN', policy: false },
];

export const GENRE_CODES = GENRES.map((g) => g.code);
export const GENRE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  GENRES.map((g) => [g.code, g.name]),
);

export function findGenre(code: string): Genre | undefined {
  return GENRES.find((g) => g.code === code);
}

/** 三同步: 规章, 行政规范性文件 and other policy documents need ≥ 1 interpretation before publication. */
export function needsInterpretation(genre: string): boolean {
  return findGenre(genre)?.policy ?? false;
}

export type Topic = { code: string; name: string };

/** 国务院公文主题分类 (the 21 first-level categories used for 政府信息公开 on gov.cn). */
export const TOPICS: readonly Topic[] = [
  { code: 'general', name: '综合政务' },
  { code: 'economy', name: '国民经济管理、国有资产监管' },
  { code: 'finance', name: '财政、金融、审计' },
  { code: 'land', name: '国土资源、能源' },
  { code: 'agriculture', name: '农业、林业、水利' },
  { code: 'industry', name: '工业、交通' },
  { code: 'commerce', name: '商贸、海关、旅游' },
  { code: 'market', name: '市场监管、安全生产监管' },
  { code: 'urban', name: '城乡建设、环境保护' },
  { code: 'scitech', name: '科技、教育' },
  { code: 'culture', name: '文化、广电、新闻出版' },
  { code: 'health', name: '卫生、体育' },
  { code: 'population', name: '人口与计划生育、妇女儿童工作' },
  { code: 'labour', name: '劳动、人事、监察' },
  { code: 'security', name: '公安、安全、司法' },
  { code: 'civil', name: '民政、扶贫、救灾' },
  { code: 'ethnic', name: '民族、宗教' },
  { code: 'foreign', name: '对外事务' },
  { code: 'hkmt', name: '港澳台侨工作' },
  { code: 'defense', name: '国防' },
  { code: 'other', name: '其他' },
];

export const TOPIC_CODES = TOPICS.map((t) => t.code);
export const TOPIC_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  TOPICS.map((t) => [t.code, t.name]),
);

export const ATTRIBUTES = ['proactive', 'on_request', 'not_public'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const ATTRIBUTE_LABELS: Readonly<Record<Attribute, string>> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  not_public: '不予公开',
};

export type LegalGround = {
  code: string;
  article: string;
  text: string;
  /** Attributes this ground may justify. */
  attributes: readonly Attribute[];
};

/**
 * Grounds for not disclosing proactively (《政府信息公开条例》第十三至十六条). 不予公开 must name one of the
 * Art. 14/15/16 items; 依申请公开 may also rest on Art. 13 (not within the proactive scope of Art. 19–21).
 */
export const LEGAL_GROUNDS: readonly LegalGround[] = [
  {
    code: 'art14_secret',
    article: '第十四条',
    text: '依法确定为国家秘密的政府信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art14_law',
    article: '第十四条',
    text: '法律、行政法规禁止公开的政府信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art14_safety',
    article: '第十四条',
    text: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art15_third_party',
    article: '第十五条',
    text: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art16_internal',
    article: '第十六条第一款',
    text: '人事管理、后勤管理、内部工作流程等方面的内部事务信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art16_process',
    article: '第十六条第二款',
    text: '履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art16_enforcement',
    article: '第十六条第二款',
    text: '行政执法案卷信息',
    attributes: ['on_request', 'not_public'],
  },
  {
    code: 'art13_scope',
    article: '第十三条',
    text: '不属于第十九条至第二十一条主动公开范围，仅涉及特定对象，依申请公开',
    attributes: ['on_request'],
  },
];

export const LEGAL_GROUND_CODES = LEGAL_GROUNDS.map((g) => g.code);

export function findLegalGround(code: string): LegalGround | undefined {
  return LEGAL_GROUNDS.find((g) => g.code === code);
}

/** "第十四条：依法确定为国家秘密的政府信息" */
export function legalGroundLabel(code: string): string {
  const g = findLegalGround(code);
  return g ? `${g.article}：${g.text}` : code;
}

export const VALIDITIES = ['valid', 'amended', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = {
  valid: '有效',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
};

export const STATUSES = ['draft', 'in_review', 'returned', 'approved', 'published'] as const;
export type DocStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<DocStatus, string>> = {
  draft: '草稿',
  in_review: '保密审查中',
  returned: '已退回',
  approved: '审查通过',
  published: '已发布',
};

export const INTERPRETATION_KINDS = ['text', 'graphic', 'video', 'qa', 'followup'] as const;
export type InterpretationKind = (typeof INTERPRETATION_KINDS)[number];
export const INTERPRETATION_KIND_LABELS: Readonly<Record<InterpretationKind, string>> = {
  text: '文字解读',
  graphic: '图解',
  video: '视频解读',
  qa: '问答',
  followup: '后续解读',
};

export const RELATION_KINDS = ['amends', 'repeals', 'replaces'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_KIND_LABELS: Readonly<Record<RelationKind, string>> = {
  amends: '修改',
  repeals: '废止',
  replaces: '替代',
};

/** Validity the old (target) document takes when the relation becomes effective. */
export function validityAfter(kind: RelationKind): Validity {
  return kind === 'amends' ? 'amended' : kind === 'replaces' ? 'expired' : 'repealed';
}
