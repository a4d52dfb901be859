/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
export const HELP = `  decisions cluster 文件 [--json]
                             重复意见分组：读取 .xlsx（“意见内容”列）或 .txt（每行一条意见），
                             输出每组的人数、代表意见和成员行号（行号按文件中的行计）`;
