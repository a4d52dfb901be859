import { Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarYear, CalendarYearInput } from '../api/calendar.ts';
import { parseDateList } from '../lib/dateList.ts';
import { DateInput } from './DateInput.tsx';
import { DateListInput } from './DateListInput.tsx';
import { FormModal } from './FormModal.tsx';

interface CalendarFormValues {
  year: number;
  noticeTitle: string;
  noticeNumber?: string;
  noticeDate: Dayjs;
  noticeUrl: string;
  daysOff: string;
  makeupWorkdays: string;
}

const FIELD_NAMES = [
  'year',
  'noticeTitle',
  'noticeNumber',
  'noticeDate',
  'noticeUrl',
  'daysOff',
  'makeupWorkdays',
] as const;

export type CalendarDialog = { mode: 'create'; year?: number } | { mode: 'edit'; entry: CalendarYear };

interface Props {
  dialog: CalendarDialog | undefined;
  loadedYears: number[];
  onClose: () => void;
  onSubmit: (year: number, input: CalendarYearInput) => Promise<void>;
}

export function CalendarYearModal({ dialog, loadedYears, onClose, onSubmit }: Props) {
  const editing = dialog?.mode === 'edit' ? dialog.entry : undefined;
  const initialValues: Partial<CalendarFormValues> = editing
    ? {
        year: editing.year,
        noticeTitle: editing.noticeTitle,
        noticeNumber: editing.noticeNumber ?? undefined,
        noticeDate: editing.noticeDate ? dayjs(editing.noticeDate) : undefined,
        noticeUrl: editing.noticeUrl ?? undefined,
        daysOff: editing.daysOff.join('\n'),
        makeupWorkdays: editing.makeupWorkdays.join('\n'),
      }
    : { year: dialog?.mode === 'create' ? dialog.year : undefined };

  function submit(v: CalendarFormValues) {
    return onSubmit(v.year, {
      noticeTitle: v.noticeTitle.trim(),
      noticeNumber: v.noticeNumber?.trim() || null,
      noticeDate: v.noticeDate.format('YYYY-MM-DD'),
      noticeUrl: v.noticeUrl.trim(),
      daysOff: parseDateList(v.daysOff ?? '', v.year).dates,
      makeupWorkdays: parseDateList(v.makeupWorkdays ?? '', v.year).dates,
    });
  }

  return (
    <FormModal<CalendarFormValues>
      open={dialog !== undefined}
      title={editing ? `修正${editing.year}年工作日历` : '录入年度工作日历'}
      width={720}
      initialValues={initialValues}
      fieldNames={FIELD_NAMES}
      onCancel={onClose}
      onSubmit={submit}
    >
      <Form.Item
        label="年度"
        name="year"
        rules={[
          { required: true, message: '请填写年度' },
          {
            validator: (_, value: number | undefined) =>
              !editing && value && loadedYears.includes(value)
                ? Promise.reject(new Error(`${value}年已录入，请在列表中点击“修正”`))
                : Promise.resolve(),
          },
        ]}
      >
        <InputNumber min={2000} max={2100} precision={0} disabled={Boolean(editing)} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label="通知标题"
        name="noticeTitle"
        rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}
      >
        <Input maxLength={200} placeholder="国务院办公厅关于××××年部分节假日安排的通知" />
      </Form.Item>
      <Form.Item label="发文字号" name="noticeNumber">
        <Input maxLength={60} placeholder="国办发明电〔××××〕×号" />
      </Form.Item>
      <Form.Item
        label="发布日期"
        name="noticeDate"
        rules={[{ required: true, message: '请选择通知发布日期' }]}
      >
        <DateInput style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="通知网址"
        name="noticeUrl"
        extra="通知原文在中国政府网上的地址，便于日后核对。"
        rules={[
          { required: true, whitespace: true, message: '请填写通知网址' },
          { type: 'url', message: '请填写完整网址，以 http:// 或 https:// 开头' },
        ]}
      >
        <Input maxLength={500} placeholder="https://www.gov.cn/..." />
      </Form.Item>
      <DateListInput name="daysOff" label="放假日期" required otherName="makeupWorkdays" />
      <DateListInput name="makeupWorkdays" label="调休上班日期" required={false} otherName="daysOff" />
    </FormModal>
  );
}
