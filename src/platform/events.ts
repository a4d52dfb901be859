import type { Kysely } from 'kysely';
import type { Database } from './db/database.ts';
import type { ModuleManifest } from './module.ts';

/**
 * Module events: a module announces that something changed (e.g. the calendar module: "the working
 * days of 2027 changed") and every module that declared a handler for that event name in its
 * manifest's `on` reacts, in the caller's transaction, in module order. The announcing module knows
 * nothing of who listens, so no module imports another to be told of a change.
 */
export type Emit = (db: Kysely<Database>, event: string, payload: unknown) => Promise<void>;

export function emitterFor(modules: readonly ModuleManifest[]): Emit {
  return async (db, event, payload) => {
    for (const m of modules) {
      const handler = m.on?.[event];
      if (handler) await handler(db, payload);
    }
  };
}
