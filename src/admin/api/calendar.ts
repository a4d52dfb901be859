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
