/**
 * 索引号: generated at creation from a configurable pattern with the tokens {orgCode}, {category},
 * {year} and {serial} / {serial:N} (zero-padded to N digits). The serial counts per organisation and
 * year. Pure: no I/O.
 */

export type IndexNumberParts = { orgCode: string; category: string; year: number; serial: number };

export const DEFAULT_INDEX_PATTERN = '{orgCode}-{category}-{year}-{serial:5}';

const TOKEN_RE = /\{(orgCode|category|year|serial)(?::(\d))?\}/g;

export type PatternCheck = { ok: true } | { ok: false; message: string };

/** A pattern must contain {serial} (else numbers repeat) and {year} (the serial restarts each year). */
export function checkIndexPattern(pattern: string): PatternCheck {
  if (pattern.length === 0 || pattern.length > 100)
    return { ok: false, message: '索引号规则长度应为1至100个字符' };
  const unknown = pattern.replace(TOKEN_RE, '').match(/\{[^}]*\}/);
  if (unknown) return { ok: false, message: `索引号规则含有未知占位符“${unknown[0]}”` };
  if (!/\{serial(:\d)?\}/.test(pattern))
    return { ok: false, message: '索引号规则必须包含流水号占位符 {serial}' };
  if (!/\{year\}/.test(pattern))
    return { ok: false, message: '索引号规则必须包含年份占位符 {year}（流水号按年重新编号）' };
  return { ok: true };
}

export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  return pattern.replace(TOKEN_RE, (_m, token: string, width?: string) => {
    switch (token) {
      case 'orgCode':
        return parts.orgCode;
      case 'category':
        return parts.category;
      case 'year':
        return String(parts.year);
      default:
        return String(parts.serial).padStart(width ? Number(width) : 0, '0');
    }
  });
}

/** The organisation's code for the index number: its own code, else a stable fallback from its id. */
export function orgCodeFor(org: { id: number; code: string | null }): string {
  return org.code && org.code.trim() !== '' ? org.code.trim() : `ORG${String(org.id).padStart(4, '0')}`;
}
