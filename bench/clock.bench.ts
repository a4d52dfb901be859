/**
 * Benchmark: one million reply-deadline computations (`computeClock`) over random receipt dates and
 * events in 2021–2026, from a seeded PRNG (same inputs every run). Target: < 1 s.
 * Prints e.g. `clock: 1000000 computations in 640 ms`; exits non-zero only on error.
 *
 * Inputs are drawn once into a pool of 65 536 cases (so the timing measures the clock, not the
 * generator) and the loop runs through the pool until one million computations are done.
 */
import holidays from '../src/modules/calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../src/modules/calendar/domain/calendar.ts';
import { fromDayNumber, toDayNumber } from '../src/modules/calendar/domain/dates.ts';
import { type ClockEvent, type ClockInput, computeClock } from '../src/modules/requests/domain/clock.ts';

const calendar = createCalendar(holidays as unknown as CalendarYear[]);
const TOTAL = 1_000_000;
const POOL = 65_536;

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildPool(): ClockInput[] {
  const random = prng(20240208);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const first = toDayNumber('2021-01-01');
  // Latest receipt leaves room for correction + consultation + extension inside 2026.
  const last = toDayNumber('2026-06-30');
  const pool: ClockInput[] = [];
  for (let i = 0; i < POOL; i++) {
    const received = int(first, last);
    const events: ClockEvent[] = [];
    let day = received;
    if (random() < 0.2) {
      events.push({ type: 'correction-notice-sent', on: fromDayNumber(day + int(0, 9)) });
      day += int(10, 25);
      events.push({ type: 'correction-received', on: fromDayNumber(day) });
    }
    const consultations = random() < 0.35 ? int(1, 2) : 0;
    for (let c = 0; c < consultations; c++) {
      day += int(0, 12);
      events.push({ type: 'consultation-sent', on: fromDayNumber(day) });
      day += int(1, 6);
      events.push({ type: 'consultation-delivered', on: fromDayNumber(day) });
      if (random() < 0.7) {
        day += int(0, 20);
        events.push({ type: 'consultation-replied', on: fromDayNumber(day) });
      }
    }
    if (random() < 0.25) events.push({ type: 'extension-approved', on: fromDayNumber(day + int(0, 10)) });
    const today = random() < 0.7 ? fromDayNumber(received + int(0, 90)) : undefined;
    pool.push({
      calendar,
      receipt: { channel: 'online', receivedOn: fromDayNumber(received) },
      events,
      today,
    });
  }
  // Real inputs come from the database or a JSON body: give the strings that shape (flat strings,
  // not the concatenations the generator built).
  return pool.map(({ calendar: c, ...data }) => ({
    calendar: c,
    ...(JSON.parse(JSON.stringify(data)) as typeof data),
  }));
}

function main(): void {
  const pool = buildPool();
  // Warm-up (JIT), not timed.
  for (let i = 0; i < POOL; i++) computeClock(pool[i] as ClockInput);

  let overdue = 0;
  let paused = 0;
  const started = performance.now();
  for (let i = 0; i < TOTAL; i++) {
    const state = computeClock(pool[i & (POOL - 1)] as ClockInput);
    if (state.overdue === true) overdue++;
    if (state.paused) paused++;
  }
  const elapsed = performance.now() - started;
  console.log(`clock: ${TOTAL} computations in ${Math.round(elapsed)} ms`);
  console.log(
    `  (${Math.round(TOTAL / (elapsed / 1000)).toLocaleString('en')} ops/s; overdue ${overdue}, paused ${paused})`,
  );
}

try {
  main();
} catch (error) {
  console.error('clock bench failed:', error);
  process.exitCode = 1;
}
