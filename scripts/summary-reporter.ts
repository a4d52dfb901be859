/**
 * A node:test reporter that only counts: it writes
 * `{"passed":N,"failed":N,"skipped":N,"todo":N,"files":{"path":ms,…},"failures":[…]}` so
 * `scripts/test.ts` can add up several runs into one closing line, name the slowest files (each file's
 * wall time in its process), and repeat every failure with its message just before that line (where a
 * CI log's tail shows it, not only in the middle of a stage's output).
 */
import path from 'node:path';

/** A failed test (or a file that failed as a whole): what `scripts/test.ts` repeats before its closing line. */
export type Failure = { name: string; file: string; line?: number; message: string };
type Event = {
  type: string;
  data: {
    name?: string;
    file?: string;
    line?: number;
    nesting?: number;
    details?: { type?: string; duration_ms?: number; error?: { message?: string; cause?: unknown } };
    skip?: unknown;
    todo?: unknown;
  };
};

/** The assertion's own message (node:test wraps a test's error in one of its own, the cause). */
function messageOf(error: { message?: string; cause?: unknown } | undefined): string {
  const cause = error?.cause;
  const inner =
    cause && typeof cause === 'object' && 'message' in cause ? String(cause.message) : String(cause ?? '');
  const text = inner || error?.message || 'failed';
  const lines = text.split('\n');
  return lines.length > 20 ? [...lines.slice(0, 20), `… (${lines.length - 20} more lines)`].join('\n') : text;
}

export default async function* summaryReporter(source: AsyncIterable<Event>) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  const files: Record<string, number> = {};
  const failures: Failure[] = [];
  /** A file that failed as a whole (its process exited non-zero), counted only if none of its tests did. */
  const failedFiles: Failure[] = [];
  for await (const event of source) {
    const { data } = event;
    const isFileEvent =
      data.nesting === 0 && !!data.file && !!data.name && path.resolve(data.name) === data.file;
    // A file's own event (its name is the path the runner was given): the file's whole run.
    if (event.type === 'test:complete' && isFileEvent) {
      files[data.name as string] = Math.round(data.details?.duration_ms ?? 0);
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const failure = () => ({
      name: data.name ?? '',
      file: path.relative(process.cwd(), data.file ?? ''),
      line: data.line,
      message: messageOf(data.details?.error),
    });
    if (isFileEvent) {
      if (event.type === 'test:fail') failedFiles.push(failure());
      continue;
    }
    if (data.skip) counts.skipped++;
    else if (data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      failures.push(failure());
    }
  }
  for (const f of failedFiles) {
    if (failures.some((t) => t.file === f.file)) continue;
    counts.failed++;
    failures.push(f);
  }
  yield JSON.stringify({ ...counts, files, failures });
}
