/**
 * 政策找人 for staff: 一企一档 (entered, edited, imported), the conditions of a policy (written by its
 * issuing department), matching with explanations, pushes (once per policy and enterprise) and the
 * funnel, policy packages. Each call: load → the domain decides → store writes + audit in one
 * transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { getPublicDocument, listPublicDocumentTexts } from '../documents/index.ts';
import { listOrgs, readImportSheet, visibleOrgIds } from '../orgs/index.ts';
import { type Channels, deliver, type OutboxMessage, queue } from './channels.ts';
import { type Conditions, conditionProblems, type Match, matchPolicy } from './domain/conditions.ts';
import { checkCreditCode } from './domain/credit-code.ts';
import { checkImport, type EnterpriseInput } from './domain/import.ts';
import { can, type EnterpriseActor, isCentral } from './domain/policies.ts';
import type { Profile } from './domain/profile.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** The actor with the organisations it sees (orgs' scope), as the policy reads it. */
async function scoped(db: Db, actor: Actor): Promise<EnterpriseActor> {
  return { role: actor.role, orgId: actor.orgId, visibleOrgIds: [...(await visibleOrgIds(db, actor))] };
}

// ——— regions (the governments, counties and towns of the tree) ———

export async function listRegions(db: Db): Promise<{ id: number; name: string }[]> {
  return (await listOrgs(db))
    .filter((o) => o.kind === 'government' || o.kind === 'county' || o.kind === 'town')
    .map((o) => ({ id: o.id, name: o.name }));
}

export async function orgNames(db: Db): Promise<Map<number, string>> {
  return new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
}

export type NamedEnterprise = store.EnterpriseRow & { region_name: string };

async function withRegions(db: Db, rows: store.EnterpriseRow[]): Promise<NamedEnterprise[]> {
  const names = await orgNames(db);
  return rows.map((e) => ({ ...e, region_name: names.get(e.region_id) ?? '' }));
}

async function withRegion(db: Db, row: store.EnterpriseRow): Promise<NamedEnterprise> {
  const [named] = await withRegions(db, [row]);
  return named as NamedEnterprise;
}

export function profileOf(e: store.EnterpriseRow): Profile {
  return {
    industry: e.industry,
    size: e.size,
    regionId: e.region_id,
    foundedOn: e.founded_on,
    capital: e.registered_capital === null ? null : Number(e.registered_capital),
    qualifications: e.qualifications,
    tags: e.tags,
  };
}

// ——— 一企一档 ———

export type EnterpriseBody = Omit<
  EnterpriseInput,
  'capital' | 'qualifications' | 'tags' | 'phone' | 'email'
> & {
  capital?: number | null;
  qualifications?: EnterpriseInput['qualifications'];
  tags?: string[];
  phone?: string | null;
  email?: string | null;
};

