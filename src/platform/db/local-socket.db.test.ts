import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { connectLocalServer, type DbHandle, openPglite } from './client.ts';
import { LOCAL_PORT, listenLocal, localSocketPath } from './local-socket.ts';
import { lastReadyStatus } from './pglite-thread.ts';

/**
 * The server's embedded store in its worker thread, and a local command sharing it through the data
 * folder's socket: errors keep their SQLSTATE, and a command's transaction never interleaves with the
 * server's queries (one session at a time), even when the command dies in the middle of it.
 */
let dir: string;
let server: DbHandle;
let stopLocal: () => Promise<void>;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-local-'));
  server = await openPglite(dir, { thread: true });
  assert.ok(server.thread, 'the server store runs in a thread');
  stopLocal = await listenLocal(server.thread, dir);
  await sql`create table items (id int primary key, note text)`.execute(server.db);
});
after(async () => {
  await stopLocal();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const count = async (h: DbHandle) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from items`.execute(h.db)).rows[0]?.n);

test('the status of the last ReadyForQuery in raw backend bytes', { timeout: 10_000 }, () => {
  const ready = (s: string) => Buffer.from([0x5a, 0, 0, 0, 5, s.charCodeAt(0)]);
  const tag = Buffer.from('SELECT 1\0');
  const complete = Buffer.concat([Buffer.from([0x43, 0, 0, 0, 4 + tag.length]), tag]);
  const cases: [Buffer, string | null][] = [
    [Buffer.alloc(0), null],
    [complete, null],
    [Buffer.concat([complete, ready('T')]), 'T'],
    [Buffer.concat([ready('T'), complete, ready('I')]), 'I'],
    [Buffer.concat([complete, ready('E')]), 'E'],
  ];
  for (const [bytes, status] of cases) assert.equal(lastReadyStatus(bytes), status);
});

test('a database error from the thread keeps its SQLSTATE and fields', { timeout: 30_000 }, async () => {
  await sql`insert into items values (1, 'a')`.execute(server.db);
  await assert.rejects(sql`insert into items values (1, 'b')`.execute(server.db), (err: unknown) => {
    assert.ok(err instanceof pg.DatabaseError);
    assert.equal((err as pg.DatabaseError).code, '23505');
    assert.match((err as Error).message, /duplicate key/);
    return true;
  });
  await sql`delete from items`.execute(server.db);
});

test('a query is one round trip to the thread, its results and errors intact', {
  timeout: 30_000,
}, async () => {
  const thread = server.thread as NonNullable<DbHandle['thread']>;
  const before = thread.roundTrips;
  for (let i = 1; i <= 10; i++) await sql`insert into items values (${i}, ${`note ${i}`})`.execute(server.db);
  const rows = (
    await sql<{ id: number; note: string }>`select id, note from items where id > ${8} order by id`.execute(
      server.db,
    )
  ).rows;
  assert.deepEqual(rows, [
    { id: 9, note: 'note 9' },
    { id: 10, note: 'note 10' },
  ]);
  assert.equal(
    thread.roundTrips - before,
    11,
    'Parse, Bind, Describe, Execute and Sync go to the worker at once',
  );
  // An error in the middle of a transaction: the rest up to Sync is skipped, the rollback works.
  await assert.rejects(
    server.db.transaction().execute(async (tx) => {
      await sql`insert into items values (${20}, 'kept?')`.execute(tx);
      await sql`insert into items values (${1}, 'duplicate')`.execute(tx);
    }),
    (err: unknown) => (err as pg.DatabaseError).code === '23505',
  );
  assert.equal(await count(server), 10, 'the failed transaction left nothing');
  await sql`delete from items`.execute(server.db);
});

test('a local command sees and changes the server’s data through the socket', {
  timeout: 30_000,
}, async () => {
  const local = connectLocalServer(dir);
  try {
    await sql`insert into items values (10, 'from the command line')`.execute(local.db);
    assert.equal(await count(server), 1);
    await sql`insert into items values (11, 'from the server')`.execute(server.db);
    assert.equal(await count(local), 2);
  } finally {
    await local.close();
    await sql`delete from items`.execute(server.db);
  }
});

test('a server query waits for a command’s open transaction instead of running inside it', {
  timeout: 30_000,
}, async () => {
  const local = connectLocalServer(dir);
  try {
    let seen: Promise<number> | undefined;
    await local.db.transaction().execute(async (tx) => {
      await sql`insert into items values (20, 'first')`.execute(tx);
      // Asked while the command's transaction is open: it runs after the commit and sees both rows
      // (run inside the open transaction, it would see one).
      seen = count(server);
      await new Promise((r) => setImmediate(r));
      await sql`insert into items values (21, 'second')`.execute(tx);
    });
    assert.equal(await seen, 2);
  } finally {
    await local.close();
    await sql`delete from items`.execute(server.db);
  }
});

test('a command that dies inside a transaction is rolled back and the server goes on', {
  timeout: 30_000,
}, async () => {
  const socket = net.connect(localSocketPath(dir));
  await new Promise((r) => socket.once('connect', r));
  const message = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(4 + body.length, 1);
    return Buffer.concat([head, body]);
  };
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + 'user\0postgres\0\0'.length, 0);
  startup.writeInt32BE(196608, 4);
  const replies: Buffer[] = [];
  socket.on('data', (d) => replies.push(d));
  const readyCount = () => Buffer.concat(replies).toString('latin1').split('Z\0\0\0\x05').length - 1;
  socket.write(Buffer.concat([startup, Buffer.from('user\0postgres\0\0')]));
  socket.write(message('Q', Buffer.from("begin; insert into items values (30, 'never committed')\0")));
  while (readyCount() < 2) await new Promise((r) => setImmediate(r));
  assert.equal(lastReadyStatus(Buffer.concat(replies)), 'T', 'the command holds an open transaction');
  socket.destroy(); // killed before COMMIT
  assert.equal(await count(server), 0);
  assert.equal(LOCAL_PORT, 5432);
});
