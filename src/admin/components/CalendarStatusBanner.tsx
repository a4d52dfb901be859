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
      description={`请在国务院办公厅发布${year}年部分节假日安排的通知后，及时录入放假日期和调休上班日期。未录入前，涉及${year}年的办理期限无法按工作日准确计算。`}
      action={
        onEnterYear && (
          <Button size="small" type="primary" onClick={() => onEnterYear(year)}>
            录入{year}年
          </Button>
        )
      }
    />
  );
}
