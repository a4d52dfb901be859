/**
 * Overload answered quickly: when the database already has a queue, a page request is refused at once
 * (503 with Retry-After and a Chinese page) instead of waiting seconds behind it; and a route that is
 * expensive for anyone to call (the public search) runs at most `maxConcurrent` at a time, the rest
 * refused the same way. Writes (POST, PUT, PATCH, DELETE) and the staff API are never shed: a citizen's
 * submitted form or an officer's save waits its turn rather than being lost.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** Seconds a refused client is asked to wait (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Queries waiting for the database beyond which page reads are refused. A simple query takes about a
 * millisecond on PGlite, one of a write or a search tens: 64 waiting is a fraction of a second of work.
 */
export const DATABASE_QUEUE_LIMIT = 64;

/** Route option (`config`) of an expensive route: how many may run at once. */
export type ConcurrencyConfig = { maxConcurrent?: number };

export type LoadSheddingOptions = {
  /** Requests waiting for the database right now (`databaseQueue`). */
  queue: () => number;
  /** A page request arriving when `queue()` is at least this is refused. */
  queueLimit: number;
};

const READS = new Set(['GET', 'HEAD']);

/** Whether a request may be refused when the database is busy: a page read, not the API or a write. */
export function sheddable(method: string, url: string): boolean {
  return READS.has(method) && !url.startsWith('/api/') && url !== '/healthz';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests of a route with `maxConcurrent` running right now (by its declared path). */
    runningRequests(route: string): number;
  }
}

export function registerLoadShedding(app: FastifyInstance, opts: LoadSheddingOptions): void {
  const running = new Map<string, number>();
  app.decorate('runningRequests', (route: string) => running.get(route) ?? 0);
  app.addHook('onRequest', async (req, reply) => {
    if (!sheddable(req.method, req.url)) return;
    if (opts.queue() >= opts.queueLimit) throw new AppError('SERVER_BUSY');
    const max = (req.routeOptions.config as ConcurrencyConfig | undefined)?.maxConcurrent;
    if (max === undefined) return;
    const route = req.routeOptions.url ?? req.url;
    const now = running.get(route) ?? 0;
    if (now >= max) throw new AppError('SERVER_BUSY');
    running.set(route, now + 1);
    // The place is given back however the request ends: answered, failed, or the client gone
    // (`close` comes in every case, `finish` only when the answer was sent).
    reply.raw.once('close', () => running.set(route, (running.get(route) ?? 1) - 1));
  });
}
