import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDb, TEST_PG_URL } from '../../../test/helpers/db.ts';
import { type DbHandle, isDatabaseUnavailable } from './client.ts';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
});
after(async () => {
  await h.close();
});

test('what counts as the database being down, and what is a plain error', { timeout: 10_000 }, () => {
  const cases: [string, unknown, boolean][] = [
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      true,
    ],
    ['admin shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' }), true],
    ['starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' }), true],
    ['terminated', new Error('Connection terminated unexpectedly'), true],
    ['broken client', new Error('Client has encountered a connection error and is not queryable'), true],
    ['connect timeout', new Error('timeout exceeded when trying to connect'), true],
    [
      'localhost refused twice',
      new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]),
      true,
    ],
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' }), false],
    ['syntax error', Object.assign(new Error('syntax error at or near'), { code: '42601' }), false],
    ['bug', new TypeError('x is undefined'), false],
    ['nothing', null, false],
  ];
  for (const [name, err, down] of cases) assert.equal(isDatabaseUnavailable(err), down, name);
});

test('a connection in use killed by the server (a restart) does not crash the process; the next query reconnects', {
  timeout: 60_000,
  skip: TEST_PG_URL ? false : 'needs PostgreSQL (the pg stage)',
}, async () => {
  const admin = new pg.Client({ connectionString: TEST_PG_URL ?? '' });
  await admin.connect();
  try {
    const lost = await h.db
      .connection()
      .execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
        // Killed between two queries while checked out of the pool: the client emits `error`, which
        // nobody but our listener hears; without it the process dies of an unhandled `error` event.
        await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await sql`select 1`.execute(conn);
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    assert.ok(isDatabaseUnavailable(lost), String(lost));
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(h.db);
    assert.deepEqual(rows, [{ one: 1 }]);
  } finally {
    await admin.end();
  }
});
