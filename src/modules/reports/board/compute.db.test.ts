/** Many agencies' reports at once give exactly what each gives alone. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../../test/helpers/request-cases.ts';
import { now } from '../../../platform/time.ts';
import { computeReport, listAgencies } from '../service.ts';
import { computeReports } from './compute.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const office = await orgIdByName(t.db, '市政府办公室');
  const education = await orgIdByName(t.db, '市教育局');
  const county = await orgIdByName(t.db, '邹城市人民政府');
  const types = ['natural', 'commercial', 'research', 'legal-service'];
  const outcomes = ['DISCLOSE', 'PARTIAL', 'NOT_EXIST', 'WITHHOLD'];
  let n = 0;
  for (const orgId of [city, office, education, county]) {
    for (let i = 0; i < 6; i++) {
      n++;
      await insertCaseRow(t.db, {
        orgId,
        applicantType: types[n % 4] as string,
        receivedOn: i === 0 ? '2024-12-20' : `2025-0${1 + i}-0${1 + (n % 8)}`,
        ...(i === 5
          ? {}
          : { concluded: { outcome: outcomes[n % 4] as string, event: 'reply', on: `2025-0${2 + i}-15` } }),
      });
    }
  }
  await t.db
    .insertInto('documents')
    .values(
      [city, office, education, education].map((orgId, i) => ({
        title: `文件${i}`,
        index_number: `CMP-${i}`,
        org_id: orgId,
        genre: i % 2 ? 'normative' : 'rule',
        written_date: '2025-05-01',
        status: 'published' as const,
        validity: 'valid' as const,
      })),
    )
    .execute();
  await t.db
    .insertInto('report_figures')
    .values({
      org_id: education,
      year: 2025,
      key: 'licensing',
      value: 12,
      entered_by: null,
      entered_at: now(),
    })
    .execute();
});
after(() => t.close());

test('computeReports equals computeReport for every agency (figures and checks)', async () => {
  const agencies = await listAgencies(t.db);
  const all = await computeReports(t.db, agencies, 2025);
  assert.equal(all.size, agencies.length);
  let withCases = 0;
  for (const a of agencies) {
    const one = await computeReport(t.db, a, 2025);
    assert.deepEqual(all.get(a.org.id), one, a.org.name);
    if ((one.figures.table3.一?.[6] ?? 0) > 0) withCases++;
  }
  assert.equal(withCases, 3, 'the city (with its office), 市教育局 and 邹城市 have cases');
});
