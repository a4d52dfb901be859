import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { actorOf, orgIdByName } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../platform/http/session.ts';
import { remindPublicationDeadlines } from './reminders.ts';
import { createDocument } from './service.ts';

let t: TestApp;
let handler: Actor;
let education: number;

before(async () => {
  t = await createTestApp();
  handler = await actorOf(t.db, 't_handler');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

const notes = () =>
  t.db
    .selectFrom('notifications')
    .select(['kind', 'subject_id', 'due_on', 'title', 'body'])
    .where('user_id', '=', handler.id)
    .orderBy('id')
    .execute();

test('the drafter is reminded of the Art. 26 deadline before, on and after it; a missing calendar year is said, not guessed', async () => {
  const d = await createDocument(t.db, handler, {
    title: '关于做好春季开学工作的通知',
    orgId: education,
    genre: 'notice',
    writtenDate: '2025-03-03',
    attribute: 'proactive',
  });
  const far = await createDocument(t.db, handler, {
    title: '关于2031年工作的通知',
    orgId: education,
    genre: 'notice',
    writtenDate: '2031-03-03',
    attribute: 'proactive',
  });
  // Undetermined drafts are not reminded (the deadline applies to proactive information).
  await createDocument(t.db, handler, {
    title: '未定属性',
    orgId: education,
    genre: 'notice',
    writtenDate: '2025-03-03',
  });

  await remindPublicationDeadlines(t.db, '2025-03-20'); // 7 working days left: nothing for d
  assert.deepEqual(
    (await notes()).filter((n) => n.subject_id === String(d.id)),
    [],
  );
  await remindPublicationDeadlines(t.db, '2025-03-24'); // 5 left
  await remindPublicationDeadlines(t.db, '2025-03-24'); // repeated run: no duplicate
  await remindPublicationDeadlines(t.db, '2025-04-01'); // 1 working day over
  const mine = (await notes()).filter((n) => n.subject_id === String(d.id));
  assert.deepEqual(
    mine.map((n) => n.kind),
    ['document.publish_due.5', 'document.publish_overdue'],
  );
  assert.equal(mine[0]?.due_on, '2025-03-31');
  assert.match(mine[0]?.body ?? '', /2025年3月31日前公开（还剩5个工作日）/);
  const missing = (await notes()).filter((n) => n.subject_id === String(far.id));
  assert.equal(missing.length, 1);
  assert.equal(missing[0]?.kind, 'document.calendar_missing');
  assert.match(missing[0]?.body ?? '', /2031年的节假日安排尚未录入/);
});
