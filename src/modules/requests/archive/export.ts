/**
 * The case file as one zip (案卷导出), for archiving a finished case outside the system (条例第四十五条 归档):
 *   00-案卷目录.txt     — the case in words: summary, every event (date, action, who, what), the files in the zip;
 *   01-申请材料/        — what the applicant handed in (the scanned letter, identity, other papers);
 *   02-协助办理材料/    — the files of the assistance answers (协助调查/会商);
 *   03-文书/            — every letter of the case (.docx) as it was sent;
 *   04-公开的政府信息/  — the information the replies released: files, and library documents as .html;
 *   case.json           — the same data, machine-readable.
 * Pure: everything it prints is passed in (the service loads it).
 */
import { strToU8, type Zippable, zipSync } from 'fflate';
import { formatChineseDate } from '../../calendar/index.ts';
import { APPLICANT_TYPE_LABELS, ID_TYPE_LABELS } from '../domain/applicant.ts';
import {
  APPLICATION_FILE_KIND_LABELS,
  applicationFilesOf,
  type CaseFileGroup,
  releasedDocumentsOf,
  releasedFilesOf,
} from '../domain/case-files.ts';
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

/** A file of the case (申请材料, 协助办理材料, 公开的政府信息) with its bytes. */
export type ArchiveFile = {
  fileId: number;
  group: CaseFileGroup;
  label: string;
  name: string;
  size: number;
  sha256: string;
  eventId: number;
  data: Uint8Array;
};

/** A library document a reply released, with its text. */
export type ArchiveDocument = {
  documentId: number;
  title: string;
  docNumber: string | null;
  orgName: string;
  writtenDate: string;
  bodyHtml: string;
  eventId: number;
};

