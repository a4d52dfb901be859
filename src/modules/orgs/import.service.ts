/**
 * 机构、用户导入: load → the pure planners decide (domain/org-import.ts, domain/user-import.ts) →
 * one transaction writes the whole plan with its audit rows, or nothing when any row has an error.
 * `actor` null is the command line (all organisations, no scope).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashPassword, randomPassword } from '../../platform/http/passwords.ts';
import type { Actor } from '../../platform/http/session.ts';
import { type ExistingOrg, type OrgRef, planOrgImport } from './domain/org-import.ts';
import type { OrgKind } from './domain/roles.ts';
import type { RowError, RowResult, Sheet } from './domain/sheet.ts';
import { planUserImport } from './domain/user-import.ts';
import { authorize, visibleOrgIds } from './service.ts';

type Db = Kysely<Database>;

export type ImportReport = {
  /** True when the import was written (false for a preview, a dry run, or a file with errors). */
  saved: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  rows: RowResult[];
  /** New accounts' generated passwords, shown this once (user imports that were saved). */
  passwords?: { username: string; password: string }[];
};

function report(results: RowResult[], errors: RowError[], saved: boolean): ImportReport {
  const count = (a: RowResult['action']) => results.filter((r) => r.action === a).length;
  return {
    saved,
    created: errors.length > 0 ? 0 : count('create'),
    updated: errors.length > 0 ? 0 : count('update'),
    unchanged: errors.length > 0 ? 0 : count('unchanged'),
    errors,
    rows: results,
  };
}

/** The refusal of a file with errors: every row error as a field, nothing saved. */
export function importRefusal(r: ImportReport): AppError {
  return new AppError(
    'ORGS_IMPORT_INVALID',
    { count: r.errors.length },
    r.errors.map((e) => ({ path: `第${e.row}行`, message: e.message })),
  );
}

async function existingOrgs(tx: Db): Promise<ExistingOrg[]> {
  const rows = await tx.selectFrom('orgs').selectAll().orderBy('id').execute();
  return rows.map((o) => ({
    id: o.id,
    parentId: o.parent_id,
    name: o.name,
    kind: o.kind as OrgKind,
    shortName: o.short_name,
    creditCode: o.credit_code,
    code: o.code,
    acceptsRequests: o.accepts_requests,
  }));
}

/** Check an organisation spreadsheet and, when `save` and no row has an error, write it. */
export async function importOrgs(
  db: Db,
  actor: Actor | null,
  sheet: Sheet,
  opts: { save: boolean },
): Promise<ImportReport> {
  if (actor) authorize(actor, 'orgs.manage');
  return inTransaction(db, async (tx) => {
    const visibleIds = actor ? await visibleOrgIds(tx, actor) : undefined;
    const plan = planOrgImport(sheet, await existingOrgs(tx), { visibleIds });
    if (!opts.save || plan.errors.length > 0) return report(plan.results, plan.errors, false);
    const idOfRow = new Map<number, number>();
    const parentId = (ref: OrgRef): number | null =>
      ref === null ? null : 'existing' in ref ? ref.existing : (idOfRow.get(ref.row) ?? null);
    const changed = new Set(plan.results.filter((r) => r.action !== 'unchanged').map((r) => r.row));
    for (const item of plan.items) {
      const values = {
        parent_id: parentId(item.parent),
        name: item.name,
        kind: item.kind,
        short_name: item.shortName,
        credit_code: item.creditCode,
        code: item.code,
        accepts_requests: item.acceptsRequests,
      };
      if (item.id === null) {
        const max = await tx
          .selectFrom('orgs')
          .select((eb) => eb.fn.max('sort_order').as('m'))
          .where('parent_id', '=', values.parent_id)
          .executeTakeFirst();
        const row = await tx
          .insertInto('orgs')
          .values({ ...values, sort_order: Number(max?.m ?? 0) + 1 })
          .returningAll()
          .executeTakeFirstOrThrow();
        idOfRow.set(item.row, row.id);
        await recordAudit(tx, {
          actorId: actor?.id ?? null,
          action: 'org.create',
          subjectType: 'org',
          subjectId: row.id,
          after: { ...row, importRow: item.row },
        });
      } else {
        idOfRow.set(item.row, item.id);
        if (!changed.has(item.row)) continue;
        const before = await tx.selectFrom('orgs').selectAll().where('id', '=', item.id).executeTakeFirst();
        const after = await tx
          .updateTable('orgs')
          .set(values)
          .where('id', '=', item.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actorId: actor?.id ?? null,
          action: 'org.update',
          subjectType: 'org',
          subjectId: item.id,
          before,
          after: { ...after, importRow: item.row },
        });
      }
    }
    const out = report(plan.results, plan.errors, true);
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'org.import',
      subjectType: 'org',
      subjectId: null,
      after: { created: out.created, updated: out.updated, unchanged: out.unchanged },
    });
    return out;
  });
}

