/**
 * The case file as one zip (案卷导出), for archiving a finished case outside the system:
 *   index.txt   — the case in words: summary, every event (date, action, who, what), the files in the zip;
 *   letters/    — every letter of the case (.docx) as it was sent;
 *   case.json   — the same data, machine-readable.
 * Pure: everything it prints is passed in (the service loads it).
 */
import { strToU8, type Zippable, zipSync } from 'fflate';
import { formatChineseDate } from '../../calendar/index.ts';
import { APPLICANT_TYPE_LABELS, ID_TYPE_LABELS } from '../domain/applicant.ts';
import { isGroundCode, isOutcomeCode, OUTCOMES, WITHHOLD_GROUNDS } from '../domain/outcomes.ts';
import {
  CONSULTATION_OPINION_LABELS,
  EVENT_LABELS,
  NOTE_KIND_LABELS,
  STAGE_LABELS,
} from '../domain/stages.ts';
import { formatCaseNo } from '../letters/templates.ts';
import { CHANNEL_LABELS } from '../meta.ts';
import { presentCase } from '../present.ts';
import type { RequestEventRow, RequestRow } from '../store.ts';

export type ArchiveLetter = {
  id: number;
  eventId: number;
  kind: string;
  title: string;
  fileName: string;
  size: number;
  sha256: string;
  data: Uint8Array;
};

export type ArchiveInput = {
  row: RequestRow;
  agencyName: string;
  events: RequestEventRow[];
  letters: ArchiveLetter[];
  /** Display names of the users the case mentions (actors, handlers). */
  userNames: ReadonlyMap<number, string>;
  /** Names of the organisations the case mentions (handling units). */
  orgNames: ReadonlyMap<number, string>;
  exportedAt: Date;
  exportedBy: string;
};

const EOL = '\r\n';

const label = <T extends string>(labels: Readonly<Record<T, string>>, code: unknown): string =>
  typeof code === 'string' && Object.hasOwn(labels, code) ? labels[code as T] : String(code ?? '');

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const multiline = (s: string): string => s.replace(/\r?\n/g, `${EOL}      `);

function outcomeText(outcome: unknown, ground: unknown): string {
  if (!isOutcomeCode(outcome)) return str(outcome);
  const g = isGroundCode(ground) ? `（${WITHHOLD_GROUNDS[ground].label}）` : '';
  return `${OUTCOMES[outcome].label}${g}`;
}

/** One line on what an event recorded, in words. */
export function eventSummary(
  e: RequestEventRow,
  input: Pick<ArchiveInput, 'userNames' | 'orgNames'>,
): string {
  const d = e.data;
  const parts: string[] = [];
  const add = (name: string, value: string) => {
    if (value) parts.push(`${name}：${value}`);
  };
  switch (e.type) {
    case 'submit':
      add('申请方式', label(CHANNEL_LABELS, d.channel));
      if (d.confirmed === false) parts.push('待确认收到');
      break;
    case 'assign':
      add('承办单位', input.orgNames.get(Number(d.unitId)) ?? str(String(d.unitId ?? '')));
      if (d.handlerId) add('承办人', input.userNames.get(Number(d.handlerId)) ?? String(d.handlerId));
      break;
    case 'request-correction':
      add('补正事项', str(d.items));
      add('补正期限', formatChineseDate(str(d.deadlineDate)));
      break;
    case 'receive-correction':
      add('补正内容', str(d.text));
      break;
    case 'consult-send':
      add('征求意见对象', `${str(d.name)}（${d.party === 'agency' ? '有关机关' : '第三方'}）`);
      add('编号', str(d.consultationId));
      break;
    case 'consult-deliver':
      add('编号', str(d.consultationId));
      break;
    case 'consult-reply':
      add('编号', str(d.consultationId));
      add('意见', label(CONSULTATION_OPINION_LABELS, d.opinion));
      add('说明', str(d.text));
      break;
    case 'extend':
      add('延期理由', str(d.reason));
      break;
    case 'fee-notice':
      add('计收方式', d.method === 'per-item' ? '按件计收' : '按量计收');
      add('数量', `${d.quantity ?? ''}${d.method === 'per-item' ? '件' : '页'}`);
      add('金额', `${d.amount ?? ''}元`);
      break;
    case 'reply':
      add('答复类型', outcomeText(d.outcome, d.groundCode));
      add('答复内容', str(d.text));
      break;
    case 'withdraw':
      if (d.by === 'applicant') parts.push('申请人撤回申请');
      add('理由', str(d.reason));
      break;
    case 'note':
      add(d.kind ? label(NOTE_KIND_LABELS, d.kind) : '记录', str(d.text));
      break;
    default: {
      const rest = Object.entries(d).filter(([k]) => k !== 'on');
      if (rest.length > 0) parts.push(JSON.stringify(Object.fromEntries(rest)));
    }
  }
  return multiline(parts.join('；'));
}