export type ArchiveInput = {
  row: RequestRow;
  agencyName: string;
  events: RequestEventRow[];
  letters: ArchiveLetter[];
  files: ArchiveFile[];
  documents: ArchiveDocument[];
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
      {
        const files = applicationFilesOf(d);
        if (files.length > 0)
          add(
            '申请材料',
            files.map((f) => `${APPLICATION_FILE_KIND_LABELS[f.kind]}（${f.name}）`).join('、'),
          );
      }
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
      add(
        '公开的政府信息',
        [
          ...releasedDocumentsOf(d).map((x) => `《${x.title}》`),
          ...releasedFilesOf(d).map((x) => x.name),
        ].join('、'),
      );
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

export const INDEX_FILE = '00-案卷目录.txt';
const FOLDERS: Record<CaseFileGroup | 'letters', string> = {
  application: '01-申请材料',
  assistance: '02-协助办理材料',
  letters: '03-文书',
  released: '04-公开的政府信息',
};

/** A name safe in a zip on Windows: no path separators or reserved characters, at most 80 characters. */
const safeName = (s: string, fallback: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || fallback;

/** `NN-name` numbered in order within a folder. */
function numbered<T>(folder: string, items: readonly T[], name: (x: T) => string): Map<T, string> {
  const width = Math.max(2, String(items.length).length);
  return new Map(items.map((x, i) => [x, `${folder}/${String(i + 1).padStart(width, '0')}-${name(x)}`]));
}

/** The zip paths of the letters (03-文书/01-<title>.docx, numbered in case order), files and documents. */
function archivePaths(input: Pick<ArchiveInput, 'letters' | 'files' | 'documents'>) {
  const letters = numbered(FOLDERS.letters, input.letters, (l) => `${safeName(l.title, '文书')}.docx`);
  const files = new Map<ArchiveFile, string>();
  for (const group of ['application', 'assistance'] as const) {
    const list = input.files.filter((f) => f.group === group);
    const paths = numbered(FOLDERS[group], list, (f) =>
      group === 'application'
        ? `${safeName(f.label, '材料')}-${safeName(f.name, '文件')}`
        : safeName(f.name, '文件'),
    );
    for (const [f, p] of paths) files.set(f, p);
  }
  // The released information: the documents first (as the letter lists them), then the files.
  const released: (ArchiveFile | ArchiveDocument)[] = [
    ...input.documents,
    ...input.files.filter((f) => f.group === 'released'),
  ];
  const releasedPaths = numbered(FOLDERS.released, released, (x) =>
    'documentId' in x ? `${safeName(x.title, '文件')}.html` : safeName(x.name, '文件'),
  );
  const documents = new Map<ArchiveDocument, string>();
  for (const [x, p] of releasedPaths) {
    if ('documentId' in x) documents.set(x, p);
    else files.set(x, p);
  }
  return {
    letters: new Map(input.letters.map((l) => [l.id, letters.get(l) as string])),
    files,
    documents,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A released library document as a page of its own (its body is the library's sanitised HTML). */
export function documentPage(d: ArchiveDocument): string {
  const facts = [
    d.docNumber ? `<p>文号：${escapeHtml(d.docNumber)}</p>` : '',
    `<p>发文机关：${escapeHtml(d.orgName)}</p>`,
    `<p>成文日期：${formatChineseDate(d.writtenDate)}</p>`,
  ].join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title></head><body><h1>${escapeHtml(d.title)}</h1>${facts}${d.bodyHtml}</body></html>`;
}

/** index.txt: the case in words. */
export function indexText(input: ArchiveInput): string {
  const { row } = input;
  const a = row.applicant;
  const paths = archivePaths(input);
  const letterOfEvent = new Map(input.letters.map((l) => [l.eventId, paths.letters.get(l.id) as string]));
  const filesOfEvent = new Map<number, string[]>();
  const addOf = (eventId: number, p: string) =>
    filesOfEvent.set(eventId, [...(filesOfEvent.get(eventId) ?? []), p]);
  for (const [f, p] of paths.files) addOf(f.eventId, p);
  for (const [d, p] of paths.documents) addOf(d.eventId, p);
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
    for (const p of filesOfEvent.get(e.id) ?? []) lines.push(`      材料：${p}`);
  });
  lines.push('', '文件清单', '--------');
  lines.push(`${INDEX_FILE}  本目录`);
  lines.push('case.json  案卷数据（JSON格式）');
  const fileLine = (p: string, what: string, size: number, sha256: string) =>
    `${p}  ${what}  ${size}字节  SHA-256：${sha256}`;
  const section = (title: string, items: string[]) => {
    lines.push('', `【${title}】`);
    if (items.length === 0) lines.push('（无）');
    else lines.push(...items);
  };
  const filesIn = (group: CaseFileGroup) =>
    [...paths.files]
      .filter(([f]) => f.group === group)
      .map(([f, p]) => fileLine(p, f.label, f.size, f.sha256));
  section('申请材料', filesIn('application'));
  section('协助办理材料', filesIn('assistance'));
  section(
    '文书',
    input.letters.map((l) => fileLine(paths.letters.get(l.id) as string, l.title, l.size, l.sha256)),
  );
  section('公开的政府信息', [
    ...[...paths.documents].map(
      ([d, p]) => `${p}  《${d.title}》${d.docNumber ? `（${d.docNumber}）` : ''}  政府文件库文件`,
    ),
    ...filesIn('released'),
  ]);
  lines.push('', `导出时间：${input.exportedAt.toISOString()}`, `导出人：${input.exportedBy}`, '');
  return lines.join(EOL);
}

/** case.json: the case (with personal data: the export is for the office's archive), events and letters. */
export function caseJson(input: ArchiveInput): string {
  const paths = archivePaths(input);
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
        file: paths.letters.get(l.id),
        size: l.size,
        sha256: l.sha256,
      })),
      files: [...paths.files].map(([f, p]) => ({
        fileId: f.fileId,
        eventId: f.eventId,
        group: f.group,
        label: f.label,
        name: f.name,
        file: p,
        size: f.size,
        sha256: f.sha256,
      })),
      releasedDocuments: [...paths.documents].map(([d, p]) => ({
        documentId: d.documentId,
        eventId: d.eventId,
        title: d.title,
        docNumber: d.docNumber,
        file: p,
      })),
    },
    null,
    2,
  );
}

/** The zip (UTF-8 file names). The index starts with a BOM so older Windows editors read it as UTF-8. */
export function buildCaseArchive(input: ArchiveInput): Uint8Array {
  const paths = archivePaths(input);
  const files: Zippable = {
    [INDEX_FILE]: strToU8(`\uFEFF${indexText(input)}`),
    'case.json': strToU8(caseJson(input)),
  };
  // A .docx is already deflated: stored as is.
  for (const l of input.letters) files[paths.letters.get(l.id) as string] = [l.data, { level: 0 }];
  for (const [f, p] of paths.files) files[p] = f.data;
  for (const [d, p] of paths.documents) files[p] = strToU8(documentPage(d));
  return zipSync(files, { level: 6 });
}
