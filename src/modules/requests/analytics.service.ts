/**
 * 依申请公开 analytics for one year: the caller's scope (as the workbench), the SQL counts
 * (analytics.store.ts), the pure aggregation (domain/analytics.ts), and the year's topics from the
 * segmenter over a capped sample of the most recent applications.
 *
 * Figures are kept for a short while per scope and year, and recomputed as soon as a case, an event,
 * the release queue or the calendar changes (`changeMark`) — or after CACHE_TTL_MS at the latest, which
 * bounds how stale a figure can be when two transactions commit out of id order.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/session.ts';
import { keywords, terms } from '../../platform/search/segment.ts';
import { loadCalendar } from '../calendar/index.ts';
import * as store from './analytics.store.ts';
import {
  type Analytics,
  computeAnalytics,
  type ReleaseSuggestion,
  releaseSuggestions,
} from './domain/analytics.ts';
import type { ReceiptChannel } from './domain/clock.ts';
import { CHANNEL_LABELS } from './meta.ts';
import { RELEASABLE_OUTCOMES } from './release-queue.ts';
import { caseScope } from './service.ts';

type Db = Kysely<Database>;

/** At most this many of the year's most recent applications feed the topic statistics. */
export const TOPIC_SAMPLE_LIMIT = 5000;
/** Only the start of each description is read (the subject carries the topic). */
export const TOPIC_DESCRIPTION_CHARS = 120;
export const TOPIC_COUNT = 20;
export const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 200;

export type CaseScope = { orgIds: number[]; unitIds: number[] };

/**
 * Whether the statistics may name repeat applicants: only for those who see applicants' personal data
 * on the cases in their scope (the office and 负责人 of the agency, the handlers and 负责人 of a unit);
 * administrators and reviewers get counts only.
 */
export function maySeeIdentities(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'approver' || actor.role === 'handler';
}

export type YearAnalytics = Analytics & {
  unitId: number | null;
  repeatApplicants: store.RepeatApplicants & { identitiesShown: boolean };
  topics: { word: string; count: number }[];
  /** How many applications the topics were taken from (the most recently registered), out of how many. */
  topicsSample: { size: number; limit: number; total: number; descriptionChars: number };
  releaseSuggestions: ReleaseSuggestion[];
  /** When these figures were computed (ISO timestamp). */
  generatedAt: string;
};

/** Topical words per text, remembered (texts do not change once registered); bounded. */
const termCache = new Map<string, string[]>();
const TERM_CACHE_MAX = 50_000;

function cachedTerms(text: string): string[] {
  let t = termCache.get(text);
  if (t === undefined) {
    t = terms(text);
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
    termCache.set(text, t);
  }
  return t;
}

/** Online, fax and e-mail applications count from the confirmed receipt (the clock knows e-mail as online). */
function clockChannel(channel: string): ReceiptChannel {
  return channel === 'email' ? 'online' : (channel as ReceiptChannel);
}

async function compute(db: Db, f: store.AnalyticsFilter, identities: boolean): Promise<YearAnalytics> {
  // PGlite runs one query at a time; on PostgreSQL these run side by side on the pool.
  const [counts, replies, paused, repeat, sample, calendar] = await Promise.all([
    store.countBreakdowns(db, f),
    store.replyDays(db, f),
    store.pausedReplies(db, f),
    store.repeatApplicants(db, f, identities),
    store.topicSample(db, f, TOPIC_SAMPLE_LIMIT, TOPIC_DESCRIPTION_CHARS),
    loadCalendar(db),
  ]);
  const unitIds = [...new Set(counts.flatMap((c) => (c.dim === 'unit' && c.key !== null ? [c.key] : [])))];
  const analytics = computeAnalytics({
    year: f.year,
    counts,
    replies,
    paused: paused.map((p) => ({ ...p, channel: clockChannel(p.channel) })),
    calendar,
    unitNames: await store.orgNames(db, unitIds),
  });
  const subjectTerms = sample.map((s) => cachedTerms(s.subject));
  const textTerms = sample.map((s, i) => [...(subjectTerms[i] as string[]), ...cachedTerms(s.description)]);
  const suggestions = releaseSuggestions(
    sample.map((s, i) => ({
      id: s.id,
      subject: s.subject,
      terms: subjectTerms[i] as string[],
      flaggable:
        !s.queued &&
        (s.stage === 'replied' || s.stage === 'archived') &&
        (RELEASABLE_OUTCOMES as readonly (string | null)[]).includes(s.outcome),
    })),
  );
  return {
    ...analytics,
    byChannel: analytics.byChannel.map((c) => ({
      ...c,
      label: CHANNEL_LABELS[c.key as keyof typeof CHANNEL_LABELS] ?? c.key,
    })),
    unitId: f.unitId ?? null,
    repeatApplicants: { ...repeat, identitiesShown: identities },
    topics: keywords(textTerms, TOPIC_COUNT),
    topicsSample: {
      size: sample.length,
      limit: TOPIC_SAMPLE_LIMIT,
      total: analytics.total,
      descriptionChars: TOPIC_DESCRIPTION_CHARS,
    },
    releaseSuggestions: suggestions,
    generatedAt: new Date().toISOString(),
  };
}

type Cached = { mark: string; at: number; value: YearAnalytics };
const cache = new Map<string, Cached>();

/** Forget every cached figure (tests, or after a restore in the same process). */
export function clearAnalyticsCache(): void {
  cache.clear();
}

export async function yearAnalytics(
  db: Db,
  actor: Actor,
  q: { year: number; unitId?: number },
): Promise<YearAnalytics> {
  const scope = await caseScope(db, actor);
  const identities = maySeeIdentities(actor);
  const f: store.AnalyticsFilter = { scope, year: q.year, unitId: q.unitId };
  const key = JSON.stringify([
    [...scope.orgIds].sort((a, b) => a - b),
    [...scope.unitIds].sort((a, b) => a - b),
    q.year,
    q.unitId ?? null,
    identities,
  ]);
  // Read before computing: a change committed meanwhile makes the next call recompute.
  const mark = await store.changeMark(db);
  const now = Date.now();
  const hit = cache.get(key);
  let value: YearAnalytics;
  if (hit && hit.mark === mark && now - hit.at < CACHE_TTL_MS) {
    value = hit.value;
  } else {
    value = await compute(db, f, identities);
    cache.delete(key);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, { mark, at: now, value });
  }
  if (identities && value.repeatApplicants.top.length > 0) {
    await recordAudit(db, {
      actorId: actor.id,
      action: 'request.analytics_view_personal',
      subjectType: 'request_analytics',
      subjectId: q.year,
      after: { unitId: q.unitId ?? null, applicants: value.repeatApplicants.top.length },
    });
  }
  return value;
}
