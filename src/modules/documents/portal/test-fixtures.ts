/** Test-only helpers: documents written straight into the tables, independent of the drafting workflow. */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import type { Database } from '../../../platform/db/database.ts';
import { writeBlob } from '../../../platform/files/storage.ts';

type Db = Kysely<Database>;
let serial = 0;

export type DocFixture = {
  title: string;
  org?: string;
  genre?: string;
  topic?: string | null;
  docNumber?: string | null;
  status?: 'draft' | 'published';
  attribute?: 'proactive' | 'on_request' | 'not_public';
  writtenDate?: string;
  publishedDate?: string | null;
  effectiveDate?: string | null;
  bodyHtml?: string;
  summary?: string | null;
  keywords?: string[];
  convertedOn?: string | null;
  validity?: 'valid' | 'amended' | 'repealed' | 'expired';
  validityChangedOn?: string | null;
};

export async function insertDoc(db: Db, f: DocFixture): Promise<number> {
  serial++;
  const org = await orgIdByName(db, f.org ?? '济宁市人民政府');
  const status = f.status ?? 'published';
  const body = f.bodyHtml ?? `<p>${f.title}的正文。第一条 为了规范管理，制定本办法。</p>`;
  const row = await db
    .insertInto('documents')
    .values({
      title: f.title,
      doc_number: f.docNumber ?? null,
      doc_number_key: null,
      index_number: `TEST-${process.pid}-${serial}-${Math.random().toString(36).slice(2, 8)}`,
      org_id: org,
      genre: f.genre ?? 'normative',
      topic: f.topic === undefined ? 'general' : f.topic,
      keywords: f.keywords ?? [],
      summary: f.summary ?? null,
      body_html: body,
      body_text: body.replace(/<[^>]+>/g, ''),
      written_date: f.writtenDate ?? '2024-03-01',
      published_date: status === 'published' ? (f.publishedDate ?? f.writtenDate ?? '2024-03-05') : null,
      effective_date: f.effectiveDate ?? null,
      validity: f.validity ?? 'valid',
      validity_changed_on: f.validityChangedOn ?? null,
      attribute: f.attribute ?? 'proactive',
      status,
      converted_on: f.convertedOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('document_issuers').values({ document_id: row.id, org_id: org }).execute();
  return row.id;
}

export async function insertInterpretation(
  db: Db,
  documentId: number,
  f: { title: string; kind?: 'text' | 'qa' | 'graphic'; bodyHtml?: string; qa?: { q: string; a: string }[] },
): Promise<number> {
  const row = await db
    .insertInto('interpretations')
    .values({
      document_id: documentId,
      kind: f.kind ?? 'text',
      title: f.title,
      body_html: f.bodyHtml ?? `<p>${f.title}：本文件的主要内容解读。</p>`,
      qa: JSON.stringify(f.qa ?? []),
      published_date: '2024-03-06',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores `content` as a file (under dataDir) and attaches it to the document. */
export async function insertAttachment(
  db: Db,
  dataDir: string,
  documentId: number,
  name: string,
  content: string,
): Promise<number> {
  const blob = await writeBlob(dataDir, Readable.from([Buffer.from(content)]));
  const file = await db
    .insertInto('files')
    .values({ sha256: blob.sha256, name, mime: 'text/plain', size: blob.size, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const a = await db
    .insertInto('document_attachments')
    .values({ document_id: documentId, file_id: file.id, name, text_content: content })
    .returning('id')
    .executeTakeFirstOrThrow();
  return a.id;
}
