/**
 * 年度报告 services: compute an agency's figures for a year from the other modules' `stats` (documents:
 * `documents.genres`; requests: `requests.report`) plus the hand-entered figures and the review register;
 * the report record's texts and its states; every write in one transaction with its audit row.
 *
 * Reporting agency (DERIVED): every organisation that is not the disclosure office of another
 * (`serves_org_id`); an office's documents and applications count in the report of the agency it serves
 * (市政府办公室 → 济宁市人民政府), as the office works in that agency's name.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { StatsTable } from '../../platform/stats.ts';
import { now } from '../../platform/time.ts';
import { decisionsModule } from '../decisions/index.ts';
import { documentsModule } from '../documents/index.ts';
import { agencyIdsFor, listOrgs, type OrgRow, userDisplayNames, visibleOrgIds } from '../orgs/index.ts';
import { requestsModule } from '../requests/index.ts';
import { workplanModule } from '../workplan/index.ts';
import { type Check, checkReport, passes } from './domain/checks.ts';
import { activityFacts, overviewFacts, table3From } from './domain/compose.ts';
import { authorityOf, can, type ReportAction } from './domain/policies.ts';
import {
  correctionRefusal,
  currentVersion,
  isEditable,
  nextState,
  REPORT_STATE_LABELS,
  TRANSITION_LABELS,
  type Transition,
} from './domain/states.ts';
import {
  MANUAL_FIGURES,
  type ManualFigure,
  type ReportFigures,
  type Table2,
  table4Of,
} from './domain/tables.ts';
import { pastFour } from './history/store.ts';
import { complaintsSentence, countComplaints } from './registers/domain/complaints.ts';
import { complaintsOfYear } from './registers/store.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

// ── agencies ──

export type Agency = { org: OrgRow; scope: number[] };

/** The reporting agencies, in directory order, each with the organisations its report covers. */
export async function listAgencies(db: Db): Promise<Agency[]> {
  const orgs = await listOrgs(db);
  return orgs
    .filter((o) => o.serves_org_id === null)
    .map((org) => ({
      org,
      scope: [org.id, ...orgs.filter((o) => o.serves_org_id === org.id).map((o) => o.id)],
    }));
}

/** An agency by id or exact name; undefined when there is none, AppError when it is a disclosure office. */
export async function findAgency(db: Db, ref: string | number): Promise<Agency | undefined> {
  const orgs = await listOrgs(db);
  const org =
    typeof ref === 'number' || /^\d+$/.test(ref)
      ? orgs.find((o) => o.id === Number(ref))
      : orgs.find((o) => o.name === ref.trim());
  if (!org) return undefined;
  if (org.serves_org_id !== null) throw new AppError('REPORT_NOT_AGENCY', { name: org.name });
  return { org, scope: [org.id, ...orgs.filter((o) => o.serves_org_id === org.id).map((o) => o.id)] };
}

// ── figures ──

const tableOf = (tables: StatsTable[], key: string): StatsTable => {
  const t = tables.find((x) => x.key === key);
  if (!t) throw new Error(`stats table ${key} missing`);
  return t;
};

/** The figures of an agency's report for a year, computed now from the modules' stats. */
export async function computeFigures(db: Db, agency: Agency, year: number): Promise<ReportFigures> {
  const q = { year, orgIds: agency.scope };
  const [requestTables, documentTables, manual, reviews] = await Promise.all([
    requestsModule.stats?.(db, q) ?? [],
    documentsModule.stats?.(db, q) ?? [],
    store.manualFigures(db, agency.org.id, year),
    store.table4Cases(db, [agency.org.id], year),
  ]);
  return figuresFrom(requestTables, documentTables, manual, reviews);
}

/** The figures from the modules' stats tables, the hand-entered figures and the review register's cases. */
export function figuresFrom(
  requestTables: StatsTable[],
  documentTables: StatsTable[],
  manual: readonly { key: string; value: number }[],
  reviews: readonly Pick<store.Table4Case, 'kind' | 'counted'>[],
): ReportFigures {
  const genres = tableOf(documentTables, 'documents.genres');
  const genre = (key: string) => (genres.rows.find((r) => r.key === key)?.counts ?? [0, 0, 0]).slice(0, 3);
  const manualValue = (key: ManualFigure) => manual.find((m) => m.key === key)?.value ?? null;
  const table2: Table2 = {
    rule: genre('rule') as Table2['rule'],
    normative: genre('normative') as Table2['normative'],
    licensing: manualValue('licensing'),
    penalty: manualValue('penalty'),
    enforcement: manualValue('enforcement'),
    fees: manualValue('fees'),
  };
  return {
    table2,
    table3: table3From(tableOf(requestTables, 'requests.report').rows),
    table4: table4Of(reviews.map((r) => ({ kind: r.kind, result: r.counted }))),
  };
}

