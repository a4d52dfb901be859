/**
 * Statutory deadlines other than the reply clock of an application.
 *
 * 《中华人民共和国政府信息公开条例》(国务院令第711号)
 *   第二十六条 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。
 *     法律、法规对政府信息公开的期限另有规定的，从其规定。
 *   第四十九条 县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度
 *     政府信息公开工作年度报告并向社会公布。
 *     县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息
 *     公开工作年度报告。
 * Fee payment (provincial restatement of 国办函〔2020〕109号, e.g. 四川省财政厅 2021-01-18):
 *   申请人应当自收到收费通知次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请。
 *
 * Counting (docs/law/deadlines.md §3): the start day is never counted; the deadline is the N-th working
 * day after it. Annual-report dates are fixed calendar dates ("每年1月31日前"), not periods: no working-day
 * count and no roll-over when the date falls on a weekend or holiday (deadlines.md §4).
 */
import type { Calendar } from './calendar.ts';
import type { IsoDate } from './dates.ts';

/** Art. 26: the 20th working day after the day the information was formed or changed. */
export function proactivePublicationDue(calendar: Calendar, formedOrChangedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(formedOrChangedOn, 20);
}

/** Who publishes an annual report: a department (Art. 49(1)) or a government (Art. 49(2)). */
export type AnnualReportPublisher = 'department' | 'government';

/** Art. 49: last day for the report on `reportYear` — 31 January (departments) or 31 March (governments) of the next year. */
export function annualReportDue(reportYear: number, publisher: AnnualReportPublisher): IsoDate {
  if (!Number.isInteger(reportYear) || reportYear < 1 || reportYear > 9998) {
    throw new RangeError(`report year must be an integer year, got ${reportYear}`);
  }
  return `${reportYear + 1}-${publisher === 'department' ? '01' : '03'}-31`;
}

/**
 * Signed working days from `today` to `deadline`: those left (0 on the day itself, or when only rest
 * days remain before it), negative once it has passed (-1 on the first working day after it).
 * Throws `CalendarYearMissingError` when the span crosses a year the calendar does not hold.
 */
export function workingDaysUntil(calendar: Calendar, today: IsoDate, deadline: IsoDate): number {
  return deadline >= today
    ? calendar.countWorkingDays(today, deadline)
    : -calendar.countWorkingDays(deadline, today);
}

/** Fee payment: the 20th working day counted from the day after the fee notice is received. */
export function feePaymentDue(calendar: Calendar, feeNoticeReceivedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(feeNoticeReceivedOn, 20);
}
