/**
 * A node:test reporter that only counts: it writes `{"passed":N,"failed":N,"skipped":N,"todo":N}`
 * so `scripts/test.ts` can add up several runs into one closing line.
 */
export default async function* summaryReporter(
  source: AsyncIterable<{
    type: string;
    data: { details?: { type?: string }; skip?: unknown; todo?: unknown };
  }>,
) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip) counts.skipped++;
    else if (event.data.todo) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
