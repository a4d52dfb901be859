// axe-core on the public document library pages (search with results, a document page, an interpretation,
// the gazette, the catalogues): no serious or critical accessibility violations, standard and elderly mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { textToHtml } from '../../src/modules/documents/extract.ts';
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
let tableDocId: number;

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
  // A task table read from a text export (one cell per line), as the importer turns it into HTML.
  tableDocId = await insertDoc(db, {
    title: '关于印发2024年政务公开工作任务分解表的通知',
    genre: 'notice',
    topic: 'general',
    writtenDate: '2024-04-01',
    publishedDate: '2024-04-03',
    bodyHtml: textToHtml(
      [
        '附件：2024年政务公开工作任务分解表',
        '\t工作任务\n\t牵头部门\n\t具体要求',
        '\t一、深化重点领域信息公开',
        '\t（一）预决算公开\n\t市财政局\n\t扩大部门预决算公开范围。',
        '\t\n\t市民政局\n市农业农村局\n\t推动补贴信息公开到村。',
      ].join('\n\n'),
    ),
  });
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
  `/gk/documents/${tableDocId}`,
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

test('an attached task table reads as a table with column headers, without JavaScript', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/documents/${tableDocId}`);
    const table = page.locator('.document-body table');
    for (const name of ['工作任务', '牵头部门', '具体要求'])
      await table.getByRole('columnheader', { name }).waitFor();
    // A section row spans the table; a task row has one cell per column, the units kept together.
    await table.getByRole('cell', { name: '一、深化重点领域信息公开' }).waitFor();
    assert.equal(
      await table.getByRole('cell', { name: '一、深化重点领域信息公开' }).getAttribute('colspan'),
      '3',
    );
    await table.getByRole('row', { name: /（一）预决算公开 市财政局 扩大部门预决算公开范围。/ }).waitFor();
    await table.getByRole('cell', { name: /市民政局\s*市农业农村局/ }).waitFor();
  } finally {
    await context.close();
  }
});
