/**
 * 机构维护: rename (the old name kept as an alias), move, disable/enable, merge (every record moves to
 * the organisation kept; the merged one's name becomes its alias), delete (only what nothing
 * references); and an administrator's password reset. Each in one transaction with its audit row.
 */
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashPassword, randomPassword } from '../../platform/http/passwords.ts';
import type { Actor } from '../../platform/http/session.ts';
import { rememberAlias } from './aliases.ts';
import { checkNewPassword } from './domain/password.ts';
import { allowedParentKinds, ORG_KIND_LABELS, type OrgKind } from './domain/roles.ts';
import { subtreeIds } from './domain/tree.ts';
import { authorize, visibleOrgIds } from './service.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

/** What a column referencing orgs(id) holds, for the messages of a refused delete or merge. */
const REFERENCE_LABELS: Record<string, string> = {
  'orgs.parent_id': '下级机构',
  'orgs.serves_org_id': '由其作为公开工作机构的机关',
  'orgs.receiving_office_id': '由其代为受理依申请公开的机关',
  'users.org_id': '用户',
  'org_aliases.org_id': '机构简称',
  'requests.org_id': '依申请公开申请',
  'requests.unit_id': '依申请公开申请（承办单位）',
  'request_assistance.unit_id': '协助办理记录',
  'work_plans.org_id': '工作台账',
  'work_assignments.org_id': '工作任务分工',
  'work_assessments.org_id': '工作考核',
  'work_assessment_rows.org_id': '工作考核评分',
  'work_score_rules.org_id': '考核评分规则',
  'documents.org_id': '政府文件',
  'document_issuers.org_id': '文件发文机关',
  'document_index_serials.org_id': '索引号流水',
  'disclosure_guides.org_id': '政府信息公开指南',
  'disclosure_columns.org_id': '公开栏目',
  'public_enterprises.org_id': '公共企事业单位信息公开',
};
const referenceLabel = (table: string, column: string) =>
  REFERENCE_LABELS[`${table}.${column}`] ?? `${table} 表的记录`;

/** Every column with a foreign key to orgs(id), from the catalog (works on PGlite and PostgreSQL). */
export async function orgReferences(db: Db): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    select cl.relname as "table", a.attname as "column"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = 'orgs'::regclass and array_length(c.conkey, 1) = 1
    order by cl.relname, a.attname`.execute(db);
  return rows;
}

/** How many rows of each referencing column point at `orgId` (only the non-zero ones). */
export async function referencesTo(db: Db, orgId: number): Promise<{ label: string; count: number }[]> {
  const out: { label: string; count: number }[] = [];
  for (const r of await orgReferences(db)) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(r.table)} where ${sql.ref(r.column)} = ${orgId}`.execute(
      db,
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) out.push({ label: referenceLabel(r.table, r.column), count: n });
  }
  return out;
}

async function loadManaged(tx: Db, actor: Actor, id: number) {
  authorize(actor, 'orgs.manage');
  const org = await store.findOrg(tx, id);
  if (!org || !(await visibleOrgIds(tx, actor)).has(id)) throw new AppError('NOT_FOUND');
  return org;
}