/**
 * Check a user spreadsheet and, when `save` and no row has an error, write it. New accounts get a
 * random password, returned once; existing accounts keep theirs.
 */
export async function importUsers(
  db: Db,
  actor: Actor | null,
  sheet: Sheet,
  opts: { save: boolean },
): Promise<ImportReport> {
  if (actor) authorize(actor, 'users.manage');
  return inTransaction(db, async (tx) => {
    const [orgs, aliases, users] = await Promise.all([
      tx.selectFrom('orgs').select(['id', 'name', 'disabled']).execute(),
      tx.selectFrom('org_aliases').select(['alias', 'org_id as orgId']).execute(),
      tx
        .selectFrom('users')
        .select([
          'id',
          'username',
          'display_name as displayName',
          'org_id as orgId',
          'role',
          'phone',
          'email',
        ])
        .execute(),
    ]);
    const plan = planUserImport(sheet, {
      orgs,
      aliases,
      users,
      visibleIds: actor ? await visibleOrgIds(tx, actor) : undefined,
      actorId: actor?.id,
    });
    if (!opts.save || plan.errors.length > 0) return report(plan.results, plan.errors, false);
    const passwords: { username: string; password: string }[] = [];
    const changed = new Set(plan.results.filter((r) => r.action !== 'unchanged').map((r) => r.row));
    for (const item of plan.items) {
      const values = {
        display_name: item.displayName,
        org_id: item.orgId,
        role: item.role,
        phone: item.phone,
        email: item.email,
      };
      if (item.id === null) {
        const password = randomPassword();
        // A generated password: its holder must choose their own at first sign-in.
        const row = await tx
          .insertInto('users')
          .values({
            ...values,
            username: item.username,
            password_hash: await hashPassword(password),
            must_change_password: true,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        passwords.push({ username: item.username, password });
        const { password_hash: _, ...shown } = row;
        await recordAudit(tx, {
          actorId: actor?.id ?? null,
          action: 'user.create',
          subjectType: 'user',
          subjectId: row.id,
          after: { ...shown, importRow: item.row },
        });
      } else if (changed.has(item.row)) {
        const before = await tx.selectFrom('users').selectAll().where('id', '=', item.id).executeTakeFirst();
        const after = await tx
          .updateTable('users')
          .set(values)
          .where('id', '=', item.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, {
          actorId: actor?.id ?? null,
          action: 'user.update',
          subjectType: 'user',
          subjectId: item.id,
          before: before && { ...before, password_hash: undefined },
          after: { ...after, password_hash: undefined, importRow: item.row },
        });
      }
    }
    const out = { ...report(plan.results, plan.errors, true), passwords };
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: 'user.import',
      subjectType: 'user',
      subjectId: null,
      after: { created: out.created, updated: out.updated, unchanged: out.unchanged },
    });
    return out;
  });
}
