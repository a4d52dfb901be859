/**
 * The draw (抽签) that selects hearing participants and public representatives from those who signed
 * up. Reproducible by anyone: each candidate's ticket is the SHA-256 of `seed:id`; the lowest tickets
 * win. The seed and the candidate list are recorded and published with the result, so re-running this
 * function on them gives the same names. Pure (hashing only, no I/O, no clock, no randomness).
 */
import { createHash } from 'node:crypto';

export const MAX_SEED_CHARS = 64;

/** The ticket of one candidate under a seed (hex, compared as text). */
export const ticketOf = (seed: string, id: number): string =>
  createHash('sha256').update(`${seed}:${id}`).digest('hex');

/**
 * The selected candidates, in draw order. `candidates` in any order (duplicates count once); all of
 * them when there are no more than `places`.
 */
export function drawParticipants(seed: string, candidates: readonly number[], places: number): number[] {
  if (!Number.isInteger(places) || places < 0) throw new RangeError('places must be a whole number ≥ 0');
  return [...new Set(candidates)]
    .map((id) => ({ id, ticket: ticketOf(seed, id) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id - b.id))
    .slice(0, places)
    .map((c) => c.id);
}

/** A seed staff may give (e.g. the day's lottery number): printable, no spaces at the ends. */
export function checkSeed(seed: string): string | null {
  if (seed.trim() === '') return '请填写抽签种子，或留空由系统生成';
  if ([...seed].length > MAX_SEED_CHARS) return `抽签种子不能超过${MAX_SEED_CHARS}个字符`;
  if (seed !== seed.trim()) return '抽签种子首尾不能有空格';
  return null;
}
