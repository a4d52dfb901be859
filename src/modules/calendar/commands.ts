/**
 * CLI subcommands `clock`, `fee` and `calendar` as pure functions:
 * `(argv, years) => { exitCode, stdout, stderr }`. `argv` holds the arguments after the subcommand
 * name; `years` are the calendar years to use (bundled + any added in the database). No I/O here:
 * `cli.ts` (the commands this module declares in its manifest) prints the result and exits with `exitCode`.
 *
 * Exit codes: 0 success; 2 invalid input or missing data (bad flag, bad date, CALENDAR_YEAR_MISSING,
 * rule violations) with a Chinese + English message on stderr, never a stack trace; 1 unexpected error.
 */
import { parseArgs } from 'node:util';
// The requests module's pure clock and fees, not its index: the index carries its manifest, and through
// documents (which reads the calendar) importing it here would close a cycle of modules.
// biome-ignore lint/style/noRestrictedImports: pure domain code of requests, see above.
import type { ClockEvent, ClockState, ReceiptChannel } from '../requests/domain/clock.ts';
// biome-ignore lint/style/noRestrictedImports: pure domain code of requests, see above.
import { computeClock, isReceiptChannel, RECEIPT_CHANNELS } from '../requests/domain/clock.ts';
// biome-ignore lint/style/noRestrictedImports: pure domain code of requests, see above.
import { computeFee, type FeeInput, type FeeResult } from '../requests/domain/fees.ts';
import {
  type Calendar,
  type CalendarYear,
  CalendarYearMissingError,
  createCalendar,
} from './domain/calendar.ts';
import { chineseWeekday, formatChineseDate, type IsoDate, isIsoDate, toDayNumber } from './domain/dates.ts';
import { provisionalNote, provisionalYearsBetween, withProvisionalYears } from './domain/provisional.ts';
import { parseNoticeCommand } from './notice.commands.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Command = (argv: string[], years: readonly CalendarYear[]) => CommandResult;

/** An input problem found by the command itself (before the domain is asked). */
class UsageError extends Error {
  readonly zh: string;
  constructor(zh: string, en: string) {
    super(en);
    this.zh = zh;
  }
}

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

interface CodedError {
  code: string;
  params?: Record<string, unknown>;
  message: string;
}

