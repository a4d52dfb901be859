import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { actorOf, orgIdByName } from '../../../../test/helpers/factories.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { saveInterpretation } from '../content.service.ts';
import { createDocument, publishDocument, reviewDocument, submitDocument } from '../service.ts';
import { addRelation, applyDueRelations, versionInForce } from './service.ts';

let t: TestApp;
let admin: Actor;
let city: number;
let approverClient: Client;

before(async () => {
  t = await createTestApp();
  admin = await actorOf(t.db, 't_admin');
  city = await orgIdByName(t.db, '济宁市人民政府');
  approverClient = await t.as('t_admin');
});
after(() => t.close());

/** A published proactive document (with an interpretation when policy needs one). */
async function published(
  title: string,
  genre: string,
  written: string,
  effective: string | null,
  body = '<p>正文</p>',
) {
  const d = await createDocument(t.db, admin, {
    title,
    orgId: city,
    genre,
    writtenDate: written,
    effectiveDate: effective,
    attribute: 'proactive',
    bodyHtml: body,
  });
  await saveInterpretation(t.db, admin, d.id, null, {
    kind: 'text',
    title: `${title}解读`,
    bodyHtml: '<p>解读</p>',
  });
  await submitDocument(t.db, admin, d.id);
  await reviewDocument(t.db, admin, d.id, { decision: 'approved', notes: '' });
  await publishDocument(t.db, admin, d.id, { publishedDate: written }, written);
  return d.id;
}

const validity = async (id: number) =>
  t.db
    .selectFrom('documents')
    .select(['validity', 'validity_changed_on'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test('a relation whose effective date has passed changes the old document at once', async () => {
  const old = await published('济宁市政府信息公开办法', 'measures', '2020-01-10', '2020-02-01');
  const neu = await published('济宁市政府信息公开实施办法', 'measures', '2024-05-10', '2024-06-01');
  await addRelation(t.db, admin, neu, { targetId: old, kind: 'repeals' }, '2025-01-01');
  assert.deepEqual(await validity(old), { validity: 'repealed', validity_changed_on: '2024-06-01' });
  const detail = (await approverClient.get(`/api/documents/${old}`)).json();
  assert.equal(detail.validityLabel, '已废止');
  assert.equal(detail.relations.incoming[0].document.id, neu);
  assert.equal(detail.relations.incoming[0].kindLabel, '废止');
});

test('a future effective date waits for the daily job, which applies it on that day only', async () => {
  const old = await published('济宁市养老服务补贴办法', 'measures', '2021-03-01', '2021-04-01');
  const neu = await published('济宁市养老服务补贴管理办法', 'measures', '2025-05-01', '2025-07-01');
  await addRelation(t.db, admin, neu, { targetId: old, kind: 'replaces' }, '2025-05-02');
  assert.equal((await validity(old)).validity, 'valid');
  assert.equal(await applyDueRelations(t.db, '2025-06-30'), 0);
  assert.equal((await validity(old)).validity, 'valid');
  assert.equal(await applyDueRelations(t.db, '2025-07-01'), 1);
  assert.deepEqual(await validity(old), { validity: 'expired', validity_changed_on: '2025-07-01' });
  assert.equal(await applyDueRelations(t.db, '2025-07-02'), 0, 'applied once');
});

test('an amended 规章 keeps its prior text; the version in force on a date is the right one', async () => {
  const rule = await published(
    '济宁市城市绿化管理办法',
    'rule',
    '2019-03-01',
    '2019-05-01',
    '<p>第一条 原文本。</p>',
  );
  const amending = await published(
    '济宁市人民政府关于修改《济宁市城市绿化管理办法》的决定',
    'decision',
    '2023-08-01',
    '2023-10-01',
  );
  await addRelation(
    t.db,
    admin,
    amending,
    { targetId: rule, kind: 'amends', newTargetBodyHtml: '<p>第一条 修改后文本。</p>' },
    '2023-10-05',
  );
  const v2019 = await versionInForce(t.db, rule, '2020-06-01');
  assert.equal(v2019.inForce, true);
  assert.ok(v2019.inForce && !v2019.current);
  assert.match(v2019.inForce ? v2019.bodyHtml : '', /原文本/);
  const v2024 = await versionInForce(t.db, rule, '2024-01-01');
  assert.ok(v2024.inForce && v2024.current);
  assert.match(v2024.inForce ? v2024.bodyHtml : '', /修改后文本/);
  const before = await versionInForce(t.db, rule, '2019-04-01');
  assert.equal(before.inForce, false);
  // The day before the amendment still the old text; on the day the new one.
  const dayBefore = await versionInForce(t.db, rule, '2023-09-30');
  const onDay = await versionInForce(t.db, rule, '2023-10-01');
  assert.ok(dayBefore.inForce && !dayBefore.current);
  assert.ok(onDay.inForce && onDay.current);
  assert.equal((await validity(rule)).validity, 'amended');
  const res = await approverClient.get(`/api/documents/${rule}/version?date=2020-06-01`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().versionNo, 1);
  const pub = await (await t.anonymous()).get(`/api/documents/${rule}/version?date=2024-01-01`);
  assert.equal(pub.json().current, true);
});

test('a repealed document is not in force after the repeal; bad relations are refused', async () => {
  const old = await published('济宁市公共资源交易办法', 'measures', '2019-06-01', '2019-07-01');
  const neu = await published('济宁市公共资源交易管理办法', 'measures', '2024-02-01', '2024-03-01');
  await addRelation(t.db, admin, neu, { targetId: old, kind: 'repeals' }, '2024-12-01');
  const after = await versionInForce(t.db, old, '2024-06-01');
  assert.equal(after.inForce, false);
  assert.match(after.inForce ? '' : after.message, /已废止/);
  assert.equal((await versionInForce(t.db, old, '2022-06-01')).inForce, true);
  const again = await approverClient.send('POST', `/api/documents/${neu}/relations`, {
    targetId: old,
    kind: 'repeals',
  });
  assert.equal(again.statusCode, 400);
  const self = await approverClient.send('POST', `/api/documents/${neu}/relations`, {
    targetId: neu,
    kind: 'amends',
  });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.code, 'DOC_RELATION_INVALID');
  const backwards = await approverClient.send('POST', `/api/documents/${old}/relations`, {
    targetId: neu,
    kind: 'amends',
    effectiveDate: '2024-05-01',
  });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.json().error.message, /早于本文件/);
});

