/** `gongkai user …`: add a staff account, or give an account a new random password. */
import { parseArgs } from 'node:util';
import type { ModuleCommands } from '../../platform/commands.ts';
import { UsageError } from '../../platform/commands.ts';
import { randomPassword } from '../../platform/http/passwords.ts';
import { HELP } from './commands.help.ts';
import { isRole, ROLE_LABELS, ROLES } from './domain/roles.ts';
import { createUser, updateUser } from './service.ts';
import { findUserByUsername, listOrgs } from './store.ts';

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '')
    throw new UsageError(`缺少参数 --${name} / missing --${name}`);
  return v.trim();
}

export const orgsCommands: ModuleCommands = {
  help: HELP,
  handlers: {
    async user(args, { withDb }) {
      const [sub, ...rest] = args;
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          org: { type: 'string' },
          password: { type: 'string' },
        },
        strict: true,
      });
      if (sub === 'add') {
        const role = need(values, 'role');
        if (!isRole(role))
          throw new UsageError(`角色无效 / invalid role: ${role}（可选：${ROLES.join(', ')}）`);
        const orgArg = need(values, 'org');
        const password = values.password ?? randomPassword();
        if (password.length < 10)
          throw new UsageError('密码至少10位 / password must be at least 10 characters');
        await withDb(async (db) => {
          const orgs = await listOrgs(db);
          const org = orgs.find((o) => o.name === orgArg || String(o.id) === orgArg);
          if (!org) throw new UsageError(`找不到机构 / no such organisation: ${orgArg}`);
          await createUser(db, null, {
            username: need(values, 'username'),
            displayName: need(values, 'name'),
            role,
            orgId: org.id,
            password,
          });
          console.log(`已创建账号 ${values.username}（${ROLE_LABELS[role]}，${org.name}）`);
          if (!values.password) console.log(`密码 password: ${password}`);
        });
      } else if (sub === 'passwd') {
        const username = need(values, 'username');
        await withDb(async (db) => {
          const user = await findUserByUsername(db, username);
          if (!user) throw new UsageError(`找不到账号 / no such user: ${username}`);
          const password = values.password ?? randomPassword();
          await updateUser(db, null, user.id, { password });
          console.log(`已重置 ${username} 的密码${values.password ? '' : `：${password}`}`);
        });
      } else {
        throw new UsageError('用法 usage: gongkai user add|passwd …');
      }
      return 0;
    },
  },
};
