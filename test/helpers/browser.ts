import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** Debian's Chromium (package `chromium`); the browser tier never downloads a browser. */
export const CHROMIUM_PATH = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';

const AXE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/axe-core/axe.min.js',
);

/**
 * Chromium features off in every browser of the tests and benchmarks. Chromium keeps only the last
 * `--disable-features`, so the list starts with the one playwright-core passes itself (its
 * chromiumSwitches.ts; `test/browser-flags.test.ts` fails when the installed playwright-core's list differs).
 * Then the browser's own interface that headless Chromium 156 still builds for every new tab: the
 * address bar's suggestion popup, preloaded as a web page of its own (a process using a few hundred ms
 * of CPU per tab, beside the page being loaded or timed on a two-core machine).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'PreloadTopChromeWebUI', 'WebUIOmniboxAimPopup'];

/**
 * Launches headless Chromium. Throws (so the journey fails, never skips) when the browser is missing.
 * Share one browser per test file and give every test its own `browser.newContext()`.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser journeys need Debian's chromium package ` +
        '(apt-get install chromium fonts-noto-cjk) or GONGKAI_CHROMIUM pointing at a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

/**
 * Waits in the journeys are bounded well below node:test's patience (600 s a journey), so a missing
 * element fails with its name. 30 s, not less: on a loaded two-core machine a single step (a save and
 * the list reloading) has been seen to take over 10 s while the same journey takes 20 s in all alone.
 */
export const STEP_TIMEOUT_MS = 30_000;

/**
 * A fresh, isolated context (cookies, storage) with the journey step timeout. It asks for reduced
 * motion, which the console honours: on a loaded machine antd's animations (a button's loading
 * spinner leaving, a dialog fading) were seen left half-way, the spinner still naming the button
 * "loading 保 存" when the journey looked for 保存.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context;
}

export type AxeViolation = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl'> & { targets: string[] };

/**
 * Runs axe-core on the page at rest — pointer moved off the content, finite CSS transitions and
 * animations ended (a menu item fading to its selected colours would otherwise be judged mid-way);
 * returns the serious and critical violations.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Judge the page at rest: no element left hovered by the last click.
  await page.mouse.move(0, 0);
  // A string: the server's TypeScript has no DOM types.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((r) => setTimeout(r, 2000)),
  ])`);
  // Evaluated by the browser's debugging protocol, which the pages' Content-Security-Policy (no inline
  // script) does not govern, unlike a <script> element added to the page.
  await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`.trim()),
    }));
}

/** A readable list of violations for an assertion message. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.targets.map((t) => `    ${t}`).join('\n')}`,
    )
    .join('\n');
}
