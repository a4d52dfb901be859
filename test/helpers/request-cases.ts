/**
 * Application cases written straight into the requests tables, for tests that count them (the stats of
 * the annual report): the date of receipt, the outcome and the event that concluded the case, without
 * going through the statutory workflow.
 */

import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';

export type CaseRow = {
  orgId: number;
  applicantType: string;
  /** 收到申请之日; null while awaiting confirmation. */
  receivedOn: string | null;
  /** The outcome and the concluding event (reply, withdraw, deem-withdrawn-…) with its date. */
  concluded?: { outcome: string; ground?: string; event: string; on: string };
};

let serial = 0;

export async function insertCaseRow(db: Kysely<Database>, c: CaseRow): Promise<number> {
  serial++;
  const stage =
    c.receivedOn === null
      ? 'awaiting-confirmation'
      : c.concluded
        ? c.concluded.event === 'reply'
          ? 'replied'
          : 'closed'
        : 'processing';
  const applicant = {
    type: c.applicantType,
    name: `申请人${serial}`,
    idType: 'id-card',
    idNumber: '',
    phone: '13800000000',
    email: null,
    address: null,
    contactName: null,
  };
  const row = await db
    .insertInto('requests')
    .values({
      case_no: `测试-${serial}`,
      org_id: c.orgId,
      unit_id: null,
      handler_id: null,
      channel: 'online',
      submitted_on: c.receivedOn ?? '2025-01-01',
      received_on: c.receivedOn,
      stage,
      applicant_type: c.applicantType,
      applicant_name: applicant.name,
      applicant: JSON.stringify(applicant),
      subject: `测试申请${serial}`,
      doc_number: null,
      description: '测试',
      form_wanted: null,
      delivery_wanted: null,
      outcome: c.concluded?.outcome ?? null,
      outcome_ground: c.concluded?.ground ?? null,
      reply_due: null,
      clock_missing_year: null,
      tracking_code: null,
      tracking_password_hash: null,
      submission_key: null,
      created_by: null,
      updated_at: new Date('2026-03-16T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.concluded) {
    await db
      .insertInto('request_events')
      .values({
        request_id: row.id,
        on_date: c.concluded.on,
        type: c.concluded.event,
        actor_id: null,
        data: '{}',
      })
      .execute();
  }
  return row.id;
}
