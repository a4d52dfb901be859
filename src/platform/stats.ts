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
};

export type StatsColumn = { key: string; label: string };
export type StatsRow = { key: string; label: string; counts: number[] };

/** A table of counts: each row's `counts` in the order of `columns`. Titles and labels are Chinese. */
export type StatsTable = { key: string; title: string; columns: StatsColumn[]; rows: StatsRow[] };
