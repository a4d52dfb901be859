import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { MAX_ADJUSTMENT_REASON } from '../domain/catalogue.ts';
import { type ItemDetail, type ItemUpdateBody, updateItem } from './api.ts';

/**
 * 调整原因: once the item (or its catalogue) has been on the portal, a change is an adjustment with its
 * reason, published with the record; the server decides (domain/catalogue.ts) and names the field.
 */
export function ReasonField({ required }: { required: boolean }) {
  return (
    <Form.Item
      name="reason"
      label="调整原因"
      extra={
        required
          ? '该事项已在网站目录中公布，修改或撤销须填写调整原因，调整原因和调整前的内容将在网站公开。'
          : '目录已公布后新增事项的，须填写调整原因；目录公布前的修改无需填写。'
      }
      rules={required ? [{ required: true, whitespace: true, message: '请填写调整原因' }] : []}
    >
      <Input.TextArea rows={2} maxLength={MAX_ADJUSTMENT_REASON} />
    </Form.Item>
  );
}

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
        'reason',
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
          <ReasonField required={item.everPublished} />
        </Form>
      </Modal>
    </>
  );
}
