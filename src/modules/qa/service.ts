/**
 * 政策问答: the passage index (built from the public library through documents' index.ts, refreshed
 * by `gongkai qa reindex` and a periodic job when the library changed) and answering a question from
 * it. Each server process keeps the index in memory and reloads it when its generation changed.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { MAX_QUERY_CHARS, searchTokens } from '../../platform/search/fulltext.ts';
import { now } from '../../platform/time.ts';
import {
  listPublicDocumentTexts,
  type PublicDocumentText,
  publicDocumentsStamp,
} from '../documents/index.ts';
import { type Passage, splitPassages } from './domain/passages.ts';
import { can } from './domain/policies.ts';
import { questionGroups } from './domain/question.ts';

/** A curated pair answers when its question covers this share of the question's weight. */
const CURATED_COVERAGE = 0.6;

import {
  answers,
  buildIndex,
  cite,
  type IndexedPassage,
  intentOf,
  type PassageIndex,
  placeCore,
  placesIn,
  rank,
} from './domain/rank.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type IndexReport = { documents: number; passages: number; added: number; removed: number };

const DATE_IN_TEXT = /\d{4}年|\d{1,2}月(底|前|份)|年底|全年|长期坚持/u;

function termsOf(...texts: (string | null)[]): string[] {
  const out: string[] = [];
  for (const t of texts) if (t) out.push(...searchTokens(t));
  return out;
}

/** The passages of one document: its body, then each attachment's text. */
export function passagesOf(doc: Pick<PublicDocumentText, 'bodyText' | 'attachments'>): Passage[] {
  const out = splitPassages(doc.bodyText);
  for (const a of doc.attachments)
    if (a.text.trim() !== '') out.push(...splitPassages(a.text, `附件：${a.name}`));
  return out;
}

function rowsOf(doc: PublicDocumentText): store.NewQaPassage[] {
  return passagesOf(doc).map((p, i) => ({
    document_id: doc.id,
    seq: i + 1,
    kind: p.kind,
    clause: p.clause,
    heading: p.heading,
    body: p.body,
    lead_units: p.leadUnits,
    responsible_units: p.responsibleUnits,
    deadline: p.deadline,
    heading_terms: termsOf(p.heading ?? (p.kind === 'clause' ? p.clause : null)),
    unit_terms: termsOf(p.leadUnits, p.responsibleUnits),
    body_terms: termsOf(p.body, p.deadline),
  }));
}

function signature(d: { inForce: boolean; replacedBy: number | null; updatedAt: string }): string {
  return `${d.inForce}/${d.replacedBy ?? ''}/${new Date(d.updatedAt).toISOString()}`;
}

/**
 * Bring the passage index up to date with the public library: documents added, edited, withdrawn or
 * changed in validity are re-cut; unchanged ones are kept. `force` re-cuts every document.
 */
