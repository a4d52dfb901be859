/**
 * Public surface of the calendar module (工作日历). Other modules import from here only.
 * The pure domain API, the bundled holiday data (2021–2026) as typed JSON, and the service functions
 * that read the years stored in the database (like `orgs/index.ts` does). Pure code (`domain/**` of
 * any module) imports `calendar/domain/*.ts` instead, so it never pulls in the database layer.
 */

export { bundledCalendar, bundledCalendarYears } from './bundled.ts';
export {
  type Calendar,
  CalendarDataError,
  type CalendarNotice,
  type CalendarYear,
  CalendarYearMissingError,
  type CalendarYearValidation,
  createCalendar,
  type DayKind,
  type DayNumberCalendar,
  validateCalendarYear,
} from './domain/calendar.ts';
export {
  addCalendarDays,
  chineseWeekday,
  compareIsoDates,
  type DateParts,
  dayNumberOf,
  daysInMonth,
  formatChineseDate,
  formatIsoDate,
  fromDayNumber,
  InvalidDateError,
  type IsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  partsOfDayNumber,
  toDayNumber,
  weekdayOf,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './domain/dates.ts';
export {
  type AnnualReportPublisher,
  annualReportDue,
  feePaymentDue,
  proactivePublicationDue,
  workingDaysUntil,
} from './domain/deadlines.ts';
export {
  FIRST_PROVISIONAL_YEAR,
  provisionalNote,
  provisionalYear,
  provisionalYearsBetween,
  withProvisionalYears,
} from './domain/provisional.ts';
export { calendarModule } from './manifest.ts';
export { CALENDAR_CHANGED, type CalendarChanged, loadCalendar, loadYears } from './service.ts';