test('a draft that repeals or amends a published document changes nothing until it is published', async () => {
  const old = await published('济宁市政务公开工作规则', 'measures', '2021-01-10', '2021-02-01');
  const rule = await published(
    '济宁市档案管理办法',
    'rule',
    '2018-03-01',
    '2018-05-01',
    '<p>第一条 旧文本。</p>',
  );
  const draft = async (title: string) =>
    (
      await createDocument(t.db, admin, {
        title,
        orgId: city,
        genre: 'decision',
        writtenDate: '2026-02-01',
        effectiveDate: '2026-03-01',
        attribute: 'proactive',
        bodyHtml: '<p>正文</p>',
      })
    ).id;
  const repealing = await draft('济宁市人民政府关于废止《济宁市政务公开工作规则》的决定');
  const amending = await draft('济宁市人民政府关于修改《济宁市档案管理办法》的决定');
  // Effective dates long passed: a published document would change at once; a draft must not.
  await addRelation(t.db, admin, repealing, { targetId: old, kind: 'repeals' }, '2026-03-16');
  await addRelation(
    t.db,
    admin,
    amending,
    { targetId: rule, kind: 'amends', newTargetBodyHtml: '<p>第一条 新文本。</p>' },
    '2026-03-16',
  );
  assert.equal(await applyDueRelations(t.db, '2026-03-16'), 0, 'the daily job leaves drafts alone');
  assert.equal((await validity(old)).validity, 'valid');
  assert.equal((await validity(rule)).validity, 'valid');
  const ruleNow = await versionInForce(t.db, rule, '2026-03-16');
  assert.match(ruleNow.inForce ? ruleNow.bodyHtml : '', /旧文本/);
  const portal = await (await t.anonymous()).get(`/gk/documents/${old}`);
  assert.equal(portal.statusCode, 200);
  assert.match(portal.body, /济宁市政务公开工作规则/);
  assert.doesNotMatch(portal.body, /已废止|废止《/);

  // Published, each takes effect on its effective date (already passed): at once.
  for (const id of [repealing, amending]) {
    await saveInterpretation(t.db, admin, id, null, { kind: 'text', title: '解读', bodyHtml: '<p>解读</p>' });
    await submitDocument(t.db, admin, id);
    await reviewDocument(t.db, admin, id, { decision: 'approved', notes: '' });
    await publishDocument(t.db, admin, id, { publishedDate: '2026-03-16' }, '2026-03-16');
  }
  assert.deepEqual(await validity(old), { validity: 'repealed', validity_changed_on: '2026-03-01' });
  assert.equal((await validity(rule)).validity, 'amended');
  const ruleAfter = await versionInForce(t.db, rule, '2026-03-16');
  assert.match(ruleAfter.inForce ? ruleAfter.bodyHtml : '', /新文本/);
  const ruleBefore = await versionInForce(t.db, rule, '2026-02-28');
  assert.match(ruleBefore.inForce ? ruleBefore.bodyHtml : '', /旧文本/);
});
