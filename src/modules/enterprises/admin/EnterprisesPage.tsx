import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../admin/api/client.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { chineseDate } from '../domain/conditions.ts';
import { can } from '../domain/policies.ts';
import {
  INDUSTRIES,
  industryLabel,
  QUALIFICATION_LABELS,
  QUALIFICATIONS,
  SIZE_LABELS,
  SIZES,
  splitList,
} from '../domain/profile.ts';
import {
  createEnterprise,
  type Enterprise,
  type EnterpriseBody,
  fetchEnterprise,
  importEnterprises,
  listEnterprises,
  listRegions,
  updateEnterprise,
} from './api.ts';

type FormValues = Omit<EnterpriseBody, 'tags'> & { tags?: string };

/** 一企一档: profiles (the office enters, edits, imports; a department sees those its policies match). */
export function EnterprisesPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const user = session.status === 'signedIn' ? session.user : null;
  const writer = user !== null && can({ role: user.role }, 'enterprise.write');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useLoad(
    () => listEnterprises({ q: q || undefined, page }),
    [q, page],
  );
  const regions = useLoad(() => listRegions(), []);
  const [editing, setEditing] = useState<Enterprise | 'new'>();
  const [viewing, setViewing] = useState<number>();
  const detail = useLoad(() => (viewing ? fetchEnterprise(viewing) : Promise.resolve(null)), [viewing]);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [form] = Form.useForm<FormValues>();

  function open(e: Enterprise | 'new') {
    setEditing(e);
    form.resetFields();
    if (e !== 'new') form.setFieldsValue({ ...e, tags: e.tags.join('、') });
  }

  async function save() {
    const v = await form.validateFields();
    const body: EnterpriseBody = {
      ...v,
      capital: v.capital ?? null,
      phone: v.phone || null,
      email: v.email || null,
      tags: splitList(v.tags),
    };
    try {
      if (editing === 'new') await createEnterprise(body);
      else if (editing) await updateEnterprise(editing.id, body);
      message.success('企业档案已保存');
      setEditing(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function upload(file: File) {
    setImportErrors([]);
    try {
      const r = await importEnterprises(file);
      message.success(`已导入${r.imported}户企业`);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
      if (err instanceof ApiError) setImportErrors((err.fields ?? []).map((f) => `${f.path}：${f.message}`));
    }
    return false;
  }

  const columns: TableColumnsType<Enterprise> = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      render: (n, e) => (
        <Button type="link" onClick={() => setViewing(e.id)}>
          {n}
        </Button>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'code', width: 190 },
    { title: '所属行业', key: 'industry', render: (_, e) => industryLabel(e.industry) },
    { title: '规模', key: 'size', width: 80, render: (_, e) => SIZE_LABELS[e.size] },
    { title: '所在地区', dataIndex: 'regionName', key: 'region' },
    {
      title: '资质',
      key: 'q',
      render: (_, e) => e.qualifications.map((x) => <Tag key={x}>{QUALIFICATION_LABELS[x]}</Tag>),
    },
    ...(writer
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, e: Enterprise) => (
              <Button size="small" onClick={() => open(e)}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageTitle title="企业档案" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search
            aria-label="企业名称或统一社会信用代码"
            placeholder="企业名称或统一社会信用代码"
            allowClear
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 320 }}
          />
          {writer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新建档案
            </Button>
          )}
          {writer && (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}>
              <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
            </Upload>
          )}
        </Space>
        {writer && (
          <Alert
            type="info"
            showIcon
            message="导入表格的列：统一社会信用代码、企业名称、所属行业（门类A–T或名称）、企业规模、所在地区、注册资本（万元）、成立日期、企业资质、标签、联系电话、电子邮箱。有错误的行会逐行列出，全部改正前不保存任何数据。"
          />
        )}
        {importErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            message="导入未保存，请修改以下各行后重新导入"
            description={
              <ul>
                {importErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            }
          />
        )}
        {!writer && <Alert type="info" showIcon message="这里只列出本部门政策申报条件匹配的企业。" />}
        {error && <Alert type="error" showIcon message={error} />}
        <Table
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 50,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      </Space>
      <Modal
        title={editing === 'new' ? '新建企业档案' : '修改企业档案'}
        open={editing !== undefined}
        onOk={save}
        okText="保存"
        cancelText="取消"
        onCancel={() => setEditing(undefined)}
        width={640}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            rules={[{ required: true, message: '请填写统一社会信用代码' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="name"
            label="企业名称"
            rules={[{ required: true, message: '请填写企业名称' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="industry"
            label="所属行业（国民经济行业门类）"
            rules={[{ required: true, message: '请选择所属行业' }]}
          >
            <Select
              options={INDUSTRIES.map((c) => ({ value: c, label: industryLabel(c) }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="size" label="企业规模" rules={[{ required: true, message: '请选择企业规模' }]}>
            <Select options={SIZES.map((s) => ({ value: s, label: `${SIZE_LABELS[s]}企业` }))} />
          </Form.Item>
          <Form.Item name="regionId" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]}>
            <Select
              options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item
            name="foundedOn"
            label="成立日期"
            rules={[{ required: true, message: '请填写成立日期' }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="capital" label="注册资本（万元）">
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="qualifications" label="企业资质">
            <Select
              mode="multiple"
              options={QUALIFICATIONS.map((x) => ({ value: x, label: QUALIFICATION_LABELS[x] }))}
            />
          </Form.Item>
          <Form.Item name="tags" label="标签" extra="多个标签用顿号或逗号分隔。">
            <Input />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="email" label="电子邮箱">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        title={detail.data?.enterprise.name ?? '企业档案'}
        open={viewing !== undefined}
        onClose={() => setViewing(undefined)}
        width={720}
      >
        {detail.error && <Alert type="error" showIcon message={detail.error} />}
        {detail.data && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'c', label: '统一社会信用代码', children: detail.data.enterprise.creditCode },
                { key: 'i', label: '所属行业', children: industryLabel(detail.data.enterprise.industry) },
                { key: 's', label: '企业规模', children: `${SIZE_LABELS[detail.data.enterprise.size]}企业` },
                { key: 'r', label: '所在地区', children: detail.data.enterprise.regionName },
                { key: 'f', label: '成立日期', children: chineseDate(detail.data.enterprise.foundedOn) },
                {
                  key: 'k',
                  label: '注册资本',
                  children:
                    detail.data.enterprise.capital === null
                      ? '未登记'
                      : `${detail.data.enterprise.capital}万元`,
                },
              ]}
            />
            <Table
              rowKey="documentId"
              size="small"
              pagination={false}
              dataSource={detail.data.matches}
              columns={[
                { title: '政策', dataIndex: 'title', key: 't' },
                {
                  title: '结果',
                  key: 'm',
                  width: 90,
                  render: (_, m) => (m.matched ? <Tag color="green">符合</Tag> : <Tag>不符合</Tag>),
                },
                {
                  title: '条件',
                  key: 'r',
                  render: (_, m) => (
                    <ul>
                      {m.results.map((r) => (
                        <li key={r.key}>
                          {r.passed ? '✔' : '✘'} {r.label}：{r.text}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={detail.data.pushes}
              columns={[
                { title: '推送的政策', dataIndex: 'title', key: 't' },
                { title: '推送时间', key: 'p', render: (_, p) => chineseDate(p.pushedAt.slice(0, 10)) },
                {
                  title: '情况',
                  key: 's',
                  render: (_, p) =>
                    p.withoutApplication
                      ? '免申即享'
                      : p.grantedAt
                        ? '已兑现'
                        : p.appliedAt
                          ? '已申报'
                          : p.openedAt
                            ? '已查看'
                            : '已推送',
                },
              ]}
            />
          </Space>
        )}
      </Drawer>
    </>
  );
}
