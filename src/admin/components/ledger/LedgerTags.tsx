import type { ReactNode } from 'react';
import {
  REVIEW_LABELS,
  type ReviewState,
  ROLE_SHORT_LABELS,
  STATUS_LABELS,
  type WorkStatus,
} from '../../../modules/workplan/domain/status.ts';
import type { AssignmentBrief } from '../../api/workplan.ts';
import { ToneTag } from '../RequestTags.tsx';

const STATUS_TONES = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  ongoing: 'purple',
} as const;

const REVIEW_TONES = {
  none: 'grey',
  submitted: 'gold',
  accepted: 'green',
  returned: 'red',
} as const;

export function StatusTag({ status }: { status: WorkStatus }) {
  return <ToneTag tone={STATUS_TONES[status] ?? 'grey'}>{STATUS_LABELS[status] ?? status}</ToneTag>;
}

export function ReviewTag({ state }: { state: ReviewState }) {
  return <ToneTag tone={REVIEW_TONES[state] ?? 'grey'}>{REVIEW_LABELS[state] ?? state}</ToneTag>;
}

export function OverdueTag() {
  return <ToneTag tone="red">已逾期</ToneTag>;
}

/** A completion rate (0…1) as 66.7%; — when there is nothing to count. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** One unit of a task: 牵头/责任, its name and its status and review tags. */
export function AssignmentLine({ a, onOpen }: { a: AssignmentBrief; onOpen?: (a: AssignmentBrief) => void }) {
  const name = onOpen ? (
    <LinkButton onClick={() => onOpen(a)} label={`${a.orgName}的办理情况`}>
      {a.orgName}
    </LinkButton>
  ) : (
    <span>{a.orgName}</span>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', marginBottom: 4 }}>
      {name}
      <StatusTag status={a.status} />
      {a.reviewState !== 'none' && <ReviewTag state={a.reviewState} />}
      {a.overdue && <OverdueTag />}
    </div>
  );
}

export function roleLabel(role: string): string {
  return (ROLE_SHORT_LABELS as Record<string, string>)[role] ?? role;
}

/**
 * A button that looks like a link (it opens something on the page rather than going to an address): a
 * plain button drawn as antd's link button (the `gk-link-button` rule in index.html), as the ledger's
 * task list holds one per unit of every task on the page.
 */
export function LinkButton({
  onClick,
  label,
  children,
}: {
  onClick: () => void;
  label?: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className="gk-link-button" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}
