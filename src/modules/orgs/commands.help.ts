/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
import { ROLE_LABELS, ROLES } from './domain/roles.ts';

export const HELP = `  user add --username U --name 姓名 --role 角色 --org 机构名称或编号 [--password P]
                             新增工作人员账号（不给密码则随机生成并显示一次）
  user passwd --username U   为账号生成新的随机密码并显示一次
  角色 roles: ${ROLES.map((r) => `${r}=${ROLE_LABELS[r]}`).join(', ')}`;
