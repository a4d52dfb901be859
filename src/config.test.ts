import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

const PRIMARY = 'postgres://app:secret@db-primary:5432/gongkai';

test('DATABASE_REPLICA_URLS: the read replicas, in order; none when unset or blank', {
  timeout: 10_000,
}, () => {
  const cases: { env: Record<string, string>; replicas: string[] }[] = [
    { env: { DATABASE_URL: PRIMARY }, replicas: [] },
    { env: { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: '' }, replicas: [] },
    { env: { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: ' , ' }, replicas: [] },
    {
      env: { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'postgres://app:secret@db-r1:5432/gongkai' },
      replicas: ['postgres://app:secret@db-r1:5432/gongkai'],
    },
    {
      env: {
        DATABASE_URL: PRIMARY,
        DATABASE_REPLICA_URLS: ' postgres://a@r1/gongkai , postgresql://a@r2:6432/gongkai ',
      },
      replicas: ['postgres://a@r1/gongkai', 'postgresql://a@r2:6432/gongkai'],
    },
    // Without replicas configured, PGlite needs none either.
    { env: {}, replicas: [] },
  ];
  for (const { env, replicas } of cases)
    assert.deepEqual(loadConfig(env).databaseReplicaUrls, replicas, JSON.stringify(env));
});

test('DATABASE_REPLICA_URLS is refused without DATABASE_URL, or naming something else than PostgreSQL', {
  timeout: 10_000,
}, () => {
  const cases: { env: Record<string, string>; error: RegExp }[] = [
    { env: { DATABASE_REPLICA_URLS: 'postgres://a@r1/gongkai' }, error: /没有设置主库 DATABASE_URL/ },
    {
      env: { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'mysql://a@r1/gongkai' },
      error: /mysql:\/\/…@r1/,
    },
    { env: { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'r1:5432' }, error: /must list postgres:\/\// },
  ];
  for (const { env, error } of cases) assert.throws(() => loadConfig(env), error, JSON.stringify(env));
});

test('a refused replica address is quoted without its password', { timeout: 10_000 }, () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: 'mysql://app:secret@r1/gongkai' }),
    (err: Error) => !err.message.includes('secret') && err.message.includes('mysql://…@r1/gongkai'),
  );
});
