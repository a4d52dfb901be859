import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';

export interface RequestLetterTemplatesTable {
  kind: string;
  /** null: the shared text; otherwise the agency whose cases use it (migration 0026). */
  org_id: Generated<number | null>;
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

/** The template of `kind` saved for `orgId` (null: the shared one). */
export function findTemplate(db: Db, kind: string, orgId: number | null): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('request_letter_templates')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb('org_id', '=', orgId)))
    .executeTakeFirst();
}

/** The templates saved for `orgId` and the shared ones (null: only the shared ones). */
export function listTemplates(db: Db, orgId: number | null) {
  return db
    .selectFrom('request_letter_templates as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select('u.display_name as updated_by_name')
    .where((eb) =>
      orgId === null
        ? eb('t.org_id', 'is', null)
        : eb.or([eb('t.org_id', 'is', null), eb('t.org_id', '=', orgId)]),
    )
    .execute();
}

/** Saves the text of `kind` for `orgId` (null: the shared one), replacing the one saved before. */
export async function upsertTemplate(
  db: Db,
  v: { kind: string; orgId: number | null; title: string; body: string; updatedBy: number },
): Promise<TemplateRow> {
  const row = { title: v.title, body: v.body, updated_at: new Date(), updated_by: v.updatedBy };
  const updated = await db
    .updateTable('request_letter_templates')
    .set(row)
    .where('kind', '=', v.kind)
    .where((eb) => (v.orgId === null ? eb('org_id', 'is', null) : eb('org_id', '=', v.orgId)))
    .returningAll()
    .executeTakeFirst();
  if (updated) return updated;
  return db
    .insertInto('request_letter_templates')
    .values({ kind: v.kind, org_id: v.orgId, ...row })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an agency's own text of `kind` (its cases then use the shared text or the default). */
export async function deleteTemplate(
  db: Db,
  kind: string,
  orgId: number | null,
): Promise<TemplateRow | undefined> {
  return db
    .deleteFrom('request_letter_templates')
    .where('kind', '=', kind)
    .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb('org_id', '=', orgId)))
    .returningAll()
    .executeTakeFirst();
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
