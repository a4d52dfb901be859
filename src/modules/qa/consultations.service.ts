/**
 * 咨询记录 (C4): consultation records entered one by one or imported from .xlsx (every bad row named,
 * nothing saved), the frequent questions among them (near-identical ones grouped over the platform's
 * segmentation; domain/consultations.ts) suggested into 政策问答库 as a draft pair, and the hot topics.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { searchTokens } from '../../platform/search/fulltext.ts';
import { chinaToday } from '../../platform/time.ts';
import { listOrgs, visibleOrgIds } from '../orgs/index.ts';
import {
  type CleanConsultation,
  type ConsultationChannel,
  type ConsultationContext,
  type ConsultationInput,
  type ConsultationSheet,
  checkConsultation,
  frequentQuestions,
  type HotTopics,
  hotTopics,
  parseConsultationSheet,
  type QuestionGroup,
} from './domain/consultations.ts';
import { can } from './domain/policies.ts';
import { createPair } from './pairs.service.ts';
import * as routing from './routing.store.ts';

type Db = Kysely<Database>;

/** Today, the units by name, and the units `actor` records for: its visible organisations. */
async function consultationContext(db: Db, actor: Actor): Promise<ConsultationContext> {
  const [orgs, scope] = await Promise.all([listOrgs(db), visibleOrgIds(db, actor)]);
  const units = new Map(orgs.filter((o) => !o.disabled).map((o) => [o.name, o.id]));
  return { today: chinaToday(), units, scope };
}

function rowOf(r: CleanConsultation, actor: Actor) {
  return {
    channel: r.channel,
    asked_on: r.askedOn,
    question: r.question,
    answer: r.answer,
    org_id: r.orgId,
    topic: r.topic,
    question_terms: searchTokens(r.question),
    created_by: actor.id,
  };
}

/** One record typed in the console. */
export async function createConsultation(
  db: Db,
  actor: Actor,
  input: ConsultationInput,
): Promise<routing.ConsultationRow> {
  if (!can(actor, 'consultation.write')) throw new AppError('FORBIDDEN');
  const checked = checkConsultation(input, await consultationContext(db, actor));
  if (checked.outOfScope) throw new AppError('QA_CONSULTATION_UNIT_SCOPE', { unit: input.unit.trim() });
  if (!checked.record) throw new AppError('QA_CONSULTATION_INVALID', { detail: checked.errors.join('；') });
  const record = checked.record;
  return inTransaction(db, async (tx) => {
    const [row] = await routing.insertConsultations(tx, [rowOf(record, actor)]);
    const saved = row as routing.ConsultationRow;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.consultation.create',
      subjectType: 'qa_consultation',
      subjectId: saved.id,
      after: { channel: saved.channel, askedOn: saved.asked_on, topic: saved.topic },
    });
    return saved;
  });
}

/** Records from a spreadsheet: all rows or none, each bad row named. */
export async function importConsultations(db: Db, actor: Actor, sheet: ConsultationSheet): Promise<number> {
  if (!can(actor, 'consultation.write')) throw new AppError('FORBIDDEN');
  const parsed = parseConsultationSheet(sheet, await consultationContext(db, actor));
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 20).join('；');
    const more = parsed.errors.length > 20 ? `等${parsed.errors.length}处` : '';
    throw new AppError('QA_CONSULTATION_IMPORT', { detail: `${shown}${more}` });
  }
  return inTransaction(db, async (tx) => {
    const rows = await routing.insertConsultations(
      tx,
      parsed.records.map((r) => rowOf(r, actor)),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.consultation.import',
      subjectType: 'qa_consultation',
      subjectId: null,
      after: { count: rows.length },
    });
    return rows.length;
  });
}

export type ConsultationQuery = { from?: string; to?: string; channel?: ConsultationChannel };

export async function listConsultationsFor(db: Db, actor: Actor, q: ConsultationQuery) {
  if (!can(actor, 'ask')) throw new AppError('FORBIDDEN');
  const [rows, orgs] = await Promise.all([routing.listConsultations(db, q), listOrgs(db)]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((row) => ({ row, orgName: row.org_id === null ? null : (names.get(row.org_id) ?? null) }));
}

/** The frequent questions of the period and the hot topics (counts per topic per month). */
export async function consultationInsights(
  db: Db,
  actor: Actor,
  q: ConsultationQuery,
): Promise<{ frequent: QuestionGroup[]; topics: HotTopics }> {
  if (!can(actor, 'ask')) throw new AppError('FORBIDDEN');
  const rows = (await routing.listConsultations(db, q)).reverse();
  return {
    frequent: frequentQuestions(
      rows.map((r) => ({ id: r.id, question: r.question, tokens: r.question_terms, pairId: r.pair_id })),
    ),
    topics: hotTopics(rows.map((r) => ({ topic: r.topic, askedOn: r.asked_on }))),
  };
}

/**
 * A frequent question suggested into 政策问答库: a draft pair (question, answer, the document it rests on)
 * for the office to submit and review as any pair; the group's records point to it.
 */
export async function suggestPair(
  db: Db,
  actor: Actor,
  input: { consultationIds: number[]; question: string; answer: string; documentId: number; topic?: string },
) {
  if (!can(actor, 'consultation.write')) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const records = await routing.listConsultations(tx, { ids: input.consultationIds });
    if (records.length !== new Set(input.consultationIds).size) throw new AppError('NOT_FOUND');
    if (records.some((r) => r.pair_id !== null)) throw new AppError('QA_CONSULTATION_SUGGESTED');
    const pair = await createPair(tx, actor, {
      question: input.question,
      answer: input.answer,
      documentId: input.documentId,
      topics: input.topic ? [input.topic] : [],
    });
    await routing.linkConsultationsToPair(tx, input.consultationIds, pair.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.consultation.suggest',
      subjectType: 'qa_pair',
      subjectId: pair.id,
      after: { consultationIds: input.consultationIds },
    });
    return pair;
  });
}
