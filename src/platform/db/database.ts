import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/**
 * The database schema as Kysely sees it. Platform tables are declared here; every module adds its
 * own tables by declaration merging from its `store.ts`:
 *   declare module '../../platform/db/database.ts' { interface Database { orgs: OrgsTable } }
 */
export interface Database {
  schema_migrations: { name: string; applied_at: ColumnType<Date, never, never> };
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  files: FilesTable;
}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  created_by: number | null;
  created_at: Timestamp;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: store functions accept both. */
export type DbOrTx = Kysely<Database>;
