/**
 * 意见征集: load → the domain decides → the store writes with its audit row, in one transaction. Every
 * staff call asks the pure policies; a consultation the person may not see is NOT_FOUND.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { formatChineseDate, loadCalendar } from '../calendar/index.ts';
import { agencyIdsFor, seesWholeTree, visibleOrgIds } from '../orgs/index.ts';
import { splitArticles } from './domain/articles.ts';
import { clusterTexts } from './domain/cluster.ts';
import { type CleanComment, type CommentInput, type CommentStatus, checkComment } from './domain/comment.ts';
import { checkFeedback, type Feedback, feedbackDue, feedbackOverdue } from './domain/feedback.ts';
import { parseCommentSheet, type TextSheet } from './domain/import.ts';
import { checkPeriod, PHASE_LABELS, phaseOf } from './domain/period.ts';
import { type ConsultationAction, can, canEditSettings, type DecisionsActor } from './domain/policies.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export async function actorFacts(db: Db, actor: Actor): Promise<DecisionsActor> {
  const [agencyIds, visible] = await Promise.all([agencyIdsFor(db, actor), visibleOrgIds(db, actor)]);
  return { role: actor.role, agencyIds, visibleOrgIds: [...visible] };
}

/** The consultation, if the person may see it and do `action`: NOT_FOUND when unseen, FORBIDDEN else. */
async function authorised(db: Db, actor: Actor, id: number, action: ConsultationAction, lock = false) {
  const row = lock ? await store.lockConsultation(db, id) : await store.findConsultation(db, id);
  const facts = await actorFacts(db, actor);
  if (!row || !can(facts, 'view', { orgId: row.org_id })) throw new AppError('NOT_FOUND');
  if (!can(facts, action, { orgId: row.org_id })) throw new AppError('FORBIDDEN');
  return row;
}

export type ConsultationInput = {
  orgId: number;
  title: string;
  draft: string;
  explanation: string;
  channels: string;
  opensOn: string;
  plannedLastDay: string;
  shortReason?: string | null;
};

async function period(
  db: Db,
  input: { opensOn: string; plannedLastDay: string; shortReason?: string | null },
) {
  const cal = await loadCalendar(db);
  let r: ReturnType<typeof checkPeriod>;
  try {
    r = checkPeriod(input, cal);
  } catch {
    // A year the calendar does not know yet (far future): say so in the form's terms.
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'plannedLastDay', message: '截止日期所在年度的工作日历尚未设置' },
    ]);
  }
  if (!r.ok) throw new AppError('VALIDATION_FAILED', {}, r.errors);
  return r.period;
}

