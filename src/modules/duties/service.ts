/**
 * The duty registers: load → the pure rules decide (domain/) → store writes and the audit row, in one
 * transaction. One generic path for the registers staff enter (舆情, 建议提案, 新媒体: a register's zod
 * schema, its cross-field rules, its state from its facts) and the errata's own steps (received on the
 * portal, assigned, answered).
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday } from '../../platform/time.ts';
import { formatChineseDate, loadCalendar } from '../calendar/index.ts';
import { createNotifications } from '../notifications/index.ts';
import {
  agencyIdsFor,
  listOrgs,
  loadReceiving,
  receivingUserIds,
  usersOfOrgs,
  visibleOrgIds,
} from '../orgs/index.ts';
import { BODIES, type RecordInput } from './api.schemas.ts';
import { can, type DutyAction, type DutyActor } from './domain/policies.ts';
import {
  COLUMN_FIELDS,
  type EditableRegister,
  FIELDS,
  type ImportRegister,
  type Register,
  STATE_LABELS,
} from './domain/registers.ts';
import { errataDue, errataNext, isSilent, recordErrors, stateOf } from './domain/rules.ts';
import { presentRecord } from './present.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

const invalid = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', {}, fields);

// ── authorization ──

export async function dutyActor(db: Db, actor: Actor): Promise<DutyActor> {
  const [agencyIds, visible] = await Promise.all([agencyIdsFor(db, actor), visibleOrgIds(db, actor)]);
  return { role: actor.role, orgId: actor.orgId, agencyIds, visibleOrgIds: [...visible] };
}

function authorize(
  da: DutyActor,
  action: DutyAction,
  row: Pick<store.DutyRow, 'org_id' | 'assignee_org_id'>,
) {
  const subject = { orgId: row.org_id, assigneeOrgId: row.assignee_org_id };
  if (!can(da, 'view', subject)) throw new AppError('NOT_FOUND');
  if (!can(da, action, subject)) throw new AppError('FORBIDDEN');
}

async function load(db: Db, da: DutyActor, register: Register, id: number, action: DutyAction) {
  const row = await store.findRecord(db, register, id);
  if (!row) throw new AppError('NOT_FOUND');
  authorize(da, action, row);
  return row;
}

/** The active organisations by id, and those this person may name as a unit. */
async function unitsOf(db: Db, da: DutyActor) {
  const orgs = (await listOrgs(db)).filter((o) => !o.disabled);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const units = orgs.filter((o) => can(da, 'edit', { orgId: o.id })).map((o) => ({ id: o.id, name: o.name }));
  return { names, units };
}

async function presenter(db: Db, da: DutyActor) {
  const [{ names, units }, calendar] = await Promise.all([unitsOf(db, da), loadCalendar(db)]);
  const today = chinaToday();
  return {
    units,
    names,
    present: (row: store.DutyRow) =>
      presentRecord(row, {
        names,
        calendar,
        today,
        canEdit: can(da, 'edit', { orgId: row.org_id, assigneeOrgId: row.assignee_org_id }),
        canAnswer: can(da, 'answer', { orgId: row.org_id, assigneeOrgId: row.assignee_org_id }),
      }),
  };
}

// ── the console's list ──

export async function listFor(
  db: Db,
  actor: Actor,
  register: Register,
  q: { year?: number; orgId?: number; state?: string },
) {
  const da = await dutyActor(db, actor);
  const p = await presenter(db, da);
  // Everyone, administrators included, the units of their subtree and what was assigned to them (the
  // city's administrator: the whole tree).
  const orgIds = [...new Set([...da.visibleOrgIds, ...da.agencyIds])];
  const rows = await store.listRecords(db, { register, ...q, orgIds, assigneeOrgId: actor.orgId });
  return { items: rows.map(p.present), units: p.units };
}

// ── the registers staff enter ──

