import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { TEST_CLOCK_ENV } from './helpers/clock.ts';

/** `gongkai setup` as a county's operator runs it: a separate process on a scratch data folder, no demo. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-setup-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    env: { ...process.env, ...TEST_CLOCK_ENV, GONGKAI_DATA: dir, DATABASE_URL: '', GONGKAI_SEED_DEMO: '0' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.error) throw new Error(`gongkai ${args.join(' ')}: ${r.error.message}\n${r.stderr ?? ''}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SETUP = [
  'setup',
  '--government',
  '梁山县人民政府',
  '--office',
  '梁山县人民政府办公室',
  '--admin',
  'lsadmin',
];

test('gongkai setup: bad input, then the first run, then refused', { timeout: 600_000 }, () => {
  const bad = gongkai([...SETUP, '--region-code', '3708', '--icp', '鲁ICP备123号X', '--admin-name', '']);
  assert.equal(bad.code, 2, bad.err);
  assert.match(bad.err, /--region-code：行政区划代码应为6位或12位数字/);
  assert.match(bad.err, /--icp：ICP备案号格式/);

  const first = gongkai([
    ...SETUP,
    '--admin-name',
    '张三',
    '--region-code',
    '370832',
    '--office-user',
    'ls_office',
    '--office-user-name',
    '李四',
    '--json',
  ]);
  assert.equal(first.code, 0, first.err);
  const answer = JSON.parse(first.out);
  assert.deepEqual(Object.keys(answer), ['government', 'office', 'admin', 'officeUser']);
  assert.equal(answer.government.name, '梁山县人民政府');
  assert.equal(typeof answer.government.id, 'number');
  assert.equal(answer.office.name, '梁山县人民政府办公室');
  assert.equal(answer.admin.username, 'lsadmin');
  assert.match(answer.admin.password, /^(?=.*[A-Za-z])(?=.*\d).{16}$/);
  assert.equal(answer.officeUser.username, 'ls_office');
  assert.match(answer.officeUser.password, /^(?=.*[A-Za-z])(?=.*\d).{16}$/);

  const again = gongkai([...SETUP, '--json']);
  assert.equal(again.code, 2);
  assert.match(again.err, /SETUP_DONE: 系统已完成初始设置/);
  assert.equal(again.out, '');

  // `gongkai user add --org` now finds the government.
  const user = gongkai([
    'user',
    'add',
    '--username',
    'ls_office2',
    '--name',
    '王五',
    '--role',
    'office',
    '--org',
    '梁山县人民政府办公室',
    '--password',
    'Office-2026-pw',
  ]);
  assert.equal(user.code, 0, user.err);
});
