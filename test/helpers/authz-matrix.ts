/**
 * The authorisation matrix (issue 18 item 10c): every route of `/api/openapi.json` tried by the staff of
 * another unit and by an anonymous visitor, with the ids of records that are not theirs.
 *
 * The world: the demo data of every module (the demo city 济宁市人民政府 and its tree: records of every
 * kind, owned by the city and its departments — "unit A"), plus a few rows the demo leaves empty,
 * created here for 市教育局. The probing units are new and hold nothing: a department beside the others
 * (市矩阵测试局, one account per role) and a county beside the demo counties (矩阵县人民政府, its
 * administrator). Visibility goes down the tree only, so nothing of A is theirs.
 *
 * A route's path parameters are filled from `PARAMS`, keyed by the path up to the parameter; a route
 * with a parameter not in the table fails the matrix naming the key to add, so a new route cannot
 * slip past.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';
import type { Role } from '../../src/platform/roles.ts';
import { createTestUser } from './factories.ts';

type Db = Kysely<Database>;

export const A_ORG = '市教育局';
export const B_ORG = '市矩阵测试局';
export const C_COUNTY = '矩阵县人民政府';

/** The probing principals: every staff role of B, the administrator of the county C, anonymous. */
export const PRINCIPALS: { username: string | null; role?: Role; org?: string; label: string }[] = [
  { username: null, label: '匿名' },
  { username: 'mx_handler', role: 'handler', org: B_ORG, label: 'B 承办人' },
  { username: 'mx_reviewer', role: 'reviewer', org: B_ORG, label: 'B 审核人' },
  { username: 'mx_approver', role: 'approver', org: B_ORG, label: 'B 负责人' },
  { username: 'mx_office', role: 'office', org: B_ORG, label: 'B 公开办' },
  { username: 'mx_admin', role: 'admin', org: B_ORG, label: 'B 管理员' },
  { username: 'mx_county', role: 'admin', org: C_COUNTY, label: 'C 县管理员' },
];

/** Adds B (a department under the city), C (a county under the city) and the probing accounts. */
export async function addProbingUnits(db: Db): Promise<{ orgIds: number[]; userIds: number[] }> {
  const city = await db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const orgIds: number[] = [];
  for (const [name, kind] of [
    [B_ORG, 'department'],
    [C_COUNTY, 'county'],
  ] as const) {
    const row = await db
      .insertInto('orgs')
      .values({ parent_id: city.id, name, kind, sort_order: 999 })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds.push(row.id);
  }
  const userIds: number[] = [];
  for (const p of PRINCIPALS) {
    if (!p.username || !p.role || !p.org) continue;
    userIds.push(await createTestUser(db, { username: p.username, role: p.role, org: p.org }));
  }
  return { orgIds, userIds };
}

/**
 * Rows of kinds the demo does not create, for A (市教育局 and the city's cases and plans): a stored
 * file, an alias, a notification, a letter, an assistance request, a saved view, a release flag, an
 * assessment, an attachment, a search synonym candidate.
 */
