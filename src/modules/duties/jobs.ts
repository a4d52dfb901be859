/** 政务新媒体: once a day the accounts silent longer than the set period are flagged (domain/rules.ts). */
import type { Job } from '../../platform/jobs/scheduler.ts';
import { chinaDateOf } from '../../platform/time.ts';
import { checkSilentAccounts } from './service.ts';

export const silentAccountsJob: Job = {
  name: 'duties.accounts',
  everyMinutes: 24 * 60,
  run: (db, now) => checkSilentAccounts(db, chinaDateOf(now)),
};