function isCoded(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Chinese text of the domain error codes these commands can meet. */
function chineseMessage(error: CodedError): string {
  const p = error.params ?? {};
  switch (error.code) {
    case 'CALENDAR_YEAR_MISSING':
      return `${String(p.year)}年的节假日和调休安排尚未录入，不能计算涉及该年的工作日。请先在“工作日历”中录入国务院办公厅当年的放假安排通知。`;
    case 'INVALID_DATE':
      return `日期“${String(p.value)}”无效，应为YYYY-MM-DD格式的真实日期。`;
    case 'CALENDAR_DATA_INVALID':
      return `工作日历数据有误：${Array.isArray(p.errors) ? p.errors.join('；') : ''}`;
    case 'EXTENSION_ALREADY_USED':
      return '答复期限只能延长一次，延长最长20个工作日（条例第三十三条）。';
    case 'CORRECTION_ALREADY_REQUESTED':
      return '补正应当一次性告知，不能再次要求补正（条例第三十条）。';
    case 'CLOCK_EVENT_INVALID':
      return '各环节日期的先后顺序不正确（例如早于收到申请之日）。';
    case 'FEE_METHOD_CONFLICT':
      return '同一申请只能选择按件计收或按量计收中的一种，不得同时按两种标准计算（国办函〔2020〕109号第三条）。';
    case 'FEE_QUANTITY_INVALID':
      return '件数或页数应为非负整数。';
    default:
      return '处理失败。';
  }
}

function fail(error: unknown): CommandResult {
  if (error instanceof UsageError) {
    return { exitCode: 2, stdout: '', stderr: `错误：${error.zh}\nError: ${error.message}\n` };
  }
  if (isCoded(error)) {
    if (error.code.startsWith('ERR_PARSE_ARGS')) {
      return {
        exitCode: 2,
        stdout: '',
        stderr: `错误：参数无效，请用 --help 查看用法。\nError: ${error.message}\n`,
      };
    }
    return {
      exitCode: 2,
      stdout: '',
      stderr: `错误 [${error.code}]：${chineseMessage(error)}\nError [${error.code}]: ${error.message}\n`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: 1, stdout: '', stderr: `内部错误：${message}\nInternal error: ${message}\n` };
}

function run(body: () => CommandResult): CommandResult {
  try {
    return body();
  } catch (error) {
    return fail(error);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function dateFlag(flag: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    throw new UsageError(
      `--${flag} 的日期“${value}”无效，应为YYYY-MM-DD格式的真实日期（例如2024-03-05）。`,
      `Invalid date for --${flag}: "${value}" (expected an existing date written YYYY-MM-DD)`,
    );
  }
  return value;
}

function requireFlag<T>(flag: string, value: T | undefined): T {
  if (value === undefined) throw new UsageError(`缺少参数 --${flag}。`, `Missing --${flag}`);
  return value;
}

function onlyWith(flag: string, needs: string, value: unknown, needed: unknown): void {
  if (value !== undefined && needed === undefined) {
    throw new UsageError(`--${flag} 需要同时提供 --${needs}。`, `--${flag} requires --${needs}`);
  }
}

/** `2024年4月7日（星期日，调休上班日）` */
function describeDay(calendar: Calendar, date: IsoDate): string {
  const extra = calendar.dayKind(date) === 'makeup-workday' ? '，调休上班日' : '';
  return `${formatChineseDate(date)}（${chineseWeekday(date)}${extra}）`;
}

// ---------------------------------------------------------------------------------------------- clock

const CLOCK_HELP = `用法：gongkai clock --received 日期 [选项]
计算依申请公开的答复期限（《政府信息公开条例》第三十条至第三十四条）。
计算规则：收到申请之日不计入，自次日起计算第N个工作日；调休上班日计入，法定节假日和周末不计入。

  --received 日期            收到申请之日（第三十一条：当面提交之日、邮寄签收之日，或平常信函、互联网、传真的确认之日）
  --channel 方式             in-person（当面） | post-signed（邮寄签收） | post-confirmed（平常信函确认）
                             | online（互联网） | fax（传真），默认 in-person
  --correction-sent 日期     发出补正告知之日
  --corrected 日期           收到补正后申请之日（答复期限自该日起重新计算20个工作日）
  --third-party-sent 日期    发出征求意见书之日（该日计入，次日起暂停）
  --third-party-received 日期 第三方（或其他机关）收到征求意见书之日（其15个工作日自次日起算）
  --third-party-replied 日期 收到答复之日（次日起恢复计算；未答复的，15个工作日届满后恢复）
  --extended                 已经负责人同意延长答复期限（在原期限后再加20个工作日，仅限一次）
  --today 日期               判断是否逾期、已用工作日的日期；不提供时按最后一个已记录环节的日期统计，
                             overdue 为 null
  --provisional              所需年度的节假日安排尚未录入时，按《全国年节及纪念日放假办法》规定的法定节假日
                             推算暂定期限（JSON 中 "provisional": true 并列出 missingYears）；不加此项则报错
  --json                     输出JSON：received, correctionNoticeDue, replyDue, originalReplyDue,
                             extendedReplyDue, workingDaysUsed, workingDaysLeft, paused, thirdPartyDue, overdue
                             （不适用的字段为 null；extendedReplyDue 为延长后的（或假如延长的）期限）
  --help                     显示本说明

Dates are YYYY-MM-DD. Exit code 2 on invalid input or when a needed calendar year is not loaded
(CALENDAR_YEAR_MISSING).
`;

function clockJson(state: ClockState, provisional: boolean) {
  return {
    ...(provisional
      ? { provisional: state.provisionalYears.length > 0, missingYears: state.provisionalYears }
      : {}),
    received: state.received,
    correctionNoticeDue: state.correctionNoticeDue,
    replyDue: state.replyDue,
    originalReplyDue: state.originalReplyDue,
    extendedReplyDue: state.extendedReplyDue,
    workingDaysUsed: state.workingDaysUsed,
    workingDaysLeft: state.workingDaysLeft,
    paused: state.paused,
    thirdPartyDue: state.thirdPartyDue,
    overdue: state.overdue,
  };
}

const CHANNEL_TEXT: Record<ReceiptChannel, string> = {
  'in-person': '当面提交，以提交之日为准',
  'post-signed': '邮寄，以签收之日为准',
  'post-confirmed': '平常信函，以确认之日为准',
  online: '互联网渠道，以双方确认之日为准',
  fax: '传真，以双方确认之日为准',
};

const PAUSE_TEXT = {
  correction: '等待申请人补正',
  consultation: '征求第三方或其他机关意见',
  fee: '等待缴纳信息处理费',
};

function clockText(calendar: Calendar, s: ClockState, hasToday: boolean): string {
  const lines = [`收到申请之日：${describeDay(calendar, s.received)}，${CHANNEL_TEXT[s.channel]}`];
  lines.push(
    `补正告知期限：${describeDay(calendar, s.correctionNoticeDue)}（收到申请后7个工作日内一次性告知）`,
  );
  if (s.countingFrom !== s.received) {
    lines.push(`收到补正后申请之日：${describeDay(calendar, s.countingFrom)}（答复期限自该日起重新计算）`);
  }
  if (s.correctionPending) {
    lines.push('答复期限：待收到补正后的申请后重新计算');
  } else if (s.replyDue === null) {
    lines.push('答复期限：征求意见尚未结束，暂无法确定');
  } else {
    const note = s.provisionalYears.length > 0 ? `，${provisionalNote(s.provisionalYears)}` : '';
    lines.push(`答复期限：${describeDay(calendar, s.replyDue)}${s.extended ? '（已延长）' : ''}${note}`);
    if (s.extended && s.originalReplyDue !== null) {
      lines.push(`原答复期限：${describeDay(calendar, s.originalReplyDue)}`);
    } else if (s.extendedReplyDue !== null) {
      const years = provisionalYearsBetween(calendar, s.received, s.extendedReplyDue);
      const note = years.length > 0 ? `，${provisionalNote(years)}` : '';
      lines.push(`如经负责人同意延长：${describeDay(calendar, s.extendedReplyDue)}（最长20个工作日）${note}`);
    } else if (s.calendarMissingYear !== null) {
      lines.push(`如需延长：${s.calendarMissingYear}年的节假日安排尚未录入，暂无法计算延长后的期限`);
    }
  }
  if (s.thirdPartyDue !== null) {
    lines.push(`第三方提出意见期限：${describeDay(calendar, s.thirdPartyDue)}（收到征求意见书后15个工作日）`);
  }
  if (s.workingDaysUsed !== null) {
    lines.push(
      `已用工作日：${s.workingDaysUsed}个，剩余：${s.workingDaysLeft}个（共${s.totalWorkingDays}个，截至${formatChineseDate(s.asOf)}）`,
    );
  }
  if (s.paused && s.pauseReason !== null && s.pausedSince !== null) {
    lines.push(`计时状态：暂停（${PAUSE_TEXT[s.pauseReason]}，自${formatChineseDate(s.pausedSince)}起）`);
  } else {
    lines.push('计时状态：正常计算');
  }
  if (!hasToday) lines.push('是否逾期：未提供 --today，无法判断');
  else lines.push(`是否逾期：${s.overdue ? '已逾期' : '未逾期'}`);
  return `${lines.join('\n')}\n`;
}

export const clockCommand: Command = (argv, years) =>
  run(() => {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        received: { type: 'string' },
        channel: { type: 'string' },
        'correction-sent': { type: 'string' },
        corrected: { type: 'string' },
        'third-party-sent': { type: 'string' },
        'third-party-received': { type: 'string' },
        'third-party-replied': { type: 'string' },
        extended: { type: 'boolean' },
        provisional: { type: 'boolean' },
        today: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) return ok(CLOCK_HELP);
    const received = requireFlag('received', dateFlag('received', values.received));
    const channel = values.channel ?? 'in-person';
    if (!isReceiptChannel(channel)) {
      throw new UsageError(
        `--channel 只能是 ${RECEIPT_CHANNELS.join(' / ')}。`,
        `--channel must be one of ${RECEIPT_CHANNELS.join(', ')}`,
      );
    }
    const correctionSent = dateFlag('correction-sent', values['correction-sent']);
    const corrected = dateFlag('corrected', values.corrected);
    const sent = dateFlag('third-party-sent', values['third-party-sent']);
    const delivered = dateFlag('third-party-received', values['third-party-received']);
    const replied = dateFlag('third-party-replied', values['third-party-replied']);
    const today = dateFlag('today', values.today);
    onlyWith('corrected', 'correction-sent', corrected, correctionSent);
    onlyWith('third-party-received', 'third-party-sent', delivered, sent);
    onlyWith('third-party-replied', 'third-party-sent', replied, sent);

    const events: ClockEvent[] = [];
    if (correctionSent !== undefined) events.push({ type: 'correction-notice-sent', on: correctionSent });
    if (corrected !== undefined) events.push({ type: 'correction-received', on: corrected });
    if (sent !== undefined) events.push({ type: 'consultation-sent', on: sent });
    if (delivered !== undefined) events.push({ type: 'consultation-delivered', on: delivered });
    if (replied !== undefined) events.push({ type: 'consultation-replied', on: replied });
    // The approval date does not change the count (+20 after the original deadline); the receipt day
    // stands in for it so the event is valid.
    if (values.extended) events.push({ type: 'extension-approved', on: received });

    // Provisional years reach two years past the receipt: enough for 40 working days and pauses.
    const latest = Math.max(Number(received.slice(0, 4)) + 2, ...years.map((y) => y.year));
    const calendar = createCalendar(values.provisional ? withProvisionalYears(years, latest) : years);
    const state = computeClock({ calendar, receipt: { channel, receivedOn: received }, events, today });
    const provisional = values.provisional === true;
    return ok(
      values.json ? json(clockJson(state, provisional)) : clockText(calendar, state, today !== undefined),
    );
  });

// ------------------------------------------------------------------------------------------------ fee

const FEE_HELP = `用法：gongkai fee per-item --count 件数 [--already 件数] [--json]
      gongkai fee per-page --pages 页数 [--json]
计算政府信息公开信息处理费（国办函〔2020〕109号，超额累进）。

  per-item   按件计收：同一申请人一个自然月内累计申请件数。1–10件免费；11–30件100元/件；
             31件起每10件为一档，每档提高100元/件（31–40件200元/件，41–50件300元/件……）
             --already 件数：本月此前已计的件数（本次各件接着累计）
  per-page   按量计收：每件申请的页数。1–30页免费；31–100页10元/页；101–200页20元/页；201页起40元/页
  --json     输出JSON：{"method","total","bands":[{"from","to","count","unitPrice","amount"}]}（金额单位：元）
  --help     显示本说明

同一申请只能选择一种方式；同时给出 --count 和 --pages 会报错 FEE_METHOD_CONFLICT。
Exit code 2 on invalid input.
`;

function integerFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(
      `--${flag} 应为非负整数，收到“${value}”。`,
      `--${flag} must be a non-negative integer, got "${value}"`,
    );
  }
  return Number(value);
}

