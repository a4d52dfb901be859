import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';

export interface RequestLetterTemplatesTable {
  kind: string;
  title: string;
  body: string;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface RequestLettersTable {
  id: Generated<number>;
  request_id: number;
  event_id: number;
  kind: string;
  title: string;
  file_id: number;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    request_letter_templates: RequestLetterTemplatesTable;
    request_letters: RequestLettersTable;
  }
}

type Db = Kysely<Database>;
export type TemplateRow = Selectable<RequestLetterTemplatesTable>;
export type LetterRow = Selectable<RequestLettersTable>;

export function findTemplate(db: Db, kind: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('request_letter_templates').selectAll().where('kind', '=', kind).executeTakeFirst();
}

export function listTemplates(db: Db) {
  return db
    .selectFrom('request_letter_templates as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select('u.display_name as updated_by_name')
    .execute();
}

export function upsertTemplate(
  db: Db,
  v: { kind: string; title: string; body: string; updatedBy: number },
): Promise<TemplateRow> {
  const row = { title: v.title, body: v.body, updated_at: new Date(), updated_by: v.updatedBy };
  return db
    .insertInto('request_letter_templates')
    .values({ kind: v.kind, ...row })
    .onConflict((oc) => oc.column('kind').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertLetter(db: Db, v: Omit<LetterRow, 'id' | 'created_at'>): Promise<LetterRow> {
  return db.insertInto('request_letters').values(v).returningAll().executeTakeFirstOrThrow();
}

function withFile(db: Db) {
  return db
    .selectFrom('request_letters as l')
    .innerJoin('files as f', 'f.id', 'l.file_id')
    .innerJoin('request_events as e', 'e.id', 'l.event_id')
    .selectAll('l')
    .select(['f.name as file_name', 'f.mime', 'f.size', 'f.sha256', 'e.on_date']);
}

export type LetterFileRow = Awaited<ReturnType<typeof listLetters>>[number];

/** A case's letters with their files, oldest first. */
export function listLetters(db: Db, requestId: number) {
  return withFile(db).where('l.request_id', '=', requestId).orderBy('l.id').execute();
}

export function findLetter(db: Db, requestId: number, letterId: number) {
  return withFile(db).where('l.request_id', '=', requestId).where('l.id', '=', letterId).executeTakeFirst();
}
