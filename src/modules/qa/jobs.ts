/** Keeps the passage index current: the documents module announces no events, so a periodic check. */
import type { Job } from '../../platform/jobs/scheduler.ts';
import { refreshIndex } from './service.ts';

export const qaIndexJob: Job = {
  name: 'qa.index',
  everyMinutes: 10,
  // Cheap when nothing changed: the library's stamp is compared first.
  run: (db) => refreshIndex(db),
};
