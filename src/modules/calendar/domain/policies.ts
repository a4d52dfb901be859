/**
 * Who may change the working calendar (load a year from its notice, correct a year, preview a notice).
 * Pure: the service turns `false` into FORBIDDEN. Reading the calendar needs only a signed-in person.
 *
 * - `calendar.manage`: the system administrator (`admin`) and the disclosure office (`office`). The
 *   office counts the statutory periods (docs/law/ogi-regulation.md Art. 33; docs/law/deadlines.md) and
 *   is the first to need next year's 国务院办公厅 notice loaded (docs/law/holidays.md "What the platform
 *   does" 3–4, which warn the office and the administrator). Platform rule (DERIVED).
 */
import type { Role } from '../../../platform/roles.ts';

export const CALENDAR_ACTIONS = ['calendar.manage'] as const;
export type CalendarAction = (typeof CALENDAR_ACTIONS)[number];

const GRANTS: Record<CalendarAction, readonly Role[]> = {
  'calendar.manage': ['admin', 'office'],
};

/** Whether `actor` may take `action` (calendar actions have no subject). */
export function can(actor: { role: Role }, action: CalendarAction): boolean {
  return GRANTS[action].includes(actor.role);
}
