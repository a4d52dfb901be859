// The document body editor and the console's date field in a browser: the office drafts a document,
// types a date that is not one (a Chinese error, the date unchanged) and then an ISO date (kept); in
// the body it bolds typed text with 加粗 and pastes a table copied from Word; the stored body keeps the
// bold and the table and nothing of Office's markup, and the server sanitises HTML sent past the editor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
import { signIn, twoChars } from '../helpers/console-sign-in.ts';
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

const YEAR = TEST_TODAY.slice(0, 4);

async function pick(page: Page, field: Locator, option: string, search = false): Promise<void> {
  await field.click();
  if (search) await field.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .first()
    .click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** Replaces the text of a date field by typing, as a clerk does, and leaves the field. */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.press('Backspace');
  await field.pressSequentially(text);
  await field.press('Tab');
}

/** A table copied from Word: Office's namespaces, conditional comments, classes, spans and mso- styles. */
const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""} --></style></head>
<body lang=ZH-CN><!--StartFragment--><table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td width=200 style='width:150pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><b><span style='font-family:黑体'>序号</span></b><o:p></o:p></p></td>
<td width=200><p class=MsoNormal><b><span lang=EN-US>工作任务</span></b></p></td></tr>
<tr><td><p class=MsoNormal><span lang=EN-US>1</span></p></td><td><p class=MsoNormal style='mso-char-indent-count:2.0'><span style='font-family:宋体'>推进教育领域信息公开</span><o:p></o:p></p></td></tr>
</table><!--EndFragment--></body></html>`;

test('正文 editor: 加粗 makes <strong>, a Word table is pasted clean; a typed ISO date is kept, a non-date refused', async () => {
  const title = `${YEAR}年课后服务管理办法（编辑器）`;
  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');
    await page.goto(`${server.url}/admin/documents/new`);
    await page.getByRole('heading', { level: 1, name: '起草文件' }).waitFor();
    await page.getByLabel('标题', { exact: true }).fill(title);
    await pick(page, page.getByLabel('发文机关（主办）'), '市教育局', true);
    await pick(page, page.getByLabel('体裁'), '行政规范性文件');

    // 成文日期: a typed text that is not a date is reported in Chinese and changes nothing; 2026-03-05
    // typed as ISO is taken and shown the Chinese way.
    const written = page.getByLabel('成文日期', { exact: true });
    await typeDate(written, `${YEAR}-13-45`);
    await page
      .getByRole('alert')
      .filter({ hasText: `无法识别输入的日期“${YEAR}-13-45”，日期未修改` })
      .waitFor();
    await typeDate(written, `${YEAR}-03-05`);
    await page.getByRole('alert').filter({ hasText: '无法识别输入的日期' }).waitFor({ state: 'detached' });
    assert.equal(await written.inputValue(), `${YEAR}年3月5日`);

    // The body: typed text, selected and bolded with the toolbar's 加粗.
    const body = page.getByRole('textbox', { name: '正文', exact: true });
    await body.click();
    await page.keyboard.type('课后服务坚持学生家长自愿原则。');
    await body.press('ControlOrMeta+A');
    await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '加粗' }).click();
    assert.match(await body.innerHTML(), /<p><strong>课后服务坚持学生家长自愿原则。<\/strong><\/p>/);
    assert.equal(
      await page.getByRole('button', { name: '加粗' }).getAttribute('aria-pressed'),
      'true',
      '加粗 shows it is on',
    );

    // A table copied from Word is pasted at the end (a paste event as the browser sends it).
    await body.press('End');
    await body.press('Enter');
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', ${JSON.stringify(WORD_CLIPBOARD)});
      data.setData('text/plain', '序号\\t工作任务');
      document.querySelector('.gk-body-editor')
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await body.getByRole('cell', { name: '推进教育领域信息公开' }).waitFor();
    const axeViolations = await axe(page);
    assert.equal(axeViolations.length, 0, `axe on the drafting form:\n${formatViolations(axeViolations)}`);

    await page.getByLabel('主动公开', { exact: true }).check();
    await page.getByRole('button', { name: twoChars('保存') }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const id = Number(/\/admin\/documents\/(\d+)/.exec(page.url())?.[1]);
    assert.ok(id > 0, page.url());

    const office = await server.testApp.as('t_office');
    const stored = (await office.get(`/api/documents/${id}`)).json() as {
      writtenDate: string;
      bodyHtml: string;
    };
    assert.equal(stored.writtenDate, `${YEAR}-03-05`);
    const html = stored.bodyHtml;
    assert.match(html, /<p><strong>课后服务坚持学生家长自愿原则。<\/strong><\/p>/);
    assert.match(
      html,
      /<table>.*<strong>序号<\/strong>.*<td[^>]*><p>推进教育领域信息公开<\/p><\/td>.*<\/table>/s,
    );
    for (const junk of ['mso-', 'Mso', '<span', '<o:p', 'class=', 'lang=', '<!--', 'font-family', 'width']) {
      assert.ok(!html.includes(junk), `${junk} stored in ${html}`);
    }

    // HTML sent past the editor is sanitised by the server before it is stored.
    const patched = await office.send('PATCH', `/api/documents/${id}`, {
      bodyHtml:
        '<p onclick="steal()" style="color:red;text-align:center">正文<script>alert(1)</script></p><img src=x onerror=alert(1)>',
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const after = (await office.get(`/api/documents/${id}`)).json() as { bodyHtml: string };
    assert.equal(after.bodyHtml, '<p style="text-align:center">正文</p>');
  } finally {
    await context.close();
  }
});
