import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, type RefObject, useRef, useState } from 'react';
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
  /** Rendered inside the form: children may use `Form.useFormInstance()`. */
  children: ReactNode;
}

/** A dialog holding a vertical form; shows the server's message and maps its field errors. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  const formRef = useRef<FormInstance<T>>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  // Every opening gets a form of its own, filled from that opening's initial values. (One form store kept
  // across openings showed the values of an earlier opening: antd fills a store from `initialValues` only
  // when the form mounts, and a reset before the dialog's content rendered used the previous values.)
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (wasOpen !== props.open) {
    setWasOpen(props.open);
    if (props.open) {
      setOpening((n) => n + 1);
      setError(undefined);
    }
  }

  async function handleFinish(form: FormInstance<T>, values: T) {
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
      onOk={() => formRef.current?.submit()}
      onCancel={props.onCancel}
      afterClose={() => setError(undefined)}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <OpeningForm<T>
        key={opening}
        formRef={formRef}
        initialValues={props.initialValues}
        onFinish={handleFinish}
        onValuesChange={props.onValuesChange}
      >
        {props.children}
      </OpeningForm>
    </Modal>
  );
}

/** The form of one opening of the dialog: a fresh store, so its fields start from `initialValues`. */
function OpeningForm<T extends object>(props: {
  formRef: RefObject<FormInstance<T> | null>;
  initialValues?: Partial<T>;
  onFinish: (form: FormInstance<T>, values: T) => void;
  onValuesChange?: (changed: Partial<T>, all: T) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  props.formRef.current = form;
  return (
    <Form<T>
      form={form}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={(values) => props.onFinish(form, values)}
      onValuesChange={props.onValuesChange}
      preserve={false}
      style={{ marginTop: 16 }}
    >
      {props.children}
      {/* Lets Enter in a text field submit the form. */}
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Form>
  );
}
