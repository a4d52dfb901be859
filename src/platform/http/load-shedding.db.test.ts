import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SEARCH_PATH } from '../../modules/documents/portal/common.ts';
import { databaseQueue } from '../db/client.ts';
import { DATABASE_QUEUE_LIMIT, RETRY_AFTER_SECONDS, sheddable } from './load-shedding.ts';

/**
 * Overload is answered at once: the database is made busy deterministically (transactions that hold
 * every connection until the test lets them go, and queries queued behind them), never by timing.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const HOLDERS = 12;

/** Holds every connection of the pool (more holders than any pool has) until `release()`. */
function holdDatabase(extraQueries: number) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = 0;
  const work = [
    ...Array.from({ length: HOLDERS }, () =>
      t.db.transaction().execute(() => {
        holding++;
        return gate;
      }),
    ),
    ...Array.from({ length: extraQueries }, () => sql`select 1`.execute(t.db)),
  ];
  return {
    /** Waits until every holder holds a connection or waits for one; resolves to the queue then. */
    async settled() {
      while (holding + databaseQueue(t.db) < HOLDERS) await new Promise((r) => setImmediate(r));
      return databaseQueue(t.db);
    },
    async queued(n: number) {
      while (databaseQueue(t.db) < n) await new Promise((r) => setImmediate(r));
    },
    async release() {
      release();
      await Promise.all(work);
    },
  };
}

test('which requests may be refused when the database is busy: page reads only', { timeout: 10_000 }, () => {
  const cases: [string, string, boolean][] = [
    ['GET', '/', true],
    ['HEAD', '/gk/documents/12', true],
    ['GET', '/gk/documents/search?q=a', true],
    ['POST', '/gk/apply/form', false], // a citizen's submission waits its turn, never lost
    ['GET', '/api/documents', false], // the console's own calls
    ['PATCH', '/api/documents/1', false],
    ['GET', '/healthz', false],
  ];
  for (const [method, url, expected] of cases)
    assert.equal(sheddable(method, url), expected, `${method} ${url}`);
});

test('a page read while the database queue is full is answered 503 at once, with Retry-After and a Chinese page', {
  timeout: 60_000,
}, async () => {
  const held = holdDatabase(DATABASE_QUEUE_LIMIT);
  try {
    await held.queued(DATABASE_QUEUE_LIMIT);
    const res = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /系统繁忙，请稍等几秒后再试/);
    assert.match(res.body, /<html lang="zh/);
    assert.doesNotMatch(res.body, /SERVER_BUSY/);
  } finally {
    await held.release();
  }
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/' })).statusCode,
    200,
    'served again once the queue is gone',
  );
});

test('searches run at most two at a time; a third is refused at once, and the places come back', {
  timeout: 60_000,
}, async () => {
  const search = () =>
    t.app.inject({ method: 'GET', url: `/gk/documents/search?q=${encodeURIComponent('教育')}` });
  const held = holdDatabase(0);
  let first: Awaited<ReturnType<typeof search>>[] = [];
  try {
    await held.settled();
    const running = [search(), search()];
    while (t.app.runningRequests(SEARCH_PATH) < 2) await new Promise((r) => setImmediate(r));
    const third = await search();
    assert.equal(third.statusCode, 503);
    assert.equal(third.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    assert.match(third.body, /系统繁忙/);
    held.release();
    first = await Promise.all(running);
  } finally {
    await held.release();
  }
  assert.deepEqual(
    first.map((r) => r.statusCode),
    [200, 200],
  );
  assert.equal((await search()).statusCode, 200, 'a finished search gives its place back');
});
