import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { genreFromTitle } from './commands.ts';
import { BROKEN_PDF, makeDocx } from './testing.ts';

/** `gongkai docs …` as a clerk runs it: a separate process on a scratch data folder (PGlite). */
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-docs-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const data = path.join(dir, 'data');

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', 'docs', ...args], {
    env: { ...process.env, GONGKAI_DATA: data, DATABASE_URL: '', GONGKAI_SEED_DEMO: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('genre from the title', () => {
  assert.equal(genreFromTitle('关于做好防汛工作的通知'), 'notice');
  assert.equal(genreFromTitle('关于推进养老服务发展的实施意见'), 'opinion');
  assert.equal(genreFromTitle('2021年政务公开工作要点'), 'other');
});

test('docs add reads metadata from the text, docs search finds it; errors are clear', async () => {
  const txt = path.join(dir, '防溺水.txt');
  writeFileSync(
    txt,
    '济教发〔2025〕7号\n\n关于做好2025年\n暑期学生防溺水安全教育工作的通知\n\n各县（市、区）教育局：\n现将暑期防溺水安全教育有关事项通知如下。\n\n济宁市教育局\n2025年6月20日\n',
  );
  const a = gongkai(['add', txt, '--publish', '--json']);
  assert.equal(a.code, 0, a.err);
  const added = JSON.parse(a.out);
  assert.deepEqual(Object.keys(added), ['id', 'title', 'docNumber']);
  assert.equal(added.title, '关于做好2025年暑期学生防溺水安全教育工作的通知');
  assert.equal(added.docNumber, '济教发〔2025〕7号');

  const docx = path.join(dir, '资助.docx');
  writeFileSync(
    docx,
    await makeDocx(['关于发放2025年学生资助金的通知', '各学校：资助金于九月发放。', '2025年8月1日']),
  );
  const b = gongkai([
    'add',
    docx,
    '--title',
    '学生资助金发放通知',
    '--doc-number',
    '济教发(2025)9号',
    '--org',
    '市教育局',
    '--written',
    '2025-08-01',
    '--publish',
    '--json',
  ]);
  assert.equal(b.code, 0, b.err);
  assert.deepEqual(JSON.parse(b.out).docNumber, '济教发〔2025〕9号');

  const s = gongkai(['search', '防溺水', '--limit', '5', '--json']);
  assert.equal(s.code, 0, s.err);
  const found = JSON.parse(s.out);
  assert.ok(found.total >= 1);
  assert.equal(found.results[0].id, added.id);
  assert.deepEqual(Object.keys(found.results[0]), ['id', 'title', 'docNumber', 'snippet', 'score']);
  assert.match(found.results[0].snippet, /<mark>/);
  const byNumber = JSON.parse(gongkai(['search', '济教发[2025]9号', '--json']).out);
  assert.equal(byNumber.results[0].docNumber, '济教发〔2025〕9号');

  const broken = path.join(dir, '坏.pdf');
  writeFileSync(broken, BROKEN_PDF);
  const c = gongkai(['add', broken, '--json']);
  assert.equal(c.code, 2);
  assert.match(c.err, /PDF文件已损坏/);
  const bad = gongkai(['add', txt, '--doc-number', '济教发2025年7号', '--json']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /DOC_NUMBER_INVALID/);
  assert.equal(gongkai(['add', path.join(dir, 'none.txt')]).code, 2);
  assert.equal(gongkai(['search', 'x', '--limit', '0']).code, 2);
});

test('docs synonyms mines the library and stores the candidates for review', { timeout: 300_000 }, () => {
  const txt = path.join(dir, '热线.txt');
  writeFileSync(
    txt,
    '关于规范12345热线工单办理的通知\n\n为规范全市12345政务服务便民热线（以下简称“12345热线”）工单办理，现通知如下。\n\n济宁市人民政府办公室\n2025年3月1日\n',
  );
  assert.equal(gongkai(['add', txt, '--publish', '--json']).code, 0);
  const r = gongkai(['synonyms', '--json']);
  assert.equal(r.code, 0, r.err);
  const mined = JSON.parse(r.out) as { documents: number; candidates: number; added: number };
  assert.ok(mined.documents > 0, r.out);
  assert.ok(mined.added >= 1, r.out);
  assert.equal(mined.added, mined.candidates, 'the first run stores every candidate as new');
  const again = JSON.parse(gongkai(['synonyms', '--json']).out) as { added: number };
  assert.equal(again.added, 0, 'a second run adds nothing new');
  const bad = gongkai(['synonyms', '--min-documents', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--min-documents 应为1至1000之间的整数/);
});
