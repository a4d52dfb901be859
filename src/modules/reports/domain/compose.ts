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
