import { parseClockStart, setClock } from '../../src/platform/time.ts';

/**
 * "Today" for the whole suite, whatever the wall clock says: a working day (Monday) in spring 2026,
 * inside the bundled calendar (2021–2026), so that a reply deadline with its extension (20 + 20
 * working days, ending mid-May) and the demo data relative to today (cases from 45 days ago, fee
 * and correction deadlines, documents written this year) all stay inside loaded years.
 */
export const TEST_TODAY = '2026-03-16';

/** `TEST_TODAY` as `GONGKAI_CLOCK` for processes the tests start (CLI, server). */
export const TEST_CLOCK_ENV = { GONGKAI_CLOCK: TEST_TODAY } as const;

/** Starts this process's platform clock at `TEST_TODAY` 09:00 China time (it then runs on). */
export function startTestClock(): void {
  setClock(parseClockStart(TEST_TODAY));
}

// Every test process that imports the helpers runs at TEST_TODAY: the test app, the test database
// and the demo seeds all read the platform clock.
startTestClock();
