import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { placeholdersToLabels } from '../../modules/requests/domain/placeholder-names.ts';
import { errorMessage } from '../api/client.ts';
import {
  type LetterTemplate,
  type LetterTemplateInput,
  type LetterTemplateScope,
  listLetterTemplates,
  resetLetterTemplate,
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

/** Where the text in force comes from, as a tag. */
const SOURCE_TAGS: Record<LetterTemplate['source'], { color?: string; text: string }> = {
  agency: { color: 'blue', text: '本机关模板' },
  shared: { color: 'green', text: '通用模板' },
  default: { text: '默认文本' },
};

/**
 * 文书模板: the texts the letters of 依申请公开 are made from. An agency's office edits its agency's own
 * texts (they override the shared ones for its cases); the administrator and a government's office the
 * shared ones; a saved text can be returned to what applies without it.
 */
export function LetterTemplatesPage() {
  const { message } = App.useApp();
  // undefined: the first scope the user may edit (the server decides).
  const [orgId, setOrgId] = useState<number | null>();
  const { data, loading, error, reload } = useLoad(() => listLetterTemplates(orgId), [orgId]);
  const [editing, setEditing] = useState<LetterTemplate>();
  const [open, setOpen] = useState(false);
  const scope: LetterTemplateScope | undefined = data?.scope;
  const scopeId = scope?.orgId ?? null;

  function edit(t: LetterTemplate) {
    setEditing(t);
    setOpen(true);
  }

  async function save(kind: string, input: LetterTemplateInput) {
    const saved = await saveLetterTemplate(kind, input, scopeId);
    message.success(`已保存“${saved.kindLabel}”模板`);
    setOpen(false);
    reload();
  }

  async function reset(t: LetterTemplate) {
    try {
      const after = await resetLetterTemplate(t.kind, scopeId);
      message.success(`“${t.kindLabel}”已恢复为${after.source === 'shared' ? '通用模板' : '默认文本'}`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const columns: TableColumnsType<LetterTemplate> = [
    {
      title: '文书类型',
      dataIndex: 'kindLabel',
      width: 230,
      render: (label: string, t) => (
        <Space size={6} wrap>
          <span>{label}</span>
          <Tag color={SOURCE_TAGS[t.source].color}>{SOURCE_TAGS[t.source].text}</Tag>
        </Space>
      ),
    },
    { title: '标题', dataIndex: 'title', width: 240 },
    {
      title: '正文预览',
      dataIndex: 'body',
      render: (body: string, t) => (
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }} type="secondary">
          {preview(placeholdersToLabels(body, t.placeholders))}
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
      width: 190,
      render: (_, t) => (
        <Space size={0} wrap>
          <Button
            type="link"
            icon={<EditOutlined />}
            onClick={() => edit(t)}
            aria-label={`编辑${t.kindLabel}`}
          >
            编辑
          </Button>
          {t.custom && (
            <Popconfirm
              title={scopeId === null ? '恢复为默认文本？' : '恢复为通用模板？'}
              description={
                scopeId === null
                  ? '没有本机关模板的机关将使用系统默认文本。'
                  : '本机关此后生成的文书将使用通用模板（没有通用模板的，使用默认文本）。'
              }
              okText="恢复"
              cancelText="取消"
              onConfirm={() => reset(t)}
            >
              <Button type="link" icon={<UndoOutlined />} aria-label={`恢复${t.kindLabel}`}>
                {scopeId === null ? '恢复默认' : '恢复通用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="文书模板" />
      <Typography.Paragraph type="secondary">
        办理补正告知、延期答复、收费、征求意见和答复时，系统按这里的模板生成文书（.docx）。模板中以
        <Typography.Text code>{'{{名称}}'}</Typography.Text>
        表示的占位符（如“{'{{申请人姓名或名称}}'}
        ”）将替换为案件的实际内容；修改模板只影响此后生成的文书。机关有本机关模板的，
        其案件使用本机关模板；没有的，使用通用模板；都没有的，使用默认文本。
      </Typography.Paragraph>
      {data && data.scopes.length > 1 && (
        <Space style={{ marginBottom: 16 }} wrap>
          <label htmlFor="template-scope">模板范围：</label>
          <Select<number>
            id="template-scope"
            style={{ minWidth: 280 }}
            value={scopeId ?? 0}
            showSearch={{ optionFilterProp: 'label' }}
            options={data.scopes.map((x) => ({
              value: x.orgId ?? 0,
              label: x.orgId === null ? '通用模板（本级政府各机关共用）' : `${x.name}的模板`,
            }))}
            onChange={(v) => setOrgId(v === 0 ? null : v)}
          />
        </Space>
      )}
      {data && data.scopes.length <= 1 && scope && (
        <Typography.Paragraph>
          当前编辑：{scope.orgId === null ? '通用模板' : `${scope.name}的模板`}
        </Typography.Paragraph>
      )}
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
        scopeName={scope ? (scope.orgId === null ? '通用模板' : scope.name) : ''}
        open={open}
        onCancel={() => setOpen(false)}
        onSubmit={(input) => (editing ? save(editing.kind, input) : Promise.resolve())}
      />
    </>
  );
}

function TemplateModal({
  template,
  scopeName,
  open,
  onCancel,
  onSubmit,
}: {
  template: LetterTemplate | undefined;
  scopeName: string;
  open: boolean;
  onCancel: () => void;
  onSubmit: (input: LetterTemplateInput) => Promise<void>;
}) {
  return (
    <FormModal<LetterTemplateInput>
      open={open}
      title={template ? `编辑文书模板：${template.kindLabel}（${scopeName}）` : '编辑文书模板'}
      width={860}
      // Placeholders are edited by their Chinese names (the server stores their codes).
      initialValues={
        template
          ? {
              title: placeholdersToLabels(template.title, template.placeholders),
              body: placeholdersToLabels(template.body, template.placeholders),
            }
          : undefined
      }
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

  /** Puts `{{中文名称}}` where the cursor was in the title or body (at the end when unknown). */
  function insert(label: string) {
    const field = lastField.current;
    const element = field === 'title' ? titleRef.current : bodyRef.current?.resizableTextArea?.textArea;
    const text = `{{${label}}}`;
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
      {
        name: 'title',
        value: placeholdersToLabels(template.defaultTitle, template.placeholders),
        errors: [],
      },
      { name: 'body', value: placeholdersToLabels(template.defaultBody, template.placeholders), errors: [] },
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
              onClick={() => insert(p.label)}
              title={`插入${p.label}`}
              aria-label={`插入占位符：${p.label}`}
            >
              {`{{${p.label}}}`}
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
            ? '每行为一段，第一行为称谓。正文中未使用 {{救济途径}} 时，救济途径将自动附在正文之后。'
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
