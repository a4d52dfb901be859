/** `gongkai qa …`: ask a question, rebuild the passage index. */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type CommandContext, type ModuleCommands, UsageError } from '../../platform/commands.ts';
import type { Database } from '../../platform/db/database.ts';
import { countOrgs } from '../orgs/index.ts';
import { HELP } from './commands.help.ts';
import { ask, refreshIndex } from './service.ts';

const USAGE =
  '用法 usage: gongkai qa ask "问题" [--limit 3] --json\n' + '           gongkai qa reindex [--full] --json';

function withPreparedDb<T>(ctx: CommandContext, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.withDb(async (db) => {
    if ((await countOrgs(db)) === 0) await ctx.prepareData(db);
    return work(db);
  });
}

async function runQaCommand(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'ask') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { limit: { type: 'string' }, json: { type: 'boolean' } },
      });
      const question = positionals.join(' ');
      const limit = values.limit === undefined ? 3 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10)
        throw new UsageError('--limit 应为1至10之间的整数');
      const r = await withPreparedDb(ctx, (db) => ask(db, question, { limit, channel: 'cli' }));
      if (values.json) {
        console.log(
          JSON.stringify({
            answers: r.answers.map((a) => ({
              text: a.text,
              document: a.document,
              clause: a.clause,
              score: a.score,
            })),
            refused: r.refused,
            ...(r.message ? { message: r.message } : {}),
          }),
        );
      } else if (r.refused) console.log(r.message);
      else
        for (const [i, a] of r.answers.entries())
          console.log(
            `${i + 1}. ${a.text}\n   出处：${a.document.title}${a.document.docNumber ? `（${a.document.docNumber}）` : ''}${a.clause ? ` ${a.clause}` : ''}`,
          );
      return 0;
    }
    if (sub === 'reindex') {
      const { values } = parseArgs({
        args: rest,
        options: { full: { type: 'boolean' }, json: { type: 'boolean' } },
      });
      const r = await withPreparedDb(ctx, (db) => refreshIndex(db, { force: values.full }));
      if (values.json) console.log(JSON.stringify(r));
      else
        console.log(
          `政策问答索引已更新：现有公开文件 ${r.documents} 件；本次重新切分 ${r.added} 件（${r.passages} 段），移除 ${r.removed} 件。`,
        );
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error((err as Error).message);
      return 2;
    }
    throw err;
  }
}

export const qaCommands: ModuleCommands = { help: HELP, handlers: { qa: runQaCommand } };
