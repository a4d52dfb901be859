/** The duty records as the console sees them: names, labels, overdue and provisional flags, hours. */
import type { z } from 'zod';
import { type Calendar, provisionalNote, provisionalYearsBetween } from '../calendar/index.ts';
import type { recordView } from './api.schemas.ts';
import { STATE_LABELS } from './domain/registers.ts';
import { isOverdue, responseHours } from './domain/rules.ts';
import type { DutyRow } from './store.ts';

export type RecordView = z.infer<typeof recordView>;

const iso = (t: Date | string) => (t instanceof Date ? t.toISOString() : new Date(t).toISOString());

export function presentRecord(
  row: DutyRow,
  ctx: {
    names: Map<number, string>;
    calendar: Calendar;
    today: string;
    canEdit: boolean;
    canAnswer: boolean;
  },
): RecordView {
  const data = row.data ?? {};
  let note: string | null = null;
  if (row.register === 'errata' && row.due_on && row.state !== 'answered') {
    const years = provisionalYearsBetween(ctx.calendar, row.occurred_on, row.due_on);
    if (years.length) note = provisionalNote(years);
  }
  return {
    id: row.id,
    register: row.register,
    orgId: row.org_id,
    orgName: ctx.names.get(row.org_id) ?? '',
    assigneeOrgId: row.assignee_org_id,
    assigneeName: row.assignee_org_id === null ? null : (ctx.names.get(row.assignee_org_id) ?? ''),
    title: row.title,
    occurredOn: row.occurred_on,
    dueOn: row.due_on,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    flagged: row.flagged,
    overdue: isOverdue(row.state, row.due_on, ctx.today),
    code: row.code,
    data,
    responseHours:
      row.register === 'opinions'
        ? responseHours(String(data.discoveredAt ?? ''), data.respondedAt as string | undefined)
        : null,
    provisionalNote: note,
    canEdit: ctx.canEdit,
    canAnswer: ctx.canAnswer,
    updatedAt: iso(row.updated_at),
  };
}
