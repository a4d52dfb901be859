/** `gongkai plan …`: parse a task table without saving, or import it as an organisation's plan. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CommandContext, ModuleCommands } from '../../platform/commands.ts';
import { formatChineseDate } from '../calendar/index.ts';
import { HELP } from './commands.help.ts';
import { type ParsedPlan, PlanParseError, parsePlanFile } from './importers/index.ts';
import { importParsedPlan } from './service.ts';

const USAGE = '用法 usage: gongkai plan parse FILE [--year Y] --json | plan import FILE --org ORG [--year Y]';

/** The `--json` shape of `plan parse` (requirement without whitespace, no source text). */
export function planToJson(plan: ParsedPlan) {
  return {
    doc: {
      title: plan.doc.title,
      issuer: plan.doc.issuer,
      docNumber: plan.doc.docNumber,
      issuedDate: plan.doc.issuedDate,
      year: plan.doc.year,
    },
    tasks: plan.tasks.map((t) => ({
      seq: t.seq,
      section: t.section,
      task: t.task,
      leadUnits: t.leadUnits,
      responsibleUnits: t.responsibleUnits,
      requirement: t.requirement.replace(/\s+/g, ''),
      deadlineRaw: t.deadlineRaw,
      due: t.due,
      recurring: t.recurring,
    })),
    warnings: plan.warnings,
  };
}

const cut = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, '');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};
const cnDate = (iso: string | null) => formatChineseDate(iso) || '—';

/** A readable Chinese summary of a parsed plan. */
export function formatPlanSummary(plan: ParsedPlan): string {
  const d = plan.doc;
  const out: string[] = [
    `标题：${d.title ?? '（未识别）'}`,
    `发文机关：${d.issuer ?? '（未识别）'}　文号：${d.docNumber ?? '（无）'}　成文日期：${d.issuedDate ? cnDate(d.issuedDate) : '（未识别）'}　年度：${d.year ?? '（未识别）'}`,
    `共 ${plan.tasks.length} 项任务：`,
    '',
  ];
  let section: string | null | undefined;
  let task: string | undefined;
  for (const t of plan.tasks) {
    if (t.section !== section) {
      section = t.section;
      if (section) out.push(`【${section}】`);
    }
    if (t.task !== task) {
      task = t.task;
      if (task) out.push(`  ${cut(task, 40)}`);
    }
    const units = [
      t.leadUnits.length ? `牵头：${cut(t.leadUnits.join('，'), 30)}` : '',
      t.responsibleUnits.length ? `责任：${cut(t.responsibleUnits.join('，'), 30)}` : '',
    ]
      .filter(Boolean)
      .join('；');
    const due =
      t.deadlineRaw !== null
        ? `时限：${t.deadlineRaw}（${t.due ? cnDate(t.due) : '无具体日期'}${t.recurring ? '，长期' : ''}）`
        : t.dueSuggested
          ? `时限：无（要求中提到 ${cnDate(t.dueSuggested)}）`
          : '时限：无';
    out.push(`    ${String(t.seq).padStart(3)}. ${cut(t.requirement, 36)}`);
    out.push(`         ${units}　${due}`);
  }
  if (plan.warnings.length) {
    out.push('', `提示（${plan.warnings.length} 条）：`);
    for (const w of plan.warnings) out.push(`  · ${w}`);
  }
  return out.join('\n');
}

async function parseCommand(args: string[]): Promise<number> {
  let values: { year?: string; json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { year: { type: 'string' }, json: { type: 'boolean' } },
    }));
  } catch (error) {
    console.error(`参数错误：${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year)) {
      console.error(`年度应为四位数字，例如 --year 2022（收到：${values.year}）。`);
      return 2;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    console.error(`无法读取文件：${file}`);
    return 2;
  }
  try {
    const plan = await parsePlanFile(bytes, file, year === undefined ? {} : { year });
    console.log(values.json ? JSON.stringify(planToJson(plan), null, 2) : formatPlanSummary(plan));
    return 0;
  } catch (error) {
    if (error instanceof PlanParseError) {
      console.error(`${error.message}（${error.code}）`);
      return 2;
    }
    throw error;
  }
}

/** `plan import FILE --org ORG [--year Y]`: save the table as ORG's plan; nothing saved if a unit is unknown. */
async function importCommand(args: string[], { withDb }: CommandContext): Promise<number> {
  let values: { org?: string; year?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { org: { type: 'string' }, year: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`参数错误：${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  const org = values.org?.trim();
  if (!file || positionals.length > 1 || !org) {
    console.error(USAGE);
    return 2;
  }
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    console.error(`年度应为四位数字，例如 --year 2022（收到：${values.year}）。`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    console.error(`无法读取文件：${file}`);
    return 2;
  }
  let parsed: ParsedPlan;
  try {
    parsed = await parsePlanFile(bytes, file, year === undefined ? {} : { year });
  } catch (error) {
    if (error instanceof PlanParseError) {
      console.error(`${error.message}（${error.code}）`);
      return 2;
    }
    throw error;
  }
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const r = await withDb((db) => importParsedPlan(db, { parsed, fileName, orgRef: org, year }));
  if (r.ok) {
    console.log(`已导入：${r.orgName} ${r.year}年“${r.title}”，共 ${r.tasks} 项任务（台账编号 ${r.id}）。`);
    return 0;
  }
  if (r.reason === 'org') console.error(`找不到机构：${org}（请填写机构全称或编号）。`);
  else if (r.reason === 'year') console.error('未能从文件中识别年度，请用 --year 指定。');
  else {
    console.error(
      `以下单位未能对应到机构，未导入：${(r.names ?? []).join('、')}\n` +
        '请先在管理后台“机构简称”中添加对应关系，或在管理后台导入时逐一对应。',
    );
  }
  return 1;
}

async function runPlanCommand(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'parse') return parseCommand(rest);
  if (sub === 'import') return importCommand(rest, ctx);
  console.error(USAGE);
  return 2;
}

export const workplanCommands: ModuleCommands = { help: HELP, handlers: { plan: runPlanCommand } };
