/** `gongkai demo remove [--json]`: delete every demo record, all or nothing. */
import { type CommandContext, type ModuleCommands, UsageError } from '../../platform/commands.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { HELP } from './commands.help.ts';
import { removeDemo } from './service.ts';

async function demo(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes('--json');
  const unknown = rest.filter((a) => a !== '--json');
  if (sub !== 'remove' || unknown.length > 0)
    throw new UsageError(`用法 usage: gongkai demo remove [--json]`);
  return ctx.withDb(async (db) => {
    try {
      const r = await removeDemo(db, null, { dataDir: ctx.config.dataDir });
      if (json) console.log(JSON.stringify({ ok: true, ...r }));
      else {
        console.log(r.message);
        for (const t of r.tables) console.log(`  ${t.label}：${t.count} 条`);
      }
      return 0;
    } catch (err) {
      if (!json || !(err instanceof AppError)) throw err;
      const { message } = describeError(err.code, err.params);
      console.log(JSON.stringify({ ok: false, error: { code: err.code, message } }));
      return 2;
    }
  });
}

export const demoCommands: ModuleCommands = { help: HELP, handlers: { demo } };
