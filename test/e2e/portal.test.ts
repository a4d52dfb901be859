// Browser journeys through the server-rendered portal, which must work without JavaScript.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const NAV_LABELS = ['首页', '公开指南', '公开制度', '法定主动公开内容', '政府文件', '依申请公开', '公开年报'];

async function isElderly(page: Page): Promise<boolean> {
  return /\belderly\b/.test((await page.locator('body').getAttribute('class')) ?? '');
}

test('the portal home works without JavaScript: heading, navigation, skip link', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.title(), '政府信息公开 - 济宁市人民政府');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await page.getByRole('heading', { level: 1, name: '政府信息公开' }).waitFor();

    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of NAV_LABELS) {
      assert.equal(await nav.getByRole('link', { name: label, exact: true }).count(), 1, `nav link ${label}`);
    }
    assert.equal(
      await nav.getByRole('link', { name: '首页', exact: true }).getAttribute('aria-current'),
      'page',
    );

    // The first Tab reaches the skip link; Enter moves the focus to <main>.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    assert.equal(
      await skip.evaluate((el) => el === el.ownerDocument.activeElement),
      true,
      'skip link focused',
    );
    // Off-screen until focused, then on screen.
    const box = await skip.boundingBox();
    assert.ok(
      box && box.y >= 0 && box.x >= 0 && box.height > 0,
      `skip link on screen when focused: ${JSON.stringify(box)}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/#main`);
    assert.equal(
      await page.locator('main').evaluate((el) => el === el.ownerDocument.activeElement),
      true,
      'focus on main after the skip link',
    );
    // The next Tab continues inside the main content, not at the top of the page.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.locator('main').evaluate((el) => el.contains(el.ownerDocument.activeElement)),
      true,
      'Tab after the skip link stays inside main',
    );

    // A section link leads to its page, still without JavaScript.
    await nav.getByRole('link', { name: '公开指南', exact: true }).click();
    await page.waitForURL(`${server.url}/gk/guide`);
    await page.getByRole('heading', { level: 1, name: '政府信息公开指南' }).waitFor();
  } finally {
    await context.close();
  }
});

test('长者模式 turns on elderly mode, which persists across pages and can be turned off', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/rules`);
    assert.equal(await isElderly(page), false);

    await page.getByRole('link', { name: /^长者模式/ }).click();
    // The switch returns to the page it was used on.
    await page.waitForURL(`${server.url}/gk/rules`);
    assert.equal(await isElderly(page), true, 'elderly mode on after the switch');
    await page.getByRole('link', { name: /^标准模式/ }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'gk_elderly');
    assert.equal(cookie?.value, '1');
    assert.ok(cookie.expires > Date.now() / 1000 + 300 * 24 * 3600, 'the preference is remembered for long');

    // Other pages, reached by links or typed in, keep the mode.
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '首页', exact: true })
      .click();
    await page.waitForURL(`${server.url}/`);
    assert.equal(await isElderly(page), true, 'elderly mode on the home page');
    await page.goto(`${server.url}/gk/apply`);
    assert.equal(await isElderly(page), true, 'elderly mode on /gk/apply');
    const page2 = await context.newPage();
    await page2.goto(`${server.url}/no-such-page`);
    assert.equal(await isElderly(page2), true, 'elderly mode on the 404 page');
    await page2.close();

    // The body text is larger in elderly mode.
    const elderlySize = await page
      .locator('main p')
      .first()
      .evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).fontSize);

    await page.getByRole('link', { name: /^标准模式/ }).click();
    await page.waitForURL(`${server.url}/gk/apply`);
    assert.equal(await isElderly(page), false, 'standard mode after switching back');
    assert.equal(
      (await context.cookies()).find((c) => c.name === 'gk_elderly'),
      undefined,
    );
    const standardSize = await page
      .locator('main p')
      .first()
      .evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).fontSize);
    assert.ok(
      Number.parseFloat(elderlySize) > Number.parseFloat(standardSize),
      `elderly text ${elderlySize} larger than standard ${standardSize}`,
    );
  } finally {
    await context.close();
  }
});

test('on a phone (390×844) the portal home has no horizontal scroll, in either mode', async () => {
  const context = await newContext(browser, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    for (const elderly of [false, true]) {
      await context.clearCookies();
      if (elderly) await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      await page.goto(`${server.url}/`);
      assert.equal(await isElderly(page), elderly);
      // (In-page code reaches the document through the element: the server tsconfig has no DOM lib.)
      const widths = await page.locator('html').evaluate((root) => {
        const client: number = root.clientWidth;
        const tooWide: string[] = [];
        for (const el of root.ownerDocument.body.querySelectorAll('*')) {
          if (el.getBoundingClientRect().right > client + 0.5 && tooWide.length < 5)
            tooWide.push(`${el.tagName.toLowerCase()}.${el.className}`);
        }
        return {
          scroll: root.scrollWidth as number,
          body: root.ownerDocument.body.scrollWidth as number,
          client,
          wide: tooWide,
        };
      });
      assert.ok(
        widths.scroll <= widths.client && widths.body <= widths.client,
        `${elderly ? 'elderly' : 'standard'} mode: scrollWidth ${widths.scroll}/${widths.body} > ` +
          `clientWidth ${widths.client}; too wide: ${widths.wide.join(', ')}`,
      );
    }
  } finally {
    await context.close();
  }
});