function actorName(e: RequestEventRow, userNames: ReadonlyMap<number, string>): string {
  if (e.actor_id !== null) return userNames.get(e.actor_id) ?? `用户${e.actor_id}`;
  if (e.type === 'submit' || (e.type === 'withdraw' && e.data.by === 'applicant')) return '申请人';
  return '系统';
}

/** The zip paths of the letters: letters/01-<title>.docx, numbered in case order. */
function letterPaths(letters: readonly ArchiveLetter[]): Map<number, string> {
  const width = Math.max(2, String(letters.length).length);
  return new Map(
    letters.map((l, i) => {
      const title = l.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '文书';
      return [l.id, `letters/${String(i + 1).padStart(width, '0')}-${title}.docx`];
    }),
  );
}

/** index.txt: the case in words. */
export function indexText(input: ArchiveInput): string {
  const { row } = input;
  const a = row.applicant;
  const paths = letterPaths(input.letters);
  const letterOfEvent = new Map(input.letters.map((l) => [l.eventId, paths.get(l.id) as string]));
  const lines: string[] = [];
  const field = (name: string, value: string | null | undefined) => {
    if (value) lines.push(`${name}：${multiline(value)}`);
  };
  lines.push('政府信息公开申请案卷', '====================', '');
  field('申请编号', row.case_no ? `${row.case_no}（${formatCaseNo(row.case_no)}）` : null);
  field('受理机关', input.agencyName);
  field('承办单位', row.unit_id === null ? null : (input.orgNames.get(row.unit_id) ?? String(row.unit_id)));
  field('承办人', row.handler_id === null ? null : (input.userNames.get(row.handler_id) ?? null));
  field('申请方式', label(CHANNEL_LABELS, row.channel));
  field('提交日期', formatChineseDate(row.submitted_on));
  field('收到申请日期', row.received_on ? formatChineseDate(row.received_on) : '尚未确认收到');
  lines.push('');
  field('申请人', `${a.name}（${label(APPLICANT_TYPE_LABELS, a.type)}）`);
  field('证件', `${label(ID_TYPE_LABELS, a.idType)} ${a.idNumber}`);
  field('联系人', a.contactName);
  field('联系电话', a.phone);
  field('电子邮箱', a.email);
  field('通信地址', a.address);
  lines.push('');
  field('所需政府信息名称', row.subject);
  field('文号', row.doc_number);
  field('内容描述', row.description);
  field('所需信息的形式', row.form_wanted);
  field('获取信息的方式', row.delivery_wanted);
  lines.push('');
  field('办理阶段', label(STAGE_LABELS, row.stage));
  field('处理结果', row.outcome ? outcomeText(row.outcome, row.outcome_ground) : null);
  field('答复期限', row.reply_due ? formatChineseDate(row.reply_due) : null);
  lines.push('', '办理记录', '--------');
  input.events.forEach((e, i) => {
    const head = `${i + 1}. ${formatChineseDate(e.on_date)}  ${label(EVENT_LABELS, e.type)}  办理人：${actorName(e, input.userNames)}`;
    lines.push(head);
    const summary = eventSummary(e, input);
    if (summary) lines.push(`      ${summary}`);
    const letter = letterOfEvent.get(e.id);
    if (letter) lines.push(`      文书：${letter}`);
  });
  lines.push('', '文件清单', '--------');
  lines.push('index.txt  本说明');
  lines.push('case.json  案卷数据（JSON格式）');
  for (const l of input.letters) {
    lines.push(`${paths.get(l.id)}  ${l.title}  ${l.size}字节  SHA-256：${l.sha256}`);
  }
  lines.push('', `导出时间：${input.exportedAt.toISOString()}`, `导出人：${input.exportedBy}`, '');
  return lines.join(EOL);
}

/** case.json: the case (with personal data: the export is for the office's archive), events and letters. */
export function caseJson(input: ArchiveInput): string {
  const paths = letterPaths(input.letters);
  return JSON.stringify(
    {
      format: 'gongkai-request-case',
      version: 1,
      exportedAt: input.exportedAt.toISOString(),
      exportedBy: input.exportedBy,
      agencyName: input.agencyName,
      case: presentCase(input.row, true),
      events: input.events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        on: e.on_date,
        type: e.type,
        typeLabel: label(EVENT_LABELS, e.type),
        actorName: actorName(e, input.userNames),
        data: e.data,
      })),
      letters: input.letters.map((l) => ({
        id: l.id,
        eventId: l.eventId,
        kind: l.kind,
        title: l.title,
        file: paths.get(l.id),
        size: l.size,
        sha256: l.sha256,
      })),
    },
    null,
    2,
  );
}

/** The zip (UTF-8 file names). index.txt starts with a BOM so older Windows editors read it as UTF-8. */
export function buildCaseArchive(input: ArchiveInput): Uint8Array {
  const paths = letterPaths(input.letters);
  const files: Zippable = {
    'index.txt': strToU8(`\uFEFF${indexText(input)}`),
    'case.json': strToU8(caseJson(input)),
  };
  // A .docx is already deflated: stored as is.
  for (const l of input.letters) files[paths.get(l.id) as string] = [l.data, { level: 0 }];
  return zipSync(files, { level: 6 });
}