async function checked(db: Db, input: EnterpriseBody) {
  const code = checkCreditCode(input.creditCode);
  if (!code.ok)
    throw new AppError('ENTERPRISE_CREDIT_CODE', { reason: code.reason }, [
      { path: 'creditCode', message: code.reason },
    ]);
  if (!(await listRegions(db)).some((r) => r.id === input.regionId)) throw new AppError('ENTERPRISE_REGION');
  if (input.foundedOn > chinaToday())
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'foundedOn', message: '成立日期不能晚于今天' }]);
  return {
    credit_code: code.code,
    name: input.name,
    industry: input.industry,
    size: input.size,
    region_id: input.regionId,
    registered_capital: input.capital ?? null,
    founded_on: input.foundedOn,
    qualifications: [...new Set(input.qualifications ?? [])],
    tags: [...new Set(input.tags ?? [])],
    phone: input.phone || null,
    email: input.email || null,
  };
}

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseBody) {
  if (!can(actor, 'enterprise.write')) throw new AppError('FORBIDDEN');
  const values = await checked(db, input);
  if (await store.findByCreditCode(db, values.credit_code))
    throw new AppError('ENTERPRISE_DUPLICATE', { code: values.credit_code });
  const saved = await inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('enterprises')
      .values({ ...values, source: 'staff', updated_at: now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'enterprise.created',
      subjectType: 'enterprise',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
  return withRegion(db, saved);
}

export async function updateEnterprise(db: Db, actor: Actor, id: number, input: EnterpriseBody) {
  if (!can(actor, 'enterprise.write')) throw new AppError('FORBIDDEN');
  const before = await store.findEnterprise(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  const values = await checked(db, input);
  const other = await store.findByCreditCode(db, values.credit_code);
  if (other && other.id !== id) throw new AppError('ENTERPRISE_DUPLICATE', { code: values.credit_code });
  const saved = await inTransaction(db, async (tx) => {
    const row = await tx
      .updateTable('enterprises')
      .set({ ...values, updated_at: now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'enterprise.updated',
      subjectType: 'enterprise',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
  return withRegion(db, saved);
}

export type ImportProblem = { line: number; messages: string[] };

/** An .xlsx of profiles: every bad row named (422 with `fields`), nothing saved unless all are good. */
export async function importEnterprises(db: Db, actor: Actor, bytes: Uint8Array, fileName: string) {
  if (!can(actor, 'enterprise.write')) throw new AppError('FORBIDDEN');
  const sheet = await readImportSheet(bytes, fileName);
  const regions = new Map((await listRegions(db)).map((r) => [r.name, r.id]));
  const result = checkImport(
    sheet.headers,
    sheet.rows.map((r) => ({ line: r.row, cells: r.cells })),
    { regions, today: chinaToday() },
  );
  if (!result.ok && result.headerProblem)
    throw new AppError('ENTERPRISE_IMPORT_SHEET', { detail: result.headerProblem });
  const problems: ImportProblem[] = result.ok ? [] : result.errors;
  const rows = result.ok ? result.rows : [];
  if (result.ok) {
    const taken = new Set(
      await store.existingCodes(
        db,
        rows.map((r) => r.creditCode),
      ),
    );
    rows.forEach((r, i) => {
      if (taken.has(r.creditCode))
        problems.push({
          line: sheet.rows[i]?.row ?? 0,
          messages: [`统一社会信用代码${r.creditCode}的企业已建档`],
        });
    });
  }
  if (problems.length > 0)
    throw new AppError(
      'ENTERPRISE_IMPORT_INVALID',
      { count: problems.length },
      problems.map((p) => ({ path: `第${p.line}行`, message: p.messages.join('；') })),
    );
  return inTransaction(db, async (tx) => {
    const at = now();
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('enterprises')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            credit_code: r.creditCode,
            name: r.name,
            industry: r.industry,
            size: r.size,
            region_id: r.regionId,
            registered_capital: r.capital,
            founded_on: r.foundedOn,
            qualifications: r.qualifications,
            tags: r.tags,
            phone: r.phone,
            email: r.email,
            source: 'import' as const,
            updated_at: at,
          })),
        )
        .execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'enterprise.imported',
      subjectType: 'enterprise',
      subjectId: null,
      after: { fileName, count: rows.length },
    });
    return { imported: rows.length };
  });
}

/** The profiles an actor may see: all for the office, those its policies match for a department. */
export async function listEnterprisesFor(
  db: Db,
  actor: Actor,
  f: { q?: string; industry?: store.EnterpriseRow['industry']; page?: number },
) {
  const size = 50;
  const r = await store.listEnterprises(db, {
    q: f.q,
    industry: f.industry,
    orgId: actor.orgId,
    ...(isCentral(actor) ? { regionIds: (await scoped(db, actor)).visibleOrgIds } : {}),
    limit: size,
    offset: ((f.page ?? 1) - 1) * size,
  });
  return { total: r.total, items: await withRegions(db, r.items) };
}

export type PolicyMatch = Match & { documentId: number; title: string; orgName: string };

/** Every policy in force with conditions, checked against one enterprise (matched first). */
export async function matchesOf(
  db: Db,
  e: store.EnterpriseRow,
  opts: { matchedOnly?: boolean } = {},
): Promise<PolicyMatch[]> {
  const conditions = await store.listConditions(db);
  if (conditions.length === 0) return [];
  const docs = new Map(
    (
      await listPublicDocumentTexts(
        db,
        conditions.map((c) => c.document_id),
      )
    ).map((d) => [d.id, d]),
  );
  const names = await orgNames(db);
  const regionName = (id: number) => names.get(id) ?? '（已撤销的地区）';
  const out: PolicyMatch[] = [];
  for (const c of conditions) {
    const doc = docs.get(c.document_id);
    if (!doc?.inForce) continue;
    const m = matchPolicy(profileOf(e), c.conditions, regionName);
    if (opts.matchedOnly && !m.matched) continue;
    out.push({ ...m, documentId: c.document_id, title: doc.title, orgName: names.get(c.org_id) ?? '' });
  }
  return out.sort((a, b) => Number(b.matched) - Number(a.matched));
}

async function titlesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  return new Map((await listPublicDocumentTexts(db, [...new Set(ids)])).map((d) => [d.id, d.title]));
}

