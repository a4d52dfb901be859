/** Keeps documents.search_vector current after writes, through service.ts (refreshDocumentSearch). */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { refreshDocumentSearch } from './service.ts';

export async function reindex(db: Kysely<Database>, ids: number | readonly number[]): Promise<void> {
  for (const id of typeof ids === 'number' ? [ids] : ids) await refreshDocumentSearch(db, id);
}
