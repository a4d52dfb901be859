import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { type ItemDetail, type ItemUpdateBody, updateItem } from './api.ts';

/** 修改决策事项: adjust a catalogue item's plan (PUT /api/decisions/items/:id, audited). */
export function ItemEditButton({ item, onSaved }: { item: ItemDetail['item']; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<ItemUpdateBody>();

  async function save() {
    setFormError(undefined);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await updateItem(item.id, { ...values, partyConsentOn: values.partyConsentOn || null });
      setOpen(false);
      onSaved();
    } catch (e) {
      const rest = applyFieldErrors(form, e, [
        'subject',
        'undertaker',
        'plannedTime',
        'partyConsentOn',
        'partyConsentNote',
      ]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>修改事项</Button>
      <Modal
        title="修改决策事项"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={save}
        confirmLoading={saving}
        okText="保存"
        cancelText="取消"
        width={640}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            subject: item.subject,
            undertaker: item.undertaker,
            plannedTime: item.plannedTime,
            hearingPlanned: item.hearingPlanned,
            riskPlanned: item.riskPlanned,
            expertPlanned: item.expertPlanned,
            partyConsentOn: item.partyConsentOn ?? '',
            partyConsentNote: item.partyConsentNote,
            consultationId: item.consultationId,
            published: item.published,
          }}
        >
          <Form.Item name="subject" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="undertaker" label="承办单位">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="plannedTime" label="计划完成时间">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="hearingPlanned" valuePropName="checked">
            <Checkbox>拟举行听证</Checkbox>
          </Form.Item>
          <Form.Item name="riskPlanned" valuePropName="checked">
            <Checkbox>拟开展风险评估</Checkbox>
          </Form.Item>
          <Form.Item name="expertPlanned" valuePropName="checked">
            <Checkbox>拟组织专家论证</Checkbox>
          </Form.Item>
          <Form.Item name="partyConsentOn" label="党委同意日期">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="partyConsentNote" label="党委同意情况">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="consultationId" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="published" valuePropName="checked">
            <Checkbox>在网站目录中公布</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