async function presentPushes(db: Db, rows: store.PushRow[], enterpriseName: (id: number) => string) {
  const titles = await titlesOf(
    db,
    rows.map((r) => r.document_id),
  );
  return rows.map((p) => ({
    ...p,
    title: titles.get(p.document_id) ?? '（文件已撤回）',
    enterprise_name: enterpriseName(p.enterprise_id),
  }));
}

/** One profile with its matches and pushes: the office, or a department one of whose policies matches. */
export async function enterpriseDetail(db: Db, actor: Actor, id: number) {
  const e = await store.findEnterprise(db, id);
  if (!e) throw new AppError('NOT_FOUND');
  const subject = { regionId: e.region_id, matchedOrgIds: await store.matchingOrgIds(db, id) };
  if (!can(await scoped(db, actor), 'enterprise.view', subject)) throw new AppError('NOT_FOUND');
  const pushes = await presentPushes(db, await store.pushesOfEnterprise(db, id), () => e.name);
  return { enterprise: await withRegion(db, e), matches: await matchesOf(db, e), pushes };
}

// ——— policies: conditions, pushes, funnel ———

export type PolicyDoc = {
  id: number;
  title: string;
  docNumber: string | null;
  orgId: number;
  orgName: string;
};

async function policyDocument(db: Db, documentId: number): Promise<PolicyDoc> {
  try {
    const d = await getPublicDocument(db, documentId);
    return { id: d.id, title: d.title, docNumber: d.docNumber ?? null, orgId: d.orgId, orgName: d.orgName };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('POLICY_NOT_PUBLIC');
    throw error;
  }
}

