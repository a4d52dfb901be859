/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP =
  '  report compute --org 机构 --year Y [--json]  计算该机关年度报告表二、表三、表四数据并校验';
