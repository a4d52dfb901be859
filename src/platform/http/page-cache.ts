/**
 * The public page cache: anonymous GET responses of the portal kept in memory, so that a popular page
 * (the home page, a document, a frequent search, a consultation with thousands of comments) costs what
 * a static page costs and does not queue behind writes on the database.
 *
 * A page is cached under a key made of the request's host name, its path (with the site prefix) and
 * normalised query, the cookies that change its HTML (elderly mode), the date in China (pages show
 * what is open or due today) and the versions of the public content areas the page depends on
 * (`page-cache-versions.ts`). A write that changes an area moves its version on after it committed, so
 * the next request renders afresh; entries also expire after a bounded lifetime (changes made by another
 * process, e.g. the CLI), and the least recently used go first when the cache is full (by bytes).
 *
 * Never cached: other methods than GET, `/api/` and the console, a request carrying a `gk_` cookie other
 * than the CSRF and variant cookies (signed-in staff, an enterprise's own page), paths the portal marks
 * personal (tracking pages), responses other than 200 HTML, responses marked `no-store`, responses that
 * set a cookie other than the CSRF cookie, search pages past `maxPage`.
 *
 * CSRF: portal forms embed the visitor's double-submit token (`gk_csrf` cookie, `session.ts`). A page is
 * stored cut into pieces where the token of the visitor it was rendered for stood (a random 43-character
 * value, found nowhere else); each visitor served from the cache gets the pieces joined by its own
 * cookie's value (a first visitor has been issued one by the session hook). So the cached HTML holds no
 * visitor's secret, and serving it costs a copy, not a search.
 *
 * Single flight: while one request renders a missing page, the others for the same key wait for it
 * (at most `WAIT_MS`) and are served its result.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  collectPublicChanges,
  flushPublicChanges,
  type PublicChanges,
  publicVersion,
} from './page-cache-versions.ts';
import { CSRF_COOKIE } from './session.ts';

/** How long a request waits for another one rendering the same page before rendering it itself. */
const WAIT_MS = 10_000;
/** A single page larger than this share of the cache is not stored. */
const MAX_ENTRY_SHARE = 8;
/** The response header that tells whether a page came from the cache (`hit`) or was rendered (`miss`). */
export const CACHE_STATUS_HEADER = 'x-gongkai-cache';

export type PageCacheOptions = {
  /** The most bytes the cached pages may hold. */
  readonly maxBytes: number;
  /** How long a cached page may be served (a safety net for changes made outside this process). */
  readonly ttlMs: number;
  /** The content areas a page depends on, by its path (site prefix removed); `['*']`: every area. */
  readonly areasOf: (path: string) => readonly string[];
  /** Paths never cached (personal or tracking pages). */
  readonly bypass: (path: string) => boolean;
  /** Cookies whose value changes a page's HTML (e.g. elderly mode): part of the key. */
  readonly variantCookies: readonly string[];
  /** Today's date, as the pages see it (`chinaToday`). */
  readonly today: () => string;
  /** Search result pages (`page=N`) past this are not cached. */
  readonly maxPage?: number;
  /** Milliseconds for the lifetime of entries (`Date.now` unless a test sets it). */
  readonly clock?: () => number;
};

type Entry = {
  /** The page, cut where the visitor's CSRF token goes (one piece when it holds none). */
  readonly pieces: readonly Buffer[];
  readonly contentType: string;
  readonly cacheControl: string;
  readonly at: number;
  readonly bytes: number;
};

/** The stored page for a visitor: its pieces joined by the visitor's token. */
export function pageFor(entry: Pick<Entry, 'pieces'>, token: string): Buffer {
  if (entry.pieces.length === 1) return entry.pieces[0] as Buffer;
  const glue = Buffer.from(token);
  const parts: Buffer[] = [];
  entry.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(glue);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

/** The page's pieces around each occurrence of `token` (the visitor's CSRF token it was rendered with). */
export function piecesOf(page: Buffer, token: string | undefined): Buffer[] {
  if (token === undefined || token.length < 16) return [page];
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = page.indexOf(token, from); at !== -1; at = page.indexOf(token, from)) {
    pieces.push(page.subarray(from, at));
    from = at + Buffer.byteLength(token);
  }
  pieces.push(page.subarray(from));
  return pieces.length === 1 ? pieces : pieces.map((p) => Buffer.from(p));
}

