/**
 * What the documents module contributes to dashboards and the annual report (`stats` in its manifest):
 * documents issued, repealed and in force per genre in a year, by their (lead) issuing organisation.
 * - 本年制发: published documents whose 成文日期 falls in the year;
 * - 本年废止: documents repealed (已废止) with effect in the year;
 * - 现行有效: at the end of the year, published documents written and in effect by then and not yet
 *   repealed or expired (a document amended since is still in force).
 * Every genre has its row, in the order of the genre list, so that 规章 and 行政规范性文件 are always found.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsRecord, StatsRecordsQuery, StatsTable } from '../../platform/stats.ts';
import { listOrgs } from '../orgs/index.ts';
import { GENRES } from './domain/codes.ts';
import { genreYearCounts, genreYearCountsByGroup, genreYearDocuments } from './store.ts';

export const DOCUMENT_STATS_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
];

export async function documentStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  // documents.activity only when asked for by name (and without groups), so existing readers are unchanged.
  const activity = !q.groups && q.tables?.includes('documents.activity') ? [await activityTable(db, q)] : [];
  if (q.tables && !q.tables.includes('documents.genres')) return activity;
  if (activity.length) return [...activity, genresTable(q.year, await genreYearCounts(db, q.year, q.orgIds))];
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

/**
 * `documents.activity` (asked for by name, without groups): per organisation in scope, published proactive
 * documents with a publication date in the year (主动公开文件) and interpretations published in the year
 * (政策解读, by their document's organisation), and the 政府公报 issues published in the year, counted for
 * the government at the top of the tree (the gazette is the installation's government's; issues have no
 * other owner).
 */
async function activityTable(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable> {
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const scope = q.orgIds ? (q.orgIds.length ? [...q.orgIds] : [-1]) : null;
  let docs = db
    .selectFrom('documents')
    .select(['org_id', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .where('published_date', '>=', from)
    .where('published_date', '<=', to)
    .groupBy('org_id');
  let interps = db
    .selectFrom('interpretations as i')
    .innerJoin('documents as d', 'd.id', 'i.document_id')
    .select(['d.org_id', sql<number>`count(*)`.as('n')])
    .where('i.published_date', '>=', from)
    .where('i.published_date', '<=', to)
    .groupBy('d.org_id');
  if (scope) {
    docs = docs.where('org_id', 'in', scope);
    interps = interps.where('d.org_id', 'in', scope);
  }
  const gazette = db
    .selectFrom('gazette_issues')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'published')
    .where('year', '=', q.year);
  const [d, i, orgs, g] = await Promise.all([
    docs.execute(),
    interps.execute(),
    listOrgs(db),
    gazette.executeTakeFirstOrThrow(),
  ]);
  const root = orgs.find((o) => o.parent_id === null)?.id;
  const issues = Number(g.n);
  const gazetteOf = root !== undefined && issues > 0 && (!scope || scope.includes(root)) ? root : null;
  const ids = new Set([
    ...d.map((r) => r.org_id),
    ...i.map((r) => r.org_id),
    ...(gazetteOf === null ? [] : [gazetteOf]),
  ]);
  const count = (rows: readonly { org_id: number; n: number }[], id: number) =>
    Number(rows.find((r) => r.org_id === id)?.n ?? 0);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    key: 'documents.activity',
    title: `${q.year}年主动公开文件和政策解读情况`,
    columns: [
      { key: 'published', label: '主动公开文件' },
      { key: 'interpretations', label: '政策解读' },
      { key: 'gazette', label: '政府公报（期）' },
    ],
    rows: [...ids]
      .sort((a, b) => a - b)
      .map((id) => ({
        key: String(id),
        label: names.get(id) ?? '',
        counts: [count(d, id), count(i, id), id === gazetteOf ? issues : 0],
      })),
  };
}
