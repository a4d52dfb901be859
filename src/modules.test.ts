import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MODULES } from './modules.ts';
import {
  auditActionLabel,
  auditActions,
  isNamedAuditAction,
  isNamedAuditSubject,
} from './platform/audit/labels.ts';
import { describeError, type ErrorCode, isCatalogCode, PLATFORM_ERRORS } from './platform/http/errors.ts';

const CHINESE = /[\u4e00-\u9fff]/;

test('every module in the list has its own name', () => {
  const names = MODULES.map((m) => m.name);
  assert.deepEqual(names, [...new Set(names)]);
});

test("every module's error codes are in the merged catalog with a status and a Chinese message", () => {
  const sources = [PLATFORM_ERRORS, ...MODULES.map((m) => m.errors ?? {})];
  let codes = 0;
  for (const catalog of sources) {
    for (const code of Object.keys(catalog)) {
      codes++;
      assert.ok(isCatalogCode(code), code);
      const { status, message } = describeError(code as ErrorCode, {});
      assert.ok(status >= 400 && status < 600, `${code}: ${status}`);
      assert.match(message, CHINESE, code);
    }
  }
  assert.ok(codes > 70, `${codes} codes`);
  assert.equal(describeError('DOC_NUMBER_INVALID', { reason: '年份应为四位数' }).status, 400);
  assert.match(describeError('CALENDAR_YEAR_MISSING', { year: 2099 }).message, /2099年/);
});

test('every benchmark a module declares names a script that exists', () => {
  const benchmarks = MODULES.flatMap((m) => m.benchmarks ?? []);
  assert.ok(benchmarks.length > 0);
  for (const b of benchmarks) assert.ok(existsSync(new URL(`../${b.script}`, import.meta.url)), b.script);
});

/** The argument text of every `recordAudit(` call in the server's code, with its file. */
function auditCalls(): { file: string; args: string }[] {
  const root = new URL('./', import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('admin/'),
  );
  const calls: { file: string; args: string }[] = [];
  for (const file of files) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const m of text.matchAll(/recordAudit\(\w+, \{([\s\S]*?)\n\s*\}\);/g))
      calls.push({ file, args: m[1] ?? '' });
  }
  return calls;
}

test('every audit action and subject type the code records has a Chinese name', () => {
  const calls = auditCalls();
  assert.ok(calls.length > 60, `${calls.length} calls found`);
  let literals = 0;
  const missing: string[] = [];
  for (const { file, args } of calls) {
    if (file.endsWith('platform/audit/record.ts')) continue;
    const action = /\baction: ([^\n]*?),?\n/.exec(args)?.[1] ?? '';
    for (const [, code] of action.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) {
      literals++;
      if (!isNamedAuditAction(code as string)) missing.push(`${file}: audit action ${code}`);
    }
    // A computed action (`request.${action}`): its module names every action under that prefix.
    const prefix = /`([a-z_.]+)\$\{/.exec(action)?.[1];
    if (prefix && !auditActions().some((a) => a.action.startsWith(prefix)))
      missing.push(`${file}: audit actions under ${prefix}`);
    if (!prefix && !/'/.test(action)) missing.push(`${file}: audit action not readable: ${action}`);
    const subject = /\bsubjectType: '([a-z_]+)'/.exec(args)?.[1];
    if (!subject) missing.push(`${file}: subject type not a literal`);
    else if (!isNamedAuditSubject(subject)) missing.push(`${file}: audit subject ${subject}`);
  }
  assert.deepEqual(missing, [], `audit codes without a Chinese name:\n${missing.join('\n')}`);
  assert.ok(literals > 60, `${literals} literal actions`);
  for (const { label } of auditActions()) assert.match(label, CHINESE, label);
  assert.equal(auditActionLabel('request.reply'), '答复');
  assert.equal(auditActionLabel('workplan.assessment.publish'), '公布考核结果');
});
