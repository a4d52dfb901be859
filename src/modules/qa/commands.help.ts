/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  qa ask "问题" [--limit 3] --json   从现行有效的政策文件中回答问题（政策问答）
  qa reindex [--full] --json         重建政策问答的段落索引`;
