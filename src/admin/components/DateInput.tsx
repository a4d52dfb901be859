import { DatePicker, type DatePickerProps, Typography } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { type FocusEvent, useState } from 'react';
import { DATE_INPUT_FORMATS, invalidDateMessage, parseTypedDate } from '../lib/typedDate.ts';

/**
 * The text left in a picker's input when it loses focus: antd keeps the last valid date when the
 * text is not one, so a typed text that is not a date is reported rather than silently dropped.
 */
function useTypedCheck() {
  const [error, setError] = useState<string>();
  function check(event: FocusEvent<HTMLElement>) {
    const text = event.target instanceof HTMLInputElement ? event.target.value : '';
    setError(parseTypedDate(text) === 'invalid' ? invalidDateMessage(text.trim()) : undefined);
  }
  const message = error ? (
    <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13 }}>
      {error}
    </Typography.Text>
  ) : null;
  return { error, check, clear: () => setError(undefined), message };
}

/**
 * The console's date field: antd's DatePicker showing 2026年12月5日 and reading typed dates as
 * 2026-12-05 or 2026年12月5日 (`DATE_INPUT_FORMATS`); a typed text that is not a date shows a Chinese
 * error under the field instead of being replaced by the previous date.
 */
export function DateInput(props: DatePickerProps<Dayjs, false>) {
  const typed = useTypedCheck();
  return (
    <>
      <DatePicker
        format={DATE_INPUT_FORMATS}
        {...props}
        status={typed.error ? 'error' : props.status}
        onBlur={(e, info) => {
          typed.check(e);
          props.onBlur?.(e, info);
        }}
        onChange={(date, text) => {
          typed.clear();
          props.onChange?.(date, text);
        }}
      />
      {typed.message}
    </>
  );
}

/** The console's date range field, with `DateInput`'s formats and its check of typed text. */
export function DateRangeInput(props: RangePickerProps) {
  const typed = useTypedCheck();
  return (
    <>
      <DatePicker.RangePicker
        format={DATE_INPUT_FORMATS}
        {...props}
        status={typed.error ? 'error' : props.status}
        onBlur={(e, info) => {
          typed.check(e);
          props.onBlur?.(e, info);
        }}
        onChange={(dates, texts) => {
          typed.clear();
          props.onChange?.(dates, texts);
        }}
      />
      {typed.message}
    </>
  );
}