export async function addMissingRecords(db: Db): Promise<void> {
  const q = (text: string) => sql.raw(text).execute(db);
  const aUser = `(select u.id from users u join orgs o on o.id = u.org_id where o.name = '${A_ORG}' order by u.id limit 1)`;
  const aOrg = `(select id from orgs where name = '${A_ORG}')`;
  const aCase = '(select min(id) from requests)';
  await q(
    `insert into files (sha256, name, mime, size, created_by) values ('${'0'.repeat(64)}', '矩阵A的文件.pdf', 'application/pdf', 0, ${aUser})`,
  );
  const aFile = `(select max(id) from files where name = '矩阵A的文件.pdf')`;
  await q(`insert into org_aliases (alias, org_id, created_by) values ('矩阵A别名', ${aOrg}, ${aUser})`);
  await q(
    `insert into notifications (user_id, kind, subject_type, subject_id, title) values (${aUser}, 'matrix', 'request', '1', '矩阵A的提醒')`,
  );
  await q(
    `insert into request_letters (request_id, event_id, kind, title, file_id)
     select e.request_id, e.id, 'acknowledgement', '矩阵A的文书', ${aFile} from request_events e
     where e.request_id = ${aCase} order by e.id limit 1`,
  );
  await q(
    `insert into request_assistance (public_id, request_id, unit_id, kind, question, asked_on, due_on, asked_by, status, replied_on, reply_file_ids)
     values ('mx-assist-1', ${aCase}, ${aOrg}, 'investigation', '矩阵A的协办问题', '2026-03-02', '2026-03-10', ${aUser}, 'answered', '2026-03-05', array[${aFile}])`,
  );
  await q(
    `insert into request_saved_views (user_id, name, filter) values (${aUser}, '矩阵A的视图', '{}'::jsonb)`,
  );
  await q(
    `insert into request_release_queue (request_id, flagged_by, note) values (${aCase}, ${aUser}, '矩阵A的公开建议')`,
  );
  await q(
    `insert into work_assessments (plan_id, org_id, period_kind, period_label, starts_on, ends_on, as_of, rules)
     select id, org_id, 'monthly', '矩阵A的考核', '2026-02-01', '2026-02-28', '2026-03-01', '{}'::jsonb
     from work_plans order by id limit 1`,
  );
  // A draft of A's (the demo publishes all of 市教育局's documents): its title is a private marker.
  await q(
    `update documents set status = 'draft', published_date = null, title = '矩阵A的草稿：' || title
     where id = (select min(id) from documents where org_id = ${aOrg})`,
  );
  await q(
    `insert into document_attachments (document_id, file_id, name)
     select id, ${aFile}, '矩阵A的附件.pdf' from documents where status <> 'published' order by id limit 1`,
  );
  await q(
    `update work_progress set file_ids = array[${aFile}] where id = (select min(id) from work_progress)`,
  );
  // A synonym candidate mined from the library (the demo mines none), proposed to the city's office.
  await q(
    `insert into search_synonym_candidates (short_form, long_form, source, example) values ('矩阵简称', '矩阵A的全称', 'definition', '矩阵A的例句')`,
  );
}

/**
 * A record of A (`sql`: where several fit, the query prefers one not published, which the portal would
 * show anyway), or a fixed `value` that names no record (a route whose parameters are all values is a
 * list).
 */
export type ParamSource = { sql: string; why?: string } | { value: string; why: string };

/**
 * What each path parameter takes, keyed by the route's path up to and including the parameter. A
 * record of A, found by `sql` (the first column of its first row), or a fixed `value` with the reason
 * it is not a record (a kind of letter, an action name). `{A}` in sql is A's organisation id.
 */
