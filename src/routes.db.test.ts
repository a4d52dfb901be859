import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/helpers/app.ts';

/**
 * Routes still without a response schema, by path prefix (issue 11, point 3). The list only shrinks:
 * a prefix is removed when its module's routes all declare one.
 */
const NOT_YET = ['/api/workplan', '/api/documents', '/gk/'];

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
      if (!declared && !NOT_YET.some((p) => path.startsWith(p)))
        missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.ok(routes > 150, `${routes} routes`);
  assert.deepEqual(missing, []);
});
