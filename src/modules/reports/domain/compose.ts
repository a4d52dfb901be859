/**
 * Table 三 and the narrative's facts from the counts other modules contribute (their `stats` tables): pure,
 * so that the report's arithmetic does not depend on where the counts come from.
 */
import type { ReportRowKey } from '../../requests/domain/outcomes.ts';
import { emptyTable3, OUTCOME_ROW_KEYS, type ReportFigures, type Table3, table3KeyOf } from './tables.ts';

/** A stats row as modules give it (platform/stats.ts StatsRow): key and counts. */
type CountsRow = { key: string; counts: number[] };

/**
 * Table 三 from the requests module's `requests.report` table: 一 ← received, 二 ← carriedIn, each outcome
 * row ← its row, （七）总计 ← every application concluded in the year (including any the rows could not
 * take, so that the check of （七） against its sub-rows shows them), 四 ← carriedForward.
 */
export function table3From(rows: readonly CountsRow[]): Table3 {
  const t = emptyTable3();
  const get = (key: string) => rows.find((r) => r.key === key)?.counts;
  const put = (key: string, counts: number[] | undefined) => {
    if (counts) t[key] = counts.slice(0, 7);
  };
  put('一', get('received'));
  put('二', get('carriedIn'));
  put('四', get('carriedForward'));
  for (const r of rows) if (/^3\.\d/.test(r.key)) put(table3KeyOf(r.key as ReportRowKey), r.counts);
  const concluded = [...OUTCOME_ROW_KEYS.map((k) => t[k] as number[]), get('unmapped') ?? []];
  t['三(七)'] = (t['三(七)'] as number[]).map((_, c) => concluded.reduce((s, row) => s + (row[c] ?? 0), 0));
  return t;
}

