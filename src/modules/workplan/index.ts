/** Public surface of the workplan module (工作台账). Other modules import from here only. */

export type { ReviewState, WorkStatus } from './domain/status.ts';
export { REVIEW_LABELS, STATUS_LABELS } from './domain/status.ts';
export { workplanModule } from './manifest.ts';
export { importParsedPlan, planTitleOf } from './service.ts';