export async function refreshIndex(
  db: Db,
  opts: { force?: boolean; actorId?: number | null } = {},
): Promise<IndexReport> {
  const stamp = await publicDocumentsStamp(db);
  if (!opts.force && stamp === (await store.sourceStamp(db)) && (await store.indexGeneration(db)) > 0) {
    const [docs, passages] = await Promise.all([store.listIndexedDocuments(db), store.listPassages(db)]);
    return { documents: docs.length, passages: passages.length, added: 0, removed: 0 };
  }
  const texts = await listPublicDocumentTexts(db);
  return inTransaction(db, async (tx) => {
    const indexed = new Map((await store.listIndexedDocuments(tx)).map((d) => [d.document_id, d]));
    const current = new Set(texts.map((t) => t.id));
    const stale: number[] = [];
    const fresh: PublicDocumentText[] = [];
    for (const id of indexed.keys()) if (!current.has(id)) stale.push(id);
    for (const t of texts) {
      const row = indexed.get(t.id);
      const same =
        row &&
        !opts.force &&
        signature({
          inForce: row.in_force,
          replacedBy: row.replaced_by,
          updatedAt: String(row.source_updated_at),
        }) === signature(t);
      if (!same) {
        if (row) stale.push(t.id);
        fresh.push(t);
      }
    }
    await store.deleteIndexedDocuments(tx, stale);
    // Curated pairs follow their documents: out of force (or withdrawn) → flagged until reviewed.
    const outOfForce = [
      ...texts.filter((t) => !t.inForce).map((t) => t.id),
      ...stale.filter((id) => !current.has(id)),
    ];
    const flagged = await store.flagPairsOf(tx, outOfForce, now());
    if (flagged.length > 0)
      await recordAudit(tx, {
        actorId: null,
        action: 'qa.pairs.flagged',
        subjectType: 'qa_pair',
        subjectId: null,
        after: { ids: flagged },
      });
    let passages = 0;
    for (const t of fresh) {
      const rows = rowsOf(t);
      passages += rows.length;
      await store.insertIndexedDocument(
        tx,
        {
          document_id: t.id,
          title: t.title,
          doc_number: t.docNumber,
          issuer: t.issuer,
          government: t.government,
          in_force: t.inForce,
          replaced_by: t.replacedBy,
          title_terms: termsOf(t.title),
          source_updated_at: t.updatedAt,
        },
        rows,
      );
    }
    const changed = stale.length > 0 || fresh.length > 0;
    // Always a new generation: rows may also have gone by cascade (a document deleted) without a diff here.
    await store.bumpGeneration(tx, now(), stamp, true);
    const removed = stale.filter((id) => !current.has(id)).length;
    const report = { documents: texts.length, passages, added: fresh.length, removed };
    if (changed)
      await recordAudit(tx, {
        actorId: opts.actorId ?? null,
        action: 'qa.index.refreshed',
        subjectType: 'qa_index',
        subjectId: null,
        after: report,
      });
    return report;
  });
}

type Loaded = {
  generation: number;
  index: PassageIndex;
  pairs: store.QaPairRow[];
  pairIndex: PassageIndex;
  rows: store.QaPassageRow[];
  docs: Map<number, store.QaDocumentRow>;
  governments: string[];
};
let cache: Loaded | null = null;
let loading: Promise<Loaded> | null = null;

/** The in-memory index of the current generation (built on first use of a fresh database). */
async function loadIndex(db: Db): Promise<Loaded> {
  let generation = await store.indexGeneration(db);
  if (generation === 0) {
    await refreshIndex(db);
    generation = await store.indexGeneration(db);
  }
  if (cache && cache.generation === generation) return cache;
  loading ??= (async () => {
    const [docRows, rows] = await Promise.all([store.listIndexedDocuments(db), store.listPassages(db)]);
    const docs = new Map(docRows.map((d) => [d.document_id, d]));
    const passages: IndexedPassage[] = rows.map((r) => {
      const d = docs.get(r.document_id) as store.QaDocumentRow;
      return {
        id: r.id,
        documentId: r.document_id,
        government: d.government,
        inForce: d.in_force,
        replacedBy: d.replaced_by,
        kind: r.kind,
        hasUnits: r.lead_units !== null || r.responsible_units !== null,
        hasDate: r.deadline !== null || DATE_IN_TEXT.test(r.body),
        title: d.title_terms,
        heading: r.heading_terms,
        units: r.unit_terms,
        body: r.body_terms,
      };
    });
    const governments = [...new Set(docRows.map((d) => d.government).filter((g) => g !== ''))];
    const pairs = (await store.shownPairs(db)).filter((p) => docs.get(p.document_id)?.in_force === true);
    const pairIndex = buildIndex(
      pairs.map((p) => ({
        id: p.id,
        documentId: p.document_id,
        government: docs.get(p.document_id)?.government ?? '',
        inForce: true,
        replacedBy: null,
        kind: 'paragraph' as const,
        hasUnits: false,
        hasDate: false,
        title: [],
        heading: p.question_terms,
        units: [],
        body: p.answer_terms,
      })),
    );
    return { generation, index: buildIndex(passages), pairs, pairIndex, rows, docs, governments };
  })();
  try {
    cache = await loading;
  } finally {
    loading = null;
  }
  return cache;
}