/** A first paragraph for section 一、总体情况 with the figures the platform knows (staff edit it). */
export function overviewFacts(orgName: string, year: number, f: ReportFigures): string {
  const total = (key: string) => f.table3[key]?.[6] ?? 0;
  const reviews = f.table4[4] ?? 0;
  const suits = (f.table4[9] ?? 0) + (f.table4[14] ?? 0);
  return [
    `${year}年，${orgName}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    `主动公开方面，本年制发规章${f.table2.rule[0]}件、行政规范性文件${f.table2.normative[0]}件，废止规章${f.table2.rule[1]}件、行政规范性文件${f.table2.normative[1]}件；年末现行有效规章${f.table2.rule[2]}件、行政规范性文件${f.table2.normative[2]}件。`,
    `依申请公开方面，本年新收政府信息公开申请${total('一')}件，上年结转${total('二')}件，本年办结${total('三(七)')}件，结转下年度继续办理${total('四')}件。`,
    `本年因政府信息公开工作被申请行政复议${reviews}件、提起行政诉讼${suits}件。`,
  ].join('');
}

/** A stats table as modules give it (platform/stats.ts StatsTable): key, columns and rows. */
type FactsTable = { key: string; columns: readonly { key: string }[]; rows: readonly CountsRow[] };

/**
 * Further sentences for section 一 (主动公开 and its work) from the modules' stats tables, summed over the
 * agency's organisations: documents and interpretations published (documents.activity), workplan tasks
 * completed (workplan.completion), consultations on major decisions (decisions.consultations), hearings,
 * meetings, open days and evaluations (decisions.participation), gazette issues (documents.activity), routed
 * questions (qa.routed), policies pushed to enterprises (enterprises.pushes), the duty registers
 * (duties.errata, duties.opinions, duties.proposals) and the fees collected (table 二 行政事业性收费, in 万元). A sentence with nothing to say is left out; '' when none.
 */
export function activityFacts(year: number, tables: readonly FactsTable[], fees: number | null): string {
  const sum = (table: string, column: string): number | null => {
    const t = tables.find((x) => x.key === table);
    const c = t?.columns.findIndex((x) => x.key === column) ?? -1;
    if (!t || c < 0) return null;
    return t.rows.reduce((s, r) => s + (r.counts[c] ?? 0), 0);
  };
  // A table of named rows and one count column (qa.routed, enterprises.pushes): the row's count.
  const metric = (table: string, row: string): number =>
    tables
      .filter((x) => x.key === table)
      .reduce((s, t) => s + (t.rows.find((r) => r.key === row)?.counts[0] ?? 0), 0);
  const out: string[] = [];
  const published = sum('documents.activity', 'published') ?? 0;
  const interpretations = sum('documents.activity', 'interpretations') ?? 0;
  if (published > 0 || interpretations > 0) {
    const parts = [
      published > 0 ? `主动公开政府文件${published}件` : '',
      interpretations > 0 ? `发布政策解读${interpretations}篇` : '',
    ].filter(Boolean);
    out.push(`${year}年，通过政府信息公开平台${parts.join('，')}。`);
  }
  const tasks = sum('workplan.completion', 'tasks') ?? 0;
  const parts = sum('workplan.completion', 'parts') ?? 0;
  const done = sum('workplan.completion', 'completed') ?? 0;
  if (tasks > 0) {
    out.push(`年度政务公开工作要点确定任务${tasks}项，分解落实${parts}项，已完成${done}项。`);
  }
  const consultations = sum('decisions.consultations', 'consultations') ?? 0;
  if (consultations > 0) {
    const comments = sum('decisions.consultations', 'comments') ?? 0;
    const adopted = sum('decisions.consultations', 'adopted') ?? 0;
    out.push(
      `重大行政决策公开征求意见${consultations}次，收到意见${comments}条，采纳或部分采纳${adopted}条。`,
    );
  }
  const participation = [
    [sum('decisions.participation', 'hearings'), '举行听证会', '次'],
    [sum('decisions.participation', 'meetings'), '邀请公众代表列席政府会议', '次'],
    [sum('decisions.participation', 'open_days'), '举办政府开放日活动', '次'],
    [sum('decisions.participation', 'evaluations'), '开展政策评估', '项'],
  ] as const;
  const held = participation.filter(([n]) => (n ?? 0) > 0).map(([n, what, unit]) => `${what}${n}${unit}`);
  if (held.length) out.push(`${held.join('，')}。`);
  const gazette = sum('documents.activity', 'gazette') ?? 0;
  if (gazette > 0) out.push(`编印发布政府公报${gazette}期。`);
  const routed = metric('qa.routed', 'received');
  if (routed > 0) out.push(`政策问答平台转办群众提问${routed}件，已答复${metric('qa.routed', 'sent')}件。`);
  const reached = metric('enterprises.pushes', 'reached');
  if (reached > 0)
    out.push(
      `开展“政策找人”，向企业精准推送惠企政策${metric('enterprises.pushes', 'policies')}项、${reached}户次，已兑现${metric('enterprises.pushes', 'granted')}户次（其中免申即享${metric('enterprises.pushes', 'without_application')}户次）。`,
    );
  const errata = sum('duties.errata', 'received') ?? 0;
  if (errata > 0) out.push(`收到网站纠错${errata}条，已答复${sum('duties.errata', 'answered') ?? 0}条。`);
  const opinions = sum('duties.opinions', 'events') ?? 0;
  if (opinions > 0) out.push(`回应政务舆情${sum('duties.opinions', 'responded') ?? 0}件。`);
  const proposals =
    (sum('duties.proposals', 'suggestions') ?? 0) + (sum('duties.proposals', 'proposals') ?? 0);
  if (proposals > 0) {
    const published = (sum('duties.proposals', 'full') ?? 0) + (sum('duties.proposals', 'summary') ?? 0);
    out.push(`办理人大代表建议和政协委员提案${proposals}件，公开办理结果${published}件。`);
  }
  if (fees !== null && fees > 0) out.push(`本年行政事业性收费${fees}万元，收费项目和标准依法公开。`);
  return out.join('');
}
