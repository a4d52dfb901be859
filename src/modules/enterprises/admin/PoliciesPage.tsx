import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { CONDITION_LABELS, chineseDate } from '../domain/conditions.ts';
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
  type Conditions,
  listPolicies,
  listRegions,
  type Outcome,
  type Policy,
  type Push,
  pushHistory,
  pushPolicy,
  recordOutcome,
  saveConditions,
} from './api.ts';

type FormValues = Omit<Conditions, 'tags'> & { documentId: number; automatic?: boolean; tags?: string };

/** A condition set in one line per clause, for the list. */
function describe(c: Conditions, regions: Map<number, string>): string[] {
  const out: string[] = [];
  if (c.industries?.length)
    out.push(`${CONDITION_LABELS.industries}：${c.industries.map(industryLabel).join('、')}`);
  if (c.sizes?.length)
    out.push(`${CONDITION_LABELS.sizes}：${c.sizes.map((s) => SIZE_LABELS[s]).join('、')}`);
  if (c.regionIds?.length)
    out.push(`${CONDITION_LABELS.regionIds}：${c.regionIds.map((r) => regions.get(r) ?? '').join('、')}`);
  if (c.foundedBefore) out.push(`${chineseDate(c.foundedBefore)}以前成立`);
  if (c.foundedFrom) out.push(`${chineseDate(c.foundedFrom)}以后成立`);
  if (c.capitalMin !== undefined) out.push(`注册资本不低于${c.capitalMin}万元`);
  if (c.capitalMax !== undefined) out.push(`注册资本不高于${c.capitalMax}万元`);
  if (c.qualifications?.length)
    out.push(
      `${CONDITION_LABELS.qualifications}：${c.qualifications.map((q) => QUALIFICATION_LABELS[q]).join('或')}`,
    );
  if (c.tags?.length) out.push(`${CONDITION_LABELS.tags}：${c.tags.join('或')}`);
  return out;
}

const STEP = (p: Push) =>
  p.withoutApplication
    ? '免申即享'
    : p.grantedAt
      ? '已兑现'
      : p.appliedAt
        ? '已申报'
        : p.openedAt
          ? '已查看'
          : '已推送';