/** Forget the in-memory index (tests that rebuild a database). */
export function forgetIndex(): void {
  cache = null;
}

export type Answer = {
  text: string;
  document: { id: number; title: string; docNumber: string | null };
  clause: string | null;
  score: number;
  /** For a task row: the units and the deadline, as the table gives them. */
  leadUnits: string | null;
  responsibleUnits: string | null;
  deadline: string | null;
  /** The repealed or expired document whose subject the question matched, when this one replaced it. */
  replaces: { id: number; title: string } | null;
  /** A reviewed answer of 政策问答库 (ranked above passages). */
  curated: boolean;
};

export type AskResult = { question: string; answers: Answer[]; refused: boolean; message: string | null };

export const REFUSAL =
  '抱歉，在现行有效的政策文件中没有找到能回答这个问题的内容。您可以换个说法再问，或者联系政府信息公开工作机构咨询（联系方式见公开指南）。';
export const EMPTY_QUESTION = '请输入您想咨询的问题。';

/** The form of a question that is answered: whitespace collapsed, at most MAX_QUERY_CHARS characters. */
export function normalizeQuestion(q: string): string {
  return q
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS);
}

function answerText(r: store.QaPassageRow): string {
  if (r.kind !== 'task_row') return r.heading ? `${r.heading}。${r.body}` : r.body;
  const parts = [
    r.heading ? `工作任务：${r.heading}` : null,
    `具体要求：${r.body.replace(/[。；;]+$/u, '')}`,
  ];
  if (r.lead_units) parts.push(`牵头单位：${r.lead_units}`);
  if (r.responsible_units) parts.push(`责任单位：${r.responsible_units}`);
  if (r.deadline) parts.push(`完成时限：${r.deadline}`);
  return parts.filter((p) => p !== null).join('；');
}

/** Answer a question from the documents in force (or refuse), and count it. */
export async function ask(
  db: Db,
  question: string,
  opts: { limit?: number; channel: store.QaChannel; log?: boolean },
): Promise<AskResult> {
  const q = normalizeQuestion(question);
  const limit = Math.min(Math.max(opts.limit ?? 3, 1), 10);
  if (q === '') return { question: q, answers: [], refused: true, message: EMPTY_QUESTION };
  const loaded = await loadIndex(db);
  const places = placesIn(q, loaded.governments);
  const groups = questionGroups(searchTokens(q), places.map(placeCore));
  const parsed = { groups, intent: intentOf(q), places };
  // Reviewed answers of 政策问答库 that match the question well come first.
  const curated: Answer[] = rank(loaded.pairIndex, parsed, limit)
    // BM25 scores are small over a small library of pairs: the share of the question covered decides.
    .filter((r) => r.coverage >= CURATED_COVERAGE)
    .map((r) => {
      const p = loaded.pairs[r.position] as store.QaPairRow;
      const doc = loaded.docs.get(p.document_id) as store.QaDocumentRow;
      return {
        text: p.answer,
        document: { id: doc.document_id, title: doc.title, docNumber: doc.doc_number },
        clause: p.clause,
        score: Math.round(r.score * 100) / 100,
        leadUnits: null,
        responsibleUnits: null,
        deadline: null,
        replaces: null,
        curated: true,
      };
    });
  const ranked = rank(loaded.index, parsed, 200);
  const cited = cite(loaded.index, ranked, limit * 4);
  const passagesAnswer = answers(cited[0]);
  // The same text in several documents (a sentence many notices share) is cited once.
  const texts = new Set<string>();
  const distinct = cited.filter((c) => {
    const text = answerText(loaded.rows[c.position] as store.QaPassageRow);
    if (texts.has(text)) return false;
    texts.add(text);
    return c.coverage >= 0.34;
  });
  const fromPassages: Answer[] = !passagesAnswer
    ? []
    : distinct.map((c) => {
        const row = loaded.rows[c.position] as store.QaPassageRow;
        const doc = loaded.docs.get(row.document_id) as store.QaDocumentRow;
        const old = c.replaces === null ? undefined : loaded.docs.get(c.replaces);
        return {
          text: answerText(row),
          document: { id: doc.document_id, title: doc.title, docNumber: doc.doc_number },
          clause: row.clause,
          score: Math.round(c.score * 100) / 100,
          leadUnits: row.lead_units,
          responsibleUnits: row.responsible_units,
          deadline: row.deadline,
          replaces: old ? { id: old.document_id, title: old.title } : null,
          curated: false,
        };
      });
  const list = [...curated, ...fromPassages].slice(0, limit);
  const refused = list.length === 0;
  if (opts.log !== false)
    await store.logQuestion(db, {
      question: q,
      channel: opts.channel,
      refused,
      answers: list.length,
      asked_at: now(),
    });
  return { question: q, answers: list, refused, message: refused ? REFUSAL : null };
}

