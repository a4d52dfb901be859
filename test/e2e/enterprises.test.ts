// 政策找人 on the portal without JavaScript: an enterprise verifies its credit code and e-mail with a
// one-time code (read from the outbox), sees the policies it matches with the reasons, its pushes and
// a policy package; every page axe-clean in standard and elderly mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertPushes, upsertConditions } from '../../src/modules/enterprises/store.ts';
import { creditCode, insertEnterprise, insertPolicyDocument } from '../../src/modules/enterprises/testing.ts';
import { now } from '../../src/platform/time.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn } from '../helpers/console-sign-in.ts';
import { orgIdByName } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
const CODE = creditCode(42);
const EMAIL = 'hr@luke.example.cn';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.testApp.db;
  const dept = await orgIdByName(db, '市人力资源社会保障局');
  await insertEnterprise(
    db,
    42,
    {
      industry: 'C',
      size: 'small',
      regionId: await orgIdByName(db, '济宁市人民政府'),
      foundedOn: '2018-04-16',
      capital: 1200,
      qualifications: ['specialized'],
      tags: [],
    },
    { name: '济宁鲁科智能装备有限公司', email: EMAIL },
  );
  const jobs = await insertPolicyDocument(db, dept, '济宁市稳岗补贴实施办法');
  const tech = await insertPolicyDocument(db, dept, '济宁市高新技术企业奖励办法');
  const at = now();
  await upsertConditions(db, {
    document_id: jobs,
    org_id: dept,
    conditions: { sizes: ['small', 'micro'], industries: ['C'] },
    automatic: false,
    updated_by: null,
    updated_at: at,
  });
  await upsertConditions(db, {
    document_id: tech,
    org_id: dept,
    conditions: { qualifications: ['high_tech'] },
    automatic: false,
    updated_by: null,
    updated_at: at,
  });
  await insertPushes(db, {
    documentId: jobs,
    orgId: dept,
    conditions: { sizes: ['small', 'micro'] },
    at,
    by: null,
  });
  const pkg = await db
    .insertInto('policy_packages')
    .values({
      theme: '稳岗补贴',
      title: '稳岗补贴政策包',
      summary: '稳岗返还、技能提升补贴等政策。',
      published: true,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('policy_package_items')
    .values({ package_id: pkg.id, kind: 'document', ref_id: jobs, sort_order: 0 })
    .execute();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function checkAxe(page: Page, what: string) {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on ${what}:\n${formatViolations(violations)}`);
}

async function latestCode(): Promise<string> {
  const m = await server.testApp.db
    .selectFrom('enterprise_messages')
    .select('body')
    .where('purpose', '=', 'code')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /验证码为 (\d{6})/.exec(m.body)?.[1] ?? '';
}

/** The journey; `check` runs axe on each page (axe needs JavaScript: not in the run without it). */
async function journey(page: Page, mode: string, checkAxe: (page: Page, what: string) => Promise<void>) {
  await page.goto(`${server.url}/gk/enterprise`);
  await checkAxe(page, `the start page (${mode})`);

  // A mistyped code: refused with the reason, the input kept.
  await page.getByLabel('统一社会信用代码（必填）').fill(`${CODE.slice(0, 17)}Z`);
  await page.getByLabel('手机号码或电子邮箱（必填）').fill(EMAIL);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /统一社会信用代码/);
  assert.equal(await page.getByLabel('手机号码或电子邮箱（必填）').inputValue(), EMAIL);
  await checkAxe(page, `the form with an error (${mode})`);

  await page.getByLabel('统一社会信用代码（必填）').fill(CODE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('验证码（6位数字）').waitFor();
  await checkAxe(page, `the code page (${mode})`);
  await page.getByLabel('验证码（6位数字）').fill(await latestCode());
  await page.getByRole('button', { name: '验证并进入' }).click();

  await page.getByRole('heading', { name: /本企业符合条件的政策（1项）/ }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /济宁鲁科智能装备有限公司/);
  assert.match(text, /✔ 符合：所属行业——要求属于制造业（C）；本企业属于制造业（C）/);
  assert.match(text, /✘ 不符合：企业资质——要求具有高新技术企业之一；本企业的资质为专精特新中小企业/);
  assert.match(text, /政策推送消息[\s\S]*济宁市稳岗补贴实施办法[\s\S]*待申报/);
  assert.match(text, /稳岗补贴政策包/);
  await checkAxe(page, `the enterprise's own page (${mode})`);

  // Completing the profile: a wrong capital comes back with the input; a right one matches more.
  await page.getByLabel('注册资本（万元，选填）').fill('一千二');
  await page.getByRole('button', { name: '保存档案' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('注册资本（万元，选填）').inputValue(), '一千二');
  await checkAxe(page, `the profile form with an error (${mode})`);
  await page.getByLabel('注册资本（万元，选填）').fill('1200');
  await page.getByLabel('高新技术企业').check();
  await page.getByRole('button', { name: '保存档案' }).click();
  await page.getByRole('heading', { name: /本企业符合条件的政策（2项）/ }).waitFor();
  await page.getByLabel('高新技术企业').uncheck();
  await page.getByRole('button', { name: '保存档案' }).click();
  await page.getByRole('heading', { name: /本企业符合条件的政策（1项）/ }).waitFor();

  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('button', { name: '获取验证码' }).waitFor();
}

test('an enterprise verifies and sees its matched policies without JavaScript', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    await journey(await context.newPage(), 'standard', async () => {});
  } finally {
    await context.close();
  }
});

for (const mode of ['standard', 'elderly'] as const) {
  test(`every page of the journey has no serious or critical axe violations (${mode} mode)`, async () => {
    const context = await newContext(browser);
    try {
      if (mode === 'elderly') await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      await journey(await context.newPage(), mode, checkAxe);
    } finally {
      await context.close();
    }
  });
}

test('the console: the office sees the profile with its reasons, the policy with its pushes, and the funnel', async () => {
  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');

    await page.goto(`${server.url}/admin/enterprises`);
    await page.getByRole('heading', { level: 1, name: '企业档案' }).waitFor();
    await page.getByRole('button', { name: '济宁鲁科智能装备有限公司' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('要求属于制造业（C）；本企业属于制造业（C）').waitFor();
    assert.match(await drawer.innerText(), /济宁市稳岗补贴实施办法/);

    await page.goto(`${server.url}/admin/enterprises/policies`);
    await page.getByRole('heading', { level: 1, name: '政策条件与推送' }).waitFor();
    const row = page.getByRole('row', { name: /济宁市稳岗补贴实施办法/ });
    await row.waitFor();
    assert.match(await row.innerText(), /企业规模：小型、微型/);
    await row.getByRole('button', { name: '推送记录' }).click();
    await page.getByRole('dialog').getByText('济宁鲁科智能装备有限公司').waitFor();

    await page.goto(`${server.url}/admin/enterprises/funnel`);
    await page.getByRole('heading', { level: 1, name: '政策推送漏斗' }).waitFor();
    await page
      .getByRole('row', { name: /市人力资源社会保障局/ })
      .first()
      .waitFor();
  } finally {
    await context.close();
  }
});
