/** `gongkai requests import FILE.xlsx --org ORG [--dry-run] [--json]`: an office's ledger as past cases. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CommandHandler, ModuleCommands } from '../../../platform/commands.ts';
import { UsageError } from '../../../platform/commands.ts';
import { AppError, describeError } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../../platform/time.ts';
import { readImportSheet } from '../../orgs/index.ts';
import { HELP } from './commands.help.ts';
import { findOrgRef, importLedger, type LedgerReport } from './service.ts';

const USAGE = '用法 usage: gongkai requests import FILE.xlsx --org 机构名称或编号 [--dry-run] [--json]';

const requests: CommandHandler = async (args, { withDb }) => {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: rest,
      options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(`参数错误：${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const orgRef = values.org?.trim();
  if (sub !== 'import' || !file || positionals.length > 1 || !orgRef) throw new UsageError(USAGE);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new UsageError(`无法读取文件 / cannot read file: ${file}`);
  }
  const dryRun = values['dry-run'] === true;
  const result = await withDb(async (db): Promise<LedgerReport | null> => {
    const org = await findOrgRef(db, orgRef);
    if (!org) return null;
    try {
      const sheet = await readImportSheet(bytes, file);
      return await importLedger(db, null, org.id, sheet, { save: !dryRun, today: chinaToday() });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'ORGS_IMPORT_FILE') throw err;
      const message = describeError(err.code, err.params).message;
      return { saved: false, imported: 0, valid: 0, rows: [], errors: [{ row: 0, message }] };
    }
  });
  if (!result) throw new UsageError(`找不到机构：${orgRef}（请填写机构全称或编号）。`);
  if (values.json) {
    const out = {
      imported: result.imported,
      errors: result.errors,
      ...(dryRun ? { valid: result.valid } : {}),
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    for (const e of result.errors) console.log(e.row > 0 ? `第${e.row}行：${e.message}` : e.message);
    if (result.errors.length > 0) console.log(`共${result.errors.length}处错误，未导入任何申请。`);
    else if (dryRun) console.log(`检查通过，将导入${result.valid}件申请。`);
    else console.log(`已导入${result.imported}件申请（标记为台账导入，只读）。`);
  }
  return result.errors.length > 0 ? 1 : 0;
};

export const ledgerImportCommands: ModuleCommands = { help: HELP, handlers: { requests } };
