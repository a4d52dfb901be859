/** The calendar API's schemas (zod → validation, serialisation and OpenAPI); the console infers its types from them. */
import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';

export const yearView = z.object({
  year: z.number(),
  noticeTitle: z.string(),
  noticeNumber: z.string().nullable(),
  noticeDate: z.string().nullable(),
  noticeUrl: z.string().nullable(),
  daysOff: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
  source: z.enum(['bundled', 'admin']),
  updatedAt: z.string(),
});

export const yearBody = z.object({
  noticeTitle: z.string().trim().min(1, '请填写通知标题').max(200),
  noticeNumber: z
    .string()
    .trim()
    .max(60)
    .nullable()
    .transform((s) => (s ? s : null)),
  noticeDate: isoDate,
  noticeUrl: z.string().trim().max(500),
  daysOff: z.array(isoDate).max(120),
  makeupWorkdays: z.array(isoDate).max(40),
});

export const noticeBody = z.object({
  text: z.string().trim().min(1, '请粘贴通知全文').max(20_000, '通知全文不应超过2万字'),
  url: z.string().trim().max(500).nullable().optional(),
});

export const yearData = z.object({
  year: z.number(),
  notice: z.object({ title: z.string(), number: z.string().nullable(), date: z.string(), url: z.string() }),
  daysOff: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
  names: z.record(z.string(), z.string()).optional(),
});
export const yearDiff = z.object({
  year: z.number(),
  addedDaysOff: z.array(z.string()),
  removedDaysOff: z.array(z.string()),
  addedWorkdays: z.array(z.string()),
  removedWorkdays: z.array(z.string()),
  changed: z.boolean(),
});
export const noticePreview = z.object({
  year: z.number(),
  notice: yearData.shape.notice,
  holidays: z.array(
    z.object({
      name: z.string(),
      sentence: z.string(),
      daysOff: z.array(z.string()),
      workdays: z.array(z.string()),
    }),
  ),
  entry: yearData,
  previousEntry: yearData.nullable(),
  previousIgnored: z.array(z.string()),
  comparedWith: z.enum(['loaded', 'provisional']),
  diff: yearDiff,
  previousDiff: yearDiff.nullable(),
  missing: z.array(z.string()),
});

export const yearList = z.object({ items: z.array(yearView), total: z.number() });
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const loadNoticeBody = noticeBody.extend({ replace: z.boolean().optional() });
export const loadNoticeResponse = z.object({ years: z.array(z.number()), preview: noticePreview });

/** Whether next year's calendar is loaded yet; `today` is the China date (YYYY-MM-DD) the server judged by. */
export const calendarStatus = z.object({
  today: z.string(),
  nextYear: z.number(),
  nextYearMissing: z.boolean(),
  warn: z.boolean(),
});
