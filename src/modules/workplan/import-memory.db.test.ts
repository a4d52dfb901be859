/** 工作台账导入: the unit mappings an office chose are remembered per importing organisation; a county's
 * table never gets the city's namesake suggested. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let zoucheng: number;
let qufu: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  qufu = await orgIdByName(t.db, '曲阜市人民政府');
});
after(() => t.close());

function multipart(fields: Record<string, string>, text: string) {
  const boundary = '----gkmemory';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="plan.txt"\r\ncontent-type: text/plain\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const TABLE = [
  '附件',
  '序号\t工作任务\t责任单位\t完成时限',
  '1\t做好财政信息公开\t邹城市财政局、财政局\t2025年6月底前',
  '2\t做好园区信息公开\t邹城高新区\t2025年9月底前',
].join('\n');

type Unit = {
  name: string;
  orgId: number | null;
  orgName: string | null;
  via: string | null;
  group: boolean;
};

async function units(orgId: number): Promise<Map<string, Unit>> {
  const m = multipart({ orgId: String(orgId), year: '2025' }, TABLE);
  const res = await office.send('POST', '/api/workplan/import/preview', m.body, m.headers);
  assert.equal(res.statusCode, 200, res.body);
  return new Map(res.json().units.map((u: Unit) => [u.name, u]));
}

const task = (seq: number, resp: string[]) => ({
  seq,
  section: null,
  task: `任务${seq}`,
  leadUnits: [],
  responsibleUnits: resp,
  requirement: `要求${seq}`,
  deadlineRaw: null,
  due: null,
  recurring: false,
});

test('a county’s 邹城市财政局 is never suggested as the city’s 市财政局', async () => {
  const u = await units(zoucheng);
  assert.equal(u.get('邹城市财政局')?.orgId, null, JSON.stringify(u.get('邹城市财政局')));
  assert.equal(u.get('财政局')?.orgId, null, JSON.stringify(u.get('财政局')));
});

test('the mappings an office chose come back on its next import, whatever another county chose', async () => {
  const save = (orgId: number, title: string, body: object) =>
    office.send('POST', '/api/workplan/plans', {
      orgId,
      year: 2025,
      title,
      tasks: [task(1, ['邹城市财政局', '财政局']), task(2, ['邹城高新区'])],
      ...body,
    });
  const bureau = async () => orgIdByName(t.db, '邹城市财政局');
  // Created first, then 财政局 mapped to it.
  const created = await office.send('POST', '/api/workplan/plans', {
    orgId: zoucheng,
    year: 2025,
    title: '邹城市2025年政务公开工作要点',
    tasks: [task(1, ['邹城市财政局']), task(2, ['邹城高新区'])],
    createUnits: [{ name: '邹城市财政局', parentOrgId: zoucheng, kind: 'department' }],
    groupNames: ['邹城高新区'],
  });
  assert.equal(created.statusCode, 200, created.body);
  const mapped = await save(zoucheng, '邹城市2025年政务公开重点任务', {
    unitMappings: [{ name: '财政局', orgId: await bureau() }],
  });
  assert.equal(mapped.statusCode, 200, mapped.body);
  // Another county writes 财政局 for its own bureau.
  const qufuPlan = await office.send('POST', '/api/workplan/plans', {
    orgId: qufu,
    year: 2025,
    title: '曲阜市2025年政务公开工作要点',
    tasks: [task(1, ['财政局'])],
    createUnits: [{ name: '财政局', parentOrgId: qufu, kind: 'department' }],
  });
  assert.equal(qufuPlan.statusCode, 200, qufuPlan.body);

  const again = await units(zoucheng);
  assert.deepEqual(
    [again.get('财政局')?.orgId, again.get('财政局')?.via],
    [await bureau(), 'alias'],
    '邹城’s own choice, not 曲阜’s',
  );
  assert.equal(again.get('邹城市财政局')?.orgId, await bureau());
  assert.equal(again.get('邹城高新区')?.group, true, 'the group name chosen once is a group name again');
});
