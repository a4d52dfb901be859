/**
 * 索引号: generated at creation from a configurable pattern, by the national convention
 * 机构代码-分类-年份-流水号 (机构代码: the agency's 统一社会信用代码; 分类: the 主题分类 of the document).
 * Placeholders have Chinese names: {机构代码}, {主题分类} (two digits, 01 综合政务 … 21 其他), {体裁}
 * (the genre's letter code, e.g. GF), {年份} and {流水号} / {流水号:N} (zero-padded to N digits). The
 * English names of earlier versions ({orgCode}, {category} = 体裁, {year}, {serial}) are still read, and
 * shown in Chinese. The serial counts per organisation and year. Pure: no I/O.
 */
import { TOPIC_CODES } from './codes.ts';

export type IndexNumberParts = {
  orgCode: string;
  /** The genre's letter code (体裁). */
  category: string;
  /** The 主题分类 code (topic), null when not classified. */
  topic: string | null;
  year: number;
  serial: number;
};

export const DEFAULT_INDEX_PATTERN = '{机构代码}-{主题分类}-{年份}-{流水号:5}';

/** The placeholders with their Chinese names; earlier English names map to them. */
const LEGACY: Readonly<Record<string, string>> = {
  orgCode: '机构代码',
  category: '体裁',
  year: '年份',
  serial: '流水号',
};
const NAMES = ['机构代码', '主题分类', '体裁', '年份', '流水号'] as const;

const TOKEN_RE = /\{(机构代码|主题分类|体裁|年份|流水号|orgCode|category|year|serial)(?::(\d))?\}/g;

export type PatternCheck = { ok: true } | { ok: false; message: string };

/** The pattern with the Chinese placeholder names ({orgCode} → {机构代码} …). */
export function chinesePattern(pattern: string): string {
  return pattern.replace(TOKEN_RE, (_m, token: string, width?: string) => {
    const name = LEGACY[token] ?? token;
    return `{${name}${width ? `:${width}` : ''}}`;
  });
}

/** A pattern must contain {流水号} (else numbers repeat) and {年份} (the serial restarts each year). */
export function checkIndexPattern(pattern: string): PatternCheck {
  if (pattern.length === 0 || pattern.length > 100)
    return { ok: false, message: '索引号规则长度应为1至100个字符' };
  const unknown = pattern.replace(TOKEN_RE, '').match(/\{[^}]*\}/);
  if (unknown)
    return {
      ok: false,
      message: `索引号规则含有未知占位符“${unknown[0]}”，可用的占位符为${NAMES.map((n) => `{${n}}`).join('、')}`,
    };
  const zh = chinesePattern(pattern);
  if (!/\{流水号(:\d)?\}/.test(zh)) return { ok: false, message: '索引号规则必须包含流水号占位符 {流水号}' };
  if (!/\{年份\}/.test(zh))
    return { ok: false, message: '索引号规则必须包含年份占位符 {年份}（流水号按年重新编号）' };
  return { ok: true };
}

/** Two-digit 主题分类 code: the position in the State Council's list (01 综合政务 … 21 其他). */
export function topicCategoryCode(topic: string | null): string {
  const i = topic ? TOPIC_CODES.indexOf(topic) : -1;
  return String(i < 0 ? TOPIC_CODES.length : i + 1).padStart(2, '0');
}

export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  return chinesePattern(pattern).replace(TOKEN_RE, (_m, token: string, width?: string) => {
    switch (token) {
      case '机构代码':
        return parts.orgCode;
      case '主题分类':
        return topicCategoryCode(parts.topic);
      case '体裁':
        return parts.category;
      case '年份':
        return String(parts.year);
      default:
        return String(parts.serial).padStart(width ? Number(width) : 0, '0');
    }
  });
}

/**
 * The organisation's code for the index number: its 统一社会信用代码, else its own 机构代码, else a
 * stable fallback from its id (until the agency's code is filled in).
 */
export function orgCodeFor(org: { id: number; code: string | null; credit_code?: string | null }): string {
  for (const c of [org.credit_code, org.code]) if (c && c.trim() !== '') return c.trim();
  return `ORG${String(org.id).padStart(4, '0')}`;
}
