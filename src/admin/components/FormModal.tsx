import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';

interface FormModalProps<T> {
  open: boolean;
  title: string;
  okText?: string;
  width?: number;
  initialValues?: Partial<T>;
  /** Form field names, used to attach the server's field errors. */
  fieldNames: readonly string[];
  onCancel: () => void;
  /** Throw (ApiError) to keep the dialog open and show the error. */
  onSubmit: (values: T) => Promise<void>;
  onValuesChange?: (changed: Partial<T>, all: T) => void;
  children: ReactNode;
}

/** A dialog holding a vertical form; shows the server's message and maps its field errors. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  // Opening again while the previous dialog is still fading out reuses the mounted form:
  // reset it to this opening's initial values (antd keeps the latest initialValues for resetFields).
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setError(undefined);
  }, [props.open, form]);

  async function handleFinish(values: T) {
    setSubmitting(true);
    setError(undefined);
    try {
      await props.onSubmit(values);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, props.fieldNames);
      const base = errorMessage(e);
      setError(unmatched.length ? `${base.replace(/[。.]$/, '')}：${unmatched.join('；')}` : base);
      if (!(e instanceof ApiError)) console.error(e);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      width={props.width}
      confirmLoading={submitting}
      destroyOnHidden
      mask={{ closable: false }}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      afterClose={() => setError(undefined)}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={handleFinish}
        onValuesChange={props.onValuesChange}
        preserve={false}
        style={{ marginTop: 16 }}
      >
        {props.children}
        {/* Lets Enter in a text field submit the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
