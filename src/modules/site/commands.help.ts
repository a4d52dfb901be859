/**
 * The lines of `gongkai help` for these commands (`commands.ts`), apart so that `gongkai --help` prints
 * them without loading the module (`src/cli.help.ts`).
 */
import { OFFICE_USERNAME_SUFFIX } from './domain/setup.ts';

export const HELP = `  setup --government 政府名称 --office 公开工作机构名称 --admin 用户名 [--admin-name 姓名]
        [--password P] [--office-user 用户名] [--office-user-name 姓名] [--office-password P]
        [--region-code 行政区划代码] [--site-name 网站名称] [--sponsor 主办单位]
        [--phone 电话] [--address 地址] [--hours 办公时间] [--site-code 网站标识码]
        [--icp ICP备案号] [--police 公安机关备案号] [--json]
                             初始设置（仅限尚无任何机构时）：建立政府、公开工作机构、首个管理员、
                             公开工作机构的首个账号（角色“公开办”，设置后即可受理申请；用户名
                             默认为“管理员用户名${OFFICE_USERNAME_SUFFIX}”）和站点信息；不给密码则随机
                             生成并显示一次，首次登录须修改。--json 输出 government、office、
                             admin、officeUser（password 仅在随机生成时给出）`;
