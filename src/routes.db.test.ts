import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t?.close();
});

type OpenApi = {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
};

test('every route declares a response schema (OpenAPI shows what it answers)', async () => {
  const doc = t.app.swagger() as unknown as OpenApi;
  const missing: string[] = [];
  let routes = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      routes++;
      const declared = Object.values(op.responses ?? {}).some((r) => r.content !== undefined);
      if (!declared) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.ok(routes > 150, `${routes} routes`);
  assert.deepEqual(missing, []);
});
