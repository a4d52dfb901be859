import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../admin/api/client.ts';
import { FormModal } from '../../../admin/components/FormModal.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { ToneTag } from '../../../admin/components/RequestTags.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { AUDIENCES, MANNERS, STANDARD_AREAS } from '../domain/areas.ts';
import { PROBLEM_LABELS } from '../domain/time-limit.ts';
import {
  createItem,
  deleteItem,
  type ItemBody,
  type ItemView,
  importItems,
  listColumns,
  listItems,
  listManagedOrgs,
  updateItem,
} from './api.ts';

const FIELDS = [
  'orgId',
  'area',
  'matter',
  'subMatter',
  'content',
  'basis',
  'timeLimit',
  'publisher',
  'channels',
  'audience',
  'manner',
  'level',
  'columnId',
  'linkPath',
  'verifiedOn',
] as const;

function ColumnSelect({ orgId }: { orgId: number | undefined }) {
  const cols = useLoad(() => (orgId ? listColumns(orgId) : Promise.resolve({ items: [] })), [orgId]);
  return (
    <Form.Item
      name="columnId"
      label="关联法定主动公开栏目"
      extra="栏目有新内容即视为更新；未设栏目的，可填写页面地址并记录核验日期。"
    >
      <Select allowClear options={(cols.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
    </Form.Item>
  );
}

/** 政务公开事项标准目录: the catalogue by area, each item's tie and freshness; add, edit, import. */
export function StandardsPage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number>();
  const [area, setArea] = useState<string>();
  const orgs = useLoad(() => listManagedOrgs(), []);
  const { data, loading, error, reload } = useLoad(() => listItems(orgId), [orgId]);
  const [editing, setEditing] = useState<ItemView | 'new' | null>(null);
  const [formOrg, setFormOrg] = useState<number>();
  const [importing, setImporting] = useState(false);
  const [importOrg, setImportOrg] = useState<number>();
  const [importArea, setImportArea] = useState('');
  const [importFile, setImportFile] = useState<File>();
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const items = (data?.items ?? []).filter((i) => !area || i.area === area);
  const stale = items.filter((i) => i.stale).length;

  const columns: TableColumnsType<ItemView> = [
    { title: '领域', dataIndex: 'area', width: 110 },
    {
      title: '公开事项',
      key: 'matter',
      render: (_, r) => (
        <>
          {r.matter}
          {r.subMatter && <div style={{ color: '#666' }}>{r.subMatter}</div>}
        </>
      ),
    },
    { title: '公开内容（要素）', dataIndex: 'content', ellipsis: true },
    {
      title: '公开时限',
      dataIndex: 'timeLimit',
      width: 150,
      render: (t: string, r) => t || r.timeLimitLabel,
    },
    { title: '公开主体', dataIndex: 'publisher', width: 130 },
    {
      title: '关联栏目或页面',
      key: 'link',
      width: 170,
      render: (_, r) => r.columnName ?? r.linkPath ?? '—',
    },
    {
      title: '更新情况',
      key: 'fresh',
      width: 190,
      render: (_, r) =>
        r.stale ? (
          <ToneTag tone="red">
            {PROBLEM_LABELS[r.problem ?? 'overdue']}
            {r.dueOn ? `（应于${formatChineseDate(r.dueOn)}前）` : ''}
          </ToneTag>
        ) : (
          <span>{r.lastUpdated ? `最近更新${formatChineseDate(r.lastUpdated)}` : '—'}</span>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, r) =>
        r.canManage && (
          <Space>
            <Button
              size="small"
              onClick={() => {
                setFormOrg(r.orgId);
                setEditing(r);
              }}
            >
              修改
            </Button>
            <Popconfirm
              title="删除该事项？"
              okText="删除"
              cancelText="取消"
              onConfirm={async () => {
                try {
                  await deleteItem(r.id);
                  message.success('已删除');
                  reload();
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  async function runImport() {
    if (!importOrg || !importFile) {
      setImportErrors(['请选择机关和要导入的 .xlsx 文件']);
      return;
    }
    setBusy(true);
    setImportErrors([]);
    try {
      const r = await importItems(importOrg, importArea, importFile);
      message.success(`已导入${r.imported}个事项`);
      setImporting(false);
      setImportFile(undefined);
      reload();
    } catch (e) {
      setImportErrors(
        e instanceof ApiError && e.fields.length
          ? [e.message, ...e.fields.map((f) => f.message)]
          : [errorMessage(e)],
      );
    } finally {
      setBusy(false);
    }
  }

  const managed = orgs.data?.items ?? [];
  const initial: Partial<ItemBody> =
    editing && editing !== 'new'
      ? { ...Object.fromEntries(FIELDS.map((f) => [f, editing[f]])) }
      : { orgId: managed[0]?.id, audience: '全社会', manner: '主动' };

  return (
    <>
      <PageTitle
        title="政务公开事项标准目录"
        extra={
          managed.length > 0 && (
            <Space wrap>
              <Button onClick={() => setImporting(true)}>导入目录</Button>
              <Button
                type="primary"
                onClick={() => {
                  setFormOrg(managed[0]?.id);
                  setEditing('new');
                }}
              >
                新增事项
              </Button>
            </Space>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="机关"
          placeholder="全部机关"
          allowClear
          style={{ minWidth: 200 }}
          value={orgId}
          onChange={setOrgId}
          options={managed.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          aria-label="领域"
          placeholder="全部领域"
          allowClear
          style={{ minWidth: 160 }}
          value={area}
          onChange={setArea}
          options={(data?.areas ?? []).map((a) => ({ value: a, label: a }))}
        />
        <span>
          共{items.length}项
          {stale > 0 && (
            <>
              ，其中<strong>{stale}</strong>项未关联或超期未更新
            </>
          )}
        </span>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <FormModal<ItemBody>
        open={editing !== null}
        title={editing === 'new' ? '新增标准目录事项' : '修改标准目录事项'}
        width={720}
        initialValues={initial}
        fieldNames={FIELDS}
        onCancel={() => setEditing(null)}
        onValuesChange={(changed) => {
          if (typeof changed.orgId === 'number') setFormOrg(changed.orgId);
        }}
        onSubmit={async (v) => {
          const body = {
            ...v,
            columnId: v.columnId ?? null,
            linkPath: v.linkPath || null,
            verifiedOn: v.verifiedOn || null,
          };
          if (editing && editing !== 'new') await updateItem(editing.id, body);
          else await createItem(body);
          message.success('已保存');
          setEditing(null);
          reload();
        }}
      >
        <Form.Item name="orgId" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
          <Select options={managed.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="area" label="领域" rules={[{ required: true, message: '请选择或填写领域' }]}>
          <Select showSearch options={STANDARD_AREAS.map((a) => ({ value: a, label: a }))} />
        </Form.Item>
        <Form.Item
          name="matter"
          label="公开事项（一级事项）"
          rules={[{ required: true, message: '请填写公开事项' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="subMatter" label="二级事项">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="content"
          label="公开内容（要素）"
          rules={[{ required: true, message: '请填写公开内容' }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="basis" label="公开依据">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="timeLimit"
          label="公开时限"
          extra="如：信息形成或者变更之日起20个工作日内；每季度；每年3月底前"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="publisher" label="公开主体">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="channels" label="公开渠道和载体">
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="audience" label="公开对象">
            <Select style={{ width: 140 }} options={AUDIENCES.map((a) => ({ value: a, label: a }))} />
          </Form.Item>
          <Form.Item name="manner" label="公开方式">
            <Select style={{ width: 140 }} options={MANNERS.map((a) => ({ value: a, label: `${a}公开` }))} />
          </Form.Item>
          <Form.Item name="level" label="公开层级">
            <Input style={{ width: 160 }} maxLength={40} placeholder="如：县级、乡级" />
          </Form.Item>
        </Space>
        <ColumnSelect orgId={formOrg} />
        <Space wrap>
          <Form.Item name="linkPath" label="或：页面地址">
            <Input style={{ width: 320 }} maxLength={500} placeholder="/gk/documents?topic=…" />
          </Form.Item>
          <Form.Item name="verifiedOn" label="页面内容核验日期">
            <Input type="date" />
          </Form.Item>
        </Space>
      </FormModal>
      <Modal
        title="导入政务公开事项标准目录"
        open={importing}
        onCancel={() => setImporting(false)}
        onOk={runImport}
        okText="导入"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <p>
          支持各领域标准目录的 Excel
          表格（.xlsx）：表头含“公开事项”（或“一级事项”“二级事项”）、“公开内容（要素）”、“公开依据”、“公开时限”、“公开主体”、“公开渠道和载体”、“公开对象”等列，两行表头和“√”勾选均可识别。有任何一行出错时不导入，并列出出错的行。
        </p>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            aria-label="导入到机关"
            placeholder="选择机关"
            style={{ width: '100%' }}
            value={importOrg}
            onChange={setImportOrg}
            options={managed.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            aria-label="领域"
            placeholder="表中没有“领域”列时，选择所属领域"
            allowClear
            showSearch
            style={{ width: '100%' }}
            value={importArea || undefined}
            onChange={(v) => setImportArea(v ?? '')}
            options={STANDARD_AREAS.map((a) => ({ value: a, label: a }))}
          />
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setImportFile(f);
              return false;
            }}
            onRemove={() => setImportFile(undefined)}
          >
            <Button>选择 .xlsx 文件</Button>
          </Upload>
          {importErrors.length > 0 && (
            <Alert
              type="error"
              showIcon
              message={importErrors[0]}
              description={
                importErrors.length > 1 && (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {importErrors.slice(1).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
