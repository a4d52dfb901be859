import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { loadNotice, previewNotice } from './notice.service.ts';
import { calendarStatus, saveYear } from './service.ts';
import { type CalendarYearRow, listYearRows } from './store.ts';

const yearView = z.object({
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

const yearBody = z.object({
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

const noticeBody = z.object({
  text: z.string().trim().min(1, '请粘贴通知全文').max(20_000, '通知全文不应超过2万字'),
  url: z.string().trim().max(500).nullable().optional(),
});

const yearData = z.object({
  year: z.number(),
  notice: z.object({ title: z.string(), number: z.string().nullable(), date: z.string(), url: z.string() }),
  daysOff: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
  names: z.record(z.string(), z.string()).optional(),
});
const yearDiff = z.object({
  year: z.number(),
  addedDaysOff: z.array(z.string()),
  removedDaysOff: z.array(z.string()),
  addedWorkdays: z.array(z.string()),
  removedWorkdays: z.array(z.string()),
  changed: z.boolean(),
});
const noticePreview = z.object({
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

function present(r: CalendarYearRow): z.infer<typeof yearView> {
  return {
    year: r.year,
    noticeTitle: r.notice_title,
    noticeNumber: r.notice_number,
    noticeDate: r.notice_date,
    noticeUrl: r.notice_url,
    daysOff: r.days_off,
    makeupWorkdays: r.makeup_workdays,
    source: r.source,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function calendarApi(root: FastifyInstance, { db, emit }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '工作日历（已录入年度）',
        response: { 200: z.object({ items: z.array(yearView), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      const rows = await listYearRows(db);
      return { items: rows.map(present), total: rows.length };
    },
  );

  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: '录入或更正某年的节假日安排',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: yearBody,
        response: { 200: yearView },
      },
    },
    async (req) => {
      const b = req.body;
      const row = await saveYear(db, requireActor(req), emit, {
        year: req.params.year,
        notice: { title: b.noticeTitle, number: b.noticeNumber, date: b.noticeDate, url: b.noticeUrl },
        daysOff: [...b.daysOff].sort(),
        makeupWorkdays: [...b.makeupWorkdays].sort(),
      });
      return present(row);
    },
  );

  app.post(
    '/calendar/notice/preview',
    {
      schema: {
        tags: ['calendar'],
        summary: '读取国务院办公厅节假日安排通知（不保存）',
        body: noticeBody,
        response: { 200: noticePreview },
      },
    },
    async (req) => previewNotice(db, requireActor(req), req.body),
  );

  app.post(
    '/calendar/notice',
    {
      schema: {
        tags: ['calendar'],
        summary: '按通知录入某年的节假日安排（已录入的年度需确认替换）',
        body: noticeBody.extend({ replace: z.boolean().optional() }),
        response: { 200: z.object({ years: z.array(z.number()), preview: noticePreview }) },
      },
    },
    async (req) => loadNotice(db, requireActor(req), emit, req.body),
  );

  app.get(
    '/calendar/status',
    {
      schema: {
        tags: ['calendar'],
        summary: '下一年度日历是否已录入',
        response: {
          200: z.object({
            today: z.string(),
            nextYear: z.number(),
            nextYearMissing: z.boolean(),
            warn: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return calendarStatus(db, chinaToday());
    },
  );
}
