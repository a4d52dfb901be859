import { Form, Input } from 'antd';

export const CONSULTATION_FIELDS = [
  'title',
  'draft',
  'explanation',
  'channels',
  'opensOn',
  'plannedLastDay',
  'shortReason',
];

/** The fields of a consultation (create and edit). */
export function ConsultationFields() {
  return (
    <>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="draft"
        label="决策草案"
        extra="每条以“第…条”开头的，在网站上逐条显示，公众可以针对某一条提出意见；否则按段落编号。"
      >
        <Input.TextArea rows={8} />
      </Form.Item>
      <Form.Item name="explanation" label="起草说明">
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item
        name="channels"
        label="其他提出意见的方式"
        extra="例如信函地址、电子邮箱、电话；网站意见表始终可用。"
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="opensOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="plannedLastDay"
        label="截止日期"
        rules={[{ required: true, message: '请选择截止日期' }]}
        extra="征求意见期限一般不少于30日（开始当日不计入）；截止日为休息日或法定节假日的，顺延至其后第一个工作日。"
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="shortReason"
        label="期限少于30日的理由"
        extra="期限少于30日时必须填写，将向社会公开（《重大行政决策程序暂行条例》第十五条）。"
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
