/**
 * Test data shared by the test files: the demo organisations and the test users (see `createTestApp`)
 * looked up by name, and a user's actor for calling services directly. Lookups go through orgs' index,
 * as any other module's would.
 */
import type { Kysely } from 'kysely';
import { findOrgByName, findUserByUsername, loadActor } from '../../src/modules/orgs/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Actor } from '../../src/platform/http/session.ts';

type Db = Kysely<Database>;

/** The id of the organisation called `name`; throws when there is none. */
export async function orgIdByName(db: Db, name: string): Promise<number> {
  const org = await findOrgByName(db, name);
  if (!org) throw new Error(`no organisation named ${name}`);
  return org.id;
}

/** The id of the user `username`; throws when there is none. */
export async function userIdByUsername(db: Db, username: string): Promise<number> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** The actor of the user `username`, for calling services directly; throws when there is none. */
export async function actorOf(db: Db, username: string): Promise<Actor> {
  const actor = await loadActor(db, await userIdByUsername(db, username));
  if (!actor) throw new Error(`no active user ${username}`);
  return actor;
}
