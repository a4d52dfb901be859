/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  requests import FILE.xlsx --org 机构 [--dry-run] [--json]
                             从原有申请台账导入历史申请（全部正确才导入；--dry-run 只检查不保存）
  --json 输出 {"imported": N, "errors": [{"row", "message"}]}`;
