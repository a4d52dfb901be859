/**
 * Public surface of the requests module (依申请公开): the pure statutory clock and fees, the manifest
 * (staff API, portal pages, reminders job, calendar.changed handler), and what documents reads (the
 * 转主动公开 queue and a case by id).
 */
export {
  ClockError,
  type ClockEvent,
  type ClockInput,
  type ClockState,
  computeClock,
  type DeadlineExplanation,
  explainDeadline,
  isReceiptChannel,
  RECEIPT_CHANNELS,
  type ReceiptChannel,
  receiptDateFor,
} from './domain/clock.ts';
export {
  computeFee,
  FeeError,
  type FeeInput,
  type FeeResult,
  perItemFee,
  perPageFee,
} from './domain/fees.ts';
// Used by documents (定期复审 queue fed by 转主动公开): the queue and the case's 文号.
export { RELEASE_STATUS_LABELS } from './domain/release.ts';
export { requestsModule } from './manifest.ts';
export { listReleaseQueue, type ReleaseEntry } from './release-queue.ts';
// Used by reports' review register: a 纠正 result ordering a new reply reopens the case.
export { reopenCase } from './service.ts';
export { findRequest, findRequestByCaseNo } from './store.ts';
