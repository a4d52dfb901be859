/** `gongkai orgs import FILE` and `gongkai users import FILE`: the spreadsheet imports from the command line. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CommandHandler, ModuleCommands } from '../../platform/commands.ts';
import { UsageError } from '../../platform/commands.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { HELP } from './import.commands.help.ts';
import { type ImportReport, importOrgs, importUsers } from './import.service.ts';
import { readSheet } from './import.xlsx.ts';

function importCommand(what: 'orgs' | 'users'): CommandHandler {
  return async (args, { withDb }) => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (sub !== 'import' || !file || positionals.length > 1)
      throw new UsageError(`用法 usage: gongkai ${what} import FILE.xlsx [--dry-run] [--json]`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch {
      throw new UsageError(`无法读取文件 / cannot read file: ${file}`);
    }
    const dryRun = values['dry-run'] === true;
    let result: ImportReport;
    try {
      const sheet = await readSheet(bytes, file);
      result = await withDb((db) =>
        (what === 'orgs' ? importOrgs : importUsers)(db, null, sheet, { save: !dryRun }),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'ORGS_IMPORT_FILE') throw err;
      result = { saved: false, created: 0, updated: 0, unchanged: 0, rows: [], errors: [] };
      result.errors.push({ row: 0, message: describeError(err.code, err.params).message });
    }
    const out = {
      created: result.created,
      updated: result.updated,
      errors: result.errors,
      ...(result.passwords ? { passwords: result.passwords } : {}),
    };
    if (values.json) console.log(JSON.stringify(out, null, 2));
    else {
      for (const e of result.errors) console.log(e.row > 0 ? `第${e.row}行：${e.message}` : e.message);
      const verb = result.saved ? '已导入' : dryRun && result.errors.length === 0 ? '检查通过，将' : '';
      if (result.errors.length > 0) console.log(`共${result.errors.length}处错误，未保存任何数据。`);
      else console.log(`${verb}新增${out.created}个、修改${out.updated}个、未变${result.unchanged}个。`);
      for (const p of result.passwords ?? []) console.log(`${p.username}\t初始密码 ${p.password}`);
    }
    return result.errors.length > 0 ? 1 : 0;
  };
}

export const importCommands: ModuleCommands = {
  help: HELP,
  handlers: { orgs: importCommand('orgs'), users: importCommand('users') },
};
