import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicationBody, orgIdByName, registerCase } from '../../../test/helpers/factories.ts';
import * as store from './store.ts';

let t: TestApp;
let office: Client;
let orgId: number;
before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  orgId = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

const caseNo = async (id: number) =>
  (await t.db.selectFrom('requests').select('case_no').where('id', '=', id).executeTakeFirstOrThrow())
    .case_no;

test('case numbers have no gaps: a registration that rolls back gives its number back', {
  timeout: 60_000,
}, async () => {
  const first = await registerCase(office, applicationBody(orgId, { submittedOn: '2024-03-01' }));
  assert.equal(await caseNo(first), '2024-000001');
  const row = await store.findRequest(t.db, first);
  assert.ok(row);
  const { applicant, ...r } = row;
  await assert.rejects(
    t.db.transaction().execute(async (tx) => {
      await store.insertRequest(tx, {
        org_id: r.org_id,
        unit_id: null,
        handler_id: null,
        channel: r.channel,
        submitted_on: r.submitted_on,
        received_on: null,
        stage: r.stage,
        applicant_type: r.applicant_type,
        applicant_name: r.applicant_name,
        applicant: applicant as store.ApplicantRecord,
        subject: r.subject,
        doc_number: null,
        description: r.description,
        form_wanted: null,
        delivery_wanted: null,
        tracking_code: null,
        tracking_password_hash: null,
        submission_key: null,
        created_by: null,
      });
      throw new Error('the registration fails after its number was taken');
    }),
    /registration fails/,
  );
  const second = await registerCase(office, applicationBody(orgId, { submittedOn: '2024-03-02' }));
  assert.equal(await caseNo(second), '2024-000002');
});

test('each year is numbered from 1, and a number an imported ledger holds is skipped', {
  timeout: 60_000,
}, async () => {
  await t.db
    .updateTable('requests')
    .set({ case_no: '2023-000002' })
    .where('case_no', '=', '2024-000002')
    .execute();
  const a = await registerCase(office, applicationBody(orgId, { submittedOn: '2023-05-01' }));
  const b = await registerCase(office, applicationBody(orgId, { submittedOn: '2023-05-02' }));
  assert.deepEqual([await caseNo(a), await caseNo(b)], ['2023-000001', '2023-000003']);
});
