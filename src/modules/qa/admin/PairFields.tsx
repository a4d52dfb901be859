import { Form, Input, InputNumber } from 'antd';

/** The fields a 政策问答库 pair is written with (问题, 答复, 关联文件编号): the library's form and a suggestion's. */
export function PairFields() {
  return (
    <>
      <Form.Item
        name="question"
        label="问题"
        rules={[{ required: true, message: '请填写问题' }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="answer"
        label="答复"
        rules={[{ required: true, message: '请填写答复' }, { max: 4000 }]}
      >
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item
        name="documentId"
        label="关联文件编号"
        extra="政府文件库中该文件的编号（文件页面地址中的数字）。"
        rules={[{ required: true, message: '请填写关联文件' }]}
      >
        <InputNumber min={1} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