function feeText(fee: FeeResult): string {
  const unit = fee.method === 'per-item' ? '件' : '页';
  const title = fee.method === 'per-item' ? '按件计收（同一申请人一个自然月内累计）' : '按量计收（每件申请）';
  const lines = [title];
  for (const b of fee.bands) {
    lines.push(`  第${b.from}–${b.to}${unit}：${b.count}${unit} × ${b.unitPrice}元 = ${b.amount}元`);
  }
  if (fee.bands.length === 0) lines.push(`  0${unit}`);
  lines.push(`合计：${fee.total}元`);
  return `${lines.join('\n')}\n`;
}

export const feeCommand: Command = (argv) =>
  run(() => {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        count: { type: 'string' },
        already: { type: 'string' },
        pages: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) return ok(FEE_HELP);
    const [method, ...rest] = positionals;
    if ((method !== 'per-item' && method !== 'per-page') || rest.length > 0) {
      throw new UsageError(
        '请指定 per-item（按件）或 per-page（按量），用 --help 查看用法。',
        'Expected "fee per-item --count N" or "fee per-page --pages N"',
      );
    }
    const input: FeeInput = {
      items: integerFlag('count', values.count),
      alreadyThisMonth: integerFlag('already', values.already),
      pages: integerFlag('pages', values.pages),
    };
    if (method === 'per-item' && input.items === undefined) requireFlag('count', input.items);
    if (method === 'per-page' && input.pages === undefined) requireFlag('pages', input.pages);
    if (method === 'per-page' && input.alreadyThisMonth !== undefined) {
      throw new UsageError('--already 只适用于按件计收。', '--already applies to per-item only');
    }
    const fee = computeFee(input);
    return ok(values.json ? json({ method: fee.method, total: fee.total, bands: fee.bands }) : feeText(fee));
  });

