/**
 * Validity over time (pure). A new document amends / repeals / replaces an old one from an effective
 * date; on that date the old one's validity changes. Historical texts (document_versions) cover the
 * periods before each amendment; the current text is in force from the last amendment on.
 */
import { type RelationKind, type Validity, validityAfter } from './codes.ts';

export type RelationEffect = { applyNow: boolean; validity: Validity; on: string };

/** What a relation does to its target, given today's date: change now, or wait for the daily job. */
export function relationEffect(kind: RelationKind, effectiveDate: string, today: string): RelationEffect {
  return { applyNow: effectiveDate <= today, validity: validityAfter(kind), on: effectiveDate };
}

export type VersionSpan = { versionNo: number; validFrom: string | null; validTo: string | null };

/**
 * The text in force on `date`: a historical version whose [validFrom, validTo) contains the date, else
 * 'current' when the current text is in force (from `currentFrom`, or always when null), else null
 * (the document was not yet in force on that date).
 */
export function versionOnDate(
  versions: readonly VersionSpan[],
  currentFrom: string | null,
  date: string,
): { kind: 'version'; versionNo: number } | { kind: 'current' } | null {
  for (const v of versions) {
    if ((v.validFrom === null || v.validFrom <= date) && (v.validTo === null || date < v.validTo)) {
      return { kind: 'version', versionNo: v.versionNo };
    }
  }
  if (currentFrom === null || currentFrom <= date) return { kind: 'current' };
  return null;
}

/** Validity shown for `date`: before a pending change takes effect the old validity still holds. */
export function validityOnDate(current: Validity, changedOn: string | null, date: string): Validity {
  if (current !== 'valid' && changedOn !== null && date < changedOn) return 'valid';
  return current;
}
