// axe-core on the public document library pages (search with results, a document page, an interpretation,
// the gazette, the catalogues): no serious or critical accessibility violations, standard and elderly mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedGazetteAndCatalogues } from '../../src/modules/documents/gazette/seeds.ts';
import {
  insertAttachment,
  insertDoc,
  insertInterpretation,
} from '../../src/modules/documents/portal/test-fixtures.ts';
import { refreshDocumentSearch } from '../../src/modules/documents/search/service.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let docId: number;
let interpId: number;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.testApp.db;
  docId = await insertDoc(db, {
    title: '济宁市公共文化服务保障办法',
    genre: 'rule',
    topic: 'culture',
    docNumber: '济宁市人民政府令第21号',
    writtenDate: '2024-02-20',
    publishedDate: '2024-03-01',
    effectiveDate: '2024-04-01',
    keywords: ['公共文化', '保障'],
    summary: '保障公民基本文化权益。',
    bodyHtml:
      '<p>第一条 为了保障公民基本文化权益，制定本办法。</p><table><caption>服务项目</caption><tr><th scope="col">项目</th></tr><tr><td>图书借阅</td></tr></table>',
  });
  interpId = await insertInterpretation(db, docId, {
    title: '《济宁市公共文化服务保障办法》问答',
    kind: 'qa',
    qa: [{ q: '适用范围？', a: '本市行政区域。' }],
  });
  await insertAttachment(db, server.testApp.dataDir, docId, '服务目录.txt', '服务目录');
  await refreshDocumentSearch(db, docId);
  await seedGazetteAndCatalogues(db, '2024-06-30');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = () => [
  '/gk/documents',
  `/gk/documents/search?q=${encodeURIComponent('公共文化')}`,
  `/gk/documents/search?q=${encodeURIComponent('没有这样的文件')}`,
  `/gk/documents/${docId}`,
  `/gk/documents/${docId}/interpretations/${interpId}`,
  '/gk/gazette/2024/1',
  '/gk/catalogue',
  '/gk/statutory',
  '/gk/guide',
];

for (const mode of ['standard', 'elderly'] as const) {
  test(`document library pages in ${mode} mode have no serious or critical axe violations`, async () => {
    const context = await newContext(browser);
    try {
      if (mode === 'elderly') await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await context.newPage();
      for (const path of pages()) {
        const res = await page.goto(`${server.url}${path}`);
        assert.equal(res?.status(), 200, path);
        const violations = await axe(page);
        assert.equal(violations.length, 0, `axe on ${path} (${mode}):\n${formatViolations(violations)}`);
      }
    } finally {
      await context.close();
    }
  });
}

test('the search works without JavaScript: submitting the form lists the document', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/documents/search`);
    await page.getByLabel('关键词或文号').fill('公共文化');
    await page.getByRole('button', { name: '检索' }).click();
    await page.getByRole('link', { name: '济宁市公共文化服务保障办法' }).click();
    await page.getByRole('heading', { level: 1, name: '济宁市公共文化服务保障办法' }).waitFor();
  } finally {
    await context.close();
  }
});