// ------------------------------------------------------------------------------------------- calendar

const CALENDAR_HELP = `用法：gongkai calendar show 年份 [--json]
      gongkai calendar workdays --from 日期 --to 日期 [--json]
      gongkai calendar parse-notice 文件 [--json]

  show       列出该年的放假日和调休上班日，以及所依据的国务院办公厅通知
  workdays   统计从 --from 到 --to 之间的工作日数，首尾两日都计算在内（如当日是工作日）
  parse-notice  读取国务院办公厅放假安排通知（.txt/.docx），列出放假日和调休上班日，不保存
  --json     输出JSON
  --help     显示本说明

工作日：周一至周五中不放假的日子，以及调休上班的周六、周日。
Exit code 2 on invalid input or when a year is not loaded (CALENDAR_YEAR_MISSING).
`;

interface DayRange {
  from: IsoDate;
  to: IsoDate;
  days: number;
  name: string | null;
}

/** Groups consecutive days with the same name into ranges. */
function ranges(dates: readonly IsoDate[], names: Record<IsoDate, string>): DayRange[] {
  const result: DayRange[] = [];
  for (const date of [...dates].sort()) {
    const name = names[date] ?? null;
    const last = result[result.length - 1];
    if (last !== undefined && last.name === name && toDayNumber(date) === toDayNumber(last.to) + 1) {
      last.to = date;
      last.days++;
    } else {
      result.push({ from: date, to: date, days: 1, name });
    }
  }
  return result;
}

