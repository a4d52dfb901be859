/**
 * A node:test reporter that only counts: it writes
 * `{"passed":N,"failed":N,"skipped":N,"todo":N,"files":{"path":ms,…}}` so `scripts/test.ts` can add up
 * several runs into one closing line and name the slowest files (each file's wall time in its process).
 */
import path from 'node:path';

type Event = {
  type: string;
  data: {
    name?: string;
    file?: string;
    nesting?: number;
    details?: { type?: string; duration_ms?: number };
    skip?: unknown;
    todo?: unknown;
  };
};

export default async function* summaryReporter(source: AsyncIterable<Event>) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  const files: Record<string, number> = {};
  for await (const event of source) {
    const { data } = event;
    // A file's own event (its name is the path the runner was given): the file's whole run.
    if (event.type === 'test:complete' && data.nesting === 0 && data.file && data.name) {
      if (path.resolve(data.name) === data.file)
        files[data.name] = Math.round(data.details?.duration_ms ?? 0);
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    if (data.skip) counts.skipped++;
    else if (data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify({ ...counts, files });
}