export const PARAMS: Record<string, ParamSource> = {
  '/api/files/{id}': { sql: `select max(id) from files where name = '矩阵A的文件.pdf'` },
  '/api/orgs/aliases/{id}': { sql: `select id from org_aliases where alias = '矩阵A别名'` },
  '/api/orgs/{id}': { sql: 'select {A}' },
  '/api/users/{id}': { sql: 'select min(id) from users where org_id = {A}' },
  '/api/calendar/years/{year}': {
    value: '2026',
    why: 'the platform-wide calendar of holidays: a year, not a record of a unit',
  },
  '/api/notifications/{id}': { sql: `select id from notifications where title = '矩阵A的提醒'` },
  '/api/requests/{id}': { sql: 'select min(id) from requests' },
  '/api/requests/{id}/letters/{letterId}': {
    sql: `select id from request_letters where title = '矩阵A的文书'`,
  },
  '/api/documents/search-synonyms/{id}': {
    sql: `select id from search_synonym_candidates where short_form = '矩阵简称'`,
    why: 'a synonym candidate proposed to the office of the root government (platform-wide)',
  },
  '/api/requests/{id}/files/{fileId}': {
    sql: `select max(id) from files where name = '矩阵A的文件.pdf'`,
    why: "a file A's case names (the letter of the first case)",
  },
  '/api/requests/signoff-chains/{id}': { sql: 'select {A}' },
  '/api/requests/letter-templates/{kind}': {
    value: 'acknowledgement',
    why: "a kind of letter: the template written is the caller's own unit's",
  },
  '/api/requests/assistance/{id}': {
    sql: `select id from request_assistance where public_id = 'mx-assist-1'`,
  },
  '/api/requests/assistance/{id}/files/{fileId}': {
    sql: `select max(id) from files where name = '矩阵A的文件.pdf'`,
  },
  '/api/requests/views/{id}': { sql: `select id from request_saved_views where name = '矩阵A的视图'` },
  '/api/requests/release-queue/{id}': {
    sql: `select id from request_release_queue where note = '矩阵A的公开建议'`,
  },
  '/api/workplan/plans/{id}': { sql: 'select min(id) from work_plans' },
  '/api/workplan/assignments/{id}': { sql: 'select min(id) from work_assignments where org_id = {A}' },
  '/api/workplan/progress/{id}': { sql: 'select min(id) from work_progress' },
  '/api/workplan/progress/{id}/files/{fileId}': {
    sql: `select max(id) from files where name = '矩阵A的文件.pdf'`,
  },
  '/api/workplan/score-rules/{orgId}': { sql: 'select min(org_id) from work_plans' },
  '/api/workplan/assessments/{id}': {
    sql: `select id from work_assessments where period_label = '矩阵A的考核'`,
  },
  '/api/workplan/assessments/{id}/{action}': { value: 'submit', why: 'an action name' },
  '/api/workplan/tasks/{id}': { sql: 'select min(id) from work_tasks' },
  '/api/documents/themes/{id}': {
    sql: 'select min(id) from document_themes',
    why: 'themes are the whole platform’s (maintained by its administrators)',
  },
  '/api/documents/interpretations/{id}': {
    sql: `select min(i.id) from interpretations i join documents d on d.id = i.document_id where d.org_id = {A}`,
  },
  '/api/documents/public/{id}': { sql: `select min(id) from documents where status <> 'published'` },
  '/api/documents/{id}': {
    sql: `select min(id) from documents where status <> 'published' and org_id = {A}`,
  },
  '/api/documents/{id}/attachments/{sub}': {
    sql: `select id from document_attachments where name = '矩阵A的附件.pdf'`,
  },
  '/api/documents/{id}/interpretations/{sub}': {
    sql: `select min(i.id) from interpretations i join documents d on d.id = i.document_id where d.org_id = {A}`,
  },
  '/api/documents/gazette/issues/{id}': {
    sql: `select id from gazette_issues order by (status = 'published'), id limit 1`,
  },
  '/api/documents/catalogue/columns/{id}': {
    sql: 'select min(id) from disclosure_columns where org_id = {A}',
  },
  '/api/documents/catalogue/guides/{orgId}': { sql: 'select {A}' },
  '/api/documents/catalogue/enterprises/{id}': {
    sql: 'select min(id) from public_enterprises where org_id = {A}',
  },
  '/api/qa/pairs/{id}': { sql: 'select min(id) from qa_pairs where org_id = {A}' },
  '/api/qa/pairs/{id}/{action}': { value: 'submit', why: 'an action name' },
  '/api/qa/routed/{id}': { sql: 'select min(id) from qa_routed_questions where org_id = {A}' },
  '/api/reports/{orgId}': { sql: `select org_id from reports order by (state = 'published'), id limit 1` },
  '/api/reports/{orgId}/{year}': {
    sql: `select year from reports order by (state = 'published'), id limit 1`,
  },
  '/api/reports/{orgId}/{year}/{action}': { value: 'submit', why: 'an action name' },
  '/api/report-history/{orgId}': { sql: 'select {A}' },
  '/api/report-history/{orgId}/{year}': { value: '2024', why: 'a year of the history of A' },
  '/api/report-summaries/{orgId}': {
    sql: `select org_id from reports order by (state = 'published'), id limit 1`,
  },
  '/api/report-summaries/{orgId}/{year}': {
    sql: `select year from reports order by (state = 'published'), id limit 1`,
  },
  '/api/report-reviews/{id}': { sql: 'select min(id) from report_reviews' },
  '/api/complaints/{id}': { sql: 'select min(id) from complaints' },
  '/api/sites/{orgId}': { sql: 'select min(org_id) from site_identity' },
  '/api/decisions/consultations/{id}': {
    sql: `select id from consultations order by (status <> 'draft'), id limit 1`,
  },
  '/api/decisions/comments/{id}': { sql: 'select min(id) from consultation_comments' },
  '/api/decisions/items/{id}': { sql: 'select id from decision_items order by published, id limit 1' },
  '/api/decisions/events/{id}': { sql: 'select min(id) from decision_events' },
  '/api/decisions/signups/{id}': { sql: 'select min(id) from decision_event_signups' },
  '/api/decisions/evaluations/{id}': {
    sql: 'select id from policy_evaluations order by published, id limit 1',
  },
  '/api/standards/columns/{orgId}': { sql: 'select min(org_id) from standard_items' },
  '/api/standards/items/{id}': { sql: 'select min(id) from standard_items' },
  '/api/targeted/{id}': {
    sql: `select id from targeted_notices order by (status = 'published'), id limit 1`,
  },
  '/api/enterprises/{id}': {
    sql: 'select min(id) from enterprises',
    why: 'the enterprise register: kept by the city for its policy pushes',
  },
  '/api/enterprises/policies/{documentId}': { sql: 'select min(document_id) from policy_conditions' },
  '/api/enterprises/pushes/{id}': { sql: 'select min(id) from policy_pushes' },
  '/api/enterprises/packages/{id}': { sql: 'select id from policy_packages order by published, id limit 1' },
  '/api/duties/{register}': { value: 'opinions', why: 'the name of a register (a list)' },
  '/api/duties/opinions/{id}': { sql: `select min(id) from duty_records where register = 'opinions'` },
  '/api/duties/proposals/{id}': { sql: `select min(id) from duty_records where register = 'proposals'` },
  '/api/duties/accounts/{id}': { sql: `select min(id) from duty_records where register = 'accounts'` },
  '/api/duties/errata/{id}': { sql: `select min(id) from duty_records where register = 'errata'` },
};

