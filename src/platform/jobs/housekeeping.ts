import { removePartialUploads } from '../files/storage.ts';
import { purgeExpiredSessions } from '../http/session.ts';
import type { Job } from './scheduler.ts';

/** A partial upload untouched this long is abandoned (a live upload writes to it all the time). */
export const ABANDONED_UPLOAD_MS = 60 * 60_000;

/** The platform's own periodic jobs, run by the scheduler beside the modules' ones. */
export const HOUSEKEEPING_JOBS: readonly Job[] = [
  {
    name: 'platform.sessions.purge',
    everyMinutes: 60,
    // Sessions are stamped with the system clock (session.ts), not the platform's.
    run: (db, _now, { config }) => purgeExpiredSessions(db, new Date(), config.sessionIdleMinutes),
  },
  {
    name: 'platform.uploads.partial',
    everyMinutes: 60,
    run: (_db, _now, { config }) => removePartialUploads(config.dataDir, ABANDONED_UPLOAD_MS),
  },
];
