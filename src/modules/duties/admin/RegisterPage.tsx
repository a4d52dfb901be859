import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import {
  type EditableRegister,
  FIELDS,
  type FieldDef,
  IMPORT_REGISTERS,
  type ImportRegister,
  REGISTER_LABELS,
} from '../domain/registers.ts';
import { type DutyRecord, importRecords, type RecordBody, saveRecord } from './api.ts';
import { useRegisterList } from './useRegisterList.tsx';

type Values = Record<string, string | number | undefined>;

const FORMATS: Partial<Record<FieldDef['kind'], string>> = {
  date: 'YYYY-MM-DD',
  datetime: 'YYYY-MM-DD HH:mm',
};

/** A record's value of a field, for the form and the list (table columns or its `data`). */
function fieldValue(r: DutyRecord, key: string): unknown {
  if (key === 'orgId') return r.orgId;
  if (key === 'title') return r.title;
  if (key === 'occurredOn') return r.occurredOn;
  if (key === 'dueOn') return r.dueOn;
  return r.data[key];
}

function shown(f: FieldDef, v: unknown, r: DutyRecord): string {
  if (v === null || v === undefined || v === '') return '—';
  if (f.kind === 'org') return r.orgName;
  if (f.kind === 'select') return f.options?.[String(v)] ?? String(v);
  if (f.kind === 'date') return formatChineseDate(String(v));
  return String(v);
}

/**
 * One page for each register the staff enter (舆情回应、建议提案办理、政务新媒体): the list of the year,
 * the form built from the register's fields, the .xlsx import where it has one.
 */
export function RegisterPage({ register }: { register: EditableRegister }) {
  const { message, modal } = App.useApp();
  const { data, loading, error, reload, filters } = useRegisterList(register);
  const [editing, setEditing] = useState<DutyRecord | 'new'>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const fields = FIELDS[register];
  const title = REGISTER_LABELS[register];
  const importable = (IMPORT_REGISTERS as readonly string[]).includes(register);

  function open(r: DutyRecord | 'new') {
    setEditing(r);
    form.resetFields();
    if (r !== 'new')
      form.setFieldsValue(
        Object.fromEntries(
          fields.map((f) => [f.key, (fieldValue(r, f.key) as string | number | null) ?? undefined]),
        ),
      );
  }

  async function save() {
    const v = await form.validateFields();
    const body = Object.fromEntries(
      fields.map((f) => [
        f.key,
        typeof v[f.key] === 'string' ? (v[f.key] as string).trim() || null : (v[f.key] ?? null),
      ]),
    ) as RecordBody;
    setSaving(true);
    try {
      await saveRecord(register, editing === 'new' || !editing ? null : editing.id, body);
      message.success('已保存');
      setEditing(undefined);
      reload();
    } catch (err) {
      const rest = applyFieldErrors(
        form,
        err,
        fields.map((f) => f.key),
      );
      message.error(rest[0] ?? errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  async function upload(file: File) {
    try {
      const r = await importRecords(register as ImportRegister, file);
      message.success(`已导入${r.imported}条`);
      reload();
    } catch (err) {
      const fieldsOf = (err as { fields?: { path: string; message: string }[] }).fields ?? [];
      modal.error({
        title: '导入失败，未导入任何记录',
        width: 640,
        content: (
          <Space direction="vertical">
            <span>{errorMessage(err)}</span>
            {fieldsOf.length > 0 && (
              <ul>
                {fieldsOf.map((f) => (
                  <li key={`${f.path}${f.message}`}>
                    {f.path}：{f.message}
                  </li>
                ))}
              </ul>
            )}
          </Space>
        ),
      });
    }
    return false;
  }

  const columns: TableColumnsType<DutyRecord> = [
    ...fields
      .filter((f) => f.listed)
      .map((f) => ({
        title: f.label,
        key: f.key,
        render: (_: unknown, r: DutyRecord) => shown(f, fieldValue(r, f.key), r),
      })),
    ...(register === 'opinions'
      ? [
          {
            title: '回应用时',
            key: 'hours',
            render: (_: unknown, r: DutyRecord) =>
              r.responseHours === null ? '—' : `${r.responseHours}小时`,
          },
        ]
      : []),
    {
      title: '状态',
      key: 'state',
      render: (_, r) => (
        <Space>
          {r.stateLabel}
          {r.overdue && <Tag color="red">已超期</Tag>}
          {r.flagged && r.state === 'active' && <Tag color="orange">超期未更新</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) =>
        r.canEdit ? (
          <Button size="small" onClick={() => open(r)}>
            修改
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle title={title} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {filters}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新增
          </Button>
          {importable && (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
              <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
            </Upload>
          )}
        </Space>
        {importable && (
          <Alert
            type="info"
            showIcon
            message={`导入文件第一行为列名：${fields.map((f) => f.label).join('、')}（带选项的列填写中文选项，如“${Object.values(fields.find((f) => f.options)?.options ?? {})[0] ?? ''}”）。有错误的行将全部列出，且不导入任何记录。`}
          />
        )}
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="id" loading={loading} columns={columns} dataSource={data?.items ?? []} />
      </Space>
      <Modal
        title={editing === 'new' ? `新增${title}记录` : `修改${title}记录`}
        open={editing !== undefined}
        onOk={save}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setEditing(undefined)}
        maskClosable={false}
        width={640}
      >
        <Form form={form} layout="vertical">
          {fields.map((f) => (
            <Form.Item
              key={f.key}
              name={f.key}
              label={f.label}
              extra={FORMATS[f.kind] ? `格式：${FORMATS[f.kind]}` : undefined}
              rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
            >
              {f.kind === 'org' ? (
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              ) : f.kind === 'select' ? (
                <Select
                  allowClear
                  options={Object.entries(f.options ?? {}).map(([value, label]) => ({ value, label }))}
                />
              ) : f.kind === 'textarea' ? (
                <Input.TextArea rows={3} />
              ) : (
                <Input placeholder={FORMATS[f.kind]} />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
