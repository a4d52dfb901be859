import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Role } from '../roles.ts';
import { AppError } from './errors.ts';

/** Who is making the request, as the platform knows it (organisations are opaque here). */
export type Actor = { id: number; username: string; displayName: string; role: Role; orgId: number };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionState: 'none' | 'valid' | 'expired';
    sessionId: number | null;
  }
}

export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const ABSOLUTE_HOURS = 12;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export type SessionOptions = {
  db: Kysely<Database>;
  idleMinutes: number;
  secureCookies: boolean;
  loadActor: (userId: number) => Promise<Actor | null>;
};

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Sessions in the database behind an httpOnly SameSite cookie, and double-submit CSRF protection:
 * every POST/PUT/PATCH/DELETE must echo the readable `gk_csrf` cookie in the `x-csrf-token` header
 * (or a `_csrf` form field for server-rendered forms).
 */
export function registerSessions(app: FastifyInstance, opts: SessionOptions) {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: opts.secureCookies };
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.cookies[CSRF_COOKIE]) {
      const t = token();
      req.cookies[CSRF_COOKIE] = t;
      (req as FastifyRequest & { csrfIssued?: boolean }).csrfIssued = true;
      reply.setCookie(CSRF_COOKIE, t, { ...cookieBase, httpOnly: false, maxAge: 60 * 60 * 24 * 30 });
    }
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw || !req.url.startsWith('/api/')) return;
    const row = await opts.db
      .selectFrom('sessions')
      .select(['id', 'user_id', 'last_seen_at', 'expires_at'])
      .where('token_hash', '=', sha256(raw))
      .executeTakeFirst();
    const now = Date.now();
    if (
      !row ||
      row.expires_at.getTime() <= now ||
      row.last_seen_at.getTime() + opts.idleMinutes * 60_000 <= now
    ) {
      req.sessionState = 'expired';
      if (row) await opts.db.deleteFrom('sessions').where('id', '=', row.id).execute();
      return;
    }
    const actor = await opts.loadActor(row.user_id);
    if (!actor) {
      req.sessionState = 'expired';
      return;
    }
    req.actor = actor;
    req.sessionState = 'valid';
    req.sessionId = row.id;
    if (now - row.last_seen_at.getTime() > 60_000) {
      await opts.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now) })
        .where('id', '=', row.id)
        .execute();
    }
  });

  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    if ((req as FastifyRequest & { csrfIssued?: boolean }).csrfIssued) throw new AppError('CSRF_INVALID');
    const expected = req.cookies[CSRF_COOKIE] ?? '';
    const header = req.headers[CSRF_HEADER];
    const field = (req.body as { _csrf?: unknown } | undefined)?._csrf;
    const given =
      typeof header === 'string' && header !== '' ? header : typeof field === 'string' ? field : '';
    if (!expected || !given || !safeEqual(expected, given)) throw new AppError('CSRF_INVALID');
  });

  return {
    async start(reply: FastifyReply, req: FastifyRequest, userId: number): Promise<void> {
      const t = token();
      const now = Date.now();
      await opts.db
        .insertInto('sessions')
        .values({
          token_hash: sha256(t),
          user_id: userId,
          expires_at: new Date(now + ABSOLUTE_HOURS * 3_600_000),
          ip: req.ip,
          user_agent: (req.headers['user-agent'] ?? '').slice(0, 300),
        })
        .execute();
      reply.setCookie(SESSION_COOKIE, t, { ...cookieBase, httpOnly: true });
      // A fresh CSRF token per login, so a token planted before login is useless after it.
      reply.setCookie(CSRF_COOKIE, token(), { ...cookieBase, httpOnly: false, maxAge: 60 * 60 * 24 * 30 });
    },
    async end(reply: FastifyReply, req: FastifyRequest): Promise<void> {
      if (req.sessionId !== null)
        await opts.db.deleteFrom('sessions').where('id', '=', req.sessionId).execute();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}

export type Sessions = ReturnType<typeof registerSessions>;

/**
 * Delete the sessions that can no longer be used (past their absolute end, or idle longer than
 * `idleMinutes`) as of `now`: an expired session is otherwise deleted only when its cookie comes back.
 * Sessions are stamped with the system clock, so the caller passes the system clock's `now`.
 */
export async function purgeExpiredSessions(
  db: Kysely<Database>,
  now: Date,
  idleMinutes: number,
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', new Date(now.getTime() - idleMinutes * 60_000)),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The signed-in actor, or a 401 that tells an expired session from no session. */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw new AppError(req.sessionState === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
