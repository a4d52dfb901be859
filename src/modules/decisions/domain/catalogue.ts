/**
 * Adjustments of a published 重大行政决策事项目录 (《重大行政决策程序暂行条例》 Art. 3(3): the catalogue is
 * published and may be adjusted as things change; the provincial plans ask for the adjustments and their
 * reasons to be public). Pure: "today" and the catalogue's first publication day are parameters.
 *
 * - Before an item has been on the portal it is edited freely (a draft of the catalogue).
 * - Once it has been published, every change the portal would show is an adjustment with a reason: an
 *   edit, its withdrawal (taken off the catalogue: 撤销), its return (恢复公布).
 * - An item published into a catalogue that was first published on an earlier day is an added item
 *   (新增事项) with a reason; items published on the catalogue's first day make up the original catalogue.
 */

/** What the portal shows of a catalogue item: what an adjustment compares and keeps. */
export type ItemSnapshot = {
  subject: string;
  undertaker: string;
  plannedTime: string;
  hearingPlanned: boolean;
  riskPlanned: boolean;
  expertPlanned: boolean;
  partyConsentOn: string | null;
  partyConsentNote: string;
  published: boolean;
};

export const SNAPSHOT_FIELDS = [
  'subject',
  'undertaker',
  'plannedTime',
  'hearingPlanned',
  'riskPlanned',
  'expertPlanned',
  'partyConsentOn',
  'partyConsentNote',
  'published',
] as const satisfies readonly (keyof ItemSnapshot)[];
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export const SNAPSHOT_FIELD_LABELS: Record<SnapshotField, string> = {
  subject: '决策事项',
  undertaker: '承办单位',
  plannedTime: '计划完成时间',
  hearingPlanned: '听证',
  riskPlanned: '风险评估',
  expertPlanned: '专家论证',
  partyConsentOn: '党委同意日期',
  partyConsentNote: '党委同意情况',
  published: '在目录中公布',
};

export const CHANGES = ['add', 'edit', 'withdraw', 'restore'] as const;
export type Change = (typeof CHANGES)[number];
export const CHANGE_LABELS: Record<Change, string> = {
  add: '新增事项',
  edit: '调整事项内容',
  withdraw: '撤销事项',
  restore: '恢复公布事项',
};

export const MAX_ADJUSTMENT_REASON = 1000;

/** The fields whose values differ, in the catalogue's column order. */
export function changedFields(before: ItemSnapshot, after: ItemSnapshot): SnapshotField[] {
  return SNAPSHOT_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

export type AdjustmentFacts = {
  /** The item before the change; null when it is being created. */
  before: ItemSnapshot | null;
  after: ItemSnapshot;
  /** Whether the item has ever been on the portal (it has a first publication time). */
  everPublished: boolean;
  /** The day (China) the item's catalogue — its government and year — was first published; null: never. */
  cataloguePublishedOn: string | null;
  today: string;
};

/** The adjustment a change is, or null when it is a free edit (nothing public changes). */
export function adjustmentOf(f: AdjustmentFacts): Change | null {
  const { before, after } = f;
  const added = () =>
    f.cataloguePublishedOn !== null && f.cataloguePublishedOn < f.today ? ('add' as const) : null;
  if (before === null || !f.everPublished) return after.published && !before?.published ? added() : null;
  if (changedFields(before, after).length === 0) return null;
  if (before.published && !after.published) return 'withdraw';
  if (!before.published && after.published) return 'restore';
  return before.published ? 'edit' : null;
}
