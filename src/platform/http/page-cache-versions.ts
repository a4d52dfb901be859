/**
 * The versions of the public content areas, which the page cache (`page-cache.ts`) puts into its keys:
 * a page cached under an area's old version is never served again once the area's version moves on.
 *
 * An area moves on when a write that changes what the public sees commits. Writes are recognised by
 * their audit action (every write that matters records one, `platform/audit/record.ts`): the app installs
 * a classifier (action → the areas it changes, `portal/cache-areas.ts`), and `recordAudit` reports each
 * action here. Inside a request or a job (`deferPublicBumps`) the areas are collected and moved on when
 * the work is over, i.e. after its transaction committed: moving them on before the commit would let a
 * page read before the commit be cached under the new version. Outside one (tests calling a service
 * directly, start-up) they move on at once.
 *
 * Process-wide: the versions only ever increase, so several apps in one process (tests) share them
 * harmlessly. Changes made by another process (the CLI) are seen when cached pages expire.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the classifier answers for an action that changes every area (or one it does not know). */
export const ALL_AREAS = '*';

const versions = new Map<string, number>();
/** Moved on with every area, so `*` in a page's areas stands for "any change". */
let everything = 0;

/**
 * The current version of `area` (0 until its first change): its own changes plus the changes of every
 * area, so that it strictly increases with either.
 */
export function publicVersion(area: string): number {
  return area === ALL_AREAS ? everything : (versions.get(area) ?? 0) + everything;
}

/** Moves `areas` on (`*`: every area): pages cached under their old versions are not served again. */
export function bumpPublic(...areas: readonly string[]): void {
  for (const area of areas) {
    if (area === ALL_AREAS) everything++;
    else versions.set(area, (versions.get(area) ?? 0) + 1);
  }
}

/** What the classifier sees of an audited write: its action and, where the write recorded them, the subject's snapshots. */
export type PublicChange = { action: string; subjectType?: string; before?: unknown; after?: unknown };
type Classifier = (change: PublicChange) => readonly string[];
/** Before the app installs one (e.g. in a CLI process), no write changes a cached page. */
let classify: Classifier = () => [];

/** Installs the classifier of audited writes (write → the public areas it changes; [] for none). */
export function setPublicAreaClassifier(classifier: Classifier): void {
  classify = classifier;
}

const pending = new AsyncLocalStorage<Set<string>>();

/** Called by `recordAudit` for every audited write. */
export function notePublicChange(change: PublicChange): void {
  const areas = classify(change);
  if (areas.length === 0) return;
  const collected = pending.getStore();
  if (collected) for (const a of areas) collected.add(a);
  else bumpPublic(...areas);
}

/** A set that collects the areas changed by the work run in `collectPublicChanges`. */
export type PublicChanges = Set<string>;

/** Runs `work` (and what it starts) collecting its public changes into `changes` instead of bumping. */
export function collectPublicChanges<T>(changes: PublicChanges, work: () => T): T {
  return pending.run(changes, work);
}

/** Bumps the collected areas and empties the set (idempotent). */
export function flushPublicChanges(changes: PublicChanges): void {
  if (changes.size === 0) return;
  const areas = [...changes];
  changes.clear();
  bumpPublic(...areas);
}

/** Runs `work`, bumping the areas its audited writes changed once it is over (committed or not). */
export async function deferPublicBumps<T>(work: () => Promise<T>): Promise<T> {
  const changes: PublicChanges = new Set();
  try {
    return await collectPublicChanges(changes, work);
  } finally {
    flushPublicChanges(changes);
  }
}
