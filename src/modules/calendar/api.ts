import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { calendarStatus, saveYear } from './service.ts';
import { type CalendarYearRow, listYearRows } from './store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

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