/** The console's tester: the answers the portal would give (not counted as a citizen's question). */
export function askAsStaff(db: Db, actor: Actor, question: string, limit?: number): Promise<AskResult> {
  if (!can(actor, 'ask')) throw new AppError('FORBIDDEN');
  return ask(db, question, { limit, channel: 'console', log: false });
}

/** Rebuild the passage index now (the console's button; `gongkai qa reindex`). */
export function reindexAsStaff(db: Db, actor: Actor): Promise<IndexReport> {
  if (!can(actor, 'reindex')) throw new AppError('FORBIDDEN');
  return refreshIndex(db, { force: true, actorId: actor.id });
}

export type LibraryEntry = {
  question: string;
  answer: string;
  clause: string | null;
  document: { id: number; title: string; docNumber: string | null };
};

/** The published pairs the portal shows (documents in force), by topic (a pair without one: 其他). */
export async function libraryByTopic(db: Db): Promise<{ topic: string; entries: LibraryEntry[] }[]> {
  const loaded = await loadIndex(db);
  const byTopic = new Map<string, LibraryEntry[]>();
  for (const p of loaded.pairs) {
    const doc = loaded.docs.get(p.document_id) as store.QaDocumentRow;
    const entry = {
      question: p.question,
      answer: p.answer,
      clause: p.clause,
      document: { id: doc.document_id, title: doc.title, docNumber: doc.doc_number },
    };
    for (const topic of p.topics.length > 0 ? p.topics.slice(0, 1) : ['其他']) {
      const list = byTopic.get(topic) ?? [];
      list.push(entry);
      byTopic.set(topic, list);
    }
  }
  const zh = new Intl.Collator('zh-CN');
  return [...byTopic]
    .map(([topic, entries]) => ({ topic, entries }))
    .sort((a, b) => (a.topic === '其他' ? 1 : b.topic === '其他' ? -1 : zh.compare(a.topic, b.topic)));
}

/**
 * The documents that came closest to a question, however weakly (a refused question's best guesses):
 * each ranked passage's issuer, its task row's lead units and its score, best first.
 */
export async function closestEvidence(
  db: Db,
  question: string,
  limit = 5,
): Promise<{ issuer: string; leadUnits: string | null; score: number; documentId: number }[]> {
  const q = normalizeQuestion(question);
  if (q === '') return [];
  const loaded = await loadIndex(db);
  const places = placesIn(q, loaded.governments);
  const parsed = {
    groups: questionGroups(searchTokens(q), places.map(placeCore)),
    intent: intentOf(q),
    places,
  };
  return rank(loaded.index, parsed, limit).map((r) => {
    const row = loaded.rows[r.position] as store.QaPassageRow;
    const doc = loaded.docs.get(row.document_id) as store.QaDocumentRow;
    return { issuer: doc.issuer, leadUnits: row.lead_units, score: r.score, documentId: doc.document_id };
  });
}