/** The table columns and the `data` of a checked input. */
function split(register: EditableRegister, input: RecordInput, today: string) {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input))
    if (!(COLUMN_FIELDS as readonly string[]).includes(k) && v !== null && v !== '') data[k] = v;
  const dueOn = 'dueOn' in input ? (input.dueOn as string) : null;
  return {
    org_id: input.orgId,
    title: input.title,
    occurred_on: input.occurredOn,
    due_on: dueOn,
    state: stateOf(register, input),
    flagged: register === 'accounts' && isSilent({ ...data, occurredOn: input.occurredOn }, today),
    data,
  };
}

function check(register: EditableRegister, input: RecordInput, today: string) {
  const errors = recordErrors(register, input as RecordInput & Record<string, unknown>, today);
  if (errors.length) throw invalid(errors);
}

export async function createRecord(db: Db, actor: Actor, register: EditableRegister, input: RecordInput) {
  const da = await dutyActor(db, actor);
  if (!can(da, 'edit', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  const today = chinaToday();
  check(register, input, today);
  const p = await presenter(db, da);
  const row = await inTransaction(db, async (tx) => {
    const [row] = await store.insertRecords(tx, [
      { register, ...split(register, input, today), code: null, created_by: actor.id, updated_by: actor.id },
    ]);
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'duties.create',
      subjectType: 'duty_record',
      subjectId: row.id,
      after: { register, ...input },
    });
    return row;
  });
  return p.present(row);
}

export async function updateRecordFor(
  db: Db,
  actor: Actor,
  register: EditableRegister,
  id: number,
  input: RecordInput,
) {
  const da = await dutyActor(db, actor);
  const before = await load(db, da, register, id, 'edit');
  // Moving a record to another unit needs the right over that unit too.
  if (!can(da, 'edit', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  const today = chinaToday();
  check(register, input, today);
  const p = await presenter(db, da);
  const row = await inTransaction(db, async (tx) => {
    const row = await store.updateRecord(tx, id, { ...split(register, input, today), updated_by: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'duties.update',
      subjectType: 'duty_record',
      subjectId: id,
      before: { title: before.title, state: before.state, data: before.data },
      after: { register, ...input },
    });
    return row;
  });
  return p.present(row);
}

// ── the .xlsx import ──

export type ImportSheet = {
  headers: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
};

/** A cell's text as the schema expects it: a select's Chinese label → its value, an empty cell → null. */
function cellValue(kind: string, options: Record<string, string> | undefined, text: string): unknown {
  if (text === '') return null;
  if (kind === 'select' && options)
    return Object.entries(options).find(([, label]) => label === text)?.[0] ?? text;
  return text;
}

/**
 * Imports the rows of a sheet into `register`: every row is checked (its unit, its schema, its rules, the
 * right to enter it); any error names its row and nothing is saved.
 */
export async function importRecords(db: Db, actor: Actor, register: ImportRegister, sheet: ImportSheet) {
  const da = await dutyActor(db, actor);
  const { names } = await unitsOf(db, da);
  const byName = new Map([...names].map(([id, name]) => [name, id]));
  const fields = FIELDS[register];
  const today = chinaToday();
  const headers = sheet.headers.map((h) =>
    h
      .replace(/[（(].*$/, '')
      .replace(/\*/g, '')
      .trim(),
  );
  const errors: FieldError[] = [];
  const missing = fields.filter((f) => f.required && !headers.includes(f.label));
  if (missing.length)
    throw new AppError('DUTIES_IMPORT_FILE', { detail: `缺少列：${missing.map((f) => f.label).join('、')}` });
  const inputs: RecordInput[] = [];
  const schema = BODIES[register] as z.ZodType<RecordInput>;
  for (const r of sheet.rows) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const at = `第${r.row}行`;
    const raw: Record<string, unknown> = {};
    for (const f of fields) {
      const i = headers.indexOf(f.label);
      const text = i < 0 ? '' : (r.cells[i] ?? '').trim();
      if (f.kind === 'org') {
        const id = byName.get(text);
        if (!text) errors.push({ path: at, message: '责任单位：请填写责任单位' });
        else if (id === undefined || !can(da, 'edit', { orgId: id }))
          errors.push({ path: at, message: `责任单位：“${text}”不存在或您无权为其录入` });
        raw.orgId = id ?? 0;
      } else raw[f.key] = cellValue(f.kind, f.options, text);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (key === 'orgId') continue;
        const label = fields.find((f) => f.key === key)?.label ?? key;
        errors.push({ path: at, message: `${label}：${issue.message}` });
      }
      continue;
    }
    for (const e of recordErrors(register, parsed.data as RecordInput & Record<string, unknown>, today)) {
      const label = fields.find((f) => f.key === e.path)?.label ?? e.path;
      errors.push({ path: at, message: `${label}：${e.message}` });
    }
    inputs.push(parsed.data);
  }
  if (errors.length)
    throw new AppError(
      'DUTIES_IMPORT_ROWS',
      {
        count: errors.length,
        detail: errors
          .slice(0, 5)
          .map((e) => `${e.path}，${e.message}`)
          .join('；'),
      },
      errors,
    );
  if (inputs.length === 0) throw new AppError('DUTIES_IMPORT_FILE', { detail: '工作表中没有记录' });
  return inTransaction(db, async (tx) => {
    const rows = await store.insertRecords(
      tx,
      inputs.map((input) => ({
        register,
        ...split(register, input, today),
        code: null,
        created_by: actor.id,
        updated_by: actor.id,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'duties.import',
      subjectType: 'duty_record',
      subjectId: null,
      after: { register, count: rows.length, ids: rows.map((r) => r.id) },
    });
    return rows.length;
  });
}

// ── 网站找错 ──

/** Tells people of an error report to handle (the console's bell), in the writing transaction. */
async function notifyErrata(tx: Db, userIds: readonly number[], row: store.DutyRow, title: string) {
  await createNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: 'duties.errata',
      subjectType: 'duty_record',
      subjectId: String(row.id),
      title,
      body: `网站纠错（${row.title}）：${String(row.data.description ?? '')}。请于${formatChineseDate(row.due_on)}前答复。`,
      dueOn: row.due_on,
    })),
  );
}

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code: JC, the day received and six characters no one guesses (no 0/O, 1/I). */
function trackingCode(today: string): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  return `JC${today.replaceAll('-', '')}${tail}`;
}

