// The 工作台账 journey end to end: the office imports a .docx task table, maps its two unknown units (one
// to an existing organisation, one created), saves the plan; a unit user (市教育局) reports progress with
// a file; the office accepts it; the plan's dashboard shows the new completion rate. axe-core checks the
// ledger pages on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Browser, Locator, Page } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
import { signIn, twoChars } from '../helpers/console-sign-in.ts';
import { orgIdByName } from '../helpers/factories.ts';
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

const YEAR = Number(TEST_TODAY.slice(0, 4));
const TITLE = `${YEAR}年全市政务公开重点工作任务分解表`;
/** The notice's title: the plan's title unless the office changes it. */
const NOTICE_TITLE = `济宁市人民政府办公室关于印发${TITLE}的通知`;
/** Names not in the demo directory: one is mapped to 市农业农村局, the other created. */
const MAPPED_UNIT = '市乡村振兴局';
const CREATED_UNIT = '市融媒体中心';

const ROWS: [string, string, string, string][] = [
  ['推进教育领域信息公开', '及时公开招生入学、学校布局调整等信息。', '市教育局', `${YEAR}年12月底前`],
  ['做好财政预决算公开', '按规定公开部门预算、决算及“三公”经费。', '市财政局', `${YEAR}年12月底前`],
  ['加强乡村振兴政策解读', '围绕乡村振兴重点政策开展多种形式解读。', MAPPED_UNIT, '长期坚持'],
  ['拓展政务新媒体传播渠道', '统筹利用融媒体平台发布政务信息。', CREATED_UNIT, `${YEAR}年12月底前`],
];

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
}

