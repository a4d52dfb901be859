import { Form, Input, Space, Tag, Typography } from 'antd';
import { parseDateList } from '../lib/dateList.ts';
import { formatDate, formatMonthDayWeekday } from '../lib/format.ts';

interface Props {
  name: 'daysOff' | 'makeupWorkdays';
  label: string;
  required: boolean;
  /** The other list: a day may not be both off and a make-up workday. */
  otherName: 'daysOff' | 'makeupWorkdays';
}

const HELP = '每行一个日期，如 2026-10-01；也可写 2026年10月1日、10月1日，或日期段 2026-10-01至2026-10-08。';

function Preview({ name }: { name: Props['name'] }) {
  const form = Form.useFormInstance();
  const text: string | undefined = Form.useWatch(name, form);
  const year: number | undefined = Form.useWatch('year', form);
  const { dates, errors } = parseDateList(text ?? '', year ?? undefined);
  if (!text?.trim() || errors.length) return null;
  const outside = dates.filter((d) => year && !d.startsWith(`${year}-`));
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">已识别 {dates.length} 天：</Typography.Text>
      <Space size={[4, 4]} wrap>
        {dates.map((d) => (
          <Tag key={d} color={outside.includes(d) ? 'orange' : undefined}>
            {outside.includes(d) ? `${Number(d.slice(0, 4))}年` : ''}
            {formatMonthDayWeekday(d)}
          </Tag>
        ))}
      </Space>
      {outside.length > 0 && (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
          橙色日期不在{year}年内，请确认通知中确有此安排（如元旦假期跨年）。
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** Textarea for a list of days, parsed with parseDateList, with a live preview of what was understood. */
export function DateListInput({ name, label, required, otherName }: Props) {
  return (
    <Form.Item label={label} htmlFor={name} required={required} extra={HELP}>
      <Form.Item
        noStyle
        name={name}
        dependencies={['year', otherName]}
        rules={[
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              const year: number | undefined = getFieldValue('year') ?? undefined;
              const { dates, errors } = parseDateList(value ?? '', year);
              if (errors.length) return Promise.reject(new Error(errors.join('；')));
              if (required && dates.length === 0) return Promise.reject(new Error(`请填写${label}`));
              const other = new Set(parseDateList(getFieldValue(otherName) ?? '', year).dates);
              const both = dates.filter((d) => other.has(d));
              if (both.length) {
                return Promise.reject(
                  new Error(`${both.map(formatDate).join('、')}同时出现在放假日期和调休上班日期中`),
                );
              }
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} spellCheck={false} />
      </Form.Item>
      <Preview name={name} />
    </Form.Item>
  );
}
