import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb } from '../../../test/helpers/db.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import { TABLE_LABELS } from './domain/references.ts';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
});
after(() => h.close());

test('every table of the schema has its Chinese name for a refused demo removal', {
  timeout: 60_000,
}, async () => {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
    order by table_name`.execute(h.db);
  assert.ok(rows.length > 50, `only ${rows.length} tables found`);
  const missing = rows.map((r) => r.table_name).filter((t) => !(t in TABLE_LABELS));
  assert.deepEqual(missing, [], 'tables without a Chinese name in TABLE_LABELS');
  for (const label of Object.values(TABLE_LABELS)) assert.match(label, /^[\u4e00-\u9fa5（）、]+$/);
});