async function requireFreeName(tx: Db, parentId: number | null, name: string, exceptId: number) {
  let q = tx.selectFrom('orgs').select('id').where('name', '=', name).where('id', '!=', exceptId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (await q.executeTakeFirst()) throw invalid('name', `上级机构下已有名为“${name}”的机构`);
}

/** 重命名: the old name is remembered as an alias, so imported tables that use it still match. */
export async function renameOrg(db: Db, actor: Actor, id: number, name: string) {
  return inTransaction(db, async (tx) => {
    const before = await loadManaged(tx, actor, id);
    if (before.name === name) return before;
    await requireFreeName(tx, before.parent_id, name, id);
    // An alias equal to the new name would shadow nothing: drop it.
    await tx.deleteFrom('org_aliases').where('alias', '=', name).where('org_id', '=', id).execute();
    const after = await store.updateOrgRow(tx, id, { name });
    await rememberAlias(tx, { alias: before.name, orgId: id, createdBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.rename',
      subjectType: 'org',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/** 移动: below another organisation the actor manages; not below itself, and only where its kind may sit. */
export async function moveOrg(db: Db, actor: Actor, id: number, parentId: number) {
  return inTransaction(db, async (tx) => {
    const before = await loadManaged(tx, actor, id);
    if (before.parent_id === parentId) return before;
    if (before.parent_id === null) throw invalid('parentId', '最上级机构不能移动');
    const parent = await store.findOrg(tx, parentId);
    if (!parent || !(await visibleOrgIds(tx, actor)).has(parentId))
      throw invalid('parentId', '上级机构不存在');
    const all = await store.listOrgs(tx);
    if (
      subtreeIds(
        all.map((o) => ({ id: o.id, parentId: o.parent_id })),
        id,
      ).has(parentId)
    )
      throw invalid('parentId', '不能把机构移到它自己或它的下级机构之下');
    const kind = before.kind as OrgKind;
    if (!allowedParentKinds(kind).includes(parent.kind as OrgKind))
      throw invalid(
        'parentId',
        `${ORG_KIND_LABELS[kind]}不能设在${ORG_KIND_LABELS[parent.kind as OrgKind]}之下`,
      );
    await requireFreeName(tx, parentId, before.name, id);
    const after = await store.updateOrgRow(tx, id, { parent_id: parentId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.move',
      subjectType: 'org',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/** 停用/启用: a disabled organisation leaves pickers and the portal's list; its records stay. */
export async function setOrgDisabled(db: Db, actor: Actor, id: number, disabled: boolean) {
  return inTransaction(db, async (tx) => {
    const before = await loadManaged(tx, actor, id);
    if (disabled && (id === actor.orgId || before.parent_id === null))
      throw invalid('disabled', '不能停用本人所在的机构或最上级机构');
    if (before.disabled === disabled) return before;
    const after = await tx
      .updateTable('orgs')
      .set({ disabled })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: disabled ? 'org.disable' : 'org.enable',
      subjectType: 'org',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * 合并 `sourceId` into `targetId`: every record referencing the source (users, child organisations,
 * applications, documents, plans …: found from the foreign keys in the catalog) moves to the target,
 * the source is deleted and its name (and short name) become the target's aliases.
 */
export async function mergeOrg(db: Db, actor: Actor, sourceId: number, targetId: number) {
  return inTransaction(db, async (tx) => {
    const source = await loadManaged(tx, actor, sourceId);
    const target = await loadManaged(tx, actor, targetId);
    const all = await store.listOrgs(tx);
    if (
      subtreeIds(
        all.map((o) => ({ id: o.id, parentId: o.parent_id })),
        sourceId,
      ).has(targetId)
    )
      throw invalid('targetId', '不能把机构合并到它自己或它的下级机构');
    if (sourceId === actor.orgId) throw invalid('targetId', '不能合并本人所在的机构');
    const clash = all.find(
      (c) => c.parent_id === sourceId && all.some((d) => d.parent_id === targetId && d.name === c.name),
    );
    if (clash) throw invalid('targetId', `两个机构都有名为“${clash.name}”的下级机构，请先重命名或合并它们`);
    const misfit = all.find(
      (c) =>
        c.parent_id === sourceId && !allowedParentKinds(c.kind as OrgKind).includes(target.kind as OrgKind),
    );
    if (misfit)
      throw invalid(
        'targetId',
        `下级机构“${misfit.name}”不能设在${ORG_KIND_LABELS[target.kind as OrgKind]}之下`,
      );
    const moved: Record<string, number> = {};
    // The target cannot receive on its own behalf: a designation of the source by the target lapses.
    await tx
      .updateTable('orgs')
      .set({ receiving_office_id: null })
      .where('id', '=', targetId)
      .where('receiving_office_id', '=', sourceId)
      .execute();
    for (const r of await orgReferences(tx)) {
      try {
        const res =
          await sql`update ${sql.table(r.table)} set ${sql.ref(r.column)} = ${targetId} where ${sql.ref(
            r.column,
          )} = ${sourceId}`.execute(tx);
        const n = Number(res.numAffectedRows ?? 0);
        if (n > 0) moved[`${r.table}.${r.column}`] = n;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw invalid(
          'targetId',
          `两个机构都有各自的${referenceLabel(r.table, r.column)}，不能自动合并，请先处理其中一个机构的该项记录`,
        );
      }
    }
    await tx.deleteFrom('orgs').where('id', '=', sourceId).execute();
    for (const alias of [source.name, source.short_name]) {
      if (alias) await rememberAlias(tx, { alias, orgId: targetId, createdBy: actor.id });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.merge',
      subjectType: 'org',
      subjectId: targetId,
      before: source,
      after: { into: target.id, name: target.name, moved },
    });
    return { target: (await store.findOrg(tx, targetId)) as store.OrgRow, moved };
  });
}

/** What references an organisation the actor manages (shown before a delete). */
export async function orgReferencesFor(db: Db, actor: Actor, id: number) {
  await loadManaged(db, actor, id);
  return referencesTo(db, id);
}

/** 删除: only an organisation nothing references; otherwise the refusal lists what does. */
export async function deleteOrg(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await loadManaged(tx, actor, id);
    // Its own aliases are names only: they go with it.
    const uses = (await referencesTo(tx, id)).filter(
      (u) => u.label !== REFERENCE_LABELS['org_aliases.org_id'],
    );
    if (uses.length > 0)
      throw new AppError('ORG_IN_USE', {
        name: before.name,
        uses: uses.map((u) => `${u.count}条${u.label}`).join('、'),
      });
    await tx.deleteFrom('org_aliases').where('org_id', '=', id).execute();
    await tx.deleteFrom('orgs').where('id', '=', id).execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'org.delete',
      subjectType: 'org',
      subjectId: id,
      before,
    });
  });
}

/**
 * 重置密码: an administrator sets a new password (the given one, or a random one returned this once);
 * the old one is never shown. Lockout is cleared and the user's sessions end.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  given?: string,
): Promise<{ password: string | null }> {
  authorize(actor, 'users.manage');
  const user = await store.findUser(db, userId);
  if (!user || !(await visibleOrgIds(db, actor)).has(user.org_id)) throw new AppError('NOT_FOUND');
  if (given !== undefined) {
    const problem = checkNewPassword(given, user.username);
    if (problem) throw invalid('password', problem);
  }
  const password = given ?? randomPassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    // A password someone else chose: its holder must choose their own at the next sign-in.
    await store.updateUserRow(tx, userId, {
      password_hash: passwordHash,
      must_change_password: true,
    });
    await store.clearAttemptsOfName(tx, user.username);
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: userId,
      after: { generated: given === undefined },
    });
  });
  return { password: given === undefined ? password : null };
}