/** Resolves every `PARAMS` entry against the database: key → value. */
export async function resolveParams(db: Db): Promise<Map<string, string>> {
  const aOrg = await db.selectFrom('orgs').select('id').where('name', '=', A_ORG).executeTakeFirstOrThrow();
  const out = new Map<string, string>();
  for (const [key, src] of Object.entries(PARAMS)) {
    if ('value' in src) {
      out.set(key, src.value);
      continue;
    }
    const r = await sql.raw<Record<string, unknown>>(src.sql.replaceAll('{A}', String(aOrg.id))).execute(db);
    const v = r.rows[0] ? Object.values(r.rows[0])[0] : null;
    if (v === null || v === undefined)
      throw new Error(`PARAMS['${key}']: no record of A found by ${src.sql}`);
    out.set(key, String(v));
  }
  return out;
}

/**
 * Fills the path's parameters from `values` (keys as in `PARAMS`); throws naming the key a new route
 * needs when one is missing.
 */
export function fillPath(path: string, values: Map<string, string>): string {
  let out = '';
  let rest = path;
  let prefix = '';
  for (;;) {
    const m = /\{([A-Za-z]+)\}/.exec(rest);
    if (!m) return out + rest;
    const key = prefix + rest.slice(0, m.index + m[0].length);
    const v = values.get(key);
    if (v === undefined)
      throw new Error(
        `${path}: no record of another unit for '${key}' — add it to PARAMS in test/helpers/authz-matrix.ts`,
      );
    out += rest.slice(0, m.index) + v;
    prefix = key;
    rest = rest.slice(m.index + m[0].length);
  }
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  const?: unknown;
};

/**
 * Body and query fields that name a record: filled with A's (so a create "in A" or a link to A's record
 * is tried), as `PARAMS` keys or a fixed value.
 */
