/**
 * `gongkai --help` without loading the modules: the platform's lines and each module's block, in the
 * module list's order (`src/modules.ts`). Each block is the module's small `*.help.ts` file, the one its
 * manifest's `commands.help` is made of; `test/cli.test.ts` checks that this list and the manifests
 * give the same text.
 */
import { HELP as CALENDAR } from './modules/calendar/cli.help.ts';
import { HELP as DECISIONS } from './modules/decisions/commands.help.ts';
import { HELP as DEMO } from './modules/demo/commands.help.ts';
import { HELP as DOCUMENTS } from './modules/documents/commands.help.ts';
import { HELP as USERS } from './modules/orgs/commands.help.ts';
import { HELP as ORG_IMPORT } from './modules/orgs/import.commands.help.ts';
import { HELP as QA } from './modules/qa/commands.help.ts';
import { HELP as REPORTS } from './modules/reports/commands.help.ts';
import { HELP as REQUESTS_IMPORT } from './modules/requests/import/commands.help.ts';
import { HELP as SITE } from './modules/site/commands.help.ts';
import { HELP as WORKPLAN } from './modules/workplan/commands.help.ts';

const PLATFORM_HELP = `  serve                      启动平台（门户、管理后台、接口），默认 http://localhost:8080
  migrate                    执行待执行的数据库迁移
  backup FILE                备份数据库与上传文件（一致性快照）
  restore FILE               从备份恢复（会替换现有数据）
  db-reset --yes             清空数据库（仅用于开发演示）`;

/** The modules' blocks of the help, as their manifests declare them (`commands.help`), in order. */
export const MODULE_HELP: readonly string[] = [
  `${USERS}\n${ORG_IMPORT}`,
  CALENDAR,
  REQUESTS_IMPORT,
  WORKPLAN,
  DOCUMENTS,
  QA,
  REPORTS,
  SITE,
  DECISIONS,
  DEMO,
];

export const HELP = `公开 Gongkai 政务公开工作平台 — 命令行

用法 usage: gongkai <命令> [选项]

${[PLATFORM_HELP, ...MODULE_HELP].join('\n\n')}

环境变量 environment: PORT（默认 8080）, GONGKAI_DATA（默认 ./data）, DATABASE_URL（使用 PostgreSQL）,
  DATABASE_REPLICA_URLS（PostgreSQL 只读副本，逗号分隔；门户查阅与检索由副本承担）
`;
