/**
 * Counts a module contributes to dashboards and to the annual report (年度报告): its manifest's `stats`
 * answers a `StatsQuery` with tables of counts. Rows and columns carry stable keys, so that a reader
 * (a dashboard, the annual report's tables) picks the figures it needs without knowing the module's SQL.
 */
export type StatsQuery = {
  /** The calendar year counted. */
  year: number;
  /** Only these organisations' figures (e.g. an agency and its departments); all when absent. */
  orgIds?: readonly number[];
  /** Only these tables (by key), for a reader that needs some; all when absent. */
  tables?: readonly string[];
  /**
   * Counts per group of organisations in one pass (e.g. every agency of a county for the annual reports):
   * the answer then holds each table once per group, `group` set to the group's key; `orgIds` is not read.
   */
  groups?: readonly StatsGroup[];
};

/** A group of organisations counted together (an agency and the office that serves it). */
export type StatsGroup = { key: string; orgIds: readonly number[] };

export type StatsColumn = { key: string; label: string };
export type StatsRow = { key: string; label: string; counts: number[] };

/** A table of counts: each row's `counts` in the order of `columns`. Titles and labels are Chinese. */
export type StatsTable = {
  key: string;
  title: string;
  columns: StatsColumn[];
  rows: StatsRow[];
  /** The group counted (`StatsQuery.groups`); absent for a query without groups. */
  group?: string;
};

/** A cell of a module's stats table, by the stable keys of its table, row and column. */
export type StatsCell = { table: string; row: string; column: string };

/**
 * What `statsRecords` answers (a figure's drill-down): the records one cell counts, for the same year and
 * organisations as the counts. A module may accept row keys beyond its table's rows where a reader sums
 * rows (requests: `concluded`, every application concluded in the year).
 */
export type StatsRecordsQuery = StatsQuery & StatsCell;

/**
 * One record behind a count: its id in its module, a Chinese title (with its number where it has one),
 * the date the cell counts it by (ISO), and the console path that opens it (under /admin), if any.
 */
export type StatsRecord = { id: string; title: string; date: string | null; link: string | null };
