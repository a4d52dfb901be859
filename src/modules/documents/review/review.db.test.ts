import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import {
  actorOf,
  applicationBody,
  orgIdByName,
  registerCase,
  setSignoffChain,
} from '../../../../test/helpers/factories.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { createDocument, publishDocument, reviewDocument, submitDocument } from '../service.ts';
import { attributeReviewQueue, decideAttributeReview } from './service.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let reviewerClient: Client;
let officeActor: Actor;
let admin: Actor;
let city: number;
let education: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  reviewerClient = await t.as('t_reviewer');
  admin = await actorOf(t.db, 't_admin');
  officeActor = await actorOf(t.db, 't_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function withheld(title: string, orgId: number, docNumber: string | null, publishedOn: string) {
  const d = await createDocument(t.db, admin, {
    title,
    docNumber,
    orgId,
    genre: 'notice',
    writtenDate: publishedOn,
    attribute: 'on_request',
    attributeGround: 'art13_scope',
    attributeReason: '仅涉及特定学校',
  });
  await submitDocument(t.db, admin, d.id);
  await reviewDocument(t.db, admin, d.id, { decision: 'approved' });
  await publishDocument(t.db, admin, d.id, { publishedDate: publishedOn }, publishedOn);
  return d.id;
}

test('a withheld document comes up for review after the interval; converted it is public and listed, confirmed it waits another interval', async () => {
  const a = await withheld(
    '关于核定2024年民办学校收费标准的批复',
    education,
    '济教复〔2024〕5号',
    '2024-06-10',
  );
  const b = await withheld('关于某校校舍维修经费的批复', education, '济教复〔2024〕6号', '2024-06-11');
  const row = await t.db
    .selectFrom('documents')
    .select('attribute_review_due')
    .where('id', '=', a)
    .executeTakeFirstOrThrow();
  assert.equal(row.attribute_review_due, '2025-06-10');

  const early = await attributeReviewQueue(t.db, admin, '2025-06-09');
  assert.ok(!early.items.some((i) => i.id === a));
  const due = await attributeReviewQueue(t.db, admin, '2025-06-11');
  assert.deepEqual(
    due.items.filter((i) => i.id === a || i.id === b).map((i) => i.reason),
    ['periodic', 'periodic'],
  );

  // The reviewer of 市教育局 decides through the API.
  const noNotes = await reviewerClient.send('POST', `/api/documents/${b}/attribute-review`, {
    decision: 'confirmed',
  });
  assert.equal(noNotes.statusCode, 400);
  const conv = await reviewerClient.send('POST', `/api/documents/${a}/attribute-review`, {
    decision: 'converted',
    notes: '收费标准已执行，可以公开',
  });
  assert.equal(conv.statusCode, 200, conv.body);
  assert.equal(conv.json().attribute, 'proactive');
  assert.match(conv.json().convertedOn, /^\d{4}-\d{2}-\d{2}$/);
  const conf = await decideAttributeReview(
    t.db,
    admin,
    b,
    { decision: 'confirmed', notes: '仍涉及特定学校' },
    '2025-06-12',
  );
  assert.equal(conf.attributeReviewDue, '2026-06-12');
  assert.equal(conf.attribute, 'on_request');

  const anon = await t.anonymous();
  const converted = (await anon.get('/api/documents/converted')).json();
  assert.deepEqual(
    converted.items.map((i: { id: number }) => i.id),
    [a],
  );
  assert.equal((await anon.get(`/api/documents/public/${a}`)).statusCode, 200);
  assert.equal((await anon.get(`/api/documents/public/${b}`)).statusCode, 404);
  const detail = (await handler.get(`/api/documents/${a}`)).json();
  assert.equal(detail.attributeReviews[0].decisionLabel, '转为主动公开');
  // A proactive document cannot be "reviewed" again.
  const again = await reviewerClient.send('POST', `/api/documents/${a}/attribute-review`, {
    decision: 'converted',
  });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'DOC_ATTRIBUTE_REVIEW_INVALID');
});

test('an application that released a withheld document puts it in the review queue (转主动公开)', async () => {
  const doc = await withheld('关于市直学校教师招聘计划的请示批复', city, '济政字〔2025〕21号', '2025-02-10');
  const id = await registerCase(
    office,
    applicationBody(city, {
      submittedOn: '2025-03-03',
      subject: '教师招聘计划批复',
      docNumber: '济政字[2025]21号',
      description: '请提供该批复全文',
      applicant: { name: '李四' },
    }),
  );
  const step = async (body: Record<string, unknown>) => {
    const r = await office.send('POST', `/api/requests/${id}/actions`, body);
    assert.equal(r.statusCode, 200, r.body);
  };
  await step({ action: 'reply', on: '2025-03-10', outcome: 'DISCLOSE', text: '予以公开' });
  const flag = await office.send('POST', `/api/requests/${id}/release-flag`, {
    note: '多人申请，建议主动公开',
  });
  assert.equal(flag.statusCode, 200, flag.body);

  // Not yet due by the interval, but in the queue because an application released it.
  const q = await attributeReviewQueue(t.db, officeActor, '2025-03-11');
  const item = q.items.find((i) => i.id === doc);
  assert.ok(item, 'released document in the queue');
  assert.equal(item.reason, 'request');
  assert.equal(item.releasedBy[0]?.requestId, id);
  const api = (await office.get('/api/documents/attribute-reviews')).json();
  assert.ok(api.items.some((i: { id: number }) => i.id === doc));
});
