/** Who may see a government's summary (条例第四十九条: the GIO authority of that government). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canSummarize, type SummaryActor } from './policies.ts';

// City government 1 (its office acts for 1), county government 40 (its office acts for 40), department 10.
const city = { orgId: 1, isGovernment: true };
const county = { orgId: 40, isGovernment: true };
const department = { orgId: 10, isGovernment: false };

test('only the office of that government, and the administrator, see its summary', () => {
  const rows: [string, SummaryActor, typeof city, boolean][] = [
    ['the city’s office, the city', { role: 'office', agencyIds: [2, 1] }, city, true],
    ['the city’s office, a county', { role: 'office', agencyIds: [2, 1] }, county, false],
    ['the county’s office, the county', { role: 'office', agencyIds: [40] }, county, true],
    ['the county’s office, the city', { role: 'office', agencyIds: [40] }, city, false],
    ['the city’s 负责人 (not the office)', { role: 'approver', agencyIds: [1] }, city, false],
    ['a handler of the city', { role: 'handler', agencyIds: [1] }, city, false],
    ['a department’s office', { role: 'office', agencyIds: [10] }, city, false],
    ['a department is not a government', { role: 'office', agencyIds: [10] }, department, false],
    ['the administrator, any government', { role: 'admin', agencyIds: [1] }, county, true],
    ['the administrator, not a government', { role: 'admin', agencyIds: [1] }, department, false],
  ];
  for (const [who, actor, subject, expected] of rows)
    assert.equal(canSummarize(actor, subject), expected, who);
});
