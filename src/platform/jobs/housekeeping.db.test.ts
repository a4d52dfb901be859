import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { userIdByUsername } from '../../../test/helpers/factories.ts';
import { removePartialUploads } from '../files/storage.ts';
import { purgeExpiredSessions } from '../http/session.ts';
import { HOUSEKEEPING_JOBS } from './housekeeping.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const NOW = new Date(`${TEST_TODAY}T12:00:00+08:00`);
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

test('expired and idle sessions are purged, live ones kept', { timeout: 60_000 }, async () => {
  const userId = await userIdByUsername(t.db, 't_handler');
  await t.db.deleteFrom('sessions').execute();
  const session = (token: string, lastSeenHoursAgo: number, expiresInHours: number) => ({
    token_hash: token,
    user_id: userId,
    last_seen_at: hoursFromNow(-lastSeenHoursAgo),
    expires_at: hoursFromNow(expiresInHours),
  });
  await t.db
    .insertInto('sessions')
    .values([session('live', 0.1, 10), session('past-its-end', 0.1, -0.5), session('idle-too-long', 3, 9)])
    .execute();
  assert.equal(await purgeExpiredSessions(t.db, NOW, 60), 2);
  const left = await t.db.selectFrom('sessions').select('token_hash').execute();
  assert.deepEqual(left, [{ token_hash: 'live' }]);
});

test('the scheduler has the sessions purge among its jobs', { timeout: 60_000 }, async () => {
  const userId = await userIdByUsername(t.db, 't_handler');
  await t.db.deleteFrom('sessions').execute();
  // Long ended by any clock, and good for centuries by any clock.
  await t.db
    .insertInto('sessions')
    .values([
      {
        token_hash: 'old',
        user_id: userId,
        last_seen_at: new Date('2001-01-01'),
        expires_at: new Date('2001-01-02'),
      },
      {
        token_hash: 'new',
        user_id: userId,
        last_seen_at: new Date('2999-01-01'),
        expires_at: new Date('2999-01-02'),
      },
    ])
    .execute();
  const purge = HOUSEKEEPING_JOBS.find((j) => j.name === 'platform.sessions.purge');
  assert.ok(purge);
  const { loadConfig } = await import('../../config.ts');
  await purge.run(t.db, NOW, { config: loadConfig({ GONGKAI_DATA: t.dataDir }), log: console });
  assert.deepEqual(await t.db.selectFrom('sessions').select('token_hash').execute(), [{ token_hash: 'new' }]);
});

test('partial uploads are removed: abandoned ones always, all of them at an exclusive start', {
  timeout: 60_000,
}, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-partial-'));
  try {
    const tmp = path.join(dataDir, 'files', 'tmp');
    await mkdir(tmp, { recursive: true });
    await writeFile(path.join(tmp, 'abandoned'), 'half an upload');
    await writeFile(path.join(tmp, 'in-progress'), 'an upload being written');
    const longAgo = new Date('2001-01-01');
    await utimes(path.join(tmp, 'abandoned'), longAgo, longAgo);
    assert.equal(await removePartialUploads(dataDir, 60 * 60_000), 1);
    assert.deepEqual(await readdir(tmp), ['in-progress']);
    assert.equal(await removePartialUploads(dataDir, 0), 1);
    assert.deepEqual(await readdir(tmp), []);
    assert.equal(await removePartialUploads(path.join(dataDir, 'nothing-here'), 0), 0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
