/**
 * 案卷材料 around a case (domain/case-files.ts has the rules): the files staff attach when they register a
 * paper application, the information a reply releases (uploads and documents of the library), checked when
 * they are named; the case's files as the detail, the export and the applicant's page list them; one file
 * of a case read for download.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { checkFileRefs } from '../../platform/files/refs.ts';
import { blobPath } from '../../platform/files/storage.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { documentsForRelease, type ReleasableDocument, releasedDocument } from '../documents/index.ts';
import {
  type ApplicationFileKind,
  CASE_FILE_GROUP_LABELS,
  type CaseFileGroup,
  caseFileRefs,
  type LoggedEvent,
  type NamedFile,
  type ReleasedDocument,
  releasedDocuments,
  releasedFilesOf,
  releasesInformation,
} from './domain/case-files.ts';
import type { RequestEventRow } from './store.ts';

type Db = Kysely<Database>;

/** What a paper application's scan and the applicant's papers may be: scans, photos, PDF/OFD, Word. */
const APPLICATION_MIMES = [
  'application/pdf',
  'application/ofd',
  'image/',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];

async function fileRows(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('files')
    .select(['id', 'name', 'mime', 'size', 'sha256'])
    .where('id', 'in', [...ids])
    .execute();
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

/**
 * The applicant's files of a registration: the writer's own uploads (platform checkFileRefs), of the kinds a
 * scan or a paper may be; recorded with their names on the `submit` event.
 */
export async function checkApplicationFiles(
  db: Db,
  writerId: number,
  files: readonly { fileId: number; kind: ApplicationFileKind }[],
): Promise<(NamedFile & { kind: ApplicationFileKind })[]> {
  const errors = await checkFileRefs(
    db,
    writerId,
    files.map((f) => f.fileId),
    {
      path: 'files',
      mimes: APPLICATION_MIMES,
      mimeMessage: '申请材料只能是PDF、OFD、图片或Word文件',
    },
  );
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const names = new Map(
    (
      await fileRows(
        db,
        files.map((f) => f.fileId),
      )
    ).map((r) => [r.id, r.name]),
  );
  const seen = new Set<number>();
  return files.flatMap((f) => {
    if (seen.has(f.fileId)) return [];
    seen.add(f.fileId);
    return [{ fileId: f.fileId, kind: f.kind, name: names.get(f.fileId) ?? '' }];
  });
}

/**
 * The information a reply (or its draft) releases: the writer's own uploads (checkFileRefs) and documents
 * of the library the writer may view, whose attachments go with them. Only 予以公开 and 部分公开 release
 * information (Art. 36(2), 37); any other outcome with files is refused.
 */
export async function checkReleased(
  db: Db,
  actor: Actor | null,
  outcome: unknown,
  input: { releasedFileIds?: unknown; releasedDocumentIds?: unknown },
): Promise<{ releasedFiles: NamedFile[]; releasedDocuments: ReleasedDocument[] } | null> {
  const ids = (v: unknown) =>
    [...new Set(Array.isArray(v) ? v.map(Number) : [])].filter((n) => Number.isSafeInteger(n) && n > 0);
  const fileIds = ids(input.releasedFileIds);
  const documentIds = ids(input.releasedDocumentIds);
  if (fileIds.length === 0 && documentIds.length === 0) return null;
  if (!releasesInformation(outcome)) {
    throw invalid('releasedFileIds', '只有予以公开或部分公开的答复才能附上公开的政府信息');
  }
  if (!actor) throw invalid('releasedFileIds', '请由承办人附上公开的政府信息');
  const errors = await checkFileRefs(db, actor.id, fileIds, { path: 'releasedFileIds' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  let docs: ReleasableDocument[];
  try {
    docs = await documentsForRelease(db, actor, documentIds);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) {
      throw invalid('releasedDocumentIds', '只能选择您可以查看的政府文件库中的文件');
    }
    throw err;
  }
  const uploads = await fileRows(db, fileIds);
  const byId = new Map(uploads.map((r) => [r.id, r.name]));
  const releasedFiles: NamedFile[] = fileIds.map((id) => ({ fileId: id, name: byId.get(id) ?? '' }));
  for (const d of docs) {
    for (const a of d.attachments) {
      if (!releasedFiles.some((f) => f.fileId === a.fileId))
        releasedFiles.push({ fileId: a.fileId, name: a.name });
    }
  }
  return {
    releasedFiles,
    releasedDocuments: docs.map((d) => ({ documentId: d.id, title: d.title, docNumber: d.docNumber })),
  };
}

const logged = (events: readonly RequestEventRow[]): LoggedEvent[] =>
  events.map((e) => ({ id: e.id, type: e.type, on: e.on_date, data: e.data }));

export type CaseFile = {
  fileId: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  group: CaseFileGroup;
  groupLabel: string;
  label: string;
  eventId: number;
  on: string;
};

/**
 * The files of a case, in log order (domain caseFileRefs), with their stored names and sizes; `groups`
 * keeps some groups only (the applicant sees the released information only).
 */
export async function caseFiles(
  db: Db,
  events: readonly RequestEventRow[],
  groups?: readonly CaseFileGroup[],
): Promise<CaseFile[]> {
  const refs = caseFileRefs(logged(events)).filter((r) => !groups || groups.includes(r.group));
  const rows = new Map(
    (
      await fileRows(
        db,
        refs.map((r) => r.fileId),
      )
    ).map((r) => [r.id, r]),
  );
  // The name the event recorded (a library attachment's own name) over the upload's file name.
  const recorded = new Map<number, string>();
  for (const e of events) {
    if (e.type === 'reply')
      for (const f of releasedFilesOf(e.data)) if (f.name) recorded.set(f.fileId, f.name);
  }
  return refs.flatMap((r) => {
    const f = rows.get(r.fileId);
    if (!f) return [];
    return [
      {
        fileId: r.fileId,
        name: recorded.get(r.fileId) ?? f.name,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        group: r.group,
        groupLabel: CASE_FILE_GROUP_LABELS[r.group],
        label: r.label,
        eventId: r.eventId,
        on: r.on,
      },
    ];
  });
}

/** The files a reply draft still waiting for sign-off names (its reviewers open them). */
function draftFileIds(events: readonly RequestEventRow[]): number[] {
  const draft = events.findLast((e) => e.type === 'draft-reply');
  return draft ? releasedFilesOf(draft.data).map((f) => f.fileId) : [];
}

/** One file of the case for download, or null when the case does not name it (in `groups`, when given). */
export async function readCaseFile(
  db: Db,
  dataDir: string,
  events: readonly RequestEventRow[],
  fileId: number,
  opts: { groups?: readonly CaseFileGroup[]; drafts?: boolean } = {},
): Promise<{ name: string; mime: string; data: Buffer } | null> {
  const files = await caseFiles(db, events, opts.groups);
  const f = files.find((x) => x.fileId === fileId);
  if (f) return { name: f.name, mime: f.mime, data: await readFile(blobPath(dataDir, f.sha256)) };
  if (!opts.drafts || !draftFileIds(events).includes(fileId)) return null;
  const [row] = await fileRows(db, [fileId]);
  return row ? { name: row.name, mime: row.mime, data: await readFile(blobPath(dataDir, row.sha256)) } : null;
}

/** The documents the case's replies released, with their text (the applicant's page, the case file). */
export async function caseReleasedDocuments(
  db: Db,
  events: readonly RequestEventRow[],
): Promise<(ReleasedDocument & { on: string; document: ReleasableDocument | null })[]> {
  const list = releasedDocuments(logged(events));
  return Promise.all(
    list.map(async (d) => ({
      documentId: d.documentId,
      title: d.title,
      docNumber: d.docNumber,
      on: d.on,
      document: await releasedDocument(db, d.documentId),
    })),
  );
}