/** Pages by key, least recently used first, bounded by bytes and lifetime. */
export class PageStore {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  readonly maxBytes: number;
  readonly ttlMs: number;
  readonly #clock: () => number;

  constructor(maxBytes: number, ttlMs: number, clock: () => number = Date.now) {
    this.maxBytes = maxBytes;
    this.ttlMs = ttlMs;
    this.#clock = clock;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#clock() - entry.at >= this.ttlMs) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, page: Omit<Entry, 'at' | 'bytes'>): boolean {
    const body = page.pieces.reduce((n, p) => n + p.length, 0);
    const bytes = body + key.length * 2 + page.contentType.length + page.cacheControl.length + 64;
    if (bytes > this.maxBytes / MAX_ENTRY_SHARE) return false;
    this.delete(key);
    this.#entries.set(key, { ...page, at: this.#clock(), bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** The query string in a canonical form (parameters sorted by name, one encoding); null: not cached. */
export function normaliseQuery(search: string, maxPage = Number.POSITIVE_INFINITY): string | null {
  const params = new URLSearchParams(search);
  const page = params.get('page');
  if (page !== null && page !== '' && !(Number(page) <= maxPage)) return null;
  const pairs = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

/** What a request is keyed by; null when it must not be cached. */
export function pageKey(
  request: {
    method: string;
    hostname: string;
    /** The URL as received (with a site prefix). */
    originalUrl: string;
    /** The URL the routes see (site prefix removed). */
    url: string;
    cookies: Record<string, string | undefined>;
  },
  options: Pick<PageCacheOptions, 'areasOf' | 'bypass' | 'variantCookies' | 'today' | 'maxPage'>,
): string | null {
  if (request.method !== 'GET') return null;
  const path = request.url.split('?', 1)[0] ?? '/';
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/admin') || path === '/healthz')
    return null;
  const variant: string[] = [];
  for (const [name, value] of Object.entries(request.cookies)) {
    if (value === undefined || name === CSRF_COOKIE) continue;
    if (options.variantCookies.includes(name)) variant.push(`${name}=${value}`);
    else if (name.startsWith('gk_')) return null; // a session or another personal cookie
  }
  if (options.bypass(path)) return null;
  const hash = request.originalUrl.indexOf('#');
  const original = hash === -1 ? request.originalUrl : request.originalUrl.slice(0, hash);
  const mark = original.indexOf('?');
  const query = normaliseQuery(mark === -1 ? '' : original.slice(mark + 1), options.maxPage);
  if (query === null) return null;
  const versions = options.areasOf(path).map((a) => `${a}:${publicVersion(a)}`);
  const target = mark === -1 ? original : original.slice(0, mark);
  return [
    request.hostname,
    `${target}?${query}`,
    variant.sort().join(';'),
    options.today(),
    versions.join(','),
  ].join('\n');
}

type CacheState = {
  key?: string;
  hit?: boolean;
  flight?: { resolve: () => void; done: boolean };
  changes?: PublicChanges;
};
const STATE = Symbol('gongkai.pageCache');
type WithState = FastifyRequest & { [STATE]?: CacheState };
const stateOf = (req: FastifyRequest): CacheState => {
  const r = req as WithState;
  r[STATE] ??= {};
  return r[STATE];
};

/** A cache-control value safe for a response that also issues the visitor's CSRF cookie. */
function privateWhenIssuing(req: FastifyRequest, cacheControl: string): string {
  return (req as FastifyRequest & { csrfIssued?: boolean }).csrfIssued
    ? cacheControl.replace(/^public\b/, 'private')
    : cacheControl;
}

/** True when every cookie the response sets is the CSRF cookie. */
function setsOnlyCsrfCookie(reply: FastifyReply): boolean {
  const header = reply.getHeader('set-cookie');
  if (header === undefined) return true;
  const list = Array.isArray(header) ? header : [String(header)];
  return list.every((c) => String(c).startsWith(`${CSRF_COOKIE}=`));
}

/**
 * Collects the public changes of each request and moves their areas on once the handler is over, before
 * the response leaves (so the client's next page is fresh). GET requests too: a page may write (the
 * policy Q&A builds its index on first use).
 * Registered on the app whether or not the page cache is on: other caches read the versions too.
 */
export function registerPublicChangeScope(app: FastifyInstance): void {
  app.addHook('preHandler', (req, _reply, done) => {
    const changes: PublicChanges = new Set();
    stateOf(req).changes = changes;
    collectPublicChanges(changes, done);
  });
  const flush = async (req: FastifyRequest) => {
    const changes = (req as WithState)[STATE]?.changes;
    if (changes) flushPublicChanges(changes);
  };
  app.addHook('onSend', async (req, _reply, payload) => {
    await flush(req);
    return payload;
  });
  app.addHook('onResponse', flush);
}

/**
 * Installs the page cache on `app`: its `onRequest` hook must come after the session hook (the CSRF
 * cookie issued), its `onSend` hook before any hook that rewrites the HTML per request (site prefix).
 */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageStore {
  const store = new PageStore(options.maxBytes, options.ttlMs, options.clock);
  const inflight = new Map<string, Promise<void>>();

  const send = (req: FastifyRequest, reply: FastifyReply, entry: Entry) => {
    const body = pageFor(entry, req.cookies[CSRF_COOKIE] ?? '');
    return reply
      .code(200)
      .header('content-type', entry.contentType)
      .header('cache-control', privateWhenIssuing(req, entry.cacheControl))
      .header('vary', 'Cookie')
      .header(CACHE_STATUS_HEADER, 'hit')
      .send(body);
  };

  app.addHook('onRequest', async (req, reply) => {
    const key = pageKey(
      {
        method: req.method,
        hostname: req.hostname,
        originalUrl: req.originalUrl,
        url: req.url,
        cookies: req.cookies,
      },
      options,
    );
    if (key === null) return;
    const state = stateOf(req);
    let entry = store.get(key);
    if (!entry) {
      const flight = inflight.get(key);
      if (flight) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([flight, new Promise<void>((r) => (timer = setTimeout(r, WAIT_MS)))]);
        clearTimeout(timer);
        entry = store.get(key);
      }
    }
    if (entry) {
      state.hit = true;
      return send(req, reply, entry);
    }
    state.key = key;
    if (!inflight.has(key)) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      const flight = { done: false, resolve: () => {} };
      flight.resolve = () => {
        if (flight.done) return;
        flight.done = true;
        if (inflight.get(key) === promise) inflight.delete(key);
        resolve();
      };
      inflight.set(key, promise);
      state.flight = flight;
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const state = (req as WithState)[STATE];
    if (!state?.key || state.hit) return payload;
    try {
      const contentType = String(reply.getHeader('content-type') ?? '');
      const cacheControl = String(reply.getHeader('cache-control') ?? 'no-cache');
      if (
        reply.statusCode !== 200 ||
        !contentType.startsWith('text/html') ||
        /\bno-store\b/.test(cacheControl) ||
        !setsOnlyCsrfCookie(reply) ||
        !(typeof payload === 'string' || Buffer.isBuffer(payload))
      )
        return payload;
      const page = typeof payload === 'string' ? Buffer.from(payload) : payload;
      store.set(state.key, { pieces: piecesOf(page, req.cookies[CSRF_COOKIE]), contentType, cacheControl });
      reply.header(CACHE_STATUS_HEADER, 'miss');
      return payload;
    } finally {
      state.flight?.resolve();
    }
  });

  const settle = async (req: FastifyRequest) => {
    (req as WithState)[STATE]?.flight?.resolve();
  };
  app.addHook('onResponse', settle);
  app.addHook('onRequestAbort', settle);
  return store;
}
