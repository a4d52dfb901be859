import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { type CalendarStatus, fetchCalendarStatus } from '../api/calendar.ts';

interface Props {
  /** Changing this value re-reads the status (e.g. after a year was saved). */
  refreshKey?: number;
  /** When given, the banner offers a button to enter the missing year. */
  onEnterYear?: (year: number) => void;
}

/** Warns when next year's working calendar has not been entered yet. Renders nothing otherwise. */
export function CalendarStatusBanner({ refreshKey = 0, onEnterYear }: Props) {
  const [status, setStatus] = useState<CalendarStatus>();

  useEffect(() => {
    let cancelled = false;
    void refreshKey;
    fetchCalendarStatus().then(
      (s) => !cancelled && setStatus(s),
      () => !cancelled && setStatus(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [refreshKey]);

  if (!status?.warn || !status.nextYearMissing) return null;
  const year = status.nextYear;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`尚未录入${year}年工作日历`}
      description={`国务院办公厅发布${year}年部分节假日安排的通知后，请及时按通知录入。未录入前，涉及${year}年的办理期限按法定节假日推算，标为“暂定”；录入后自动重新计算。`}
      action={
        onEnterYear && (
          <Button size="small" type="primary" onClick={() => onEnterYear(year)}>
            按通知录入{year}年
          </Button>
        )
      }
    />
  );
}
