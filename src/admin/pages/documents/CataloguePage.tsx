import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  article20Items,
  type ColumnInput,
  createColumn,
  type DisclosureColumn,
  deleteColumn,
  deleteEnterprise,
  type EnterpriseInput,
  getGuide,
  listColumns,
  listEnterprises,
  type PublicEnterprise,
  saveEnterprise,
  saveGuide,
  touchColumn,
  updateColumn,
} from '../../api/documents.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { useDocumentsMeta } from '../../components/documents/meta.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

function ColumnsTab() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { meta } = useDocumentsMeta();
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const [orgId, setOrgId] = useState<number>();
  const { data, loading, error, reload } = useLoad(() => listColumns(orgId), [orgId]);
  const articles = useLoad(article20Items, []);
  const [editing, setEditing] = useState<DisclosureColumn | null>();
  const staleCount = (data?.items ?? []).filter((c) => c.stale).length;

  async function submit(values: ColumnInput) {
    if (editing) {
      await updateColumn(editing.id, {
        name: values.name,
        updatePeriodDays: values.updatePeriodDays,
        genres: values.genres ?? [],
      });
    } else {
      await createColumn({ ...values, genres: values.genres ?? [] });
    }
    setEditing(undefined);
    message.success('已保存栏目');
    reload();
  }

  async function act(label: string, fn: () => Promise<unknown>) {
    try {
      await fn();
      message.success(label);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {staleCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${staleCount} 个栏目超过更新周期未更新`}
          description="请及时更新栏目内容，或登记已更新。"
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <TreeSelect
          aria-label="按机关筛选"
          style={{ width: 240 }}
          treeData={orgOptions}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="全部机关"
          value={orgId}
          onChange={(v?: number) => setOrgId(v)}
        />
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新建栏目
        </Button>
      </Space>
      <Table<DisclosureColumn>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={scrollWhenRows(data?.items.length ?? 0, 1250)}
        locale={{ emptyText: <EmptyText>暂无栏目</EmptyText> }}
        pagination={{ pageSize: 30 }}
        columns={[
          { title: '机关', dataIndex: 'orgName', width: 140 },
          {
            title: '栏目（条例第二十条）',
            dataIndex: 'name',
            render: (name: string, c) => (
              <Space direction="vertical" size={0}>
                <span>{name}</span>
                <Typography.Text type="secondary">{`第${c.item}项`}</Typography.Text>
              </Space>
            ),
          },
          { title: '更新周期', dataIndex: 'updatePeriodDays', width: 100, render: (d: number) => `${d} 天` },
          { title: '文件数', dataIndex: 'documentCount', width: 80 },
          {
            title: '最后更新',
            dataIndex: 'lastUpdated',
            width: 130,
            render: (d: string | null) => formatDate(d),
          },
          {
            title: '状态',
            key: 'stale',
            width: 150,
            render: (_, c) =>
              c.stale ? (
                <ToneTag tone="red">{c.neverUpdated ? '从未更新' : `超期 ${c.daysOverdue} 天`}</ToneTag>
              ) : (
                <ToneTag tone="green">{`按期更新${c.dueOn ? `（${formatDate(c.dueOn)}前）` : ''}`}</ToneTag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 260,
            fixed: 'right',
            render: (_, c) => (
              <Space size={0}>
                <Button
                  type="link"
                  aria-label={`登记已更新：${c.name}`}
                  onClick={() => act('已登记更新', () => touchColumn(c.id))}
                >
                  登记已更新
                </Button>
                <Button type="link" aria-label={`修改栏目：${c.name}`} onClick={() => setEditing(c)}>
                  修改
                </Button>
                <Popconfirm
                  title="删除这个栏目？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => act('已删除栏目', () => deleteColumn(c.id))}
                >
                  <Button type="link" danger aria-label={`删除栏目：${c.name}`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<ColumnInput>
        open={editing !== undefined}
        title={editing ? '修改栏目' : '新建栏目'}
        fieldNames={['orgId', 'item', 'name', 'updatePeriodDays', 'genres']}
        initialValues={
          editing
            ? {
                orgId: editing.orgId,
                item: editing.item,
                name: editing.name,
                updatePeriodDays: editing.updatePeriodDays,
                genres: editing.genres,
              }
            : { orgId: orgId ?? user.orgId, updatePeriodDays: 90 }
        }
        onCancel={() => setEditing(undefined)}
        onSubmit={submit}
      >
        <Form.Item name="orgId" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
          <TreeSelect treeData={orgOptions} disabled={Boolean(editing)} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item
          name="item"
          label="法定事项"
          rules={[{ required: true, message: '请选择条例第二十条的事项' }]}
        >
          <Select
            disabled={Boolean(editing)}
            options={(articles.data?.items ?? []).map((a) => ({
              value: a.item,
              label: `第${a.item}项 ${a.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label="栏目名称" extra="不填则用事项名称">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="updatePeriodDays"
          label="更新周期（天）"
          rules={[{ required: true, message: '请填写更新周期' }]}
        >
          <InputNumber min={1} max={3660} />
        </Form.Item>
        <Form.Item name="genres" label="关联体裁" extra="该体裁的文件发布时视为栏目已更新">
          <Select
            mode="multiple"
            allowClear
            options={(meta?.genres ?? []).map((g) => ({ value: g.code, label: g.name }))}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}

function EnterprisesTab() {
  const { message } = App.useApp();
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const { data, loading, error, reload } = useLoad(listEnterprises, []);
  const [editing, setEditing] = useState<PublicEnterprise | null>();

  async function submit(values: EnterpriseInput) {
    await saveEnterprise(editing?.id ?? null, { ...values, orgId: values.orgId ?? null });
    setEditing(undefined);
    message.success('已保存');
    reload();
  }

  async function remove(id: number) {
    try {
      await deleteEnterprise(id);
      message.success('已删除');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing(null)}>
        新增单位
      </Button>
      <Table<PublicEnterprise>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <EmptyText>暂无公共企事业单位</EmptyText> }}
        pagination={{ pageSize: 30 }}
        columns={[
          { title: '领域', dataIndex: 'sector', width: 120 },
          {
            title: '单位',
            dataIndex: 'name',
            render: (name: string, e) => (
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                {name}
              </a>
            ),
          },
          { title: '主管部门', dataIndex: 'orgName', width: 150, render: (n: string | null) => n ?? '—' },
          {
            title: '操作',
            key: 'op',
            width: 140,
            render: (_, e) => (
              <Space size={0}>
                <Button type="link" aria-label={`修改：${e.name}`} onClick={() => setEditing(e)}>
                  修改
                </Button>
                <Popconfirm
                  title="删除这个单位？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove(e.id)}
                >
                  <Button type="link" danger aria-label={`删除：${e.name}`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<EnterpriseInput>
        open={editing !== undefined}
        title={editing ? '修改公共企事业单位' : '新增公共企事业单位'}
        fieldNames={['sector', 'name', 'url', 'orgId', 'description']}
        initialValues={
          editing
            ? {
                sector: editing.sector,
                name: editing.name,
                url: editing.url,
                orgId: editing.orgId,
                description: editing.description,
              }
            : {}
        }
        onCancel={() => setEditing(undefined)}
        onSubmit={submit}
      >
        <Form.Item
          name="sector"
          label="领域"
          rules={[{ required: true, whitespace: true, message: '请填写领域，如 供水、供电、教育' }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="name"
          label="单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="url"
          label="信息公开网址"
          rules={[
            { required: true, message: '请填写网址' },
            { pattern: /^https?:\/\/\S+$/, message: '链接应以 http:// 或 https:// 开头' },
          ]}
        >
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="orgId" label="主管部门">
          <TreeSelect treeData={orgOptions} allowClear treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function GuideTab() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const [orgId, setOrgId] = useState(user.orgId);
  const guide = useLoad(() => getGuide(orgId), [orgId]);
  const [text, setText] = useState<string>();
  const [seen, setSeen] = useState(guide.data);
  if (seen !== guide.data) {
    setSeen(guide.data);
    setText(guide.data?.body ?? '');
  }
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      await saveGuide(orgId, text ?? '');
      message.success(text?.trim() ? '已保存公开指南' : '已恢复默认公开指南');
      guide.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      {(error || guide.error) && (
        <Alert type="error" showIcon title={error ?? guide.error} style={{ marginBottom: 12 }} />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <TreeSelect
          aria-label="选择机关"
          style={{ width: 260 }}
          treeData={orgOptions}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          value={orgId}
          onChange={(v: number) => setOrgId(v)}
        />
        <Typography.Text type="secondary">
          {guide.data?.custom
            ? `已自定义，最后修改 ${formatDateTime(guide.data.updatedAt)}`
            : '使用系统默认指南（按机关信息生成）'}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        纯文本；以“一、”“二、”等开头的行作为标题。清空后保存即恢复默认指南。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="公开指南正文"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 40 }}
        maxLength={50000}
      />
      <Button type="primary" style={{ marginTop: 12 }} disabled={saving} onClick={() => void save()}>
        保存公开指南
      </Button>
    </>
  );
}

/** 公开目录与栏目: Art. 20 statutory columns (staleness), 公共企事业单位, 公开指南. */
export function CataloguePage() {
  return (
    <>
      <PageTitle title="公开目录与栏目" />
      <Card>
        <Tabs
          items={[
            { key: 'columns', label: '法定主动公开栏目', children: <ColumnsTab /> },
            { key: 'enterprises', label: '公共企事业单位', children: <EnterprisesTab /> },
            { key: 'guide', label: '公开指南', children: <GuideTab /> },
          ]}
        />
      </Card>
    </>
  );
}
