/**
 * What the documents module contributes to dashboards and the annual report (`stats` in its manifest):
 * documents issued, repealed and in force per genre in a year, by their (lead) issuing organisation.
 * - 本年制发: published documents whose 成文日期 falls in the year;
 * - 本年废止: documents repealed (已废止) with effect in the year;
 * - 现行有效: at the end of the year, published documents written and in effect by then and not yet
 *   repealed or expired (a document amended since is still in force).
 * Every genre has its row, in the order of the genre list, so that 规章 and 行政规范性文件 are always found.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsRecord, StatsRecordsQuery, StatsTable } from '../../platform/stats.ts';
import { GENRES } from './domain/codes.ts';
import { genreYearCounts, genreYearCountsByGroup, genreYearDocuments } from './store.ts';

export const DOCUMENT_STATS_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
];

export async function documentStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  if (q.tables && !q.tables.includes('documents.genres')) return [];
  if (q.groups) {
    const rows = await genreYearCountsByGroup(db, q.year, q.groups);
    return q.groups.map((g) => ({
      ...genresTable(
        q.year,
        rows.filter((r) => r.grp === g.key),
      ),
      group: g.key,
    }));
  }
  return [genresTable(q.year, await genreYearCounts(db, q.year, q.orgIds))];
}

function genresTable(
  year: number,
  rows: readonly { genre: string; issued: number; repealed: number; in_force: number }[],
): StatsTable {
  const byGenre = new Map(rows.map((r) => [r.genre, [r.issued, r.repealed, r.in_force]]));
  return {
    key: 'documents.genres',
    title: `${year}年政府文件制发、废止和现行有效情况（按文种）`,
    columns: DOCUMENT_STATS_COLUMNS,
    rows: [
      ...GENRES.map((g) => ({ key: g.code, label: g.name, counts: byGenre.get(g.code) ?? [0, 0, 0] })),
      // A genre no longer in the list keeps its figures rather than being dropped.
      ...rows
        .filter((r) => !GENRES.some((g) => g.code === r.genre))
        .map((r) => ({ key: r.genre, label: r.genre, counts: [r.issued, r.repealed, r.in_force] })),
    ],
  };
}

/** The documents behind a cell of `documents.genres`: a genre's row, a column's key (the drill-down). */
export async function documentStatsRecords(
  db: Kysely<Database>,
  q: StatsRecordsQuery,
): Promise<StatsRecord[] | null> {
  if (q.table !== 'documents.genres') return null;
  const column = q.column === 'issued' || q.column === 'repealed' || q.column === 'inForce' ? q.column : null;
  if (column === null) return null;
  const rows = await genreYearDocuments(db, { year: q.year, orgIds: q.orgIds, genre: q.row, column });
  return rows.map((d) => ({
    id: String(d.id),
    title: d.doc_number ? `${d.title}（${d.doc_number}）` : d.title,
    date: column === 'repealed' ? d.validity_changed_on : d.written_date,
    link: `/documents/${d.id}`,
  }));
}
