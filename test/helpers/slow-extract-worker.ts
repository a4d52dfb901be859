/**
 * The extraction worker, started slowly: it waits `SLOW_START_MS` before loading the real worker, as a
 * worker does on a busy machine. Jobs posted meanwhile wait in its message port.
 */
export const SLOW_START_MS = 8_000;

await new Promise((resolve) => setTimeout(resolve, SLOW_START_MS));
await import('../../src/platform/files/extract/worker.ts');
