import { api, type ListResult } from './client.ts';

export interface CalendarYear {
  year: number;
  noticeTitle: string;
  noticeNumber: string | null;
  noticeDate: string | null;
  noticeUrl: string | null;
  daysOff: string[];
  makeupWorkdays: string[];
  source: 'bundled' | 'admin';
  updatedAt: string;
}

export interface CalendarYearInput {
  noticeTitle: string;
  noticeNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  noticeDate: string;
  noticeUrl: string;
  daysOff: string[];
  makeupWorkdays: string[];
}

export interface CalendarStatus {
  /** China date YYYY-MM-DD the server judged by. */
  today: string;
  nextYearMissing: boolean;
  nextYear: number;
  warn: boolean;
}

export function listCalendarYears(): Promise<ListResult<CalendarYear>> {
  return api.get('/api/calendar/years');
}

export function fetchCalendarStatus(): Promise<CalendarStatus> {
  return api.get('/api/calendar/status');
}

export function putCalendarYear(year: number, input: CalendarYearInput): Promise<CalendarYear> {
  return api.put(`/api/calendar/years/${year}`, input);
}

export interface NoticeYear {
  year: number;
  notice: { title: string; number: string | null; date: string; url: string };
  daysOff: string[];
  makeupWorkdays: string[];
  names?: Record<string, string>;
}

export interface NoticeYearDiff {
  year: number;
  addedDaysOff: string[];
  removedDaysOff: string[];
  addedWorkdays: string[];
  removedWorkdays: string[];
  changed: boolean;
}

/** What the server read from a pasted notice, compared with the stored (or provisional) year. */
export interface NoticePreview {
  year: number;
  notice: NoticeYear['notice'];
  holidays: { name: string; sentence: string; daysOff: string[]; workdays: string[] }[];
  entry: NoticeYear;
  previousEntry: NoticeYear | null;
  previousIgnored: string[];
  comparedWith: 'loaded' | 'provisional';
  diff: NoticeYearDiff;
  previousDiff: NoticeYearDiff | null;
  missing: string[];
}

export interface NoticeInput {
  text: string;
  url?: string | null;
  replace?: boolean;
}

export function previewNotice(input: NoticeInput): Promise<NoticePreview> {
  return api.post('/api/calendar/notice/preview', input);
}

export function loadNotice(input: NoticeInput): Promise<{ years: number[]; preview: NoticePreview }> {
  return api.post('/api/calendar/notice', input);
}