/** Drops empty lists (no condition) so that the stored set reads as the domain reads it. */
export function normaliseConditions(c: Conditions): Conditions {
  return Object.fromEntries(
    Object.entries(c).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as Conditions;
}

export async function saveConditions(
  db: Db,
  actor: Actor,
  documentId: number,
  body: { conditions: Conditions; automatic?: boolean },
) {
  const doc = await policyDocument(db, documentId);
  if (!can(await scoped(db, actor), 'policy.write', { orgId: doc.orgId })) throw new AppError('FORBIDDEN');
  const conditions = normaliseConditions(body.conditions);
  const problems = conditionProblems(conditions);
  if (problems.length > 0) throw new AppError('POLICY_CONDITIONS_INVALID', { detail: problems.join('；') });
  if (conditions.regionIds) {
    const regions = new Set((await listRegions(db)).map((r) => r.id));
    if (conditions.regionIds.some((id) => !regions.has(id))) throw new AppError('ENTERPRISE_REGION');
  }
  const before = await store.findConditions(db, documentId);
  await inTransaction(db, async (tx) => {
    const row = await store.upsertConditions(tx, {
      document_id: documentId,
      org_id: doc.orgId,
      conditions,
      automatic: body.automatic ?? false,
      updated_by: actor.id,
      updated_at: now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'policy.conditions.saved',
      subjectType: 'policy_conditions',
      subjectId: documentId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
  const [view] = (await listPolicies(db, actor)).filter((p) => p.documentId === documentId);
  return view;
}

/** The policies with conditions an actor works on (a department: its own), with matching and pushed counts. */

export async function listPolicies(db: Db, actor: Actor) {
  const rows = await store.listConditions(
    db,
    isCentral(actor) ? (await scoped(db, actor)).visibleOrgIds : [actor.orgId],
  );
  const docs = new Map(
    (
      await listPublicDocumentTexts(
        db,
        rows.map((r) => r.document_id),
      )
    ).map((d) => [d.id, d]),
  );
  const names = await orgNames(db);
  const pushed = new Map((await store.funnel(db, {})).map((f) => [f.document_id, f.reached]));
  const out = [];
  for (const r of rows) {
    const d = docs.get(r.document_id);
    out.push({
      documentId: r.document_id,
      title: d?.title ?? '（文件已撤回）',
      docNumber: d?.docNumber ?? null,
      orgId: r.org_id,
      orgName: names.get(r.org_id) ?? '',
      conditions: r.conditions,
      automatic: r.automatic,
      matching: await store.countMatching(db, r.conditions),
      pushed: pushed.get(r.document_id) ?? 0,
      updatedAt: new Date(r.updated_at).toISOString(),
    });
  }
  return out;
}

export type PushDeps = { channels: Channels; publicUrl: string; log: JobLogger };

/**
 * Pushes a policy to every matching enterprise not reached yet: in-app (the enterprise's own page lists
 * it) and by e-mail where the profile has an address. Never twice (unique constraint, `on conflict do
 * nothing`).
 */
export async function pushPolicy(db: Db, actor: Actor, documentId: number, deps: PushDeps) {
  const doc = await policyDocument(db, documentId);
  if (!can(await scoped(db, actor), 'policy.write', { orgId: doc.orgId })) throw new AppError('FORBIDDEN');
  const c = await store.findConditions(db, documentId);
  if (!c) throw new AppError('POLICY_NO_CONDITIONS');
  const docs = await listPublicDocumentTexts(db, [documentId]);
  if (!docs[0]?.inForce) throw new AppError('POLICY_PUSH_STATE', { reason: '该政策文件已失效，不能推送。' });
  const { created, ids, total, emailed } = await inTransaction(db, async (tx) => {
    const created = await store.insertPushes(tx, {
      documentId,
      orgId: doc.orgId,
      conditions: c.conditions,
      at: now(),
      by: actor.id,
    });
    const reached = created.length
      ? await tx
          .selectFrom('enterprises')
          .select(['id', 'name', 'email', 'phone'])
          .where(
            'id',
            'in',
            created.map((p) => p.enterprise_id),
          )
          .execute()
      : [];
    // E-mail where the profile has an address; else an SMS where it has a phone and SMS is configured.
    const emailed = reached.filter((e) => e.email !== null);
    const texted = deps.channels.sms.enabled
      ? reached.filter((e) => e.email === null && e.phone !== null)
      : [];
    const messages: OutboxMessage[] = [
      ...emailed.map((e) => ({
        channel: 'email' as const,
        recipient: e.email ?? '',
        subject: `政策推送：${doc.title}`,
        body: `${e.name}：\n\n根据贵企业的档案信息，${doc.orgName}发布的《${doc.title}》可能适用于贵企业。\n请访问 ${deps.publicUrl}/gk/enterprise 验证身份后查看符合的条件和政策原文。\n\n（本邮件由系统自动发送，请勿直接回复。）`,
        enterpriseId: e.id,
        purpose: 'push' as const,
      })),
      ...texted.map((e) => ({
        channel: 'sms' as const,
        recipient: e.phone ?? '',
        subject: `政策推送：${doc.title}`,
        body: `【政策找人】${e.name}：《${doc.title}》可能适用于贵企业，详见 ${deps.publicUrl}/gk/enterprise`,
        enterpriseId: e.id,
        purpose: 'push' as const,
      })),
    ];
    const ids = await queue(tx, messages);
    if (emailed.length)
      await tx
        .updateTable('policy_pushes')
        .set({ emailed: true })
        .where('document_id', '=', documentId)
        .where(
          'enterprise_id',
          'in',
          emailed.map((e) => e.id),
        )
        .execute();
    const total = await store.countMatching(tx, c.conditions);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'policy.pushed',
      subjectType: 'policy_push',
      subjectId: documentId,
      after: { reached: created.length, emailed: emailed.length, texted: texted.length },
    });
    return { created, ids, total, emailed: emailed.length };
  });
  await deliver(db, deps.channels, ids, deps.log);
  return {
    reached: created.length,
    alreadyReached: Math.max(0, total - created.length),
    emailed,
  };
}

export async function pushHistory(db: Db, actor: Actor, documentId: number) {
  const doc = await policyDocument(db, documentId);
  if (!can(await scoped(db, actor), 'policy.write', { orgId: doc.orgId })) throw new AppError('FORBIDDEN');
  return (await store.pushesOfPolicy(db, documentId)).map((p) => ({
    ...p,
    document_id: documentId,
    title: doc.title,
  }));
}

/** Staff record the funnel's later steps: applied, granted, or granted without application (免申即享). */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  pushId: number,
  outcome: 'applied' | 'granted' | 'granted_auto',
) {
  const push = await store.findPush(db, pushId);
  if (!push) throw new AppError('NOT_FOUND');
  if (!can(await scoped(db, actor), 'policy.write', { orgId: push.org_id })) throw new AppError('FORBIDDEN');
  const refuse = (reason: string) => new AppError('POLICY_PUSH_STATE', { reason });
  if (push.granted_at) throw refuse('该企业已兑现此项政策。');
  if (outcome === 'applied' && push.applied_at) throw refuse('已登记该企业申报。');
  if (outcome === 'granted' && !push.applied_at)
    throw refuse('请先登记企业已申报；未经申报直接兑现的，请登记为免申即享。');
  if (outcome === 'granted_auto' && push.applied_at) throw refuse('该企业已申报，请登记为已兑现。');
  return inTransaction(db, async (tx) => {
    const at = now();
    const row = await tx
      .updateTable('policy_pushes')
      .set(
        outcome === 'applied'
          ? { applied_at: at }
          : outcome === 'granted'
            ? { granted_at: at }
            : { granted_at: at, without_application: true },
      )
      .where('id', '=', pushId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: `policy.push.${outcome}`,
      subjectType: 'policy_push',
      subjectId: pushId,
      before: push,
      after: row,
    });
    return row;
  });
}

export type FunnelLine = {
  documentId: number;
  title: string;
  orgId: number;
  orgName: string;
  reached: number;
  opened: number;
  applied: number;
  granted: number;
  withoutApplication: number;
};

/** The funnel per policy and per department (counts only: every staff member may read it). */
export async function funnelFor(db: Db, actor: Actor, year?: number) {
  if (!can(actor, 'funnel.view')) throw new AppError('FORBIDDEN');
  const rows = await store.funnel(db, { year });
  const titles = await titlesOf(
    db,
    rows.map((r) => r.document_id),
  );
  const names = await orgNames(db);
  const policies: FunnelLine[] = rows.map((r) => ({
    documentId: r.document_id,
    title: titles.get(r.document_id) ?? '（文件已撤回）',
    orgId: r.org_id,
    orgName: names.get(r.org_id) ?? '',
    reached: r.reached,
    opened: r.opened,
    applied: r.applied,
    granted: r.granted,
    withoutApplication: r.without_application,
  }));
  const byOrg = new Map<number, Omit<FunnelLine, 'documentId' | 'title'>>();
  for (const p of policies) {
    const d = byOrg.get(p.orgId) ?? {
      orgId: p.orgId,
      orgName: p.orgName,
      reached: 0,
      opened: 0,
      applied: 0,
      granted: 0,
      withoutApplication: 0,
    };
    d.reached += p.reached;
    d.opened += p.opened;
    d.applied += p.applied;
    d.granted += p.granted;
    d.withoutApplication += p.withoutApplication;
    byOrg.set(p.orgId, d);
  }
  return { policies, departments: [...byOrg.values()] };
}

// ——— policy packages ———

export type PackageBody = {
  theme: string;
  title: string;
  summary?: string;
  documentIds: number[];
  qaPairIds: number[];
  published: boolean;
};

export async function savePackage(db: Db, actor: Actor, id: number | null, body: PackageBody) {
  if (!can(actor, 'package.write')) throw new AppError('FORBIDDEN');
  const docs = await listPublicDocumentTexts(db, body.documentIds);
  if (docs.length !== new Set(body.documentIds).size) throw new AppError('POLICY_NOT_PUBLIC');
  const pairs = await store.publishedQaPairs(db, body.qaPairIds);
  if (pairs.length !== new Set(body.qaPairIds).size)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'qaPairIds', message: '所选问答不存在或尚未发布' }]);
  const saved = await inTransaction(db, async (tx) => {
    const values = {
      theme: body.theme,
      title: body.title,
      summary: body.summary ?? '',
      published: body.published,
      updated_at: now(),
    };
    let row: store.PackageRow;
    if (id === null)
      row = await tx.insertInto('policy_packages').values(values).returningAll().executeTakeFirstOrThrow();
    else {
      const found = await tx
        .updateTable('policy_packages')
        .set(values)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!found) throw new AppError('NOT_FOUND');
      row = found;
    }
    await store.replacePackageItems(tx, row.id, [
      ...[...new Set(body.documentIds)].map((refId) => ({ kind: 'document' as const, refId })),
      ...[...new Set(body.qaPairIds)].map((refId) => ({ kind: 'qa_pair' as const, refId })),
    ]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'policy.package.saved',
      subjectType: 'policy_package',
      subjectId: row.id,
      after: { ...row, ...body },
    });
    return row;
  });
  return (await packagesWithContent(db, false)).filter((p) => p.id === saved.id);
}

