/** Public surface of the workplan module (工作台账). Other modules import from here only. */
export { REVIEW_LABELS, STATUS_LABELS } from './domain/status.ts';
export { workplanModule } from './manifest.ts';
export { importParsedPlan, planTitleOf } from './service.ts';
export type { ReviewState, WorkStatus } from './store.ts';