/**
 * Row 四 of last year's report: its frozen figures once submitted, else the figures entered for that year
 * as a past year (history/); null otherwise.
 */
async function previousFour(db: Db, orgId: number, year: number): Promise<number[] | null> {
  const prev = await store.findCurrentReport(db, orgId, year - 1);
  return prev?.figures?.table3.四 ?? (await pastFour(db, orgId, year - 1));
}

export type Computed = { figures: ReportFigures; checks: Check[] };

/** Figures and checks of an agency's year as they stand now (what `gongkai report compute` prints). */
export async function computeReport(db: Db, agency: Agency, year: number): Promise<Computed> {
  const figures = await computeFigures(db, agency, year);
  return { figures, checks: checkReport(figures, await previousFour(db, agency.org.id, year)) };
}

/** A report's figures: frozen from submission on, computed while a draft or before there is a record. */
async function figuresOf(db: Db, agency: Agency, year: number, report: store.ReportRow | undefined) {
  if (report?.figures && report.checks) return { figures: report.figures, checks: report.checks };
  return computeReport(db, agency, year);
}

// ── authorization ──

export async function policyActor(db: Db, actor: Actor) {
  const [agencyIds, visible] = await Promise.all([agencyIdsFor(db, actor), visibleOrgIds(db, actor)]);
  return { role: actor.role, agencyIds, visibleOrgIds: [...visible] };
}

export const subjectOf = (agency: Agency) => ({
  orgId: agency.org.id,
  authorityOrgId: authorityOf({ id: agency.org.id, kind: agency.org.kind, parentId: agency.org.parent_id }),
});

export async function authorize(db: Db, actor: Actor, orgId: number, action: ReportAction): Promise<Agency> {
  const agency = await findAgency(db, orgId);
  if (!agency) throw new AppError('NOT_FOUND');
  const pa = await policyActor(db, actor);
  const subject = subjectOf(agency);
  if (!can(pa, 'view', subject)) throw new AppError('NOT_FOUND');
  if (!can(pa, action, subject)) throw new AppError('FORBIDDEN');
  return agency;
}

/** The actions the actor may take on the report now (for the console's buttons). */
async function allowedActions(db: Db, actor: Actor, agency: Agency): Promise<ReportAction[]> {
  const pa = await policyActor(db, actor);
  const subject = subjectOf(agency);
  return (['edit', 'submit', 'accept', 'return', 'publish', 'correct'] as const).filter((a) =>
    can(pa, a, subject),
  );
}

// ── reads ──

export async function listReports(db: Db, actor: Actor, year: number) {
  const pa = await policyActor(db, actor);
  const [agencies, records] = await Promise.all([listAgencies(db), store.reportsOfYear(db, year)]);
  const out = [];
  for (const agency of agencies) {
    if (!can(pa, 'view', subjectOf(agency))) continue;
    const report = records.find((r) => r.org_id === agency.org.id);
    const { checks } = await figuresOf(db, agency, year, report);
    out.push({ agency, report, checks });
  }
  return out;
}

export async function getReport(db: Db, actor: Actor, orgId: number, year: number) {
  const agency = await authorize(db, actor, orgId, 'view');
  const [report, versions] = await Promise.all([
    store.findReport(db, orgId, year),
    store.versionsOf(db, orgId, year),
  ]);
  const [{ figures, checks }, manual, reviews, actions] = await Promise.all([
    figuresOf(db, agency, year, report),
    store.manualFigures(db, orgId, year),
    store.reviewsOf(db, [orgId], year),
    allowedActions(db, actor, agency),
  ]);
  const names = await userDisplayNames(
    db,
    manual.map((m) => m.entered_by).filter((id): id is number => id !== null),
  );
  const narrative = report ?? {
    overview: await overviewText(db, agency, year, figures),
    problems: '',
    other: await complaintsFacts(db, agency, year),
  };
  const last = await store.findReport(db, orgId, year - 1);
  const previous = last ? { overview: last.overview, problems: last.problems, other: last.other } : null;
  return {
    agency,
    year,
    report,
    versions,
    figures,
    checks,
    manual,
    names,
    reviews,
    actions,
    narrative,
    previous,
  };
}

