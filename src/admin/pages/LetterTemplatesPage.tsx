import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import {
  type LetterTemplate,
  type LetterTemplateInput,
  listLetterTemplates,
  saveLetterTemplate,
} from '../api/letters.ts';
import { FormModal } from '../components/FormModal.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

const MONOSPACE = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";
const FIELD_NAMES = ['title', 'body'] as const;
/** As checked by the server (letters/templates.ts TITLE_MAX, BODY_MAX). */
const TITLE_MAX = 60;
const BODY_MAX = 10000;

type Field = 'title' | 'body';

/** The body on one line, for the list (line breaks become spaces). */
function preview(body: string): string {
  return body.replace(/\s*\n\s*/g, ' ').trim();
}

/** 文书模板: the texts the letters of 依申请公开 are made from; office and administrators edit them. */
export function LetterTemplatesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => listLetterTemplates(), []);
  const [editing, setEditing] = useState<LetterTemplate>();
  const [open, setOpen] = useState(false);

  function edit(t: LetterTemplate) {
    setEditing(t);
    setOpen(true);
  }

  async function save(kind: string, input: LetterTemplateInput) {
    const saved = await saveLetterTemplate(kind, input);
    message.success(`已保存“${saved.kindLabel}”模板`);
    setOpen(false);
    reload();
  }

  const columns: TableColumnsType<LetterTemplate> = [
    {
      title: '文书类型',
      dataIndex: 'kindLabel',
      width: 230,
      render: (label: string, t) => (
        <Space size={6} wrap>
          <span>{label}</span>
          {t.custom ? <Tag color="blue">已修改</Tag> : <Tag>默认</Tag>}
        </Space>
      ),
    },
    { title: '标题', dataIndex: 'title', width: 240 },
    {
      title: '正文预览',
      dataIndex: 'body',
      render: (body: string) => (
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }} type="secondary">
          {preview(body)}
        </Typography.Paragraph>
      ),
    },
    {
      title: '最近修改',
      key: 'updated',
      width: 180,
      render: (_, t) =>
        t.updatedAt ? (
          <>
            <div>{formatDateTime(t.updatedAt)}</div>
            {t.updatedByName && <Typography.Text type="secondary">{t.updatedByName}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">使用默认文本</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, t) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => edit(t)} aria-label={`编辑${t.kindLabel}`}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="文书模板" />
      <Typography.Paragraph type="secondary">
        办理补正告知、延期答复、收费、征求意见和答复时，系统按这里的模板生成文书（.docx）。模板中以
        <Typography.Text code>{'{{名称}}'}</Typography.Text>
        表示的占位符将替换为案件的实际内容；修改模板只影响此后生成的文书。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<LetterTemplate>
          rowKey="kind"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: '暂无文书模板' }}
        />
      </Card>
      <TemplateModal
        template={editing}
        open={open}
        onCancel={() => setOpen(false)}
        onSubmit={(input) => (editing ? save(editing.kind, input) : Promise.resolve())}
      />
    </>
  );
}

function TemplateModal({
  template,
  open,
  onCancel,
  onSubmit,
}: {
  template: LetterTemplate | undefined;
  open: boolean;
  onCancel: () => void;
  onSubmit: (input: LetterTemplateInput) => Promise<void>;
}) {
  return (
    <FormModal<LetterTemplateInput>
      open={open}
      title={template ? `编辑文书模板：${template.kindLabel}` : '编辑文书模板'}
      width={860}
      initialValues={template ? { title: template.title, body: template.body } : undefined}
      fieldNames={FIELD_NAMES}
      onCancel={onCancel}
      onSubmit={(v) => onSubmit({ title: v.title.trim(), body: v.body })}
    >
      {template && <TemplateFields template={template} />}
    </FormModal>
  );
}

/** The fields of the template dialog, with the placeholders of the kind (a click inserts one). */
function TemplateFields({ template }: { template: LetterTemplate }) {
  const form = Form.useFormInstance<LetterTemplateInput>();
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const lastField = useRef<Field>('body');

  /** Puts `{{name}}` where the cursor was in the title or body (at the end when unknown). */
  function insert(name: string) {
    const field = lastField.current;
    const element = field === 'title' ? titleRef.current : bodyRef.current?.resizableTextArea?.textArea;
    const text = `{{${name}}}`;
    const value: string = form.getFieldValue(field) ?? '';
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    form.setFieldValue(field, value.slice(0, start) + text + value.slice(end));
    form.validateFields([field]).catch(() => undefined);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  function restoreDefault() {
    form.setFields([
      { name: 'title', value: template.defaultTitle, errors: [] },
      { name: 'body', value: template.defaultBody, errors: [] },
    ]);
  }

  return (
    <>
      <section aria-label="可用的占位符" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          可用的占位符（点击插入到光标处）：
        </Typography.Paragraph>
        <Space size={[6, 6]} wrap>
          {template.placeholders.map((p) => (
            <Button
              key={p.name}
              size="small"
              onClick={() => insert(p.name)}
              title={`插入${p.label}`}
              aria-label={`插入占位符 {{${p.name}}}：${p.label}`}
            >
              <span style={{ fontFamily: MONOSPACE }}>{`{{${p.name}}}`}</span>
              <Typography.Text type="secondary">{p.label}</Typography.Text>
            </Button>
          ))}
        </Space>
      </section>
      <Form.Item
        label="文书标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写文书标题' },
          { max: TITLE_MAX, message: `文书标题不能超过${TITLE_MAX}个字` },
        ]}
      >
        <Input
          ref={(r) => {
            titleRef.current = r?.input ?? null;
          }}
          maxLength={TITLE_MAX}
          onFocus={() => {
            lastField.current = 'title';
          }}
        />
      </Form.Item>
      <Form.Item
        label="文书正文"
        name="body"
        extra={
          template.placeholders.some((p) => p.name === 'remedies')
            ? '每行为一段，第一行为称谓。正文中未使用 {{remedies}} 时，救济途径将自动附在正文之后。'
            : '每行为一段，第一行为称谓。'
        }
        rules={[
          { required: true, whitespace: true, message: '请填写文书正文' },
          { max: BODY_MAX, message: `文书正文不能超过${BODY_MAX}个字` },
        ]}
      >
        <Input.TextArea
          ref={bodyRef}
          autoSize={{ minRows: 12, maxRows: 24 }}
          spellCheck={false}
          style={{ fontFamily: MONOSPACE, fontSize: 13 }}
          onFocus={() => {
            lastField.current = 'body';
          }}
        />
      </Form.Item>
      <Button icon={<UndoOutlined />} onClick={restoreDefault}>
        恢复默认文本
      </Button>
    </>
  );
}