export async function createConsultation(db: Db, actor: Actor, input: ConsultationInput) {
  const facts = await actorFacts(db, actor);
  if (!can(facts, 'manage', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  const p = await period(db, input);
  return inTransaction(db, async (tx) => {
    const row = await store.insertConsultation(tx, {
      org_id: input.orgId,
      title: input.title,
      draft: input.draft,
      explanation: input.explanation,
      channels: input.channels,
      opens_on: p.opensOn,
      planned_last_day: p.plannedLastDay,
      closes_on: p.closesOn,
      short_reason: p.shortReason,
      status: 'draft',
      published_at: null,
      closed_at: null,
      feedback_published_at: null,
      created_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.create',
      subjectType: 'consultation',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateConsultation(
  db: Db,
  actor: Actor,
  id: number,
  input: Omit<ConsultationInput, 'orgId'>,
) {
  return inTransaction(db, async (tx) => {
    const before = await authorised(tx, actor, id, 'manage', true);
    if (before.status === 'closed')
      throw new AppError('CONSULTATION_STATE', { state: '已结束', action: '修改' });
    const p = await period(tx, input);
    const row = await store.updateConsultation(tx, id, {
      title: input.title,
      draft: input.draft,
      explanation: input.explanation,
      channels: input.channels,
      opens_on: p.opensOn,
      planned_last_day: p.plannedLastDay,
      closes_on: p.closesOn,
      short_reason: p.shortReason,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.update',
      subjectType: 'consultation',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** 发布: the draft goes on the portal; comments are accepted from its opening day to its last day. */
export async function publishConsultation(db: Db, actor: Actor, id: number, now: Date) {
  return inTransaction(db, async (tx) => {
    const before = await authorised(tx, actor, id, 'manage', true);
    if (before.status !== 'draft')
      throw new AppError('CONSULTATION_STATE', { state: '已发布', action: '再次发布' });
    if (before.draft.trim() === '')
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'draft', message: '请先填写决策草案' }]);
    const row = await store.updateConsultation(tx, id, { status: 'published', published_at: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.publish',
      subjectType: 'consultation',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** 结束征集 before the last day (the period is also over by itself after its last day). */
export async function closeConsultation(db: Db, actor: Actor, id: number, now: Date) {
  return inTransaction(db, async (tx) => {
    const before = await authorised(tx, actor, id, 'manage', true);
    if (before.status !== 'published')
      throw new AppError('CONSULTATION_STATE', {
        state: before.status === 'draft' ? '未发布' : '已结束',
        action: '结束征集',
      });
    const row = await store.updateConsultation(tx, id, { status: 'closed', closed_at: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.close',
      subjectType: 'consultation',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

export async function listConsultations(db: Db, actor: Actor) {
  const facts = await actorFacts(db, actor);
  const rows = await store.listConsultations(db, facts.visibleOrgIds);
  const counts = await store.countComments(
    db,
    rows.map((r) => r.id),
  );
  return { rows, counts, facts };
}

export async function getConsultation(db: Db, actor: Actor, id: number) {
  const row = await authorised(db, actor, id, 'view');
  const facts = await actorFacts(db, actor);
  const comments = await store.listComments(db, id);
  return { row, comments, facts };
}

/** The feedback deadline and whether it is overdue (console flag). */
export async function feedbackState(db: Db, rows: readonly store.ConsultationRow[], today: string) {
  const n = await store.feedbackWorkingDays(db);
  const cal = await loadCalendar(db);
  const out = new Map<number, { due: string | null; overdue: boolean }>();
  for (const r of rows) {
    const phase = phaseOf({ status: r.status, opensOn: r.opens_on, closesOn: r.closes_on }, today);
    if (phase !== 'closed') {
      out.set(r.id, { due: null, overdue: false });
      continue;
    }
    const end = r.closed_at && chinaDay(r.closed_at) < r.closes_on ? chinaDay(r.closed_at) : r.closes_on;
    let due: string | null = null;
    try {
      due = feedbackDue(end, n, cal);
    } catch {
      due = null;
    }
    out.set(r.id, {
      due,
      overdue: due !== null && feedbackOverdue({ due, published: r.feedback_published_at !== null, today }),
    });
  }
  return out;
}

const chinaDay = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Comments entered by staff (letter, e-mail, phone): stored as received, published after moderation. */
export async function enterComment(
  db: Db,
  actor: Actor,
  id: number,
  input: {
    channel: 'letter' | 'email' | 'phone';
    name?: string | null;
    contact?: string | null;
    content: string;
    article?: number | null;
    receivedOn: string;
  },
) {
  return inTransaction(db, async (tx) => {
    const c = await authorised(tx, actor, id, 'enter');
    const check = checkComment(
      {
        name: input.name ?? '',
        contact: input.contact || '—',
        content: input.content,
        article: input.article ? String(input.article) : '',
      },
      splitArticles(c.draft).length,
    );
    if (!check.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        check.errors.map((e) => ({ path: e.field, message: e.message })),
      );
    const [row] = await store.insertComments(tx, [
      {
        consultation_id: id,
        channel: input.channel,
        name: check.value.name,
        contact: input.contact?.trim() || null,
        content: check.value.content,
        article: check.value.article,
        received_on: input.receivedOn,
        entered_by: actor.id,
      },
    ]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.comment.enter',
      subjectType: 'consultation',
      subjectId: id,
      after: { commentId: row?.id, channel: input.channel },
    });
    return row as store.CommentRow;
  });
}

/** Comments from a spreadsheet: all rows or none, each bad row named. */
export async function importComments(db: Db, actor: Actor, id: number, sheet: TextSheet, today: string) {
  return inTransaction(db, async (tx) => {
    const c = await authorised(tx, actor, id, 'enter', true);
    const parsed = parseCommentSheet(sheet, {
      articleCount: splitArticles(c.draft).length,
      defaultDate: today,
    });
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 10).join('；');
      const more = parsed.errors.length > 10 ? `等${parsed.errors.length}处` : '';
      throw new AppError('CONSULTATION_IMPORT_FILE', {
        detail: `${shown}${more}。未导入任何意见，请修改后重新导入。`,
      });
    }
    const rows = await store.insertComments(
      tx,
      parsed.comments.map((x) => ({
        consultation_id: id,
        channel: 'import' as const,
        name: x.name,
        contact: x.contact,
        content: x.content,
        article: x.article,
        received_on: x.receivedOn,
        entered_by: actor.id,
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.comment.import',
      subjectType: 'consultation',
      subjectId: id,
      after: { count: rows.length },
    });
    return rows.length;
  });
}

/** A comment from the portal: accepted only while the consultation is open (the server's clock). */
export async function submitPortalComment(db: Db, id: number, input: CommentInput, today: string) {
  return inTransaction(db, async (tx) => {
    const c = await store.findConsultation(tx, id);
    if (!c || c.status === 'draft') throw new AppError('NOT_FOUND');
    const phase = phaseOf({ status: c.status, opensOn: c.opens_on, closesOn: c.closes_on }, today);
    if (phase !== 'open')
      throw new AppError(
        'CONSULTATION_NOT_OPEN',
        phase === 'closed' ? { closesOn: formatChineseDate(c.closes_on) } : {},
      );
    const check = checkComment(input, splitArticles(c.draft).length);
    if (!check.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        check.errors.map((e) => ({ path: e.field, message: e.message })),
      );
    const v: CleanComment = check.value;
    const [row] = await store.insertComments(tx, [
      {
        consultation_id: id,
        channel: 'portal',
        name: v.name,
        contact: v.contact,
        content: v.content,
        article: v.article,
        received_on: today,
        entered_by: null,
      },
    ]);
    await recordAudit(tx, {
      actorId: null,
      action: 'consultation.comment.portal',
      subjectType: 'consultation',
      subjectId: id,
      after: { commentId: row?.id },
    });
    return row as store.CommentRow;
  });
}

async function commentWithConsultation(tx: Db, actor: Actor, commentId: number, action: ConsultationAction) {
  const comment = await store.findComment(tx, commentId);
  if (!comment) throw new AppError('NOT_FOUND');
  const consultation = await authorised(tx, actor, comment.consultation_id, action, true);
  return { comment, consultation };
}

/** 审核: publish a comment (its content only, never who sent it) or keep it off the portal with a reason. */
export async function moderateComment(
  db: Db,
  actor: Actor,
  commentId: number,
  input: { status: CommentStatus; reason?: string | null },
) {
  return inTransaction(db, async (tx) => {
    const { comment } = await commentWithConsultation(tx, actor, commentId, 'moderate');
    const reason = input.reason?.trim() || null;
    if (input.status === 'hidden' && !reason)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'reason', message: '不公开的意见须说明理由（例如含有个人信息、与征集事项无关）' },
      ]);
    const row = await store.updateComment(tx, commentId, {
      status: input.status,
      moderation_reason: input.status === 'published' ? null : reason,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.comment.moderate',
      subjectType: 'consultation_comment',
      subjectId: commentId,
      before: { status: comment.status },
      after: { status: row.status, reason },
    });
    return row;
  });
}

/** 分组: near-duplicate groups of the consultation's comments; groups staff split or merged are kept. */
export async function regroup(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    await authorised(tx, actor, id, 'moderate', true);
    const all = await store.listComments(tx, id);
    const auto = all.filter((c) => !c.group_manual);
    const clusters = clusterTexts(auto.map((c) => c.content));
    const groupOf = new Map<number, number | null>(auto.map((c) => [c.id, null]));
    for (const cl of clusters) {
      const first = auto[cl.representative] as store.CommentRow;
      for (const m of cl.members) groupOf.set((auto[m] as store.CommentRow).id, first.id);
    }
    await store.setAutomaticGroups(tx, id, groupOf);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.regroup',
      subjectType: 'consultation',
      subjectId: id,
      after: { groups: clusters.length },
    });
    return clusters.length;
  });
}

/** 拆出: a comment leaves its group for good (a regroup keeps it alone). */
export async function splitComment(db: Db, actor: Actor, commentId: number) {
  return inTransaction(db, async (tx) => {
    const { comment } = await commentWithConsultation(tx, actor, commentId, 'moderate');
    if (comment.group_id === null)
      throw new AppError('CONSULTATION_GROUP', { detail: '该意见不在任何分组中' });
    if (comment.group_id === comment.id) {
      // The group's first comment leaves: the next member becomes the group's key.
      const members = (await store.listComments(tx, comment.consultation_id)).filter(
        (c) => c.group_id === comment.id && c.id !== comment.id,
      );
      const next = members[0];
      if (next) {
        for (const m of members)
          await store.updateComment(tx, m.id, {
            group_id: members.length > 1 ? next.id : null,
            group_manual: true,
          });
      }
    }
    await store.updateComment(tx, commentId, { group_id: null, group_manual: true });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.group.split',
      subjectType: 'consultation_comment',
      subjectId: commentId,
      before: { groupId: comment.group_id },
    });
  });
}

/** 合并: the members of group (or lone comment) `from` join group (or comment) `into`. */
export async function mergeGroups(db: Db, actor: Actor, id: number, into: number, from: number) {
  return inTransaction(db, async (tx) => {
    await authorised(tx, actor, id, 'moderate', true);
    if (into === from) throw new AppError('CONSULTATION_GROUP', { detail: '不能与自身合并' });
    const all = await store.listComments(tx, id);
    const key = (commentId: number) => {
      const c = all.find((x) => x.id === commentId);
      if (!c) throw new AppError('CONSULTATION_GROUP', { detail: '要合并的意见不属于本次征集' });
      return c.group_id ?? c.id;
    };
    const a = key(into);
    const b = key(from);
    if (a === b) throw new AppError('CONSULTATION_GROUP', { detail: '两条意见已在同一分组中' });
    await store.setGroupOfMembers(tx, id, a, a);
    await store.setGroupOfMembers(tx, id, b, a);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.group.merge',
      subjectType: 'consultation',
      subjectId: id,
      after: { into: a, from: b },
    });
  });
}

/** 采纳情况 of a comment, or of its whole group when `wholeGroup`. */
export async function setFeedback(
  db: Db,
  actor: Actor,
  commentId: number,
  input: { feedback: Feedback; reason?: string | null; wholeGroup: boolean },
) {
  return inTransaction(db, async (tx) => {
    const { comment } = await commentWithConsultation(tx, actor, commentId, 'feedback');
    const check = checkFeedback(input.feedback, input.reason);
    if (!check.ok) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', message: check.message }]);
    const v = { feedback: input.feedback, feedback_reason: check.reason };
    if (input.wholeGroup && comment.group_id !== null)
      await store.setFeedbackOfGroup(tx, comment.consultation_id, comment.group_id, v);
    else await store.updateComment(tx, commentId, v);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.feedback',
      subjectType: 'consultation_comment',
      subjectId: commentId,
      after: { ...v, wholeGroup: input.wholeGroup },
    });
  });
}

/** 发布采纳情况: once the period is over, with the summary; the portal then shows the report. */
export async function publishFeedback(
  db: Db,
  actor: Actor,
  id: number,
  summary: string,
  today: string,
  now: Date,
) {
  return inTransaction(db, async (tx) => {
    const before = await authorised(tx, actor, id, 'feedback', true);
    const phase = phaseOf(
      { status: before.status, opensOn: before.opens_on, closesOn: before.closes_on },
      today,
    );
    if (phase !== 'closed')
      throw new AppError('CONSULTATION_STATE', {
        state: PHASE_LABELS[phase],
        action: '发布采纳情况（征求意见结束后才能发布）',
      });
    if (summary.trim() === '')
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'summary', message: '请填写采纳情况说明' }]);
    const row = await store.updateConsultation(tx, id, {
      feedback_summary: summary.trim(),
      feedback_published_at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'consultation.feedback.publish',
      subjectType: 'consultation',
      subjectId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** Whether the person may change the module's settings (one row for the whole platform). */
export async function mayEditSettings(db: Db, actor: Actor): Promise<boolean> {
  return canEditSettings(actor, { seesWholeTree: await seesWholeTree(db, actor) });
}

export async function getSettings(db: Db, actor: Actor) {
  return {
    feedbackWorkingDays: await store.feedbackWorkingDays(db),
    canEdit: await mayEditSettings(db, actor),
  };
}

export async function updateSettings(db: Db, actor: Actor, feedbackWorkingDays: number) {
  if (!(await mayEditSettings(db, actor))) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const before = await store.feedbackWorkingDays(tx);
    await store.setFeedbackWorkingDays(tx, feedbackWorkingDays);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'decisions.settings',
      subjectType: 'decision_settings',
      subjectId: 1,
      before: { feedbackWorkingDays: before },
      after: { feedbackWorkingDays },
    });
    return { feedbackWorkingDays, canEdit: true };
  });
}