/** Section 一's pre-filled text: the overview from tables 二–四, then the facts of the other modules. */
async function overviewText(db: Db, agency: Agency, year: number, figures: ReportFigures): Promise<string> {
  const q = {
    year,
    orgIds: agency.scope,
    tables: ['documents.activity', 'workplan.completion', 'decisions.consultations'],
  };
  const tables = (
    await Promise.all([documentsModule, workplanModule, decisionsModule].map((m) => m.stats?.(db, q) ?? []))
  ).flat();
  const facts = activityFacts(year, tables, figures.table2.fees);
  return facts
    ? `${overviewFacts(agency.org.name, year, figures)}\n\n${facts}`
    : overviewFacts(agency.org.name, year, figures);
}

/** Section 六's first sentence: the complaints and reports about the agency in the year (registers/). */
async function complaintsFacts(db: Db, agency: Agency, year: number): Promise<string> {
  return complaintsSentence(year, countComplaints(await complaintsOfYear(db, agency.scope, year)));
}

// ── writes ──

async function draftFor(tx: Db, agency: Agency, year: number, by: number): Promise<store.ReportRow> {
  const existing = await store.findReport(tx, agency.org.id, year);
  const report = await store.ensureReport(tx, agency.org.id, year, by);
  if (!existing) {
    const figures = await computeFigures(tx, agency, year);
    return store.updateReport(tx, report.id, {
      overview: await overviewText(tx, agency, year, figures),
      other: await complaintsFacts(tx, agency, year),
    });
  }
  if (!isEditable(report.state)) throw new AppError('REPORT_FROZEN');
  return report;
}

