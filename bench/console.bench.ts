/**
 * Benchmark: the console in real Chromium (Debian's, through playwright-core as the browser journeys
 * use it) — time to a usable page per main route of the built console (dist/admin, built first by
 * `node scripts/build-admin.ts`), and the ledger dashboard of a plan of 2,000 tasks × 50 units.
 *
 * The server is the test app (`startTestServer`: demo organisations, the `t_*` users) in this process;
 * the plan is inserted into its database. Signed in as the administrator, each route is opened in a
 * new tab (a full page load: the router, the shell, the page's code and its data) and timed from
 * navigation start (the page's clock) until the page's own sign of readiness is visible and no spinner
 * is left. One warm-up visit per route (the browser's cache then holds the assets, as for a user's
 * second visit), then the median of 3 visits. Target: < 1 s per route, the dashboard included.
 *
 * Run alone: `node bench/console.bench.ts`.
 */
import { sql } from 'kysely';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newContext } from '../test/helpers/browser.ts';
import { orgIdByName } from '../test/helpers/factories.ts';
import { startTestServer, type TestServer } from '../test/helpers/server.ts';
import { median } from './startup.bench.ts';

export const CONSOLE_TARGET_MS = 1_000;
const RUNS = 3;
const TASKS = 2_000;
const UNITS = 50;

/**
 * A route and what shows that it is usable: an element that must be visible (a CSS selector, and text it
 * must hold), and where no spinner may be left (the whole page unless `scope` narrows it).
 */
type Route = { name: string; path: string; ready: string; text?: string; scope?: string };

function routes(planId: number): Route[] {
  return [
    { name: '工作台', path: '/admin', ready: 'h1', text: '工作台' },
    { name: '依申请公开', path: '/admin/requests', ready: '.ant-table-tbody' },
    { name: '统计分析', path: '/admin/requests/analytics', ready: '[role=img] svg' },
    { name: '政府文件库', path: '/admin/documents', ready: '.ant-table-tbody' },
    { name: '工作台账', path: '/admin/ledger', ready: '.ant-table-tbody' },
    { name: '用户管理', path: '/admin/system/users', ready: '.ant-table-tbody' },
    {
      name: `台账任务清单（${TASKS.toLocaleString('en')} 项 × ${UNITS} 个单位）`,
      path: `/admin/ledger/plans/${planId}`,
      ready: '.ant-table-tbody .ant-table-row',
    },
    {
      name: `台账统计看板（${TASKS.toLocaleString('en')} 项 × ${UNITS} 个单位）`,
      path: `/admin/ledger/plans/${planId}?tab=dashboard`,
      ready: '[role=img] svg',
      // The figures and charts (the plan's header loads beside them; the task list when its tab opens).
      scope: '.ant-tabs-tabpane-active',
    },
  ];
}

/** A plan of 2,000 tasks each assigned to 50 departments, statuses spread, a third past due. */
export async function seedPlan(server: TestServer): Promise<number> {
  const db = server.testApp.db;
  const city = await orgIdByName(db, '济宁市人民政府');
  const existing = await db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', city)
    .where('kind', '=', 'department')
    .execute();
  const extra = Array.from({ length: Math.max(0, UNITS - existing.length) }, (_, i) => ({
    parent_id: city,
    name: `市测试事业发展中心${i + 1}`,
    kind: 'department',
    sort_order: 500 + i,
  }));
  if (extra.length > 0) await db.insertInto('orgs').values(extra).execute();
  const plan = await db
    .insertInto('work_plans')
    .values({ org_id: city, year: 2024, title: '控制台基准台账', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into work_tasks (plan_id, seq, task, requirement, due, recurring)
    select ${plan.id}, g, '工作任务' || g, '具体要求' || g,
      case when g % 5 = 0 then null else date '2024-01-31' + ((g % 12) * 30) end, g % 5 = 0
    from generate_series(1, ${TASKS}) g`.execute(db);
  await sql`
    insert into work_assignments (task_id, org_id, role, status, review_state, sort_order)
    select t.id, o.id, case when o.rn = 1 then 'lead' else 'responsible' end,
      (array['not_started', 'in_progress', 'done', 'ongoing', 'done'])[1 + ((t.seq + o.rn) % 5)],
      (array['none', 'submitted', 'accepted', 'returned', 'accepted'])[1 + ((t.seq * 3 + o.rn) % 5)],
      o.rn
    from work_tasks t
    cross join (
      select id, row_number() over (order by sort_order, id) as rn
      from orgs where parent_id = ${city} and kind = 'department'
      order by sort_order, id limit ${UNITS}
    ) o
    where t.plan_id = ${plan.id}`.execute(db);
  await sql`analyze`.execute(db);
  return plan.id;
}

/**
 * Milliseconds from navigation start until the route's element is visible and no spinner spins, checked
 * in the page on every animation frame. (Playwright's own waiting for a selector polls ever less often,
 * up to every 500 ms, which added up to half a second to a page that was already drawn.)
 */
async function visit(context: BrowserContext, url: string, route: Route): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url + route.path, { waitUntil: 'commit' });
    // A function, not a string: the console's Content-Security-Policy forbids evaluating strings.
    const ready = await page.waitForFunction(
      ({ selector, text, spinner }) => {
        // @ts-expect-error runs in the page: the server's TypeScript has no DOM types.
        const shown = [...document.querySelectorAll(selector)].some(
          (el) => el.getClientRects().length > 0 && (text === null || el.textContent.includes(text)),
        );
        // @ts-expect-error runs in the page
        return shown && document.querySelector(spinner) === null && performance.now();
      },
      {
        selector: route.ready,
        text: route.text ?? null,
        spinner: `${route.scope ?? 'body'} .ant-spin-spinning`,
      },
      { polling: 'raf' },
    );
    return (await ready.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export type ConsoleResult = { route: string; medianMs: number; runsMs: number[] }[];

export async function runConsoleBench(): Promise<ConsoleResult> {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const planId = await seedPlan(server);
    const context = await newContext(browser);
    context.setDefaultTimeout(120_000);
    context.setDefaultNavigationTimeout(120_000);
    const login = await context.newPage();
    await login.goto(`${server.url}/admin/login`);
    await login.getByLabel('用户名', { exact: true }).fill('t_admin');
    await login.getByLabel('密码', { exact: true }).fill('password-123');
    await login.getByRole('button', { name: /登\s*录/ }).click();
    await login.waitForURL(/\/admin\/?$/);
    await login.close();
    const result: ConsoleResult = [];
    for (const route of routes(planId)) {
      await visit(context, server.url, route); // warm-up
      const runsMs: number[] = [];
      for (let i = 0; i < RUNS; i++) runsMs.push(await visit(context, server.url, route));
      result.push({ route: route.name, medianMs: median(runsMs), runsMs });
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatConsole(r: ConsoleResult): string {
  return r
    .map(
      (x) =>
        `console ${x.route}: median ${Math.round(x.medianMs)} ms to a usable page ` +
        `(runs: ${x.runsMs.map((ms) => Math.round(ms)).join(', ')} ms; target < ${CONSOLE_TARGET_MS} ms)`,
    )
    .join('\n');
}

if (import.meta.main) {
  try {
    console.log(formatConsole(await runConsoleBench()));
  } catch (error) {
    console.error('console bench failed:', error);
    process.exitCode = 1;
  }
}