export type ErrataInput = { page: string; description: string; contact: string | null };

/** An error report from the portal, for the office of the site's government; due in working days. */
export async function submitErrata(db: Db, governmentId: number, input: ErrataInput) {
  const today = chinaToday();
  const due = errataDue(await loadCalendar(db), today);
  if (!due) throw new AppError('DUTIES_NO_CALENDAR');
  return inTransaction(db, async (tx) => {
    const [row] = await store.insertRecords(tx, [
      {
        register: 'errata',
        org_id: governmentId,
        assignee_org_id: null,
        title: input.page,
        occurred_on: today,
        due_on: due.dueOn,
        state: 'received',
        code: trackingCode(today),
        data: {
          page: input.page,
          description: input.description,
          ...(input.contact ? { contact: input.contact } : {}),
        },
        created_by: null,
        updated_by: null,
      },
    ]);
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actorId: null,
      action: 'duties.errata.submit',
      subjectType: 'duty_record',
      subjectId: row.id,
      after: { page: input.page, dueOn: row.due_on, code: row.code },
    });
    // The office that receives for the government is told.
    const receipt = (await loadReceiving(tx)).receiverOf(governmentId);
    if (receipt) await notifyErrata(tx, await receivingUserIds(tx, receipt.officeId), row, '收到网站纠错');
    return { row, provisionalYears: due.provisionalYears };
  });
}

