/**
 * An extraction worker that says it is ready and then never answers: every job spins forever, as a
 * parser caught in a loop would. Only the job's time limit can end it.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  for (;;);
});
parentPort?.postMessage({ ready: true });
