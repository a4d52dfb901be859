/** `gongkai setup …`: the first run of a real government from the command line (as the setup page). */
import { parseArgs } from 'node:util';
import type { ModuleCommands } from '../../platform/commands.ts';
import { UsageError } from '../../platform/commands.ts';
import { AppError } from '../../platform/http/errors.ts';
import { setupBody } from './api.schemas.ts';
import { HELP } from './commands.help.ts';
import { runSetup } from './service.ts';

/** Each option and the field of `setupBody` it fills. */
const OPTIONS = {
  government: 'government',
  office: 'office',
  admin: 'adminUsername',
  'admin-name': 'adminName',
  password: 'adminPassword',
  'office-user': 'officeUsername',
  'office-user-name': 'officeDisplayName',
  'office-password': 'officePassword',
  'region-code': 'regionCode',
  'site-name': 'siteName',
  sponsor: 'sponsor',
  phone: 'officePhone',
  address: 'officeAddress',
  hours: 'officeHours',
  'site-code': 'siteCode',
  icp: 'icpRecord',
  police: 'policeRecord',
} as const;

const FLAG_OF = new Map<string, string>(Object.entries(OPTIONS).map(([flag, field]) => [field, flag]));

/** The fields' problems as one Chinese message, each named by its option. */
function fieldsMessage(fields: readonly { path: string; message: string }[]): string {
  const lines = fields.map((f) => `  --${FLAG_OF.get(f.path) ?? f.path}：${f.message}`);
  return `参数有误 / invalid arguments:\n${lines.join('\n')}`;
}

export const siteCommands: ModuleCommands = {
  help: HELP,
  handlers: {
    async setup(args, { withDb }) {
      const { values } = parseArgs({
        args,
        options: {
          ...Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' as const }])),
          json: { type: 'boolean' },
        },
        strict: true,
      });
      const raw: Record<string, unknown> = {};
      for (const [flag, field] of Object.entries(OPTIONS)) {
        const v = (values as Record<string, unknown>)[flag];
        if (typeof v === 'string') raw[field] = v;
      }
      const parsed = setupBody.safeParse(raw);
      if (!parsed.success) {
        throw new UsageError(
          fieldsMessage(
            parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
          ),
        );
      }
      const result = await withDb(async (db) => {
        try {
          return await runSetup(db, parsed.data);
        } catch (err) {
          if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && err.fields)
            throw new UsageError(fieldsMessage(err.fields));
          throw err;
        }
      });
      if (values.json) {
        console.log(JSON.stringify(result));
      } else {
        console.log(`已完成初始设置：${result.government.name}，政府信息公开工作机构 ${result.office.name}`);
        for (const [label, user] of [
          ['管理员账号', result.admin],
          ['公开工作机构账号', result.officeUser],
        ] as const) {
          console.log(`${label} ${user.username}`);
          if (user.password) {
            console.log(`  初始密码（仅此一次显示，首次登录须修改）password: ${user.password}`);
          }
        }
      }
      return 0;
    },
  },
};
