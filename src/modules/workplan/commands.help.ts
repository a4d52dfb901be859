/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  plan parse FILE [--year Y] --json        解析工作任务分解表（.txt/.docx/.xlsx），不保存
  plan import FILE --org 机构 [--year Y]   导入为该机构的年度工作台账`;
