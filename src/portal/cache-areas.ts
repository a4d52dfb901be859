/**
 * What the public page cache (`platform/http/page-cache.ts`) needs to know of the portal's content:
 * which audited writes change which public content area, and which areas each page shows.
 *
 * Areas: `site` (the site identity, the organisations and their names, the working-day calendar: every
 * page shows them), then one per module that publishes: `documents`, `decisions`, `qa`, `standards`,
 * `workplan`, `reports`, `duties`, `enterprises`. `*` stands for every area.
 *
 * Every audit action the modules name must be classified here (`cache-areas.test.ts` holds this), so a
 * new write cannot leave public pages stale unnoticed; an action that is not (at run time) changes every
 * area. Writes that change nothing public (applications, casework, drafts' reviews, logins, the citizens'
 * own submissions that staff handle first) change none.
 */
import { ALL_AREAS, type PublicChange } from '../platform/http/page-cache-versions.ts';

export const SITE_AREA = 'site';

/** Action code prefix (or whole code) → the areas it changes; the longest matching prefix wins. */
export const ACTION_AREAS: Readonly<Record<string, readonly string[]>> = {
  // platform
  'file.upload': [], // an upload is public only once attached (document.attach)
  // site, organisations, calendar: every page's header, footer, organisation names and due dates
  'site.': [SITE_AREA],
  'org.': [SITE_AREA],
  'org_alias.': [SITE_AREA],
  'calendar.': [SITE_AREA],
  'user.': [],
  'auth.': [],
  'demo.remove': [ALL_AREAS],
  // documents: the library, its columns, guide, gazette, interpretations
  'document.': ['documents'],
  'documents.settings': ['documents'],
  'document_theme.': ['documents'],
  'interpretation.': ['documents'],
  'disclosure_column.': ['documents'],
  'disclosure_guide.': ['documents'],
  'public_enterprise.': ['documents'],
  'gazette.': ['documents'],
  // an accepted synonym widens the portal's search at once (the library's search results are cached)
  'search_synonym.': ['documents'],
  // decisions: consultations and their comments, the catalogue, participation events, evaluations
  'consultation.': ['decisions'],
  // A comment sent on the portal waits for moderation (status pending) and the consultation takes none
  // after it closed, so the public pages change with `consultation.comment.moderate`, not with it.
  'consultation.comment.portal': [],
  'decision.': ['decisions'],
  'decisions.': ['decisions'],
  'policy.evaluation.': ['decisions'],
  // qa: the answered pairs and the index of passages; routed questions are tracked, not listed
  'qa.pair.': ['qa'],
  'qa.pairs.': ['qa'],
  'qa.index.': ['qa'],
  'qa.consultation.': ['qa'],
  'qa.routed.': [],
  // standards: the catalogue of items and the targeted notices
  'standard_item.': ['standards'],
  'targeted.': ['standards'],
  // workplan: the published ledger snapshots, plans and assessment results
  'workplan.plan.': ['workplan'],
  'workplan.progress.publish': ['workplan'],
  'workplan.assessment.': ['workplan'],
  'workplan.rules.update': ['workplan'],
  'workplan.progress.submit': [],
  'workplan.progress.review': [],
  'workplan.cascade.': [],
  'workplan.link.': [],
  'workplan.lookback.': [],
  // reports: the annual reports; complaints are personal
  'report.': ['reports'],
  'report.complaint.': [],
  // duties: proposals and new-media columns; errata are tracked by their senders
  'duties.': ['duties'],
  'duties.errata.': [],
  // enterprises: an enterprise's own page is never cached; its policies and packages
  'enterprise.': [],
  'policy.': ['enterprises'],
  'policy.push': [],
  'policy.pushed': [],
  // requests: applications and casework are never public pages
  'request.': [],
};

/** The areas an audited action changes: the longest prefix of ACTION_AREAS that matches; null: none. */
export function matchAction(action: string): readonly string[] | null {
  let best: string | null = null;
  for (const prefix of Object.keys(ACTION_AREAS)) {
    const matches = prefix.endsWith('.')
      ? action.startsWith(prefix)
      : action === prefix || action.startsWith(`${prefix}.`);
    if (matches && (best === null || prefix.length > best.length)) best = prefix;
  }
  return best === null ? null : (ACTION_AREAS[best] ?? null);
}

/** The areas an action changes: an action nobody classified changes every area. */
export function publicAreasOfAction(action: string): readonly string[] {
  return matchAction(action) ?? [ALL_AREAS];
}

/**
 * A write to a document that is not on the portal before it nor after it (a draft saved, sent for review,
 * returned, approved): its snapshots all carry a status other than `published`. Staff drafting all day
 * must not empty the cache of the library's public pages; a write without snapshots counts as public.
 */
function unpublishedDocument(change: PublicChange): boolean {
  if (change.subjectType !== 'document') return false;
  const snapshots = [change.before, change.after].filter((s) => s !== undefined && s !== null);
  return (
    snapshots.length > 0 &&
    snapshots.every(
      (s) =>
        typeof s === 'object' && 'status' in s && typeof s.status === 'string' && s.status !== 'published',
    )
  );
}

/** The classifier the app installs: the areas an audited write changes. */
export function publicAreasOfChange(change: PublicChange): readonly string[] {
  if (unpublishedDocument(change)) return [];
  return publicAreasOfAction(change.action);
}

/** Path prefix → the areas its pages show besides `site`. */
const PAGE_AREAS: readonly (readonly [string, readonly string[]])[] = [
  ['/gk/documents', ['documents']],
  ['/gk/catalogue', ['documents']],
  ['/gk/statutory', ['documents']],
  ['/gk/enterprises', ['documents']],
  ['/gk/gazette', ['documents']],
  ['/gk/guide', ['documents']],
  ['/gk/decisions', ['decisions']],
  ['/gk/qa', ['qa', 'documents']],
  ['/gk/standards', ['standards', 'documents']],
  ['/gk/targeted', ['standards', 'documents']],
  ['/gk/workplans', ['workplan']],
  ['/gk/reports', ['reports']],
  ['/gk/proposals', ['duties']],
  ['/gk/new-media', ['duties']],
  ['/gk/apply', []],
  ['/gk/complaint', []],
  ['/gk/errata', []],
];

/** The areas a portal page depends on; every area for a page not listed. */
export function pageAreas(path: string): readonly string[] {
  if (path === '/') return [SITE_AREA];
  for (const [prefix, areas] of PAGE_AREAS) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return [SITE_AREA, ...areas];
  }
  return [ALL_AREAS];
}

/** Pages never cached: what a visitor looks up with a code, and an enterprise's own page. */
const PERSONAL_PATHS = ['/gk/apply/track', '/gk/errata/track', '/gk/qa/track', '/gk/enterprise', '/prefs'];

export function isPersonalPath(path: string): boolean {
  return PERSONAL_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}