/** 政策条件与推送: the issuing department sets a policy's conditions, pushes it, records the outcomes. */
export function PoliciesPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => listPolicies(), []);
  const regionList = useLoad(() => listRegions(), []);
  const regions = new Map((regionList.data?.items ?? []).map((r) => [r.id, r.name]));
  const [editing, setEditing] = useState<Policy | 'new'>();
  const [history, setHistory] = useState<Policy>();
  const pushes = useLoad(
    () => (history ? pushHistory(history.documentId) : Promise.resolve(null)),
    [history],
  );
  const [form] = Form.useForm<FormValues>();

  function open(p: Policy | 'new') {
    setEditing(p);
    form.resetFields();
    if (p !== 'new')
      form.setFieldsValue({
        ...p.conditions,
        documentId: p.documentId,
        automatic: p.automatic,
        tags: p.conditions.tags?.join('、'),
      });
  }

  async function save() {
    const { documentId, automatic, tags, ...v } = await form.validateFields();
    const conditions: Conditions = Object.fromEntries(
      Object.entries({ ...v, tags: splitList(tags) }).filter(
        ([, x]) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0),
      ),
    );
    try {
      await saveConditions(documentId, conditions, automatic ?? false);
      message.success('申报条件已保存');
      setEditing(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function push(p: Policy) {
    try {
      const r = await pushPolicy(p.documentId);
      message.success(
        `已推送${r.reached}户企业（其中${r.emailed}户同时发送电子邮件）；此前已推送过的${r.alreadyReached}户不再重复推送`,
      );
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function outcome(p: Push, o: Outcome) {
    try {
      await recordOutcome(p.id, o);
      message.success('已登记');
      pushes.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: TableColumnsType<Policy> = [
    {
      title: '政策文件',
      key: 'title',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <span>{p.title}</span>
          {p.docNumber && <span>{p.docNumber}</span>}
        </Space>
      ),
    },
    { title: '制发部门', dataIndex: 'orgName', key: 'org', width: 160 },
    {
      title: '申报条件',
      key: 'c',
      render: (_, p) => (
        <ul>
          {describe(p.conditions, regions).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ),
    },
    { title: '符合条件', dataIndex: 'matching', key: 'm', width: 90, render: (n: number) => `${n}户` },
    {
      title: '已推送',
      dataIndex: 'pushed',
      key: 'p',
      width: 90,
      render: (n: number, p) => (
        <Space>
          {`${n}户`}
          {p.automatic && <Tag color="green">免申即享</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'a',
      width: 240,
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => open(p)}>
            修改条件
          </Button>
          <Popconfirm
            title={`向符合条件的企业推送（已推送过的不再重复）？`}
            okText="推送"
            cancelText="取消"
            onConfirm={() => push(p)}
          >
            <Button size="small" type="primary" icon={<SendOutlined />}>
              推送
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => setHistory(p)}>
            推送记录
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="政策条件与推送" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          为政策设置申报条件
        </Button>
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="documentId" loading={loading} columns={columns} dataSource={data?.items ?? []} />
      </Space>
      <Modal
        title="政策申报条件"
        open={editing !== undefined}
        onOk={save}
        okText="保存"
        cancelText="取消"
        onCancel={() => setEditing(undefined)}
        width={640}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="每一项条件都须满足；同一项中列出多个选项的，满足其一即可。不设置的项不作限制。"
        />
        <Form form={form} layout="vertical">
          <Form.Item
            name="documentId"
            label="政策文件编号"
            extra="政府文件库中已公开的该政策文件的编号（文件页面地址中的数字）；由制发部门设置。"
            rules={[{ required: true, message: '请填写政策文件编号' }]}
          >
            <InputNumber min={1} style={{ width: 200 }} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="industries" label="所属行业">
            <Select
              mode="multiple"
              options={INDUSTRIES.map((c) => ({ value: c, label: industryLabel(c) }))}
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="sizes" label="企业规模">
            <Select
              mode="multiple"
              options={SIZES.map((s) => ({ value: s, label: `${SIZE_LABELS[s]}企业` }))}
            />
          </Form.Item>
          <Form.Item name="regionIds" label="所在地区">
            <Select
              mode="multiple"
              options={(regionList.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="foundedBefore" label="在此日期以前成立">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="foundedFrom" label="在此日期以后（含）成立">
            <Input type="date" />
          </Form.Item>
          <Space>
            <Form.Item name="capitalMin" label="注册资本不低于（万元）">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="capitalMax" label="注册资本不高于（万元）">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="qualifications" label="企业资质（具有其一即可）">
            <Select
              mode="multiple"
              options={QUALIFICATIONS.map((q) => ({ value: q, label: QUALIFICATION_LABELS[q] }))}
            />
          </Form.Item>
          <Form.Item name="tags" label="企业标签（带有其一即可）" extra="多个标签用顿号或逗号分隔。">
            <Input />
          </Form.Item>
          <Form.Item name="automatic" valuePropName="checked">
            <Checkbox>免申即享（符合条件的企业无需申报即可享受）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      <Drawer
        title={`推送记录：${history?.title ?? ''}`}
        open={history !== undefined}
        onClose={() => setHistory(undefined)}
        width={820}
      >
        {pushes.error && <Alert type="error" showIcon message={pushes.error} />}
        <Table
          rowKey="id"
          size="small"
          loading={pushes.loading}
          dataSource={pushes.data?.items ?? []}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName', key: 'e' },
            {
              title: '推送日期',
              key: 'd',
              width: 130,
              render: (_, p) => chineseDate(p.pushedAt.slice(0, 10)),
            },
            { title: '电子邮件', key: 'm', width: 90, render: (_, p) => (p.emailed ? '已发送' : '—') },
            { title: '进度', key: 's', width: 100, render: (_, p) => STEP(p) },
            {
              title: '登记',
              key: 'a',
              width: 260,
              render: (_, p) => (
                <Space>
                  {!p.appliedAt && !p.grantedAt && (
                    <Button size="small" onClick={() => outcome(p, 'applied')}>
                      已申报
                    </Button>
                  )}
                  {p.appliedAt && !p.grantedAt && (
                    <Button size="small" onClick={() => outcome(p, 'granted')}>
                      已兑现
                    </Button>
                  )}
                  {!p.appliedAt && !p.grantedAt && (
                    <Button size="small" onClick={() => outcome(p, 'granted_auto')}>
                      免申即享兑现
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Drawer>
    </>
  );
}
