/** `gongkai report compute --org ORG --year Y [--json]`: an agency's annual-report figures and their checks. */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { ModuleCommands } from '../../platform/commands.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { HELP } from './commands.help.ts';
import { TABLE3_COLUMNS, TABLE3_ROWS } from './domain/tables.ts';
import { type Computed, computeReport, findAgency } from './service.ts';

const USAGE = '用法 usage: gongkai report compute --org 机构名称或编号 --year 年度 [--json]';

/** The `--json` shape: table3 by row key (seven numbers each), table2, table4 (15 numbers), checks. */
export function reportToJson({ figures, checks }: Computed) {
  const t2 = figures.table2;
  const doc = (c: readonly number[]) => ({ issued: c[0], repealed: c[1], inForce: c[2] });
  return {
    table3: figures.table3,
    table2: {
      rule: doc(t2.rule),
      normative: doc(t2.normative),
      licensing: t2.licensing,
      penalty: t2.penalty,
      enforcement: t2.enforcement,
      fees: t2.fees,
    },
    table4: figures.table4,
    checks: checks.map((c) => ({ ok: c.ok, message: c.message, level: c.level })),
  };
}

/** A readable Chinese summary. */
export function formatReport(orgName: string, year: number, { figures, checks }: Computed): string {
  const lines = [
    `${orgName} ${year}年度政府信息公开工作年度报告数据`,
    '',
    `表三（${TABLE3_COLUMNS.join('、')}）：`,
  ];
  for (const row of TABLE3_ROWS) {
    lines.push(`  ${row.group ?? ''}${row.label}：${(figures.table3[row.key] ?? []).join(' ')}`);
  }
  lines.push('', `表四：${figures.table4.join(' ')}`, '', '校验：');
  for (const c of checks) lines.push(`  ${c.ok ? '✓' : c.level === 'warning' ? '!' : '✗'} ${c.message}`);
  return lines.join('\n');
}

/** Resolves the agency and computes; the exit code and what to print. */
export async function runCompute(
  db: Kysely<Database>,
  orgRef: string,
  year: number,
  json: boolean,
): Promise<{ code: number; out?: string; err?: string }> {
  let agency: Awaited<ReturnType<typeof findAgency>>;
  try {
    agency = await findAgency(db, orgRef);
  } catch (error) {
    if (error instanceof AppError) return { code: 1, err: describeError(error.code, error.params).message };
    throw error;
  }
  if (!agency) return { code: 1, err: `找不到机构：${orgRef}（请填写机构全称或编号）。` };
  const computed = await computeReport(db, agency, year);
  return {
    code: 0,
    out: json
      ? JSON.stringify(reportToJson(computed), null, 2)
      : formatReport(agency.org.name, year, computed),
  };
}

export const reportsCommands: ModuleCommands = {
  help: HELP,
  handlers: {
    async report(args, { withDb }) {
      const [sub, ...rest] = args;
      let values: { org?: string; year?: string; json?: boolean };
      try {
        ({ values } = parseArgs({
          args: rest,
          options: { org: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
        }));
      } catch (error) {
        console.error(`参数错误：${(error as Error).message}\n${USAGE}`);
        return 2;
      }
      if (sub !== 'compute' || !values.org?.trim() || !values.year) {
        console.error(USAGE);
        return 2;
      }
      if (!/^\d{4}$/.test(values.year)) {
        console.error(`年度应为四位数字，例如 --year 2025（收到：${values.year}）。`);
        return 2;
      }
      const org = values.org;
      const year = Number(values.year);
      const r = await withDb((db) => runCompute(db, org, year, values.json === true));
      if (r.out) console.log(r.out);
      if (r.err) console.error(r.err);
      return r.code;
    },
  },
};
