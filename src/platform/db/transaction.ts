import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * Run `work` in one transaction. Nested calls reuse the caller's transaction, so a service can call
 * another service without opening a second one.
 */
export async function inTransaction<T>(
  db: Kysely<Database> | Transaction<Database>,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
