// 工作日历 (src/modules/calendar/api.ts, /api/calendar).
import type { z } from 'zod';
import type * as s from '../../modules/calendar/api.schemas.ts';
import { api } from './client.ts';

export type CalendarYear = z.infer<typeof s.yearView>;
export type CalendarStatus = z.infer<typeof s.calendarStatus>;
/** A year as read from a notice. */
export type NoticeYear = z.infer<typeof s.yearData>;
export type NoticeYearDiff = z.infer<typeof s.yearDiff>;
/** What the server read from a pasted notice, compared with the stored (or provisional) year. */
export type NoticePreview = z.infer<typeof s.noticePreview>;

export type CalendarYearInput = z.input<typeof s.yearBody>;

export type NoticeInput = z.input<typeof s.noticeBody>;
export type LoadNoticeInput = z.input<typeof s.loadNoticeBody>;

export function listCalendarYears(): Promise<z.infer<typeof s.yearList>> {
  return api.get('/api/calendar/years');
}

export function fetchCalendarStatus(): Promise<CalendarStatus> {
  return api.get('/api/calendar/status');
}

export function putCalendarYear(year: number, input: CalendarYearInput): Promise<CalendarYear> {
  return api.put(`/api/calendar/years/${year}`, input);
}

export function previewNotice(input: NoticeInput): Promise<NoticePreview> {
  return api.post('/api/calendar/notice/preview', input);
}

export function loadNotice(input: LoadNoticeInput): Promise<z.infer<typeof s.loadNoticeResponse>> {
  return api.post('/api/calendar/notice', input);
}
