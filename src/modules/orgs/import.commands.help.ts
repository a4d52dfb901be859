/**
 * The lines of `gongkai help` for these commands (`import.commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  orgs import FILE.xlsx [--dry-run] [--json]
                             从表格导入机构（全部正确才保存；--dry-run 只检查不保存）
  users import FILE.xlsx [--dry-run] [--json]
                             从表格导入用户（新账号的初始密码只显示一次）
  --json 输出 {"created": N, "updated": N, "errors": [{"row", "message"}]}（用户导入另有 "passwords"）`;
