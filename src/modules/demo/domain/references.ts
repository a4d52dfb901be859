/**
 * How a refused removal names the records in the way, in Chinese. Pure.
 */

/** Tables in Chinese (a table not listed here is named by its SQL name). */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  orgs: '机构',
  users: '用户',
  sessions: '登录会话',
  audit_log: '审计日志',
  files: '上传文件',
  calendar_years: '工作日历',
  requests: '依申请公开案件',
  request_events: '案件办理记录',
  request_letter_templates: '文书模板',
  request_letters: '案件文书',
  notifications: '通知',
  request_release_queue: '转主动公开队列',
  request_assistance: '协办记录',
  request_saved_views: '保存的案件筛选',
  org_aliases: '机构别名',
  work_plans: '工作台账',
  work_tasks: '台账任务',
  work_assignments: '任务分工',
  work_task_groups: '任务分组',
  work_progress: '进展报送',
  work_score_rules: '考核评分规则',
  work_assessments: '考核',
  work_assessment_rows: '考核得分',
  documents: '政府文件',
  document_issuers: '联合发文机关',
  document_themes: '主题分类',
  document_theme_links: '文件主题',
  document_reviews: '文件审核',
  document_attachments: '文件附件',
  interpretations: '政策解读',
  document_relations: '文件关联',
  document_versions: '文件版本',
  document_attribute_reviews: '公开属性复核',
  document_settings: '文件库设置',
  document_index_serials: '索引号序号',
  gazette_issues: '政府公报',
  gazette_items: '公报目录',
  disclosure_columns: '法定公开栏目',
  disclosure_column_documents: '栏目文件',
  disclosure_guides: '政府信息公开指南',
  public_enterprises: '公共企事业单位',
  consultations: '意见征集',
  consultation_comments: '征集意见',
  decision_items: '决策事项',
  decision_steps: '决策程序步骤',
  decision_item_versions: '决策事项调整记录',
  search_synonym_candidates: '检索同义词候选',
  document_title_postings: '文件标题检索词序',
  duty_records: '日常工作台账记录',
  decision_events: '听证会、会议和开放日',
  decision_event_signups: '活动报名',
  decision_event_surveys: '活动问卷',
  decision_settings: '决策公开设置',
  policy_evaluations: '政策评估',
  complaints: '投诉举报',
  complaint_settings: '投诉举报设置',
  reports: '政府信息公开工作年度报告',
  report_figures: '年度报告数据',
  report_history: '年度报告修订记录',
  report_reviews: '年度报告审核',
  qa_documents: '问答知识库文件',
  qa_passages: '知识库段落',
  qa_pairs: '问答对',
  qa_questions: '群众提问',
  qa_routed_questions: '转办问题',
  qa_consultations: '政策咨询记录',
  qa_settings: '政策问答设置',
  qa_index_state: '问答索引状态',
  enterprises: '企业',
  enterprise_codes: '企业验证码',
  enterprise_access: '企业访问凭据',
  enterprise_messages: '企业消息',
  policy_packages: '政策包',
  policy_package_items: '政策包条目',
  policy_conditions: '政策适用条件',
  policy_pushes: '政策推送',
  standard_items: '标准目录事项',
  targeted_notices: '定向公开事项',
  targeted_postings: '定向公开张贴记录',
  request_case_counters: '案件编号计数',
  request_secrets: '查询码',
  request_signoff_chains: '签发流程',
  site_identity: '网站标识',
  work_plan_progress: '台账落实情况发布',
  work_unit_mappings: '单位对应关系',
  demo_records: '演示数据登记',
  demo_state: '演示数据状态',
  job_runs: '后台任务运行记录',
  login_throttle: '登录限制计数',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}

/** The record a key column points to (a foreign key): its table and its name if it has one. */
export type KeyRef = { table: string; label: string | null };

/**
 * A record in the message: its table, its key (`{ id: 12 }`, or `{ org_id: 3, year: 2026 }`), its label if
 * any, and for key columns that point to another record, that record (`org_id` → 机构「市教育局」).
 */
export type RecordRef = {
  table: string;
  key: Record<string, unknown>;
  label: string | null;
  refs?: Readonly<Record<string, KeyRef>>;
};

/** A record that is not demo and references a demo record. */
export type Blocker = { record: RecordRef; demo: RecordRef };

/**
 * Key columns shown by their value in Chinese. Other columns that point nowhere (codes, hashes, identity
 * numbers) are left out: a user reads the record by its table and the records it points to.
 */
const KEY_COLUMN_TEXT: Readonly<Record<string, (value: string) => string>> = {
  year: (v) => `${v}年`,
};

function keyPart(column: string, value: unknown, ref: KeyRef | undefined): string | null {
  if (ref)
    return ref.label
      ? `${tableLabel(ref.table)}「${ref.label}」`
      : `${tableLabel(ref.table)} #${String(value)}`;
  const text = KEY_COLUMN_TEXT[column];
  return text ? text(String(value)) : null;
}

/** `#12`, `（机构「市教育局」，2026年）`, or '' when no part of the key reads as Chinese. */
function keyText(r: RecordRef): string {
  const entries = Object.entries(r.key);
  if (entries.length === 1 && entries[0]?.[0] === 'id') return ` #${String(entries[0][1])}`;
  const parts = entries.flatMap(([c, v]) => keyPart(c, v, r.refs?.[c]) ?? []);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/** `依申请公开案件 #12「…」`, `考核得分（机构「市教育局」）`, or `一条政策包条目` when nothing names it. */
export function describeRecord(r: RecordRef): string {
  const key = keyText(r);
  const label = r.label ? `「${r.label}」` : '';
  if (key === '' && label === '') return `一条${tableLabel(r.table)}`;
  return `${tableLabel(r.table)}${key}${label}`;
}

/** `依申请公开案件 #12「…」引用了演示机构「市教育局」`. */
export function describeBlocker(b: Blocker): string {
  const demo = b.demo.label
    ? `演示${tableLabel(b.demo.table)}「${b.demo.label}」`
    : `演示数据 ${describeRecord(b.demo)}`;
  return `${describeRecord(b.record)}引用了${demo}`;
}

/** The list of a refusal: the first `shown` blockers, and how many more there are. */
export function describeBlockers(blockers: readonly Blocker[], total: number, shown = 5): string {
  const parts = blockers.slice(0, shown).map(describeBlocker);
  const more = total > parts.length ? `等 ${total} 处` : '';
  return `${parts.join('；')}${more}`;
}

/**
 * An order to delete tables in: a table before the tables it references (self-references ignored), so
 * that foreign keys that cannot be deferred hold too; tables on a cycle keep their given order, last.
 */
export function deletionOrder(
  tables: readonly string[],
  references: readonly { table: string; refTable: string }[],
): string[] {
  const left = new Set(tables);
  const out: string[] = [];
  while (left.size > 0) {
    const free = [...left].filter(
      (t) => !references.some((r) => r.refTable === t && r.table !== t && left.has(r.table)),
    );
    if (free.length === 0) break;
    for (const t of free) {
      out.push(t);
      left.delete(t);
    }
  }
  return [...out, ...tables.filter((t) => left.has(t))];
}
