import { performance } from 'node:perf_hooks';
import { createTestApp } from './test/helpers/app.ts';
import { orgIdByName } from './test/helpers/factories.ts';
const t = await createTestApp();
const city = await orgIdByName(t.db, '济宁市人民政府');
const row = await t.db.insertInto('consultations').values({ org_id: city, title: 'x', draft: Array.from({ length: 30 }, (_, i) => `第${i + 1}条 条款内容${i + 1}。`).join('\n'), opens_on: '2026-03-10', planned_last_day: '2026-04-20', closes_on: '2026-04-20', short_reason: null, status: 'published', published_at: new Date(), closed_at: null, feedback_published_at: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
const url = `/gk/decisions/consultations/${row.id}`;
for (let i = 0; i < 50; i++) await t.app.inject({ method: 'GET', url });
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect();
await s.post('Profiler.enable'); await s.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < 300; i++) await t.app.inject({ method: 'GET', url });
console.log('page', ((performance.now() - t0) / 300).toFixed(2));
const { profile } = await s.post('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) {
  const n: any = byId.get(samples[i]);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
}
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (let i = 0; i < samples.length; i++) {
  const seen = new Set<string>();
  let id: number | undefined = samples[i];
  while (id !== undefined) {
    const n: any = byId.get(id);
    const u = n.callFrame.url;
    if (u.includes('/work/wt-h14/src') || u.includes('/work/wt-h14/test')) {
      const k = `${n.callFrame.functionName || '(anon)'} ${u.split('/src/').slice(-1)[0]}:${n.callFrame.lineNumber}`;
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0)); }
    }
    id = parent.get(id);
  }
}
console.log([...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
console.log('---');
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
await t.close();
