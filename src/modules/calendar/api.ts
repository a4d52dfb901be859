import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import { loadNotice, previewNotice } from './notice.service.ts';
import { calendarStatus, saveYear } from './service.ts';
import { type CalendarYearRow, listYearRows } from './store.ts';

function present(r: CalendarYearRow): z.infer<typeof s.yearView> {
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
        response: { 200: s.yearList },
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
        params: s.yearParams,
        body: s.yearBody,
        response: { 200: s.yearView },
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
        body: s.noticeBody,
        response: { 200: s.noticePreview },
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
        body: s.loadNoticeBody,
        response: { 200: s.loadNoticeResponse },
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
        response: { 200: s.calendarStatus },
      },
    },
    async (req) => {
      requireActor(req);
      return calendarStatus(db, chinaToday());
    },
  );
}
