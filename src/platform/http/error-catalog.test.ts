/**
 * Every error code the server throws is in a catalog (the platform's or a module's) with a Chinese message, so the handler
 * answers it with its status and message instead of a 500. The codes are read from the source:
 * `new AppError('CODE'`, `new SomeError('CODE'`, and the `code` of every class extending Error
 * (a `code = 'CODE'` field, or a `code: SomeCode` field whose union type is declared in the file).
 */
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MODULES } from '../../modules.ts';
import { describeError, isCatalogCode, mergeErrorCatalogs } from './errors.ts';

/** Every code of the platform's and the modules' catalogs (importing MODULES installs them). */
const ALL_CODES = [
  ...mergeErrorCatalogs(MODULES.map((m) => ({ owner: m.name, errors: m.errors ?? {} }))).keys(),
];

const CODE = /^[A-Z][A-Z0-9_]+$/;
const HAN = /\p{Script=Han}/u;

/** Server source: src/**.ts without tests and without the browser console. */
const files = globSync('src/**/*.ts')
  .filter((f) => !f.endsWith('.test.ts') && !f.startsWith('src/admin/'))
  .sort();

/** The text of the block opened by the `{` at `open`. */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

function literals(union: string): string[] {
  return [...union.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
}

type Found = { code: string; where: string };

function thrownCodes(): { found: Found[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new\s+(\w*Error)\(\s*'([^']*)'/g)) {
      const code = m[2] as string;
      if (m[1] === 'AppError' || CODE.test(code))
        found.push({ code, where: `${file}: new ${m[1]}('${code}'` });
    }
    for (const m of text.matchAll(/class\s+(\w+)\s+extends\s+Error\s*\{/g)) {
      const name = m[1] as string;
      if (name === 'AppError') continue; // its code is typed `ErrorCode`, a catalog key
      const body = block(text, (m.index ?? 0) + m[0].length - 1);
      const where = `${file}: class ${name}`;
      // Field declarations only (a constructor's `code: X` parameter is assigned to the field).
      const field = /^\s*(?:(?:readonly|public|protected|private)\s+)*code\s*/.source;
      for (const f of body.matchAll(new RegExp(`${field}=\\s*'([^']*)'`, 'gm')))
        found.push({ code: f[1] as string, where });
      for (const f of body.matchAll(new RegExp(`${field}:\\s*([^;=]+);`, 'gm'))) {
        const type = (f[1] as string).trim();
        if (type.includes("'")) {
          for (const code of literals(type)) found.push({ code, where });
          continue;
        }
        const alias = new RegExp(`type\\s+${type}\\s*=([^;]+);`).exec(text);
        if (!alias) {
          problems.push(`${where}: code type ${type} is not a union of string literals declared in the file`);
          continue;
        }
        for (const code of literals(alias[1] as string)) found.push({ code, where: `${where} (${type})` });
      }
    }
  }
  return { found, problems };
}

test('every error code thrown in src/ is in the catalog with a Chinese message', () => {
  const { found, problems } = thrownCodes();
  assert.deepEqual(problems, []);
  // The scan sees what it should: codes of AppError, of a `code =` field and of a code union type.
  const codes = new Set(found.map((f) => f.code));
  for (const known of [
    'FORBIDDEN',
    'INVALID_DATE',
    'CALENDAR_YEAR_MISSING',
    'RECEIPT_DATE_MISSING',
    'PLAN_FILE_TYPE',
  ])
    assert.ok(codes.has(known), `the scan finds ${known}`);
  assert.ok(codes.size > 50, `the scan finds the codes (${codes.size})`);

  const missing = found.filter((f) => !isCatalogCode(f.code)).map((f) => `${f.code} (${f.where})`);
  assert.deepEqual(
    missing,
    [],
    'codes thrown but missing from every catalog (platform/http/errors.ts, modules/*/errors.ts)',
  );
});

test('every catalog entry has an error status and a Chinese message', () => {
  for (const code of ALL_CODES) {
    assert.ok(isCatalogCode(code));
    const { status, message } = describeError(code);
    assert.ok(status >= 400 && status < 600, `${code}: status ${status}`);
    assert.match(message, HAN, `${code}: message in Chinese`);
  }
});
