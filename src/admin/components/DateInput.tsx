import { DatePicker, type DatePickerProps, Typography } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { type FocusEvent, useState } from 'react';
import { DATE_INPUT_FORMATS, invalidDateMessage, parseTypedDate } from '../lib/typedDate.ts';

/** The props of a picker that the check of typed text wraps. */
interface PickerEvents<I, A extends unknown[]> {
  status?: DatePickerProps['status'];
  onBlur?: (event: FocusEvent<HTMLElement>, info: I) => void;
  onChange?: (...args: A) => void;
}

/**
 * The text left in a picker's input when it loses focus: antd keeps the last valid date when the
 * text is not one, so a typed text that is not a date is reported (a Chinese message under the
 * field, the field marked) rather than silently dropped. Returns the picker's props with the check
 * added, and the message to show.
 */
function useTypedCheck<I, A extends unknown[]>(props: PickerEvents<I, A>) {
  const [error, setError] = useState<string>();
  const events: PickerEvents<I, A> = {
    status: error ? 'error' : props.status,
    onBlur: (event, info) => {
      const text = event.target instanceof HTMLInputElement ? event.target.value : '';
      setError(parseTypedDate(text) === 'invalid' ? invalidDateMessage(text.trim()) : undefined);
      props.onBlur?.(event, info);
    },
    onChange: (...args) => {
      setError(undefined);
      props.onChange?.(...args);
    },
  };
  const message = error ? (
    <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13 }}>
      {error}
    </Typography.Text>
  ) : null;
  return { events, message };
}

/**
 * The console's date field: antd's DatePicker showing 2026年12月5日 and reading typed dates as
 * 2026-12-05 or 2026年12月5日 (`DATE_INPUT_FORMATS`); a typed text that is not a date shows a Chinese
 * error under the field instead of being replaced by the previous date.
 */
export function DateInput(props: DatePickerProps<Dayjs, false>) {
  const typed = useTypedCheck(props);
  return (
    <>
      <DatePicker format={DATE_INPUT_FORMATS} {...props} {...typed.events} />
      {typed.message}
    </>
  );
}

/** The console's date range field, with `DateInput`'s formats and its check of typed text. */
export function DateRangeInput(props: RangePickerProps) {
  const typed = useTypedCheck(props);
  return (
    <>
      <DatePicker.RangePicker format={DATE_INPUT_FORMATS} {...props} {...typed.events} />
      {typed.message}
    </>
  );
}
