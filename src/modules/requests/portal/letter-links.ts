import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links for the letters shown on the tracking page. A link cannot carry the query
 * password, so after a successful lookup the page signs `case id + expiry` with a key that exists only in
 * this process (HMAC-SHA256) and puts the token in the link: `…/letters/:letterId?t=TOKEN`.
 *
 * - Bound to one case: the route serves only letters of the case in the token.
 * - Valid 30 minutes; a restart (new key) ends every link, which only means "查询 again".
 * - Nothing is stored; a token cannot be forged without the key, and an expired one cannot be renewed.
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
  // Derived from a random value held only by this process (never logged, never stored).
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
