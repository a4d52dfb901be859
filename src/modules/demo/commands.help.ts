/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  demo remove [--json]       删除全部演示数据（本单位数据仍引用演示数据时不删除并列出）`;
