/**
 * 依申请公开 analytics for one year: the caller's scope (as the workbench), the counters kept by the
 * database (analytics.store.ts), the pure aggregation (domain/analytics.ts), and the year's topics from
 * the segmenter over a capped sample of the most recent applications. The working days a paused reply's
 * clock did not run are computed once per case and calendar (`refreshPausedFacts`) and stored.
 *
 * Figures are kept for a short while per scope and year, and recomputed as soon as a case, an event,
 * the release queue or the calendar changes (`changeMark`) — or after CACHE_TTL_MS at the latest, which
 * bounds how stale a figure can be when two transactions commit out of id order.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/session.ts';
import { keywords, terms } from '../../platform/search/segment.ts';
import { chinaToday } from '../../platform/time.ts';
import { type Calendar, createCalendar, loadYears } from '../calendar/index.ts';
import { orgNames } from '../orgs/index.ts';
import * as store from './analytics.store.ts';
import { loadCaseActor } from './case-actor.ts';
import {
  type Analytics,
  computeAnalytics,
  pausedFactOf,
  type ReleaseSuggestion,
  releaseSuggestions,
} from './domain/analytics.ts';
import type { ReceiptChannel } from './domain/clock.ts';
import { can, caseListScope } from './domain/policies.ts';
import { RELEASABLE_OUTCOMES } from './domain/release.ts';
import { isRepliedStage } from './domain/stages.ts';
import { CHANNEL_LABELS } from './meta.ts';

type Db = Kysely<Database>;

/** At most this many of the year's most recent applications feed the topic statistics. */
export const TOPIC_SAMPLE_LIMIT = 5000;
/** Only the start of each description is read (the subject carries the topic). */
export const TOPIC_DESCRIPTION_CHARS = 120;
export const TOPIC_COUNT = 20;
export const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 200;

export type CaseScope = { orgIds: number[]; unitIds: number[] };

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

/** An application's subject and the topical words of its subject and of the start of its description. */
type TopicText = { subject: string; subjectTerms: string[]; textTerms: string[] };

/**
 * Segmented texts, remembered by the key of their text (md5 of subject and description start, from the
 * database), so that known texts need not be sent again; bounded.
 */
const topicCache = new Map<string, TopicText>();
const TOPIC_CACHE_MAX = 50_000;

async function topicTextsOf(db: Db, sample: store.TopicSampleRow[]): Promise<TopicText[]> {
  const missing = sample.filter((s) => !topicCache.has(s.textKey));
  if (missing.length > 0) {
    const texts = new Map(
      (
        await store.topicTexts(
          db,
          missing.map((m) => m.id),
          TOPIC_DESCRIPTION_CHARS,
        )
      ).map((t) => [t.id, t]),
    );
    if (topicCache.size + missing.length > TOPIC_CACHE_MAX) topicCache.clear();
    for (const m of missing) {
      const t = texts.get(m.id);
      if (!t) continue;
      const subjectTerms = terms(t.subject);
      topicCache.set(m.textKey, {
        subject: t.subject,
        subjectTerms,
        textTerms: [...subjectTerms, ...terms(t.description)],
      });
    }
  }
  return sample.map((s) => topicCache.get(s.textKey) ?? { subject: '', subjectTerms: [], textTerms: [] });
}

/** Online, fax and e-mail applications count from the confirmed receipt (the clock knows e-mail as online). */
export function clockChannel(channel: string): ReceiptChannel {
  return channel === 'email' ? 'online' : (channel as ReceiptChannel);
}

/** The calendar as stored, and a mark of its content: paused days computed with another are recomputed. */
export async function calendarWithMark(db: Db): Promise<{ calendar: Calendar; mark: string }> {
  const years = await loadYears(db);
  const mark = createHash('sha256').update(JSON.stringify(years)).digest('hex').slice(0, 32);
  return { calendar: createCalendar(years), mark };
}

const STALE_BATCH = 2000;

/**
 * Computes and stores the working days without the clock of the paused replies (in `f`, or everywhere)
 * whose figure is missing or was computed with another calendar. Returns how many were computed.
 */
export async function refreshPausedFacts(
  db: Db,
  f: store.AnalyticsFilter | null,
  cal?: { calendar: Calendar; mark: string },
): Promise<number> {
  const { calendar, mark } = cal ?? (await calendarWithMark(db));
  let done = 0;
  for (;;) {
    const stale = await store.stalePausedReplies(db, f, mark, STALE_BATCH);
    if (stale.length === 0) return done;
    const facts = stale.map((p) => ({
      id: p.id,
      ...pausedFactOf(calendar, {
        receivedOn: p.receivedOn,
        channel: clockChannel(p.channel),
        repliedOn: p.repliedOn,
        events: p.events,
      }),
    }));
    await store.savePausedFacts(db, facts, mark);
    done += stale.length;
    if (stale.length < STALE_BATCH) return done;
  }
}

async function compute(
  db: Db,
  f: store.AnalyticsFilter,
  identities: boolean,
  today: string,
): Promise<YearAnalytics> {
  const cal = await calendarWithMark(db);
  await refreshPausedFacts(db, f, cal);
  const { calendar } = cal;
  // PGlite runs one query at a time; on PostgreSQL these run side by side on the pool.
  const [counts, replies, overdueOpen, paused, repeat, sample] = await Promise.all([
    store.countBreakdowns(db, f),
    store.replyDays(db, f),
    store.overdueOpen(db, f, today),
    store.pausedTotals(db, f),
    store.repeatApplicants(db, f, identities),
    store.topicSample(db, f, TOPIC_SAMPLE_LIMIT, TOPIC_DESCRIPTION_CHARS),
  ]);
  const unitIds = [...new Set(counts.flatMap((c) => (c.dim === 'unit' && c.key !== null ? [c.key] : [])))];
  const analytics = computeAnalytics({
    year: f.year,
    counts,
    replies,
    overdueOpen,
    paused,
    calendar,
    unitNames: Object.fromEntries(await orgNames(db, unitIds)),
  });
  const texts = await topicTextsOf(db, sample);
  const textTerms = texts.map((t) => t.textTerms);
  const suggestions = releaseSuggestions(
    sample.map((s, i) => ({
      id: s.id,
      subject: (texts[i] as TopicText).subject,
      terms: (texts[i] as TopicText).subjectTerms,
      flaggable:
        !s.queued &&
        isRepliedStage(s.stage) &&
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
  const a = await loadCaseActor(db, actor);
  const scope = caseListScope(a);
  // Repeat applicants are named only to those who see applicants' personal data on their cases.
  const identities = can(a, 'see-applicant-identities');
  const f: store.AnalyticsFilter = { scope, year: q.year, unitId: q.unitId };
  const today = chinaToday();
  const key = JSON.stringify([
    [...scope.orgIds].sort((a, b) => a - b),
    [...scope.unitIds].sort((a, b) => a - b),
    q.year,
    q.unitId ?? null,
    identities,
    // 逾期未答复 depends on the day: a cached figure of yesterday is not today's.
    today,
  ]);
  // Read before computing: a change committed meanwhile makes the next call recompute.
  const mark = await store.changeMark(db);
  const now = Date.now();
  const hit = cache.get(key);
  let value: YearAnalytics;
  if (hit && hit.mark === mark && now - hit.at < CACHE_TTL_MS) {
    value = hit.value;
  } else {
    value = await compute(db, f, identities, today);
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
