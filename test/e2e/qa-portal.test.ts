// axe-core on the 政策问答 column: the form, answers with citations, a refusal and a too long question,
// in standard and elderly mode; and the form works without JavaScript, routing a question on included.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { refreshIndex } from '../../src/modules/qa/service.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { orgIdByName } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

const PLAN = [
  '济宁市人民政府办公室关于印发2022年政务公开工作任务分解表的通知',
  '一、强化组织保障。各级各部门要及时调整政务公开领导小组组成单位和人员。',
  '工作任务',
  '责任单位',
  '具体要求',
  '完成时限',
  '一、深化重点领域信息公开',
  '（一）抓好减税降费信息公开',
  '各县（市、区）政府（管委会），市财政局、市税务局',
  '系统集成、智能推送已出台各项减税降费政策特别是增值税留抵退税政策。',
  '2022年10月底前完成，长期坚持',
].join('\n');

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.testApp.db;
  const doc = await db
    .insertInto('documents')
    .values({
      title: '济宁市人民政府办公室关于印发2022年政务公开工作任务分解表的通知',
      index_number: 'QA-E2E-1',
      org_id: await orgIdByName(db, '市政府办公室'),
      genre: 'notice',
      written_date: '2022-05-10',
      published_date: '2022-05-12',
      body_text: PLAN,
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // One published pair of 政策问答库, so the column's page lists it by topic.
  await db
    .insertInto('qa_pairs')
    .values({
      org_id: await orgIdByName(db, '市财政局'),
      question: '减税降费政策在哪里能查到？',
      answer: '市财政局、市税务局负责智能推送已出台的减税降费政策。',
      document_id: doc.id,
      clause: '（一）抓好减税降费信息公开',
      topics: ['减税降费'],
      status: 'published',
      question_terms: ['减税', '降费', '减税降费', '政策'],
      answer_terms: ['减税', '降费'],
    })
    .execute();
  await refreshIndex(db);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pages: [string, number][] = [
  ['/gk/qa', 200],
  [`/gk/qa?q=${encodeURIComponent('减税降费信息公开谁负责')}`, 200],
  [`/gk/qa?q=${encodeURIComponent('今天天气怎么样')}`, 200],
  [`/gk/qa?q=${encodeURIComponent('政务公开'.repeat(60))}`, 400],
];

for (const mode of ['standard', 'elderly'] as const) {
  test(`政策问答 pages in ${mode} mode have no serious or critical axe violations`, async () => {
    const context = await newContext(browser);
    try {
      if (mode === 'elderly') await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await context.newPage();
      for (const [path, status] of pages) {
        const res = await page.goto(`${server.url}${path}`);
        assert.equal(res?.status(), status, path);
        const violations = await axe(page);
        assert.equal(violations.length, 0, `axe on ${path} (${mode}):\n${formatViolations(violations)}`);
      }
    } finally {
      await context.close();
    }
  });
}

test('asking without JavaScript: the form is a plain GET, the answer cites the document', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/qa`);
    await page.getByText('减税降费政策在哪里能查到？').click();
    await page.getByText('市财政局、市税务局负责智能推送已出台的减税降费政策。').waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '政策问答' }).first().click();
    await page.getByLabel('您的问题').fill('减税降费什么时候完成');
    await page.getByRole('button', { name: '提问' }).click();
    await page.getByRole('heading', { name: '答复' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /完成时限：2022年10月底前完成，长期坚持/);
    assert.match(text, /出处：济宁市人民政府办公室关于印发2022年政务公开工作任务分解表的通知/);
  } finally {
    await context.close();
  }
});

test('an unanswerable question sent on without JavaScript, then tracked by its code (axe-checked, both modes)', async () => {
  let code = '';
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/qa?q=${encodeURIComponent('今天天气怎么样')}`);
    await page.getByRole('heading', { name: '转交有关部门答复' }).waitFor();
    assert.equal(await page.getByLabel('转交的问题（必填）').inputValue(), '今天天气怎么样');
    await page.getByLabel('联系电话（选填）').fill('123');
    await page.getByRole('button', { name: '转交有关部门' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /请填写正确的手机号码/);
    // What was typed is kept.
    assert.equal(await page.getByLabel('转交的问题（必填）').inputValue(), '今天天气怎么样');
    await page.getByLabel('联系电话（选填）').fill('13800138000');
    await page.getByRole('button', { name: '转交有关部门' }).click();
    code = (await page.locator('#tracking-code').innerText()).trim();
    assert.match(code, /^QA\d{8}[2-9A-Z]{6}$/);
    await page.getByRole('link', { name: '查看办理进度和答复' }).click();
    await page.getByRole('heading', { name: '办理进度', exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /待确认承办单位/);
    assert.match(text, /今天天气怎么样/);
    assert.doesNotMatch(text, /13800138000/);
    // Typed again on the tracking form, in lower case.
    await page.goto(`${server.url}/gk/qa/track`);
    await page.getByLabel('查询码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '办理进度', exact: true }).waitFor();
  } finally {
    await context.close();
  }
  // axe (it needs JavaScript): the form's error page and the tracking page, in both modes.
  for (const elderly of [false, true]) {
    const checked = await newContext(browser);
    try {
      if (elderly) await checked.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await checked.newPage();
      await page.goto(`${server.url}/gk/qa?q=${encodeURIComponent('今天天气怎么样')}`);
      await page.getByLabel('电子邮箱（选填）').fill('not-an-address');
      await page.getByRole('button', { name: '转交有关部门' }).click();
      await page.getByRole('alert').waitFor();
      const onError = await axe(page);
      assert.equal(
        onError.length,
        0,
        `axe on the form's errors (elderly: ${elderly}):\n${formatViolations(onError)}`,
      );
      const res = await page.goto(`${server.url}/gk/qa/track?code=${code}`);
      assert.equal(res?.status(), 200);
      const onTrack = await axe(page);
      assert.equal(
        onTrack.length,
        0,
        `axe on the tracking page (elderly: ${elderly}):\n${formatViolations(onTrack)}`,
      );
    } finally {
      await checked.close();
    }
  }
});