/** A notice and its 附件 task table, as a Word document. */
async function planDocx(): Promise<Buffer> {
  const header = ['序号', '工作任务', '具体要求', '责任单位', '完成时限'];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph(NOTICE_TITLE),
          new Paragraph(`济政办字〔${YEAR}〕9号`),
          new Paragraph('各县（市、区）人民政府，市政府各部门、单位：'),
          new Paragraph(`现将《${TITLE}》印发给你们，请认真贯彻落实。`),
          new Paragraph('济宁市人民政府办公室'),
          new Paragraph(`${YEAR}年3月5日`),
          new Paragraph('附件'),
          new Paragraph(TITLE),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: header.map(cell) }),
              ...ROWS.map(
                ([task, requirement, unit, deadline], i) =>
                  new TableRow({ children: [String(i + 1), task, requirement, unit, deadline].map(cell) }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

/** Opens a page of the 工作台账 submenu (unfolding it first when needed). */
async function openLedgerPage(page: Page, entry: string): Promise<void> {
  const link = menu(page).getByRole('link', { name: entry, exact: true });
  if (!(await link.isVisible())) {
    await menu(page).getByRole('link', { name: '工作台账', exact: true }).click();
  }
  await link.click();
}

/** Picks an option of an antd Select (or a TreeSelect node) in the open dropdown. */
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

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

/** The figure of one KPI card of the dashboard (完成率, 逾期 …). */
const kpi = (page: Page, name: string) =>
  page.getByRole('region', { name, exact: true }).locator('[data-kpi]');

test('工作台账: import a .docx plan, map units, report progress with a file, accept, dashboard', async (t) => {
  const started = performance.now();
  const officeContext = await newContext(browser);
  const handlerContext = await newContext(browser);
  try {
    // 1. The office imports the task table.
    const office = await signIn(officeContext, server.url, 't_office');
    await openLedgerPage(office, '台账总览');
    await office.getByRole('heading', { level: 1, name: '工作台账' }).waitFor();
    await expectNoViolations(office, '/admin/ledger');
    await openLedgerPage(office, '导入任务表');
    await office.getByRole('heading', { level: 1, name: '导入任务表' }).waitFor();
    await expectNoViolations(office, '/admin/ledger/import');
    await office.locator('input[type="file"]').setInputFiles({
      name: '任务分解表.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await planDocx(),
    });
    await office.getByRole('heading', { level: 2, name: '文件信息' }).waitFor();
    await office.getByRole('heading', { level: 2, name: `解析结果（共 ${ROWS.length} 项任务）` }).waitFor();
    assert.equal(await office.getByLabel('台账名称').inputValue(), NOTICE_TITLE);
    assert.equal(await office.getByLabel('文号').inputValue(), `济政办字〔${YEAR}〕9号`);
    // The source text is shown beside the table; the first row's lines are highlighted on request.
    const source = office.getByRole('region', { name: '原文内容' });
    await source.getByText('推进教育领域信息公开').first().waitFor();
    await office.getByRole('button', { name: '在原文中定位第1项' }).click();

    // 2. Two unit names are unknown: map one, create the other.
    const mapped = office.getByRole('group', { name: `单位“${MAPPED_UNIT}”的对应` });
    const created = office.getByRole('group', { name: `单位“${CREATED_UNIT}”的对应` });
    await mapped.getByText('未找到对应单位').waitFor();
    await created.getByText('未找到对应单位').waitFor();
    await expectNoViolations(office, '/admin/ledger/import with a preview');

    // Saving before the units are settled is refused, with the names.
    await office.getByRole('button', { name: '保存台账' }).first().click();
    await office
      .getByText(`以下单位尚未对应到组织机构，也未选择新建：${MAPPED_UNIT}、${CREATED_UNIT}`)
      .waitFor();

    await pick(office, mapped.getByLabel(`${MAPPED_UNIT}对应的单位`), '市农业农村局', true);
    await created.getByText('新建单位', { exact: true }).click();
    await created.getByLabel(`${CREATED_UNIT}的上级单位`).waitFor();
    await office.getByRole('button', { name: '保存台账' }).first().click();

    // 3. The plan page: each unit of the table is assigned, the created unit included.
    await office.getByRole('heading', { level: 1, name: NOTICE_TITLE }).waitFor();
    const planUrl = office.url();
    assert.match(planUrl, /\/admin\/ledger\/plans\/\d+$/);
    for (const unit of ['市教育局', '市财政局', '市农业农村局', CREATED_UNIT]) {
      await office.getByRole('button', { name: `${unit}的办理情况` }).waitFor();
    }
    await expectNoViolations(office, 'the plan page');

    // The remembered mapping: the alias now points 市乡村振兴局 to 市农业农村局.
    const officeApi = await server.testApp.as('t_office');
    const aliases = JSON.parse((await officeApi.get('/api/orgs/aliases')).body) as {
      alias: string;
      orgName: string;
    }[];
    assert.ok(
      aliases.some((a) => a.alias === MAPPED_UNIT && a.orgName === '市农业农村局'),
      `alias remembered: ${JSON.stringify(aliases)}`,
    );

    // 4. The unit user of 市教育局 reports progress with a file.
    const handler = await signIn(handlerContext, server.url, 't_handler');
    await openLedgerPage(handler, '我的任务');
    await handler.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    await expectNoViolations(handler, '/admin/ledger/my');
    await handler.getByRole('button', { name: '办理：推进教育领域信息公开' }).click();
    const drawer = handler.getByRole('dialog', { name: '任务办理情况' });
    await drawer.getByRole('heading', { level: 2, name: '报送进展' }).waitFor();
    await pick(handler, drawer.getByLabel('办理状态'), '已完成');
    await drawer.getByLabel('进展情况').fill('已在门户网站公开招生入学政策和学校布局调整方案。');
    await drawer.locator('input[type="file"]').setInputFiles({
      name: '佐证材料.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('招生入学政策公开截图说明', 'utf8'),
    });
    await drawer.getByText('佐证材料.txt').waitFor();
    await expectNoViolations(handler, 'the progress drawer');
    await drawer.getByRole('button', { name: '报送进展' }).click();
    await handler.getByText('进展已报送，等待公开办审核').waitFor();
    await drawer.getByText('待审核', { exact: true }).first().waitFor();
    await drawer.getByRole('link', { name: /佐证材料\.txt/ }).waitFor();

    // 5. The office accepts it.
    await office.reload();
    await office.getByRole('heading', { level: 1, name: NOTICE_TITLE }).waitFor();
    await office.getByRole('button', { name: '市教育局的办理情况' }).click();
    const review = office.getByRole('dialog', { name: '任务办理情况' });
    await review.getByRole('heading', { level: 2, name: '审核报送的进展' }).waitFor();
    await review.getByText('已在门户网站公开招生入学政策和学校布局调整方案。').first().waitFor();
    await review
      .getByRole('link', { name: /佐证材料\.txt/ })
      .first()
      .waitFor();
    await review.getByLabel('审核意见').fill('材料齐全，同意。');
    await review.getByRole('button', { name: '审核通过' }).click();
    await office.getByText('已审核通过').waitFor();
    await review.getByText('已通过', { exact: true }).first().waitFor();
    await review
      .getByRole('button', { name: 'Close' })
      .or(review.getByRole('button', { name: '关闭' }))
      .click();

    // 6. The dashboard: one of the four assignments is done.
    await office.getByRole('tab', { name: '统计看板' }).click();
    await office.getByRole('heading', { level: 2, name: '各单位完成情况' }).waitFor();
    await kpi(office, '完成率').filter({ hasText: '25.0%' }).waitFor();
    assert.equal((await kpi(office, '完成率').innerText()).trim(), '25.0%');
    await expectNoViolations(office, 'the plan dashboard');

    // 7. The office puts the plan on the portal and publishes its 落实情况: the public sees the states
    // as of that day (one task of four done), not the live ones.
    await office.getByRole('switch', { name: '在门户网站公开' }).click();
    await office.getByText('已在门户网站公开').waitFor();
    await office.getByRole('button', { name: '发布落实情况' }).click();
    await office
      .getByRole('tooltip')
      .getByRole('button', { name: twoChars('发布') })
      .click();
    await office.getByText(/^已发布截至2026年3月16日的落实情况/).waitFor();
    await office.goto(planUrl.replace(/\/admin\/ledger\/plans\/(\d+)$/, '/gk/workplans/$1'));
    await office.getByRole('columnheader', { name: '落实情况（截至2026年3月16日）' }).waitFor();
    await office.getByText(/已完成\d+项.*（截至2026年3月16日，2026年3月16日发布）/).waitFor();

    // The unit sees the acceptance in its list.
    await handler.reload();
    await handler.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    await handler.getByText('已通过', { exact: true }).first().waitFor();

    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(`journey: ${seconds.toFixed(1)} s`);
  } finally {
    await officeContext.close();
    await handlerContext.close();
  }
});

test('工作台账: 回头看 carries an unfinished task over, 下发到县 derives a county plan, 考核排名 ranks units', async () => {
  const db = server.testApp.db;
  const cityId = await orgIdByName(db, '济宁市人民政府');
  const officeApi = await server.testApp.as('t_office');
  const task = (seq: number, text: string, units: string[]) => ({
    seq,
    section: null,
    task: text,
    leadUnits: [],
    responsibleUnits: units,
    requirement: `${text}的具体要求。`,
    deadlineRaw: '6月底前',
    due: null,
    recurring: false,
  });
  const save = async (year: number, title: string, tasks: unknown[]) => {
    const res = await officeApi.send('POST', '/api/workplan/plans', {
      orgId: cityId,
      year,
      title,
      tasks,
      unitMappings: [],
    });
    assert.equal(res.statusCode, 200, res.body);
    return (JSON.parse(res.body) as { id: number }).id;
  };
  const lastYear = await save(YEAR - 1, `${YEAR - 1}年政务公开要点`, [
    task(1, '深化基层政务公开标准化规范化', ['各县（市、区）政府（管委会）', '市教育局']),
  ]);
  const thisYear = await save(YEAR, `${YEAR}年政务公开要点`, [
    task(1, '优化政府网站集约化平台', ['市财政局']),
  ]);

  const context = await newContext(browser);
  try {
    const office = await signIn(context, server.url, 't_office');

    // 回头看: last year's unfinished task is carried into this year's plan.
    await office.goto(`${server.url}/admin/ledger/plans/${lastYear}?tab=lookback`);
    await office.getByRole('heading', { level: 2, name: `${YEAR - 1}年未完成任务（1 / 1 项）` }).waitFor();
    // The first journey's plan is of this year too: choose the target.
    await pick(office, office.getByLabel('结转到的计划'), `${YEAR}年政务公开要点（${YEAR}年）`);
    await office.getByRole('checkbox', { name: '选择第1项' }).check();
    await office.getByRole('button', { name: /结转所选任务（1项）/ }).click();
    await office.getByText('已结转 1 项任务', { exact: false }).first().waitFor();
    await expectNoViolations(office, 'the 回头看 tab');
    await office.goto(`${server.url}/admin/ledger/plans/${thisYear}`);
    await office.getByText('回头看转入').waitFor();

    // 下发到县: 邹城市 derives its plan from the task addressed to 各县（市、区）.
    await office.goto(`${server.url}/admin/ledger/plans/${lastYear}?tab=cascade`);
    await office.getByRole('heading', { level: 2, name: '分解到县（市、区）' }).waitFor();
    await pick(office, office.getByLabel('县（市、区）', { exact: true }), '邹城市人民政府');
    await office.getByText('将下发给邹城市人民政府的任务共 1 项：').waitFor();
    await expectNoViolations(office, 'the 下发到县 tab with a preview');
    await office.getByRole('button', { name: '生成县级计划' }).click();
    await office.getByRole('link', { name: '前往分配责任单位' }).click();
    await office.getByRole('heading', { level: 2, name: '分配责任单位' }).waitFor();
    await expectNoViolations(office, 'a derived county plan');

    // 考核排名: an annual ranking of last year's plan.
    await office.goto(`${server.url}/admin/ledger/assessment?planId=${lastYear}`);
    await office.getByRole('heading', { level: 1, name: '考核排名' }).waitFor();
    await office.getByRole('button', { name: '计算排名' }).click();
    await office.getByRole('heading', { level: 2, name: new RegExp(`^${YEAR - 1}年度考核排名`) }).waitFor();
    await office.getByRole('cell', { name: '市教育局', exact: true }).waitFor();
    await office.getByRole('button', { name: '提交审批' }).click();
    await office.getByText('已提交，等待负责人审批；审批同意后方可发布。').waitFor();
    await expectNoViolations(office, '/admin/ledger/assessment');
  } finally {
    await context.close();
  }
});
