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
  duty_records: '日常工作台账记录',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}

/** A record in the message: its table, its key (`#12`, or `org_id=3, year=2026`) and its label if any. */
export type RecordRef = { table: string; key: Record<string, unknown>; label: string | null };

/** A record that is not demo and references a demo record. */
export type Blocker = { record: RecordRef; demo: RecordRef };

function keyText(key: Record<string, unknown>): string {
  const entries = Object.entries(key);
  if (entries.length === 1 && entries[0]?.[0] === 'id') return `#${String(entries[0][1])}`;
  return `（${entries.map(([k, v]) => `${k}=${String(v)}`).join('，')}）`;
}

export function describeRecord(r: RecordRef): string {
  return `${tableLabel(r.table)} ${keyText(r.key)}${r.label ? `「${r.label}」` : ''}`;
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
