/** Types shared by the task-table importers: the public result and the internal row model. */

export type ParsedTask = {
  /** 1-based position in table order (not the table's own 序号, which may restart per section). */
  seq: number;
  section: string | null;
  task: string;
  leadUnits: string[];
  responsibleUnits: string[];
  requirement: string;
  deadlineRaw: string | null;
  /** ISO date. */
  due: string | null;
  recurring: boolean;
  /** A date found in the requirement when the table has no deadline column (a suggestion only). */
  dueSuggested?: string | null;
  /** 1-based line range in `ParsedPlan.sourceText`, for the side-by-side preview. */
  sourceLines?: [number, number];
};

export type ParsedDoc = {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** ISO date the notice was written (落款日期), or the 印发 date. */
  issuedDate: string | null;
  year: number | null;
};

export type ParsedPlan = {
  doc: ParsedDoc;
  tasks: ParsedTask[];
  /** Chinese, user-facing. */
  warnings: string[];
  /** The normalised text the line numbers refer to. */
  sourceText: string;
};

export type PlanParseErrorCode = 'PLAN_NOT_A_TASK_TABLE' | 'PLAN_FILE_UNREADABLE' | 'PLAN_FILE_TYPE';

/** A file that cannot be read as a task table; `message` is Chinese and meant for the user. */
export class PlanParseError extends Error {
  code: PlanParseErrorCode;
  constructor(code: PlanParseErrorCode, message: string) {
    super(message);
    this.name = 'PlanParseError';
    this.code = code;
  }
}

/** One table row as cells (text, line breaks inside a cell kept as '\n'). */
export type RawRow = {
  cells: string[];
  /** 1-based line range in the source text. */
  lines: [number, number];
  /** The row is one cell spanning the whole table width (a section or heading row). */
  fullWidth?: boolean;
  /**
   * Per cell: it continues a vertically merged cell above (left empty). Only real tables (.docx, .xlsx)
   * know their merges; a text export cannot tell a merged cell from an empty one, so it has none.
   */
  continued?: boolean[];
};

/** What every reader (text, .docx, .xlsx) hands to the shared table interpreter. */
export type RawTable = {
  headerCells: string[];
  headerLines: [number, number];
  rows: RawRow[];
  /** Lines before the table (the notice), and after it (抄送/印发 block). */
  noticeLines: string[];
  trailerLines: string[];
  sourceText: string;
  /** Reader warnings (text outside any cell, etc.). */
  warnings: string[];
};
