/** The messages between the extraction pool and its workers, and the limits a job runs under. */

export type ExtractOp = 'docx-text' | 'docx-html' | 'pdf-text' | 'xlsx-text' | 'xlsx-model';

export type ExtractLimits = {
  /** What the ZIP's central directory may declare, uncompressed, in bytes. */
  maxUncompressed: number;
  maxEntries: number;
  /** Rows and cells over all worksheets of an .xlsx. */
  maxRows: number;
  maxCells: number;
  /** Paragraphs of a .docx's main part (`<w:p>`), pages of a .pdf. */
  maxParagraphs: number;
  maxPages: number;
  /** Characters of extracted text. */
  maxChars: number;
};

export type ExtractJob = { id: number; op: ExtractOp; bytes: Uint8Array; limits: ExtractLimits };

export type WorkerAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; reason: string; broken: boolean };

/** What a worker posts: `ready` once its parsers are loaded (a job's time limit starts then), then answers. */
export type WorkerMessage = { ready: true } | WorkerAnswer;

/** A limit was hit inside the worker: its message is the Chinese reason. */
export class Refusal extends Error {}

export const refusalText = {
  broken: '文件已损坏或格式不正确，无法读取',
  tooMany: (what: string) => `文件内容过多（超过${what}），无法读取；请删除多余的内容或拆分后重新上传`,
  timeout: '文件内容过于复杂，无法在限定时间内读取',
  memory: '文件内容过于复杂，读取时超出了内存限制，无法读取',
  busy: '系统正在读取其他文件，请稍后重试',
};