/** Saves hand-entered figures of table 二 (each a non-negative number; counts whole), with who and when. */
export async function saveManualFigures(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  values: Partial<Record<ManualFigure, number>>,
): Promise<void> {
  const agency = await authorize(db, actor, orgId, 'edit');
  const fields = MANUAL_FIGURES.flatMap((key) => {
    const v = values[key];
    if (v === undefined) return [];
    if (!Number.isFinite(v) || v < 0) return [{ path: key, message: '应为非负数' }];
    if (key !== 'fees' && !Number.isInteger(v)) return [{ path: key, message: '应为非负整数' }];
    return [];
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
  await inTransaction(db, async (tx) => {
    const existing = await store.findReport(tx, orgId, year);
    if (existing && !isEditable(existing.state)) throw new AppError('REPORT_FROZEN');
    // Section 一 as generated from the figures before this change: a draft still showing it is refreshed.
    const generated =
      existing && (await overviewText(tx, agency, year, await computeFigures(tx, agency, year)));
    const before = await store.manualFigures(tx, orgId, year);
    for (const key of MANUAL_FIGURES) {
      const v = values[key];
      if (v !== undefined) await store.saveFigure(tx, orgId, year, key, v, actor.id);
    }
    // A new draft is written from the figures just saved (the fees sentence among them); an existing one
    // whose section 一 nobody edited follows them, while a text staff edited is left as they wrote it.
    let report = await draftFor(tx, agency, year, actor.id);
    if (existing && report.overview === generated) {
      const overview = await overviewText(tx, agency, year, await computeFigures(tx, agency, year));
      if (overview !== report.overview) report = await store.updateReport(tx, report.id, { overview });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.figures',
      subjectType: 'report',
      subjectId: report.id,
      before: Object.fromEntries(before.map((f) => [f.key, f.value])),
      after: values,
    });
  });
}

export async function saveNarrative(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  text: { overview: string; problems: string; other: string },
) {
  const agency = await authorize(db, actor, orgId, 'edit');
  return inTransaction(db, async (tx) => {
    const report = await draftFor(tx, agency, year, actor.id);
    const after = await store.updateReport(tx, report.id, { ...text, updated_by: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.narrative',
      subjectType: 'report',
      subjectId: report.id,
      before: { overview: report.overview, problems: report.problems, other: report.other },
      after: text,
    });
    return after;
  });
}

/** 报送 / 审核通过 / 退回 / 公开. Submission freezes the figures and needs every check to pass. */
export async function transition(db: Db, actor: Actor, orgId: number, year: number, t: Transition) {
  const agency = await authorize(db, actor, orgId, t === 'submit' ? 'submit' : t);
  return inTransaction(db, async (tx) => {
    const report =
      t === 'submit' ? await draftFor(tx, agency, year, actor.id) : await store.findReport(tx, orgId, year);
    if (!report) throw new AppError('NOT_FOUND');
    const to = nextState(report.state, t);
    if (!to) {
      throw new AppError('REPORT_STATE', {
        state: REPORT_STATE_LABELS[report.state],
        action: TRANSITION_LABELS[t],
      });
    }
    const at = now();
    let patch: Parameters<typeof store.updateReport>[2] = { state: to, updated_by: actor.id };
    if (t === 'submit') {
      const { figures, checks } = await computeReport(tx, agency, year);
      if (!passes(checks)) {
        const failures = checks.filter((c) => !c.ok && c.level === 'error').map((c) => c.message);
        throw new AppError('REPORT_CHECKS_FAIL', { failures });
      }
      patch = {
        ...patch,
        figures: JSON.stringify(figures),
        checks: JSON.stringify(checks),
        submitted_at: at,
        submitted_by: actor.id,
      };
    } else if (t === 'return') {
      patch = { ...patch, figures: null, checks: null, submitted_at: null, submitted_by: null };
    } else if (t === 'accept') {
      patch = { ...patch, accepted_at: at, accepted_by: actor.id };
    } else {
      patch = { ...patch, published_at: at, published_by: actor.id };
    }
    const after = await store.updateReport(tx, report.id, patch);
    // A published correction takes the place of the versions before it, which stay visible as 已更正.
    if (t === 'publish') await store.supersedeBefore(tx, after, at);
    await recordAudit(tx, {
      actorId: actor.id,
      action: `report.${t}`,
      subjectType: 'report',
      subjectId: report.id,
      before: { state: report.state },
      after: { state: after.state },
    });
    return after;
  });
}

/**
 * 更正: opens the corrected version of a published report (a draft with its texts; its figures computed
 * as for any draft, the hand-entered ones kept), which goes through 报送 → 审核 → 公开 again. Refused for
 * a report not yet published and while a correction is open.
 */
export async function correctReport(db: Db, actor: Actor, orgId: number, year: number, reason: string) {
  const agency = await authorize(db, actor, orgId, 'correct');
  const why = reason.trim();
  if (!why) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', message: '请填写更正说明' }]);
  return inTransaction(db, async (tx) => {
    // Lock the versions so two corrections cannot start together (the unique index also refuses it).
    await tx
      .selectFrom('reports')
      .select('id')
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .forUpdate()
      .execute();
    const versions = await store.versionsOf(tx, orgId, year);
    const refusal = correctionRefusal(versions.map((v) => ({ ...v, superseded: v.superseded_at !== null })));
    if (refusal === 'open') throw new AppError('REPORT_CORRECTION_OPEN');
    if (refusal) throw new AppError('REPORT_NOT_PUBLISHED', { name: agency.org.name, year });
    const shown = currentVersion(versions.map((v) => ({ ...v, superseded: v.superseded_at !== null })));
    if (!shown) throw new AppError('NOT_FOUND');
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    const created = await store.insertCorrection(tx, shown, version, why, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.correct',
      subjectType: 'report',
      subjectId: created.id,
      before: { id: shown.id, version: shown.version },
      after: { version, reason: why },
    });
    return created;
  });
}

// ── portal ──

export const publishedReports = store.publishedReports;
/** A published version (current or corrected) with the published versions of its agency's year. */
export async function publishedReport(db: Db, id: number) {
  const report = await store.findReportById(db, id);
  if (report?.state !== 'published' || !report.figures) return undefined;
  const agency = await findAgency(db, report.org_id);
  if (!agency) return undefined;
  const versions = (await store.versionsOf(db, report.org_id, report.year)).filter(
    (v) => v.state === 'published',
  );
  const current = versions.find((v) => v.superseded_at === null) ?? report;
  return { report, agency, figures: report.figures, versions, current };
}