export const ID_FIELDS: Record<string, string> = {
  orgId: '/api/orgs/{id}',
  unitId: '/api/orgs/{id}',
  parentId: '/api/orgs/{id}',
  assigneeOrgId: '/api/orgs/{id}',
  targetOrgId: '/api/orgs/{id}',
  issuerOrgIds: '/api/orgs/{id}',
  unitIds: '/api/orgs/{id}',
  orgIds: '/api/orgs/{id}',
  handlerId: '/api/users/{id}',
  assigneeId: '/api/users/{id}',
  userId: '/api/users/{id}',
  documentId: '/api/documents/{id}',
  documentIds: '/api/documents/{id}',
  targetId: '/api/documents/{id}',
  fileId: '/api/files/{id}',
  fileIds: '/api/files/{id}',
  imageFileId: '/api/files/{id}',
  logoFileId: '/api/files/{id}',
  requestId: '/api/requests/{id}',
  caseId: '/api/requests/{id}',
  planId: '/api/workplan/plans/{id}',
  parentPlanId: '/api/workplan/plans/{id}',
  taskId: '/api/workplan/tasks/{id}',
  assignmentId: '/api/workplan/assignments/{id}',
  pairId: '/api/qa/pairs/{id}',
  consultationId: '/api/decisions/consultations/{id}',
  itemId: '/api/decisions/items/{id}',
  eventId: '/api/decisions/events/{id}',
  enterpriseId: '/api/enterprises/{id}',
  columnId: '/api/documents/catalogue/columns/{id}',
  issueId: '/api/documents/gazette/issues/{id}',
};

const DATE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

/** A value valid for `schema` where it can be (so the request reaches the authorisation), ids of A. */
export function sample(
  schema: Schema | undefined,
  name: string,
  ids: Map<string, string>,
  depth = 0,
): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.const !== undefined) return schema.const;
  const alt = schema.oneOf ?? schema.anyOf;
  if (alt?.length) return sample(alt[0], name, ids, depth + 1);
  if (schema.allOf?.length)
    return Object.assign({}, ...schema.allOf.map((s) => sample(s, name, ids, depth + 1) as object));
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? null;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const idKey = ID_FIELDS[name];
  const id = idKey ? Number(ids.get(idKey)) : undefined;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        if (!schema.required?.includes(k) && !(k in ID_FIELDS)) continue;
        const v = sample(s, k, ids, depth + 1);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array': {
      if (id !== undefined) return [id];
      const n = Math.max(schema.minItems ?? 0, 1);
      return Array.from({ length: n }, () => sample(schema.items, name, ids, depth + 1));
    }
    case 'integer':
    case 'number': {
      if (id !== undefined) return id;
      if (name === 'year') return 2025;
      const min = schema.minimum ?? 1;
      return schema.exclusiveMinimum === true ? min + 1 : Math.max(min, 1);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (schema.pattern && DATE.test(schema.pattern)) return '2026-03-16';
      if (schema.format === 'email') return 'matrix@example.cn';
      return '矩阵测试'.padEnd(Math.max(schema.minLength ?? 0, 4), '测');
    }
    default:
      return id;
  }
}

/**
 * Texts of A's records that nobody outside A may read: applicants, requests, complaints, questions
 * routed to A, participants, staff names, drafts. A list answered to another unit must contain none.
 */
export const MARKER_QUERIES: { what: string; sql: string }[] = [
  { what: '申请人', sql: 'select applicant_name from requests' },
  { what: '申请内容', sql: 'select description from requests' },
  { what: '投诉人', sql: 'select complainant_name from complaints' },
  { what: '投诉内容', sql: 'select content from complaints' },
  { what: '转办的问题', sql: "select question from qa_routed_questions where status <> 'published'" },
  { what: '报名人', sql: 'select name from decision_event_signups' },
  { what: 'A 的工作人员', sql: "select display_name from users where username not like 'mx\\_%'" },
  { what: '草稿公文', sql: "select title from documents where status = 'draft'" },
  { what: '协办问题', sql: 'select question from request_assistance' },
  { what: '保存的视图', sql: 'select name from request_saved_views' },
  { what: '提醒', sql: 'select title from notifications' },
  { what: '别名', sql: 'select alias from org_aliases' },
  { what: '考核', sql: 'select period_label from work_assessments' },
  { what: '工作进展', sql: 'select text from work_progress where length(text) >= 8' },
];