export type PackageContent = store.PackageRow & {
  documents: { id: number; title: string; docNumber: string | null }[];
  qaPairs: { id: number; question: string; answer: string }[];
};

/** Packages with their documents (public ones in force) and published Q&A pairs, read-only. */
export async function packagesWithContent(db: Db, publishedOnly: boolean): Promise<PackageContent[]> {
  const packages = await store.listPackages(db, publishedOnly);
  const items = await store.packageItems(
    db,
    packages.map((p) => p.id),
  );
  const docIds = items.filter((i) => i.kind === 'document').map((i) => i.ref_id);
  const docs = new Map((await listPublicDocumentTexts(db, [...new Set(docIds)])).map((d) => [d.id, d]));
  const pairs = new Map(
    (
      await store.publishedQaPairs(
        db,
        items.filter((i) => i.kind === 'qa_pair').map((i) => i.ref_id),
      )
    ).map((p) => [p.id, p]),
  );
  return packages.map((p) => {
    const own = items.filter((i) => i.package_id === p.id);
    return {
      ...p,
      documents: own.flatMap((i) => {
        const d = i.kind === 'document' ? docs.get(i.ref_id) : undefined;
        return d && (!publishedOnly || d.inForce)
          ? [{ id: d.id, title: d.title, docNumber: d.docNumber }]
          : [];
      }),
      qaPairs: own.flatMap((i) => {
        const q = i.kind === 'qa_pair' ? pairs.get(i.ref_id) : undefined;
        return q ? [{ id: q.id, question: q.question, answer: q.answer }] : [];
      }),
    };
  });
}

export async function listPackagesFor(db: Db, actor: Actor) {
  if (!can(actor, 'funnel.view')) throw new AppError('FORBIDDEN');
  return packagesWithContent(db, false);
}