const monthDay = (date: IsoDate) => formatChineseDate(date).replace(/^\d+年/, '');

function showText(entry: CalendarYear): string {
  const names = entry.names ?? {};
  const n = entry.notice;
  const lines = [`${entry.year}年节假日和调休安排`];
  lines.push(
    `依据：《${n.title}》${n.number === null ? '（文号未核实）' : `（${n.number}）`}，${formatChineseDate(n.date)}`,
  );
  lines.push(`来源：${n.url}`);
  lines.push(`放假（共${entry.daysOff.length}天）：`);
  for (const r of ranges(entry.daysOff, names)) {
    const span = r.days === 1 ? monthDay(r.from) : `${monthDay(r.from)}至${monthDay(r.to)}`;
    lines.push(`  ${r.name ?? '放假'}：${span}（${r.days}天）`);
  }
  lines.push(`调休上班（共${entry.makeupWorkdays.length}天）：`);
  for (const d of [...entry.makeupWorkdays].sort()) {
    lines.push(`  ${monthDay(d)}（${chineseWeekday(d)}）${names[d] === undefined ? '' : `  ${names[d]}`}`);
  }
  return `${lines.join('\n')}\n`;
}

export const calendarCommand: Command = (argv, years) =>
  run(() => {
    if (argv[0] === 'parse-notice') return parseNoticeCommand(argv.slice(1), years);
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) return ok(CALENDAR_HELP);
    const [action, ...rest] = positionals;
    const calendar = createCalendar(years);
    if (action === 'show') {
      const text = rest[0];
      if (rest.length !== 1 || text === undefined || !/^\d{4}$/.test(text)) {
        throw new UsageError(
          '请给出四位年份，例如：calendar show 2026。',
          'Expected a four-digit year: calendar show 2026',
        );
      }
      const entry = calendar.yearData(Number(text));
      if (entry === undefined) throw new CalendarYearMissingError(Number(text));
      return ok(values.json ? json(entry) : showText(entry));
    }
    if (action === 'workdays' && rest.length === 0) {
      const from = requireFlag('from', dateFlag('from', values.from));
      const to = requireFlag('to', dateFlag('to', values.to));
      if (to < from) {
        throw new UsageError('--to 不能早于 --from。', '--to must not be before --from');
      }
      // Inclusive of both ends: (from, to] plus `from` itself when it is a working day.
      const workingDays = calendar.countWorkingDays(from, to) + (calendar.isWorkingDay(from) ? 1 : 0);
      if (values.json) return ok(json({ from, to, inclusive: true, workingDays }));
      return ok(
        `${formatChineseDate(from)}至${formatChineseDate(to)}（含首尾两日）共有${workingDays}个工作日。\n`,
      );
    }
    throw new UsageError(
      '请指定 show 年份 或 workdays --from 日期 --to 日期，用 --help 查看用法。',
      'Expected "calendar show YEAR" or "calendar workdays --from DATE --to DATE"',
    );
  });

/** The subcommands by name, for `cli.ts`. */
export const commands: Readonly<Record<'clock' | 'fee' | 'calendar', Command>> = {
  clock: clockCommand,
  fee: feeCommand,
  calendar: calendarCommand,
};

/** Dispatches `argv = [subcommand, ...args]`. */
export function runCommand(argv: string[], years: readonly CalendarYear[]): CommandResult {
  const [name, ...rest] = argv;
  if (name === 'clock' || name === 'fee' || name === 'calendar') return commands[name](rest, years);
  return fail(
    new UsageError(
      `未知命令“${name ?? ''}”，可用：clock、fee、calendar。`,
      `Unknown command "${name ?? ''}" (expected clock, fee or calendar)`,
    ),
  );
}
