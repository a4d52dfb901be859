/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  docs add FILE [--title T] [--doc-number N] [--org 机构] [--written 日期] [--publish] --json
                             从 .txt/.docx/.pdf 文件新增政府文件
  docs search "关键词" [--limit N] --json   检索政府文件库
  docs synonyms [--min-documents N] --json  从文件库挖掘检索同义词（简称）候选，供公开办审核`;
