import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectType } from './types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

test('accepts files whose bytes match their name', () => {
  assert.equal(detectType('报告.pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d))?.mime, 'application/pdf');
  assert.equal(detectType('任务表.XLSX', bytes(0x50, 0x4b, 0x03, 0x04))?.ext, 'xlsx');
  assert.equal(detectType('旧文件.doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.ext, 'doc');
  assert.equal(detectType('说明.txt', new TextEncoder().encode('政务公开'))?.mime, 'text/plain');
});

test('refuses a disguised or unknown file', () => {
  assert.equal(detectType('invoice.pdf', bytes(0x4d, 0x5a, 0x90, 0x00)), null, 'an .exe renamed .pdf');
  assert.equal(detectType('run.exe', bytes(0x4d, 0x5a)), null);
  assert.equal(detectType('notes.txt', bytes(0x61, 0x00, 0x62)), null, 'binary content in a .txt');
  assert.equal(detectType('empty.pdf', bytes()), null);
  assert.equal(detectType('noextension', bytes(0x25, 0x50, 0x44, 0x46)), null);
});
