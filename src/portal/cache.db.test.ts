/**
 * The public page cache in the whole app (`platform/http/page-cache.ts`, `portal/cache-areas.ts`): what it
 * keeps and for whom, the visitor's CSRF token in cached forms, single flight, and that a change made
 * through the services shows at once on pages already cached, while a write that changes nothing public
 * leaves them cached.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { TEST_TODAY } from '../../test/helpers/clock.ts';
import { applicationBody, orgIdByName } from '../../test/helpers/factories.ts';
import { CACHE_STATUS_HEADER } from '../platform/http/page-cache.ts';

let t: TestApp;
let anon: Client;
let office: Client;
let city: number;
let education: number;

before(async () => {
  t = await createTestApp({ pageCache: true });
  anon = await t.anonymous();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

const cacheStatus = (res: LightMyRequestResponse) => res.headers[CACHE_STATUS_HEADER];

function csrfField(html: string): string {
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(html);
  assert.ok(m, 'the form carries a CSRF field');
  return m[1] as string;
}

/** A document created, reviewed and published through the API; returns its id. */
async function publishDocument(title: string): Promise<number> {
  const handler = await t.as('t_handler');
  const reviewer = await t.as('t_reviewer');
  const approver = await t.as('t_approver');
  const created = await handler.send('POST', '/api/documents', {
    title,
    docNumber: null,
    orgId: education,
    genre: 'notice',
    topic: 'scitech',
    keywords: ['缓存'],
    attribute: 'proactive',
    bodyHtml: '<p>现将有关事项通知如下。</p>',
    writtenDate: '2026-03-10',
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as number;
  const submitted = await handler.send('POST', `/api/documents/${id}/submit`);
  assert.equal(submitted.statusCode, 200, submitted.body);
  const reviewed = await reviewer.send('POST', `/api/documents/${id}/review`, { decision: 'approved' });
  assert.equal(reviewed.statusCode, 200, reviewed.body);
  const published = await approver.send('POST', `/api/documents/${id}/publish`, {
    publishedDate: TEST_TODAY,
    confirmed: true,
  });
  assert.equal(published.statusCode, 200, published.body);
  return id;
}

async function openConsultation(title: string): Promise<number> {
  const res = await office.send('POST', '/api/decisions/consultations', {
    orgId: city,
    title,
    draft: '第一条 为了规范管理，制定本办法。\n第二条 本办法自发布之日起施行。',
    explanation: '起草说明。',
    channels: '电子邮件：zq@example.gov.cn',
    opensOn: TEST_TODAY,
    plannedLastDay: '2026-04-15',
  });
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json().consultation.id as number;
  assert.equal((await office.send('POST', `/api/decisions/consultations/${id}/publish`)).statusCode, 200);
  return id;
}

test('an anonymous page is rendered once and then served from the cache; elderly mode and signed-in staff apart', async () => {
  const first = await anon.get('/gk/guide');
  assert.equal(first.statusCode, 200);
  assert.equal(cacheStatus(first), 'miss');
  const second = await anon.get('/gk/guide');
  assert.equal(cacheStatus(second), 'hit');
  assert.equal(second.body, first.body);
  assert.equal(second.headers.vary, 'Cookie');
  assert.ok(second.headers['content-security-policy'], 'the security headers as on every response');

  const elderly = await t.app.inject({ url: '/gk/guide', cookies: { ...anon.cookies, gk_elderly: '1' } });
  assert.equal(cacheStatus(elderly), 'miss', 'elderly mode is another page');
  assert.notEqual(elderly.body, first.body);
  const elderlyAgain = await t.app.inject({
    url: '/gk/guide',
    cookies: { ...anon.cookies, gk_elderly: '1' },
  });
  assert.equal(cacheStatus(elderlyAgain), 'hit');
  assert.equal(elderlyAgain.body, elderly.body);

  const staff = await office.get('/gk/guide');
  assert.equal(staff.statusCode, 200);
  assert.equal(cacheStatus(staff), undefined, 'a signed-in request is neither served nor stored');

  // Under a site's prefix: links keep the prefix on a cached page too.
  const county = await anon.get('/s/370832/gk/guide');
  const countyAgain = await anon.get('/s/370832/gk/guide');
  assert.equal(cacheStatus(countyAgain), 'hit');
  assert.equal(countyAgain.body, county.body);
  assert.match(countyAgain.body, /href="\/s\/370832\/gk\/documents"/);
  assert.doesNotMatch(countyAgain.body, /href="\/s\/370832\/s\/370832/);

  // Not cached: API, tracking pages, HEAD, not-found pages.
  assert.equal(cacheStatus(await anon.get('/api/auth/me')), undefined);
  assert.equal(cacheStatus(await anon.get('/gk/apply/track')), undefined);
  await anon.get('/gk/no-such-page');
  assert.equal(cacheStatus(await anon.get('/gk/no-such-page')), undefined);
});

test('a cached form carries each visitor’s own CSRF token, never another’s', async () => {
  const id = await openConsultation('缓存测试管理办法（征求意见稿）');
  const url = `/gk/decisions/consultations/${id}`;
  const a = await t.anonymous();
  const b = await t.anonymous();
  const pageA = await a.get(url);
  assert.equal(pageA.statusCode, 200, pageA.body);
  assert.equal(cacheStatus(pageA), 'miss');
  assert.equal(csrfField(pageA.body), a.cookies.gk_csrf);
  const pageB = await b.get(url);
  assert.equal(cacheStatus(pageB), 'hit');
  assert.equal(csrfField(pageB.body), b.cookies.gk_csrf);
  assert.notEqual(a.cookies.gk_csrf, b.cookies.gk_csrf);
  assert.ok(!pageB.body.includes(a.cookies.gk_csrf as string), 'no trace of the first visitor’s token');
  assert.equal(pageB.headers['cache-control'], 'private, no-cache');

  // A first visit (no cookie yet): the cookie is issued and the page carries it; no shared cache keeps it.
  const fresh = await t.app.inject({ url });
  assert.equal(cacheStatus(fresh), 'hit');
  const issued = fresh.cookies.find((c) => c.name === 'gk_csrf');
  assert.ok(issued);
  assert.equal(csrfField(fresh.body), issued.value);
  assert.match(String(fresh.headers['cache-control']), /^private/);

  // The token taken from a cached page is accepted by the form.
  const posted = await t.app.inject({
    method: 'POST',
    url: `${url}/comments`,
    cookies: { ...b.cookies },
    remoteAddress: '10.9.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: csrfField(pageB.body),
      name: '李四',
      contact: '13800000000',
      content: '建议增加夜间停车位。',
    }).toString(),
  });
  assert.notEqual(posted.statusCode, 403, posted.body);
  assert.doesNotMatch(posted.body, /安全校验|CSRF/);
  const count = await t.db
    .selectFrom('consultation_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1, 'the comment was taken');
  // It waits for moderation: the page is still served from the cache.
  assert.equal(cacheStatus(await b.get(url)), 'hit');
});

test('concurrent requests for a page not yet cached render it once', async () => {
  const url = '/gk/documents/search?q=%E6%8B%9B%E7%94%9F';
  const responses = await Promise.all(Array.from({ length: 6 }, () => anon.get(url)));
  const statuses = responses.map(cacheStatus).sort();
  assert.deepEqual(statuses, ['hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
  for (const r of responses) assert.equal(r.body, responses[0]?.body);
});

test('documents: a publish and a change of validity show at once on cached pages', async () => {
  const title = '关于页面缓存刷新测试工作的通知';
  const search = `/gk/documents/search?q=${encodeURIComponent('页面缓存刷新测试')}`;
  await anon.get(search);
  const before = await anon.get(search);
  assert.equal(cacheStatus(before), 'hit');
  assert.ok(!before.body.includes(title));
  await anon.get('/gk/documents');
  assert.equal(cacheStatus(await anon.get('/gk/documents')), 'hit');

  const id = await publishDocument(title);
  const after = await anon.get(search);
  assert.equal(cacheStatus(after), 'miss', 'rendered afresh');
  assert.ok(after.body.includes(title), 'the published document is found');
  assert.ok((await anon.get('/gk/documents')).body.includes(title), 'and listed in the column');

  const page = await anon.get(`/gk/documents/${id}`);
  assert.equal(page.statusCode, 200);
  assert.equal(cacheStatus(await anon.get(`/gk/documents/${id}`)), 'hit');
  assert.doesNotMatch(page.body, /已废止/);
  const repeal = await office.send('POST', `/api/documents/${id}/validity`, {
    validity: 'repealed',
    on: TEST_TODAY,
  });
  assert.equal(repeal.statusCode, 200, repeal.body);
  assert.match((await anon.get(`/gk/documents/${id}`)).body, /已废止/);

  // An organisation renamed (the site area): its name on the cached document page follows.
  assert.equal(cacheStatus(await anon.get(`/gk/documents/${id}`)), 'hit');
  const admin = await t.as('t_admin');
  const renamed = await admin.send('PATCH', `/api/orgs/${education}`, { name: '市教育和体育局' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.match((await anon.get(`/gk/documents/${id}`)).body, /市教育和体育局/);
  assert.equal((await admin.send('PATCH', `/api/orgs/${education}`, { name: '市教育局' })).statusCode, 200);
});

test('qa: a reviewed question published to the library shows at once', async () => {
  const documentId = await publishDocument('关于普惠性幼儿园认定缓存测试的通知');
  await anon.get('/gk/qa'); // the first visit may build the answer index (a change of the qa area)
  await anon.get('/gk/qa');
  assert.equal(cacheStatus(await anon.get('/gk/qa')), 'hit');
  const handler = await t.as('t_handler');
  const reviewer = await t.as('t_reviewer');
  const created = await handler.send('POST', '/api/qa/pairs', {
    question: '缓存测试：普惠性幼儿园是谁认定的？',
    answer: '由县级教育行政部门认定。',
    documentId,
    clause: '第二条',
    topics: ['学前教育'],
  });
  assert.equal(created.statusCode, 200, created.body);
  const pair = created.json().id as number;
  assert.equal((await handler.send('POST', `/api/qa/pairs/${pair}/submit`)).statusCode, 200);
  assert.equal((await reviewer.send('POST', `/api/qa/pairs/${pair}/approve`)).json().status, 'published');
  assert.match((await anon.get('/gk/qa')).body, /缓存测试：普惠性幼儿园是谁认定的？/);
});

test('decisions: a published consultation and a moderated comment show at once', async () => {
  await anon.get('/gk/decisions');
  assert.equal(cacheStatus(await anon.get('/gk/decisions')), 'hit');
  const title = '缓存刷新停车管理办法（征求意见稿）';
  const id = await openConsultation(title);
  assert.ok((await anon.get('/gk/decisions')).body.includes(title), 'the column lists it at once');

  const url = `/gk/decisions/consultations/${id}`;
  await anon.get(url);
  assert.equal(cacheStatus(await anon.get(url)), 'hit');
  const entered = await office.send('POST', `/api/decisions/consultations/${id}/comments`, {
    channel: 'letter',
    name: '赵六',
    contact: '济宁市古槐路1号',
    content: '建议缓存测试意见公开显示。',
    receivedOn: TEST_TODAY,
  });
  assert.equal(entered.statusCode, 200, entered.body);
  const detail = (await office.get(`/api/decisions/consultations/${id}`)).json();
  const comment = detail.comments[0] as { id: number };
  const moderated = await office.send('POST', `/api/decisions/comments/${comment.id}/moderate`, {
    status: 'published',
  });
  assert.equal(moderated.statusCode, 200, moderated.body);
  assert.ok((await anon.get(url)).body.includes('建议缓存测试意见公开显示。'));
});

test('standards: a new catalogue item shows at once on the cached catalogue', async () => {
  const url = `/gk/standards?area=${encodeURIComponent('财政预决算')}`;
  await anon.get(url);
  const before = await anon.get(url);
  assert.equal(before.statusCode, 200);
  assert.equal(cacheStatus(before), 'hit');
  assert.doesNotMatch(before.body, /缓存测试预算事项/);
  const created = await office.send('POST', '/api/standards/items', {
    orgId: city,
    area: '财政预决算',
    matter: '财政预决算',
    subMatter: '缓存测试预算事项',
    content: '一般公共预算',
    timeLimit: '每月',
    linkPath: '/gk/documents',
    verifiedOn: TEST_TODAY,
  });
  assert.equal(created.statusCode, 200, created.body);
  assert.match((await anon.get(url)).body, /缓存测试预算事项/);
});

test('duties: a proposal’s published reply shows at once in the cached column', async () => {
  await anon.get('/gk/proposals');
  assert.equal(cacheStatus(await anon.get('/gk/proposals')), 'hit');
  const handler = await t.as('t_handler');
  const proposal = {
    orgId: education,
    title: '关于缓存测试增加学位的建议',
    occurredOn: '2026-02-02',
    kind: 'suggestion',
    number: '第0999号',
    deputy: '王某某',
    dueOn: '2026-05-02',
  };
  const created = await handler.send('POST', '/api/duties/proposals', proposal);
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(cacheStatus(await anon.get('/gk/proposals')), 'miss', 'a new record may change the column');
  assert.doesNotMatch(
    (await anon.get('/gk/proposals')).body,
    /关于缓存测试增加学位的建议/,
    'not yet published',
  );
  const published = await handler.send('PUT', `/api/duties/proposals/${created.json().id}`, {
    ...proposal,
    reply: '新增学位1800个。',
    repliedOn: '2026-03-10',
    satisfaction: 'satisfied',
    publication: 'full',
    publishedOn: '2026-03-12',
  });
  assert.equal(published.statusCode, 200, published.body);
  assert.match((await anon.get('/gk/proposals')).body, /关于缓存测试增加学位的建议/);
});

test('site: a renamed site shows at once on its cached pages', async () => {
  await anon.get('/');
  assert.equal(cacheStatus(await anon.get('/')), 'hit');
  const admin = await t.as('t_admin');
  const saved = await admin.send('PUT', `/api/sites/${city}`, {
    siteName: '济宁市缓存测试门户',
    sponsor: '济宁市人民政府办公室',
    officePhone: null,
    officeAddress: null,
    officeHours: null,
    siteCode: null,
    icpRecord: null,
    policeRecord: null,
    logoFileId: null,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const home = await anon.get('/');
  assert.equal(cacheStatus(home), 'miss');
  assert.match(home.body, /济宁市缓存测试门户/);
});

test('an application, a login and other writes that change nothing public keep the pages cached', async () => {
  await anon.get('/');
  await anon.get('/gk/documents');
  assert.equal(cacheStatus(await anon.get('/')), 'hit');
  const submitted = await office.send(
    'POST',
    '/api/requests',
    applicationBody(city, { description: '请提供缓存测试文件', applicant: { email: 'c@example.com' } }),
  );
  assert.equal(submitted.statusCode, 200, submitted.body);
  const handler = await t.as('t_handler'); // a login
  assert.equal(cacheStatus(await anon.get('/')), 'hit');
  assert.equal(cacheStatus(await anon.get('/gk/documents')), 'hit');

  // A draft saved, edited and sent for review is not on the portal: the library's pages stay cached.
  const draft = await handler.send('POST', '/api/documents', {
    title: '关于缓存草稿测试的通知',
    docNumber: null,
    orgId: education,
    genre: 'notice',
    topic: 'scitech',
    keywords: ['缓存'],
    attribute: 'proactive',
    bodyHtml: '<p>草稿。</p>',
    writtenDate: '2026-03-10',
  });
  assert.equal(draft.statusCode, 200, draft.body);
  const id = draft.json().id as number;
  assert.equal(
    (await handler.send('PATCH', `/api/documents/${id}`, { summary: '草稿摘要' })).statusCode,
    200,
  );
  assert.equal((await handler.send('POST', `/api/documents/${id}/submit`)).statusCode, 200);
  assert.equal(cacheStatus(await anon.get('/gk/documents')), 'hit');
});
