/**
 * 申请台账导入: load (the numbers in use, the agency's organisations) → the pure planner decides
 * (domain/ledger.ts) → one transaction writes every case with its audit rows, or nothing when any row has
 * an error. Imported cases carry `imported`: lists and stats count them, no action may change them.
 * `actor` null is the command line (any agency, no scope).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { listOrgs, type OrgRow, subtreeIds } from '../../orgs/index.ts';
import { loadCaseActor } from '../case-actor.ts';
import { APPLICANT_TYPE_INFO } from '../domain/applicant.ts';
import { REPORT_ROWS } from '../domain/outcomes.ts';
import { can } from '../domain/policies.ts';
import {
  importedStage,
  type LedgerCase,
  type LedgerRowError,
  type LedgerSheet,
  ledgerNumbers,
  planLedgerImport,
  rowCodeOf,
} from './domain/ledger.ts';

type Db = Kysely<Database>;

/** One row of the preview: the case it gives, or its errors. */
export type LedgerPreviewRow = {
  row: number;
  caseNo: string;
  applicantName: string;
  applicantType: string;
  receivedOn: string;
  unitName: string | null;
  concludedOn: string | null;
  /** The table 三 row it counts in, e.g. 三(四)1 本机关不掌握相关政府信息; null while open. */
  reportRow: string | null;
};

export type LedgerReport = {
  /** True when the cases were written (false for a preview, a dry run, or a file with errors). */
  saved: boolean;
  /** Cases written (0 unless saved). */
  imported: number;
  /** Cases the file gives (when it has no error). */
  valid: number;
  errors: LedgerRowError[];
  rows: LedgerPreviewRow[];
};

/** The refusal of a ledger with errors: every row error as a field, nothing saved. */
export function ledgerRefusal(r: LedgerReport): AppError {
  return new AppError(
    'REQUESTS_IMPORT_INVALID',
    { count: r.errors.length },
    r.errors.map((e) => ({ path: `第${e.row}行`, message: e.message })),
  );
}

/** An organisation by id or exact name (as `gongkai report compute --org` takes it). */
export async function findOrgRef(db: Db, ref: string | number): Promise<OrgRow | undefined> {
  const orgs = await listOrgs(db);
  const text = String(ref).trim();
  return /^\d+$/.test(text) ? orgs.find((o) => o.id === Number(text)) : orgs.find((o) => o.name === text);
}

function previewRow(c: LedgerCase): LedgerPreviewRow {
  const row = c.reportRow ? REPORT_ROWS.find((r) => r.key === c.reportRow) : undefined;
  return {
    row: c.row,
    caseNo: c.caseNo,
    applicantName: c.applicantName,
    applicantType: APPLICANT_TYPE_INFO[c.applicantType].label,
    receivedOn: c.receivedOn,
    unitName: c.unitName,
    concludedOn: c.concludedOn,
    reportRow: c.reportRow && row ? `${rowCodeOf(c.reportRow)} ${row.label}` : null,
  };
}

/** Only the office of the agency imports its ledger (domain/policies.ts 'import-ledger'). */
export async function authorizeLedgerImport(db: Db, actor: Actor, orgId: number): Promise<void> {
  const a = await loadCaseActor(db, actor);
  if (!can(a, 'import-ledger', { orgId })) throw new AppError('FORBIDDEN');
}

/** Check a ledger for the agency `orgId` and, when `save` and no row has an error, import every case. */
export async function importLedger(
  db: Db,
  actor: Actor | null,
  orgId: number,
  sheet: LedgerSheet,
  opts: { save: boolean; today: string },
): Promise<LedgerReport> {
  if (actor) await authorizeLedgerImport(db, actor, orgId);
  return inTransaction(db, async (tx) => {
    const orgs = await listOrgs(tx);
    const agency = orgs.find((o) => o.id === orgId);
    if (!agency) throw new AppError('NOT_FOUND');
    const inTree = subtreeIds(
      orgs.map((o) => ({ id: o.id, parentId: o.parent_id })),
      orgId,
    );
    const numbers = ledgerNumbers(sheet);
    const used = numbers.length
      ? await tx.selectFrom('requests').select('case_no').where('case_no', 'in', numbers).execute()
      : [];
    const plan = planLedgerImport(sheet, {
      existingNumbers: new Set(used.map((u) => u.case_no as string)),
      units: orgs.filter((o) => inTree.has(o.id)).map((o) => ({ id: o.id, name: o.name })),
      today: opts.today,
    });
    const rows = plan.cases.map(previewRow);
    const report = (saved: boolean): LedgerReport => ({
      saved,
      imported: saved ? plan.cases.length : 0,
      valid: plan.cases.length,
      errors: plan.errors,
      rows,
    });
    if (!opts.save || plan.errors.length > 0) return report(false);
    for (const c of plan.cases) {
      const row = await tx
        .insertInto('requests')
        .values({
          case_no: c.caseNo,
          org_id: orgId,
          unit_id: c.unitId,
          handler_id: null,
          // The ledger does not say how the application came; a channel is required, and 当面 has no
          // separate receipt date — the analytics by channel count imported cases there (docs/requests.md).
          channel: 'in-person',
          submitted_on: c.receivedOn,
          received_on: c.receivedOn,
          stage: importedStage(c),
          applicant_type: c.applicantType,
          applicant_name: c.applicantName,
          applicant: JSON.stringify({
            type: c.applicantType,
            name: c.applicantName,
            idType: '',
            idNumber: '',
            phone: '',
            email: null,
            address: null,
            contactName: null,
          }),
          subject: c.content.length > 60 ? `${c.content.slice(0, 60)}…` : c.content,
          description: c.content,
          outcome: c.outcome,
          outcome_ground: c.ground,
          // The conclusion date: the stats count a concluded case on it (stats.ts).
          replied_on: c.concludedOn,
          imported: true,
          created_by: actor?.id ?? null,
          updated_at: new Date(),
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('request_events')
        .values({
          request_id: row.id,
          on_date: c.receivedOn,
          type: 'submit',
          actor_id: actor?.id ?? null,
          data: JSON.stringify({
            confirmed: true,
            channel: 'in-person',
            receivedOn: c.receivedOn,
            imported: { row: c.row, concludedOn: c.concludedOn, outcome: c.outcome, ground: c.ground },
          }),
        })
        .execute();
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: 'request.import-case',
        subjectType: 'request',
        subjectId: row.id,
        after: { caseNo: c.caseNo, orgId, importRow: c.row, outcome: c.outcome, concludedOn: c.concludedOn },
      });
    }
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'request.import',
      subjectType: 'request',
      subjectId: null,
      after: { orgId, imported: plan.cases.length },
    });
    return report(true);
  });
}
