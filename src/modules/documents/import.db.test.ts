import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { BROKEN_PDF, makeDocx, makePdf, makeXlsx } from './testing.ts';

let t: TestApp;
let office: Client;
let handler: Client;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
});
after(() => t.close());

function multipart(parts: { field: string; name: string; bytes: Uint8Array }[]) {
  const boundary = '----gk-import-test';
  const body = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(p.bytes),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('bulk import: good files become historical documents with an undetermined attribute; a broken file and bad rows are reported, the rest imported', async () => {
  const metadata = await makeXlsx([
    ['标题', '文号', '发文机关', '成文日期', '文件名', '体裁', '公开属性'],
    [
      '关于加强校园安全管理的通知',
      '济教发〔2018〕12号',
      '市教育局',
      '2018年3月5日',
      '校园安全.docx',
      '通知',
      '',
    ],
    [
      '2018年教育工作要点',
      '',
      '市教育局',
      new Date(Date.UTC(2018, 1, 20)),
      '工作要点.pdf',
      '其他文件',
      '主动公开',
    ],
    ['损坏的文件', '济教发〔2018〕13号', '市教育局', '2018-04-01', '损坏.pdf', '', ''],
    ['文号错误的文件', '济教发2018年14号', '市教育局', '2018-04-02', '文号错误.docx', '', ''],
    ['机关不存在', '', '某某局', '2018-04-03', '校园安全.docx', '', ''],
    ['缺文件', '', '市教育局', '2018-04-04', '不存在.pdf', '', ''],
  ]);
  const { body, headers } = multipart([
    { field: 'metadata', name: '目录.xlsx', bytes: metadata },
    {
      field: 'files',
      name: '校园安全.docx',
      bytes: await makeDocx(['关于加强校园安全管理的通知', '各学校要落实安全责任制。']),
    },
    {
      field: 'files',
      name: '工作要点.pdf',
      bytes: await makePdf(['2018年教育工作要点', '推进义务教育均衡发展']),
    },
    { field: 'files', name: '损坏.pdf', bytes: BROKEN_PDF },
    { field: 'files', name: '文号错误.docx', bytes: await makeDocx(['正文']) },
    { field: 'files', name: '多余.docx', bytes: await makeDocx(['没有元数据']) },
  ]);
  assert.equal((await handler.send('POST', '/api/documents/import', body, headers)).statusCode, 403);
  const res = await office.send('POST', '/api/documents/import', body, headers);
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.deepEqual(
    r.created.map((c: { title: string }) => c.title),
    ['关于加强校园安全管理的通知', '2018年教育工作要点'],
  );
  const errors = Object.fromEntries(
    r.errors.map((e: { file: string; row: number | null; message: string }) => [
      `${e.row}:${e.file}`,
      e.message,
    ]),
  );
  assert.match(errors['4:损坏.pdf'], /PDF文件已损坏/);
  assert.match(errors['5:文号错误.docx'], /文号.*六角括号/);
  assert.match(errors['6:校园安全.docx'], /发文机关“某某局”不存在/);
  assert.match(errors['7:不存在.pdf'], /未找到文件/);
  assert.match(errors['null:多余.docx'], /元数据表中没有该文件/);
  assert.equal(r.errors.length, 5);

  const [first, second] = r.created as { id: number }[];
  const d1 = (await office.get(`/api/documents/${first?.id}`)).json();
  assert.equal(d1.historical, true);
  assert.equal(d1.status, 'published');
  assert.equal(d1.writtenDate, '2018-03-05');
  assert.equal(d1.docNumber, '济教发〔2018〕12号');
  assert.equal(d1.attribute, null);
  assert.equal(d1.attributeLabel, '未确定');
  assert.match(d1.bodyHtml, /落实安全责任制/);
  assert.equal(d1.attachments[0].name, '校园安全.docx');
  const d2 = (await office.get(`/api/documents/${second?.id}`)).json();
  assert.equal(d2.writtenDate, '2018-02-20');
  assert.equal(d2.genre, 'other');
  assert.equal(d2.attribute, 'proactive');

  // The undetermined queue holds the first; determining its attribute takes it out.
  const q = (await office.get('/api/documents/undetermined')).json();
  assert.deepEqual(
    q.items.map((i: { id: number }) => i.id),
    [first?.id],
  );
  const set = await office.send('PUT', `/api/documents/${first?.id}/attribute`, { attribute: 'not_public' });
  assert.equal(set.statusCode, 400);
  assert.equal(set.json().error.code, 'DOC_GROUND_REQUIRED');
  const ok = await office.send('PUT', `/api/documents/${first?.id}/attribute`, { attribute: 'proactive' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await office.get('/api/documents/undetermined')).json().total, 0);
});

test('a metadata sheet without the required columns is refused as a whole', async () => {
  const { body, headers } = multipart([
    { field: 'metadata', name: 'x.xlsx', bytes: await makeXlsx([['名称', '日期']]) },
  ]);
  const res = await office.send('POST', '/api/documents/import', body, headers);
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'DOC_IMPORT_INVALID');
  assert.match(res.json().error.message, /缺少列：发文机关、成文日期、文件名/);
});
