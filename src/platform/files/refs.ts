/**
 * The one check of a file reference a person writes into a record (an interpretation's image, a logo,
 * evidence of ledger progress, an assistance answer's files, a register's decision document). File ids
 * are sequential, so an id alone proves nothing: a record may name only files its writer uploaded, or
 * files it already names (a colleague's image kept while the text is edited), of the kinds it accepts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FieldError } from '../http/errors.ts';

export type FileRefRule = {
  /** The form field the ids come from (named in the error). */
  path: string;
  /** Files the record already names: kept without being the writer's own. */
  keep?: readonly number[];
  /** Accepted content types (prefixes such as `image/` allowed); any when absent. */
  mimes?: readonly string[];
  /** What to say when a file is of another type. */
  mimeMessage?: string;
};

export async function checkFileRefs(
  db: Kysely<Database>,
  writerId: number,
  ids: readonly (number | null | undefined)[],
  rule: FileRefRule,
): Promise<FieldError[]> {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('files')
    .select(['id', 'mime', 'created_by'])
    .where('id', 'in', wanted)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const keep = new Set(rule.keep ?? []);
  for (const id of wanted) {
    const f = byId.get(id);
    if (!f || (f.created_by !== writerId && !keep.has(id)))
      return [{ path: rule.path, message: '只能使用您本人上传的文件，请重新上传' }];
    if (rule.mimes && !rule.mimes.some((m) => (m.endsWith('/') ? f.mime.startsWith(m) : f.mime === m)))
      return [{ path: rule.path, message: rule.mimeMessage ?? '文件类型不符合要求' }];
  }
  return [];
}