/** Marker text → what it is, for markers long enough not to match by chance (≥ 3 characters). */
export async function loadMarkers(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of MARKER_QUERIES) {
    const r = await sql.raw<Record<string, unknown>>(m.sql).execute(db);
    for (const row of r.rows) {
      const v = Object.values(row)[0];
      if (typeof v === 'string' && v.trim().length >= 3) out.set(v.trim().slice(0, 60), m.what);
    }
  }
  return out;
}

/**
 * Tables whose rows another unit's attempts may change without touching A's records, each with its
 * reason: the probing accounts' own sessions and sign-ins, the audit trail of their own refusals.
 */
export const UNGUARDED_TABLES: Record<string, string> = {
  sessions: 'the probing accounts sign in',
  login_throttle: 'sign-in attempts',
  audit_log: 'the trail of what the probing accounts did',
  job_runs: 'scheduled jobs',
  qa_passages: 'the question-answering index, rebuilt from the documents (a reindex changes no record)',
  qa_documents: 'the question-answering index, rebuilt from the documents',
  qa_index_state: 'the question-answering index, rebuilt from the documents',
  schema_migrations: 'not data',
  demo_records: 'which rows the demo seeded (bookkeeping for removing the demo)',
};

/** Every row of every guarded table as `table → set of md5(row)`. */
export async function fingerprint(db: Db): Promise<Map<string, Set<string>>> {
  const tables = await sql<{ t: string }>`
    select table_name as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out = new Map<string, Set<string>>();
  for (const { t } of tables.rows) {
    if (t in UNGUARDED_TABLES) continue;
    const r = await sql<{ h: string }>`select md5(to_jsonb(x)::text) as h from ${sql.table(t)} x`.execute(db);
    out.set(t, new Set(r.rows.map((x) => x.h)));
  }
  return out;
}

/**
 * What changed between two fingerprints outside the probing units: rows of A changed or deleted, and
 * new rows not owned by B or C (an org column outside them, or a user column naming no probing account).
 */
export async function changesOutside(
  db: Db,
  before: Map<string, Set<string>>,
  after: Map<string, Set<string>>,
  own: { orgIds: number[]; userIds: number[] },
): Promise<{ table: string; detail: string }[]> {
  const problems: { table: string; detail: string }[] = [];
  for (const [t, now] of after) {
    const was = before.get(t) ?? new Set<string>();
    const gone = [...was].filter((h) => !now.has(h));
    const added = [...now].filter((h) => !was.has(h));
    if (gone.length === 0 && added.length === 0) continue;
    const rows =
      added.length === 0
        ? []
        : (
            await sql<{ j: Record<string, unknown> }>`
              select to_jsonb(x) as j from ${sql.table(t)} x where md5(to_jsonb(x)::text) in (${sql.join(added)})`.execute(
              db,
            )
          ).rows.map((r) => r.j);
    const ours = (row: Record<string, unknown>) => {
      const orgCols = Object.keys(row).filter((k) => /(^|_)(org|unit)_id$/.test(k) && row[k] !== null);
      const userCols = Object.keys(row).filter(
        (k) => /^(user_id|created_by|entered_by|updated_by)$/.test(k) && row[k] !== null,
      );
      if (t === 'users') return own.userIds.includes(row.id as number);
      if (t === 'orgs') return own.orgIds.includes(row.id as number);
      if (orgCols.length > 0) return orgCols.every((k) => own.orgIds.includes(row[k] as number));
      return userCols.length > 0 && userCols.some((k) => own.userIds.includes(row[k] as number));
    };
    const foreign = rows.filter((r) => !ours(r));
    // A changed row shows as one gone and one added: only a row of B or C may change.
    const changedOurs = rows.filter(ours).length;
    if (gone.length > changedOurs || foreign.length > 0)
      problems.push({
        table: t,
        detail: `${gone.length} rows changed or deleted; new or changed rows not of B or C: ${JSON.stringify(foreign).slice(0, 300)}`,
      });
  }
  return problems;
}
