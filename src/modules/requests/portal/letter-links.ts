import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';

/**
 * Short-lived download links for the letters shown on the tracking page. A link cannot carry the query
 * password, so after a successful lookup the page signs `case id + expiry` (HMAC-SHA256) with a key
 * derived from a random secret generated once per database (`request_secrets`, loaded at start-up by
 * `loadLetterLinkSecret`) and puts the token in the link: `…/letters/:letterId?t=TOKEN`.
 *
 * - Bound to one case: the route serves only letters of the case in the token.
 * - Valid 30 minutes; the same on every process of a cluster and across restarts (same database).
 * - Nothing is stored per link; a token cannot be forged without the secret, and an expired one cannot
 *   be renewed.
 */
export const LETTER_LINK_TTL_MS = 30 * 60_000;

export type LetterLinks = {
  /** A token for the letters of `caseId`, valid `ttlMs` from now. */
  issue(caseId: number): string;
  /** The case id of a valid, unexpired token; null for anything else. */
  verify(token: string): number | null;
};

const TOKEN = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

export function createLetterLinks(
  opts: { secret?: Uint8Array; ttlMs?: number; now?: () => number } = {},
): LetterLinks {
  // Derived from the database's secret (never logged); without one, a random value of this process only.
  const key = createHmac('sha256', opts.secret ?? randomBytes(32))
    .update('gongkai/requests/portal/letter-link/v1')
    .digest();
  const ttlMs = opts.ttlMs ?? LETTER_LINK_TTL_MS;
  const now = opts.now ?? (() => Date.now());
  const mac = (caseId: number, expires: number) =>
    createHmac('sha256', key).update(`${caseId}.${expires}`).digest();

  return {
    issue(caseId) {
      const expires = now() + ttlMs;
      return `${caseId}.${expires}.${mac(caseId, expires).toString('base64url')}`;
    },
    verify(token) {
      const m = TOKEN.exec(token);
      if (!m) return null;
      const caseId = Number(m[1]);
      const expires = Number(m[2]);
      if (!Number.isSafeInteger(caseId) || caseId <= 0 || !(expires > now())) return null;
      const given = Buffer.from(m[3] as string, 'base64url');
      const expected = mac(caseId, expires);
      return given.length === expected.length && timingSafeEqual(given, expected) ? caseId : null;
    },
  };
}

export const LETTER_LINK_SECRET_NAME = 'letter-links';

/**
 * The database's letter-link secret: generated (32 random bytes) and stored by the first process that
 * asks, read by every later one. Two processes starting at once store one of theirs and both read it.
 */
export async function loadLetterLinkSecret(db: Kysely<Database>): Promise<Uint8Array> {
  await sql`insert into request_secrets (name, secret) values (${LETTER_LINK_SECRET_NAME}, ${randomBytes(32)})
    on conflict (name) do nothing`.execute(db);
  const { rows } = await sql<{ secret: Uint8Array }>`
    select secret from request_secrets where name = ${LETTER_LINK_SECRET_NAME}`.execute(db);
  const secret = rows[0]?.secret;
  if (!secret || secret.length < 32) throw new Error('request_secrets: letter-link secret missing');
  return new Uint8Array(secret);
}
