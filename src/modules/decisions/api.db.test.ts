/**
 * 意见征集 end to end on one database: the staff API (period rule, publish, enter, import, moderate,
 * group, feedback) and the portal (column, draft, comment form without JavaScript, its errors).
 * The suite runs at TEST_TODAY 2026-03-16 (a Monday).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let city: number;
let ip = 0;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

const DRAFT = '第一条 为了规范停车管理，制定本办法。\n第二条 夜间免费停车。\n第三条 本办法自发布之日起施行。';
const body = (over: Record<string, unknown> = {}) => ({
  orgId: city,
  title: '停车管理办法（征求意见稿）',
  draft: DRAFT,
  explanation: '起草说明正文。',
  channels: '电子邮件：tc@example.gov.cn',
  opensOn: '2026-03-16',
  plannedLastDay: '2026-04-15',
  ...over,
});

async function createOpen(over: Record<string, unknown> = {}) {
  const res = await office.send('POST', '/api/decisions/consultations', body(over));
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json().consultation.id as number;
  const pub = await office.send('POST', `/api/decisions/consultations/${id}/publish`);
  assert.equal(pub.statusCode, 200, pub.body);
  return id;
}

function hidden(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  assert.ok(m, `hidden field ${name}`);
  return m[1] as string;
}

/** POST the portal form like a browser without JavaScript, each time from another address unless said. */
async function postComment(c: Client, id: number, fields: Record<string, string>, address?: string) {
  const page = await c.get(`/gk/decisions/consultations/${id}`);
  const csrf = page.body.includes('name="_csrf"') ? hidden(page.body, '_csrf') : (c.cookies.gk_csrf ?? '');
  return t.app.inject({
    method: 'POST',
    url: `/gk/decisions/consultations/${id}/comments`,
    cookies: { ...c.cookies },
    remoteAddress: address ?? `10.0.0.${++ip}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

test('713 Art. 15: a period under 30 days needs a reason; the last day rolls over to a working day', async () => {
  const short = await office.send(
    'POST',
    '/api/decisions/consultations',
    body({ plannedLastDay: '2026-03-31' }),
  );
  assert.equal(short.statusCode, 400, short.body);
  assert.match(short.json().error.fields[0].message, /少于30日/);
  const withReason = await office.send(
    'POST',
    '/api/decisions/consultations',
    body({ plannedLastDay: '2026-03-31', shortReason: '汛期临近，须在4月前出台' }),
  );
  assert.equal(withReason.statusCode, 200, withReason.body);
  // 2026-04-04 is a Saturday of 清明 (04-04…06 off): the period ends on Tuesday 04-07.
  const rolled = await office.send(
    'POST',
    '/api/decisions/consultations',
    body({ opensOn: '2026-03-05', plannedLastDay: '2026-04-04' }),
  );
  assert.equal(rolled.statusCode, 200, rolled.body);
  assert.equal(rolled.json().consultation.closesOn, '2026-04-07');
  const handler = await t.as('t_handler');
  const forbidden = await handler.send('POST', '/api/decisions/consultations', body());
  assert.equal(forbidden.statusCode, 403);
});

test('portal: the column lists open consultations; a draft is not public; the comment form works without JS', async () => {
  const id = await createOpen();
  const draftOnly = (
    await office.send('POST', '/api/decisions/consultations', body({ title: '未发布草案' }))
  ).json().consultation.id;
  const citizen = await t.anonymous();
  const column = await citizen.get('/gk/decisions');
  assert.equal(column.statusCode, 200);
  assert.match(column.body, /停车管理办法（征求意见稿）/);
  assert.doesNotMatch(column.body, /未发布草案/);
  assert.equal((await citizen.get(`/gk/decisions/consultations/${draftOnly}`)).statusCode, 404);
  const page = await citizen.get(`/gk/decisions/consultations/${id}`);
  assert.match(page.body, /2026年3月16日至2026年4月15日/);
  assert.match(page.body, /<option value="2">第2项：第二条 夜间免费停车。<\/option>/);

  const ok = await postComment(citizen, id, {
    name: '李四',
    contact: '13800001111',
    content: '建议夜间免费时段延长到早8点。',
    article: '2',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.body, /您的意见已提交/);
  const detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(detail.comments.length, 1);
  assert.deepEqual(
    [
      detail.comments[0].name,
      detail.comments[0].channel,
      detail.comments[0].article,
      detail.comments[0].status,
    ],
    ['李四', 'portal', 2, 'pending'],
  );

  // Errors re-render the form with what was typed.
  const emptyContent = await postComment(citizen, id, { name: '王五', contact: '13800002222', content: ' ' });
  assert.equal(emptyContent.statusCode, 400);
  assert.match(emptyContent.body, /请填写意见内容/);
  assert.match(emptyContent.body, /value="王五"/);
  const long = await postComment(citizen, id, { contact: '13800002222', content: '长'.repeat(2001) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /不能超过2000字（现为2001字）/);
  assert.match(long.body, /长{2001}<\/textarea>/);
  const badArticle = await postComment(citizen, id, { contact: '1', content: '意见', article: '99' });
  assert.match(badArticle.body, /所选条款不存在/);
  const forged = await postComment(citizen, 999999, { contact: '1', content: '意见' });
  assert.equal(forged.statusCode, 404);
  const noCsrf = await t.app.inject({
    method: 'POST',
    url: `/gk/decisions/consultations/${id}/comments`,
    remoteAddress: '10.9.9.9',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ contact: '1', content: '保留我写的内容' }).toString(),
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.match(noCsrf.body, /页面已失效/);
  assert.match(noCsrf.body, /保留我写的内容<\/textarea>/);

  // A robot fills the honeypot: thanked, nothing stored.
  const bot = await postComment(citizen, id, {
    contact: '1',
    content: '广告',
    website: 'http://spam.example',
  });
  assert.equal(bot.statusCode, 200);
  // A burst from one address is refused with the input kept.
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push(
      (await postComment(citizen, id, { contact: '1', content: `第${i}次` }, '10.1.1.1')).statusCode,
    );
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  const burst = await postComment(citizen, id, { contact: '1', content: '再来一次' }, '10.1.1.1');
  assert.match(burst.body, /提交过于频繁/);
  assert.match(burst.body, /再来一次<\/textarea>/);
  const after = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(after.comments.length, 6);
  assert.ok(!after.comments.some((c: { content: string }) => c.content === '广告'));
});

test('closed: the server refuses comments after the last day (and after 结束征集), keeping the text', async () => {
  const id = await createOpen({ opensOn: '2026-01-05', plannedLastDay: '2026-02-04' });
  const citizen = await t.anonymous();
  const page = await citizen.get(`/gk/decisions/consultations/${id}`);
  assert.match(page.body, /已于2026年2月4日结束/);
  // A form kept open in a tab and posted after the end.
  const late = await t.app.inject({
    method: 'POST',
    url: `/gk/decisions/consultations/${id}/comments`,
    cookies: { ...citizen.cookies },
    remoteAddress: '10.2.2.2',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: citizen.cookies.gk_csrf ?? '',
      contact: '1',
      content: '迟到的意见',
    }).toString(),
  });
  assert.equal(late.statusCode, 409, late.body);
  assert.match(late.body, /该意见征集已于2026年2月4日结束，不再接收意见/);
  assert.match(late.body, /迟到的意见/);

  const open = await createOpen();
  const closed = await office.send('POST', `/api/decisions/consultations/${open}/close`);
  assert.equal(closed.statusCode, 200);
  assert.equal(closed.json().consultation.phase, 'closed');
  const refused = await postComment(citizen, open, { contact: '1', content: '意见' });
  assert.equal(refused.statusCode, 409);
});

async function xlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----gongkai-decisions';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CAMPAIGN =
  '坚决反对在幸福小区东侧建设垃圾中转站，选址距离居民楼不足五十米，异味和蚊虫将严重影响居民生活，请求重新论证选址。';

test('staff: enter a letter, import .xlsx all or nothing, moderate, group the campaign, feedback on the portal', async () => {
  const id = await createOpen({ opensOn: '2026-02-02', plannedLastDay: '2026-03-04' });
  // Closed on 03-04: still, letters received in time are entered afterwards.
  const entered = await office.send('POST', `/api/decisions/consultations/${id}/comments`, {
    channel: 'letter',
    name: '赵六',
    contact: '济宁市古槐路1号',
    content: '支持本办法。',
    receivedOn: '2026-03-02',
  });
  assert.equal(entered.statusCode, 200, entered.body);

  const noColumn = multipart(await xlsx(['姓名', '内容'], [['张三', '同意']]), '意见.xlsx');
  const refused = await office.send(
    'POST',
    `/api/decisions/consultations/${id}/import`,
    noColumn.body,
    noColumn.headers,
  );
  assert.equal(refused.statusCode, 400, refused.body);
  assert.match(refused.json().error.message, /缺少“意见内容”列/);
  const badRow = multipart(
    await xlsx(
      ['意见内容', '条款'],
      [
        ['同意', ''],
        ['反对', '9'],
      ],
    ),
    '意见.xlsx',
  );
  const bad = await office.send(
    'POST',
    `/api/decisions/consultations/${id}/import`,
    badRow.body,
    badRow.headers,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /第3行：条款“9”不存在.*未导入任何意见/);
  assert.equal((await office.get(`/api/decisions/consultations/${id}`)).json().comments.length, 1);

  const copies = [
    CAMPAIGN,
    CAMPAIGN.replace('幸福小区', '阳光花园'),
    CAMPAIGN.replace('五十米', '40米'),
    `${CAMPAIGN}我家老人有哮喘。`,
    CAMPAIGN.replace('坚决反对', '强烈反对'),
  ];
  const rows = [...copies.map((c) => [c, '']), ['建议公开中转站运行监测数据。', '3']];
  const good = multipart(await xlsx(['意见内容', '条款'], rows), '来信.xlsx');
  const imported = await office.send(
    'POST',
    `/api/decisions/consultations/${id}/import`,
    good.body,
    good.headers,
  );
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal(imported.json().imported, 6);

  const regroup = await office.send('POST', `/api/decisions/consultations/${id}/regroup`);
  assert.deepEqual(regroup.json(), { groups: 1 });
  let detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(detail.groups.length, 1);
  assert.equal(detail.groups[0].size, 5);
  const [first, second] = detail.groups[0].memberIds;

  // Split one out, then merge it back; a regroup keeps staff decisions.
  assert.equal((await office.send('POST', `/api/decisions/comments/${second}/split`)).statusCode, 200);
  await office.send('POST', `/api/decisions/consultations/${id}/regroup`);
  detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(detail.groups[0].size, 4);
  const merge = await office.send('POST', `/api/decisions/consultations/${id}/merge`, {
    into: first,
    from: second,
  });
  assert.equal(merge.statusCode, 200, merge.body);
  detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(detail.groups[0].size, 5);

  // Moderation: a hidden comment needs a reason.
  const letter = detail.comments.find((c: { channel: string }) => c.channel === 'letter');
  const noReason = await office.send('POST', `/api/decisions/comments/${letter.id}/moderate`, {
    status: 'hidden',
  });
  assert.equal(noReason.statusCode, 400);
  for (const c of detail.comments)
    await office.send('POST', `/api/decisions/comments/${c.id}/moderate`, { status: 'published' });

  // Feedback: the group at once; 未采纳 needs its reason.
  const noWhy = await office.send('POST', `/api/decisions/comments/${first}/feedback`, {
    feedback: 'rejected',
  });
  assert.equal(noWhy.statusCode, 400);
  const fb = await office.send('POST', `/api/decisions/comments/${first}/feedback`, {
    feedback: 'rejected',
    reason: '经比选该地块为唯一可用地块，已增加除臭和降噪措施。',
  });
  assert.equal(fb.statusCode, 200, fb.body);
  detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  assert.equal(detail.consultation.feedbackDue, '2026-03-18');
  assert.equal(
    detail.comments.filter((c: { feedback: string | null }) => c.feedback === 'rejected').length,
    5,
  );
  const published = await office.send('POST', `/api/decisions/consultations/${id}/feedback`, {
    summary: '共收到意见7条，经研究采纳情况如下。',
  });
  assert.equal(published.statusCode, 200, published.body);

  const citizen = await t.anonymous();
  const page = (await citizen.get(`/gk/decisions/consultations/${id}`)).body;
  assert.match(page, /意见采纳情况/);
  assert.match(page, /5人提出相同或相近意见（未采纳）/);
  assert.match(page, /经比选该地块为唯一可用地块/);
  // A comment kept off the portal stays off it in the report too.
  const extra = detail.comments.find(
    (c: { content: string }) => c.content === '建议公开中转站运行监测数据。',
  );
  await office.send('POST', `/api/decisions/comments/${extra.id}/moderate`, {
    status: 'hidden',
    reason: '与征集事项无关',
  });
  await office.send('POST', `/api/decisions/comments/${extra.id}/feedback`, { feedback: 'adopted' });
  const after = (await citizen.get(`/gk/decisions/consultations/${id}`)).body;
  assert.doesNotMatch(after, /建议公开中转站运行监测数据/);
  assert.match(after, /该意见经审核不予公开/);
  // Personal data never shown publicly.
  assert.doesNotMatch(page, /赵六|古槐路|李四|13800001111/);
});

test('stats: consultations, comments and adopted per organisation and year', async () => {
  const { decisionsStats } = await import('./stats.ts');
  const [table] = await decisionsStats(t.db, { year: 2026 });
  const row = table?.rows.find((r) => r.key === String(city));
  assert.ok(row);
  assert.ok((row.counts[0] ?? 0) >= 3);
});

test('the feedback deadline is a setting; a closed consultation without its report past it is overdue', async () => {
  const handler = await t.as('t_handler');
  assert.equal(
    (await handler.send('PUT', '/api/decisions/settings', { feedbackWorkingDays: 5 })).statusCode,
    403,
  );
  const bad = await office.send('PUT', '/api/decisions/settings', { feedbackWorkingDays: 0 });
  assert.equal(bad.statusCode, 400);
  const saved = await office.send('PUT', '/api/decisions/settings', { feedbackWorkingDays: 5 });
  assert.deepEqual(saved.json(), { feedbackWorkingDays: 5, canEdit: true });
  // Closed on 2026-02-04 (opened 01-05): 5 working days later is 02-11; today 03-16 is past it.
  const id = await createOpen({ opensOn: '2026-01-05', plannedLastDay: '2026-02-04' });
  const { items } = (await office.get('/api/decisions/consultations')).json();
  const row = items.find((c: { id: number }) => c.id === id);
  assert.deepEqual([row.feedbackDue, row.feedbackOverdue], ['2026-02-11', true]);
});

test('portal: published comments a page at a time, a campaign once with its count, pages without JavaScript', async () => {
  const id = await createOpen({ title: '分页测试：意见较多的意见征集' });
  const row = (i: number, status: 'published' | 'pending', over: Record<string, unknown> = {}) => ({
    consultation_id: id,
    channel: 'portal' as const,
    name: null,
    contact: `1380000${String(i).padStart(4, '0')}`,
    content: `第${i}条独立意见：建议明确停车收费标准。`,
    article: null,
    received_on: '2026-03-16',
    status,
    entered_by: null,
    ...over,
  });
  // 110 published comments, 40 pending, and a campaign of 6 published copies grouped under the first.
  const rows = Array.from({ length: 150 }, (_, i) => row(i + 1, i < 110 ? 'published' : 'pending'));
  await t.db.insertInto('consultation_comments').values(rows).execute();
  const campaign = await t.db
    .insertInto('consultation_comments')
    .values(
      Array.from({ length: 6 }, (_, i) =>
        row(200 + i, 'published', { content: `反对夜间收费（副本${i + 1}）` }),
      ),
    )
    .returning('id')
    .execute();
  const lead = campaign[0]?.id as number;
  await t.db
    .updateTable('consultation_comments')
    .set({ group_id: lead })
    .where(
      'id',
      'in',
      campaign.map((c) => c.id),
    )
    .execute();

  const citizen = await t.anonymous();
  const first = await citizen.get(`/gk/decisions/consultations/${id}`);
  assert.equal(first.statusCode, 200);
  // 111 units: 110 comments and the campaign once.
  assert.match(first.body, /共111条（相同或相近的意见合并显示）/);
  assert.equal((first.body.match(/条独立意见/g) ?? []).length, 50);
  assert.match(first.body, /<span>第1页，共3页<\/span>/);
  assert.match(first.body, /href="\/gk\/decisions\/consultations\/\d+\?page=2#comments" rel="next"/);
  assert.doesNotMatch(first.body, /第111条独立意见|1380000/);
  const last = await citizen.get(`/gk/decisions/consultations/${id}?page=3`);
  assert.equal(last.statusCode, 200);
  assert.equal((last.body.match(/条独立意见/g) ?? []).length, 10);
  assert.match(last.body, /<strong>6人提出相同或相近意见：<\/strong>反对夜间收费（副本1）/);
  assert.doesNotMatch(last.body, /副本2/);
  assert.match(last.body, /<span>第3页，共3页<\/span>/);
  // Past the last page, or a page that is no number: the reader is told how many there are.
  const past = await citizen.get(`/gk/decisions/consultations/${id}?page=9`);
  assert.match(past.body, /共111条/);
  const junk = await citizen.get(`/gk/decisions/consultations/${id}?page=abc`);
  assert.equal(junk.statusCode, 200);
  assert.match(junk.body, /<span>第1页，共3页<\/span>/);
  // The number follows moderation (kept by the trigger of migration 0058): a comment hidden, a copy hidden.
  const first_ = await t.db
    .selectFrom('consultation_comments')
    .select('id')
    .where('consultation_id', '=', id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const hide = (commentId: number) =>
    office.send('POST', `/api/decisions/comments/${commentId}/moderate`, {
      status: 'hidden',
      reason: '与本草案无关',
    });
  assert.equal((await hide(first_.id)).statusCode, 200);
  assert.equal((await hide(campaign[1]?.id as number)).statusCode, 200);
  const after = await citizen.get(`/gk/decisions/consultations/${id}?page=3`);
  assert.match(after.body, /共110条/);
  assert.match(after.body, /<strong>5人提出相同或相近意见：<\/strong>反对夜间收费（副本1）/);
});