/** What a visitor sees of their report by its tracking code (no contact details). */
export async function trackErrata(db: Db, code: string) {
  return store.findByCode(db, code.trim().toUpperCase());
}

async function errataStep(
  db: Db,
  actor: Actor,
  id: number,
  step: 'assign' | 'answer',
  change: (row: store.DutyRow) => Parameters<typeof store.updateRecord>[2],
) {
  const da = await dutyActor(db, actor);
  const before = await load(db, da, 'errata', id, step === 'assign' ? 'edit' : 'answer');
  const next = errataNext(before.state, step);
  if (!next)
    throw new AppError('DUTIES_STATE', {
      state: STATE_LABELS[before.state],
      action: step === 'assign' ? '交办' : '答复',
    });
  const p = await presenter(db, da);
  const row = await inTransaction(db, async (tx) => {
    const row = await store.updateRecord(tx, id, { ...change(before), state: next, updated_by: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `duties.errata.${step}`,
      subjectType: 'duty_record',
      subjectId: id,
      before: { state: before.state, assigneeOrgId: before.assignee_org_id },
      after: { state: row.state, assigneeOrgId: row.assignee_org_id, answer: row.data.answer ?? null },
    });
    if (step === 'assign' && row.assignee_org_id !== null) {
      const users = await usersOfOrgs(tx, [row.assignee_org_id]);
      await notifyErrata(
        tx,
        users.map((u) => u.id),
        row,
        '网站纠错已交办',
      );
    }
    return row;
  });
  return p.present(row);
}

export async function assignErrata(db: Db, actor: Actor, id: number, orgId: number) {
  const orgs = await listOrgs(db);
  if (!orgs.some((o) => o.id === orgId && !o.disabled))
    throw invalid([{ path: 'orgId', message: '请选择承办单位' }]);
  return errataStep(db, actor, id, 'assign', () => ({ assignee_org_id: orgId }));
}

export async function answerErrata(db: Db, actor: Actor, id: number, answer: string) {
  const today = chinaToday();
  return errataStep(db, actor, id, 'answer', (row) => ({ data: { ...row.data, answer, answeredOn: today } }));
}

// ── 政务新媒体: the periodic check ──

/** Flags the active accounts silent longer than the set period, clears the others (the daily job). */
export async function checkSilentAccounts(db: Db, today: string = chinaToday()) {
  const rows = await store.accountsOf(db, undefined);
  const silent = (r: store.DutyRow) =>
    isSilent(
      {
        closedOn: r.data.closedOn as string | undefined,
        lastUpdateOn: r.data.lastUpdateOn as string | undefined,
        occurredOn: r.occurred_on,
      },
      today,
    );
  const flagged = rows.filter((r) => !r.flagged && silent(r)).map((r) => r.id);
  const clear = rows.filter((r) => r.flagged && !silent(r)).map((r) => r.id);
  if (flagged.length || clear.length)
    await inTransaction(db, async (tx) => {
      await store.setFlags(tx, { flagged, clear });
      await recordAudit(tx, {
        actorId: null,
        action: 'duties.accounts.check',
        subjectType: 'duty_record',
        subjectId: null,
        after: { today, flagged, cleared: clear },
      });
    });
  return { flagged: flagged.length, cleared: clear.length };
}

/** calendar.changed (inside the saving transaction): the due dates of errata still unanswered, recounted. */
export async function recomputeErrataDueDates(db: Db): Promise<void> {
  const calendar = await loadCalendar(db);
  const open = await db
    .selectFrom('duty_records')
    .select(['id', 'occurred_on', 'due_on'])
    .where('register', '=', 'errata')
    .where('state', '!=', 'answered')
    .execute();
  for (const row of open) {
    const due = errataDue(calendar, row.occurred_on);
    if (due && due.dueOn !== row.due_on)
      await db.updateTable('duty_records').set({ due_on: due.dueOn }).where('id', '=', row.id).execute();
  }
}
