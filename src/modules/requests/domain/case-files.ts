/**
 * The files of a case (案卷材料), read from its append-only log: what the applicant handed in (the scanned
 * letter of a paper application, identity and supporting documents, registered with it), the answers of the
 * units asked for assistance (协助调查/会商), and the information released with a reply (予以公开/部分公开:
 * uploads and documents of the library). The log is the record: a file belongs to a case because an event
 * of the case names it. Pure: the service resolves the ids to files and documents.
 *
 * 条例第四十五条 (登记、审核、办理、答复、归档) and A4 (archiving of every case with all documents).
 */
import type { OutcomeCode } from './outcomes.ts';

/** What an applicant's file is, as staff register it. */
export const APPLICATION_FILE_KINDS = ['letter-scan', 'identity', 'supporting'] as const;
export type ApplicationFileKind = (typeof APPLICATION_FILE_KINDS)[number];

export const APPLICATION_FILE_KIND_LABELS: Readonly<Record<ApplicationFileKind, string>> = {
  'letter-scan': '申请书（信函）扫描件',
  identity: '身份证明',
  supporting: '其他材料',
};

export function isApplicationFileKind(v: unknown): v is ApplicationFileKind {
  return typeof v === 'string' && (APPLICATION_FILE_KINDS as readonly string[]).includes(v);
}

/** The groups of a case file, in the order of the case (the export's folders). */
export const CASE_FILE_GROUPS = ['application', 'assistance', 'released'] as const;
export type CaseFileGroup = (typeof CASE_FILE_GROUPS)[number];

export const CASE_FILE_GROUP_LABELS: Readonly<Record<CaseFileGroup, string>> = {
  application: '申请材料',
  assistance: '协助办理材料',
  released: '公开的政府信息',
};

/** The outcomes whose reply may carry the released information (Art. 36(2) 予以公开, Art. 37 部分公开). */
export const RELEASING_OUTCOMES: readonly OutcomeCode[] = ['DISCLOSE', 'PARTIAL'];

export function releasesInformation(outcome: unknown): boolean {
  return typeof outcome === 'string' && (RELEASING_OUTCOMES as readonly string[]).includes(outcome);
}

/** A library document released with a reply, as the reply recorded it. */
export type ReleasedDocument = { documentId: number; title: string; docNumber: string | null };

/** A file as an event recorded it: its id and its name at the time. */
export type NamedFile = { fileId: number; name: string };

/** One file the log names. */
export type CaseFileRef = {
  fileId: number;
  group: CaseFileGroup;
  /** What it is: the kind's label (申请材料), 协助答复 (assistance), 答复附件 (released). */
  label: string;
  eventId: number;
  on: string;
};

export type LoggedEvent = { id: number; type: string; on: string; data: Record<string, unknown> };

const ids = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x) && x > 0) : [];

/** The applicant's files a registration recorded (`submit` data.files). */
export function applicationFilesOf(
  data: Record<string, unknown>,
): (NamedFile & { kind: ApplicationFileKind })[] {
  const list = Array.isArray(data.files) ? data.files : [];
  return list.flatMap((f) => {
    const r = f as { fileId?: unknown; kind?: unknown; name?: unknown };
    return Number.isSafeInteger(r.fileId) && (r.fileId as number) > 0 && isApplicationFileKind(r.kind)
      ? [{ fileId: r.fileId as number, kind: r.kind, name: typeof r.name === 'string' ? r.name : '' }]
      : [];
  });
}

/** The released documents a reply (or its draft) recorded. */
export function releasedDocumentsOf(data: Record<string, unknown>): ReleasedDocument[] {
  const list = Array.isArray(data.releasedDocuments) ? data.releasedDocuments : [];
  return list.flatMap((d) => {
    const r = d as { documentId?: unknown; title?: unknown; docNumber?: unknown };
    return Number.isSafeInteger(r.documentId) && typeof r.title === 'string'
      ? [
          {
            documentId: r.documentId as number,
            title: r.title,
            docNumber: typeof r.docNumber === 'string' && r.docNumber !== '' ? r.docNumber : null,
          },
        ]
      : [];
  });
}

/** The released files a reply (or its draft) recorded. */
export function releasedFilesOf(data: Record<string, unknown>): NamedFile[] {
  const list = Array.isArray(data.releasedFiles) ? data.releasedFiles : [];
  return list.flatMap((f) => {
    const r = f as { fileId?: unknown; name?: unknown };
    return Number.isSafeInteger(r.fileId) && (r.fileId as number) > 0 && typeof r.name === 'string'
      ? [{ fileId: r.fileId as number, name: r.name }]
      : [];
  });
}

/**
 * Every file the log names, in log order, each once (the first event naming it): the applicant's, the
 * assistance answers', the replies' released files. A draft's files are not the case's until it is signed
 * (the `reply` event repeats them).
 */
export function caseFileRefs(events: readonly LoggedEvent[]): CaseFileRef[] {
  const out: CaseFileRef[] = [];
  const seen = new Set<number>();
  const add = (fileId: number, group: CaseFileGroup, label: string, e: LoggedEvent) => {
    if (seen.has(fileId)) return;
    seen.add(fileId);
    out.push({ fileId, group, label, eventId: e.id, on: e.on });
  };
  for (const e of events) {
    if (e.type === 'submit') {
      for (const f of applicationFilesOf(e.data))
        add(f.fileId, 'application', APPLICATION_FILE_KIND_LABELS[f.kind], e);
    } else if (e.type === 'assist-reply') {
      for (const id of ids(e.data.fileIds)) add(id, 'assistance', '协助答复附件', e);
    } else if (e.type === 'reply') {
      for (const f of releasedFilesOf(e.data)) add(f.fileId, 'released', '答复附件', e);
    }
  }
  return out;
}

/** The documents the replies released, in log order, each once. */
export function releasedDocuments(
  events: readonly LoggedEvent[],
): (ReleasedDocument & { eventId: number; on: string })[] {
  const out: (ReleasedDocument & { eventId: number; on: string })[] = [];
  const seen = new Set<number>();
  for (const e of events) {
    if (e.type !== 'reply') continue;
    for (const d of releasedDocumentsOf(e.data)) {
      if (seen.has(d.documentId)) continue;
      seen.add(d.documentId);
      out.push({ ...d, eventId: e.id, on: e.on });
    }
  }
  return out;
}

/**
 * The lines a reply letter adds under its text: what is provided with it (随本答复书提供), numbered, files by
 * name and documents by 《title》 and 文号. Empty when nothing is released.
 */
export function releasedListLines(
  documents: readonly ReleasedDocument[],
  fileNames: readonly string[],
): string[] {
  const items = [
    ...documents.map((d) => `《${d.title}》${d.docNumber ? `（${d.docNumber}）` : ''}`),
    ...fileNames.map((n) => n),
  ];
  if (items.length === 0) return [];
  return ['随本答复书提供以下政府信息：', ...items.map((x, i) => `${i + 1}. ${x}`)];
}
