/**
 * Reading uploaded office files off the main thread: .docx (mammoth), .xlsx (exceljs, after its rows and
 * cells are counted in the sheets' bytes), .pdf (unpdf) run in a small pool of worker threads, each with a
 * heap limit and each job with a time limit. A hostile file (decompression bomb, millions of empty
 * paragraphs or rows) is refused with a Chinese reason — from the ZIP's declared sizes, the counted
 * paragraphs and rows, or the worker being terminated on its time limit or dying of its heap limit —
 * while the server keeps answering. Every failure is a `FileRefusedError`; `broken` tells a malformed
 * file (the parser threw) from a limit. A job's time limit counts from the moment its worker has loaded
 * the parsers: a worker started for it (seconds on a busy machine) does not eat the file's time.
 */
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { ExtractJob, ExtractLimits, ExtractOp, WorkerMessage } from './jobs.ts';
import { refusalText } from './jobs.ts';

export type { ExtractLimits } from './jobs.ts';
export { declaredUncompressedSize, zipRefusal } from './zip.ts';

export class FileRefusedError extends Error {
  /** The Chinese reason, fit to show the user. */
  readonly reason: string;
  /** True when the file is malformed (the parser failed), false when a limit refused it. */
  readonly broken: boolean;
  constructor(reason: string, broken: boolean) {
    super(reason);
    this.name = 'FileRefusedError';
    this.reason = reason;
    this.broken = broken;
  }
}

/** The reason of a limit refusal (not of a malformed file), to pass on instead of a generic message. */
export function limitReason(err: unknown): string | null {
  return err instanceof FileRefusedError && !err.broken ? err.reason : null;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxUncompressed: 100 * 1024 * 1024,
  maxEntries: 5000,
  maxRows: 50_000,
  maxCells: 1_000_000,
  maxParagraphs: 100_000,
  maxPages: 3000,
  maxChars: 5_000_000,
};

type PoolOptions = {
  size: number;
  /** A job's time, from when its worker is ready. */
  timeoutMs: number;
  /** A new worker's time to load its parsers; past it the worker is ended and its job refused as busy. */
  startupTimeoutMs: number;
  maxOldGenerationSizeMb: number;
  maxQueue: number;
  /** The worker's module (tests give one that starts slowly). */
  workerUrl: URL;
};

const options: PoolOptions = {
  size: 2,
  timeoutMs: 20_000,
  startupTimeoutMs: 120_000,
  maxOldGenerationSizeMb: 256,
  maxQueue: 50,
  workerUrl: new URL('./worker.ts', import.meta.url),
};

/** Change the pool's settings (tests shrink the time and heap limits); running workers are replaced. */
export function configureExtraction(change: Partial<PoolOptions>): void {
  Object.assign(options, change);
  for (const slot of slots.splice(0)) if (!slot.job) void slot.worker.terminate();
}

type Pending = {
  job: ExtractJob;
  resolve: (value: unknown) => void;
  reject: (err: FileRefusedError) => void;
};
type Slot = { worker: Worker; ready: boolean; job: Pending | null; timer: NodeJS.Timeout | null };

const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

function spawn(): Slot {
  const worker = new Worker(options.workerUrl, {
    resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb },
  });
  worker.unref();
  const slot: Slot = { worker, ready: false, job: null, timer: null };
  // Loading the parsers has its own, longer limit; the job's own starts once the worker is ready.
  slot.timer = setTimeout(() => end(slot, refusalText.busy), options.startupTimeoutMs).unref();
  worker.on('message', (message: WorkerMessage) => {
    if ('ready' in message) {
      slot.ready = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.job) startTimer(slot);
      return;
    }
    const pending = slot.job;
    if (!pending || pending.job.id !== message.id) return;
    finish(slot);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new FileRefusedError(message.reason, message.broken));
    pump();
  });
  const died = (err?: Error) => {
    const pending = slot.job;
    drop(slot);
    const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    pending?.reject(new FileRefusedError(oom ? refusalText.memory : refusalText.broken, false));
    pump();
  };
  worker.on('error', died);
  worker.on('exit', () => died());
  slots.push(slot);
  return slot;
}

/** Ends a slot's worker and refuses its job (if any) with `reason`, a limit's. */
function end(slot: Slot, reason: string): void {
  const pending = slot.job;
  drop(slot);
  void slot.worker.terminate();
  pending?.reject(new FileRefusedError(reason, false));
  pump();
}

/** The running job's time limit. */
function startTimer(slot: Slot): void {
  slot.timer = setTimeout(() => end(slot, refusalText.timeout), options.timeoutMs);
}

function finish(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.worker.unref();
}

function drop(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
}

function pump(): void {
  while (queue.length > 0) {
    const slot = slots.find((s) => !s.job) ?? (slots.length < options.size ? spawn() : null);
    if (!slot) return;
    const pending = queue.shift() as Pending;
    slot.job = pending;
    slot.worker.ref();
    if (slot.ready) startTimer(slot);
    // A copy of the bytes (its own ArrayBuffer, even when the caller's is a pooled Buffer's) is
    // transferred, so the caller's buffer stays usable.
    const bytes = new Uint8Array(pending.job.bytes);
    try {
      slot.worker.postMessage({ ...pending.job, bytes }, [bytes.buffer]);
    } catch {
      finish(slot);
      pending.reject(new FileRefusedError(refusalText.broken, true));
    }
  }
}

function runJob(op: ExtractOp, bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<unknown> {
  if (queue.length >= options.maxQueue) return Promise.reject(new FileRefusedError(refusalText.busy, false));
  return new Promise((resolve, reject) => {
    queue.push({
      job: { id: nextId++, op, bytes, limits: { ...DEFAULT_LIMITS, ...limits } },
      resolve,
      reject,
    });
    pump();
  });
}

/** The raw text of a .docx. */
export async function docxText(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<string> {
  return (await runJob('docx-text', bytes, limits)) as string;
}

/** A .docx as mammoth's HTML (tables keep rowspan/colspan). */
export async function docxHtml(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<string> {
  return (await runJob('docx-html', bytes, limits)) as string;
}

/** The text of a .pdf, pages merged. */
export async function pdfText(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<string> {
  return (await runJob('pdf-text', bytes, limits)) as string;
}

/** The text of an .xlsx: one line per non-empty row, cells separated by tabs. */
export async function xlsxText(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<string> {
  return (await runJob('xlsx-text', bytes, limits)) as string;
}

/**
 * An .xlsx as an exceljs Workbook: counted, then parsed in the worker; only the finished model crosses
 * to this thread.
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  limits?: Partial<ExtractLimits>,
): Promise<ExcelJS.Workbook> {
  const model = (await runJob('xlsx-model', bytes, limits)) as ExcelJS.WorkbookModel;
  // The model's getter names merged ranges `merges`, its setter reads `mergeCells`.
  for (const ws of model.worksheets as unknown as (ExcelJS.WorksheetModel & { mergeCells?: string[] })[])
    ws.mergeCells ??= ws.merges;
  const wb = new ExcelJS.Workbook();
  wb.model = model;
  return wb;
}
