import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { listOrgs } from '../../../admin/api/orgs.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatDate, PICKER_DATE_FORMAT } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import {
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_CHANNELS,
  type ConsultationChannel,
  SHEET_HEADERS,
} from '../domain/consultations.ts';
import { can } from '../domain/policies.ts';
import {
  type Consultation,
  consultationInsights,
  createConsultation,
  type Insights,
  importConsultations,
  listConsultations,
  suggestPair,
} from './api.ts';
import { PairFields } from './PairFields.tsx';

type Entry = {
  channel: ConsultationChannel;
  askedOn: Dayjs;
  question: string;
  answer?: string;
  orgId?: number;
  topic?: string;
};
type Suggest = { question: string; answer: string; documentId: number; topic?: string };
type Group = Insights['frequent'][number];

const monthLabel = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

/** 咨询记录: 12345 转办, service hall and 一号答 questions; import, frequent questions, hot topics. */
export function ConsultationsPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const user = session.status === 'signedIn' ? session.user : null;
  const write = user !== null && can({ role: user.role }, 'consultation.write');
  const [channel, setChannel] = useState<ConsultationChannel>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD') ?? '';
  const to = range?.[1]?.format('YYYY-MM-DD') ?? '';
  const query = { channel, from: from || undefined, to: to || undefined };
  const list = useLoad(() => listConsultations(query), [channel, from, to]);
  const insights = useLoad(() => consultationInsights(query), [channel, from, to]);
  const orgs = useLoad(() => (write ? listOrgs() : Promise.resolve({ items: [], total: 0 })), [write]);
  const [entering, setEntering] = useState(false);
  const [suggesting, setSuggesting] = useState<Group>();
  const [importError, setImportError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [entry] = Form.useForm<Entry>();
  const [suggest] = Form.useForm<Suggest>();
  const reload = () => {
    list.reload();
    insights.reload();
  };

  async function saveEntry() {
    const v = await entry.validateFields();
    setBusy(true);
    try {
      await createConsultation({ ...v, askedOn: v.askedOn.format('YYYY-MM-DD'), orgId: v.orgId ?? null });
      message.success('已录入');
      setEntering(false);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function upload(file: File) {
    setImportError(undefined);
    try {
      const r = await importConsultations(file);
      message.success(`已导入${r.imported}条咨询记录`);
      reload();
    } catch (err) {
      setImportError(errorMessage(err));
    }
  }

  function openSuggest(g: Group) {
    setSuggesting(g);
    const first = list.data?.items.find((c) => g.ids.includes(c.id) && c.answer !== '');
    suggest.setFieldsValue({
      question: g.question.slice(0, 200),
      answer: first?.answer ?? '',
      topic: first?.topic || undefined,
    });
  }

  async function saveSuggest() {
    if (!suggesting) return;
    const v = await suggest.validateFields();
    setBusy(true);
    try {
      await suggestPair({ ...v, consultationIds: suggesting.ids, topic: v.topic || undefined });
      message.success('已推荐到政策问答库（草稿），请在政策问答库提交审核');
      setSuggesting(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<Consultation> = [
    { title: '日期', key: 'askedOn', width: 130, render: (_, c) => formatDate(c.askedOn) },
    { title: '渠道', key: 'channel', width: 130, render: (_, c) => CONSULTATION_CHANNEL_LABELS[c.channel] },
    { title: '问题', dataIndex: 'question', key: 'question' },
    { title: '答复', dataIndex: 'answer', key: 'answer', render: (a: string) => a || '—' },
    { title: '承办单位', key: 'org', width: 150, render: (_, c) => c.orgName ?? '—' },
    {
      title: '主题',
      key: 'topic',
      width: 150,
      render: (_, c) => (
        <Space>
          {c.topic || '—'}
          {c.pairId && <Tag color="blue">已推荐</Tag>}
        </Space>
      ),
    },
  ];

  const topics = insights.data?.topics;
  const topicColumns: TableColumnsType<{ topic: string; counts: number[]; total: number }> = [
    { title: '主题', dataIndex: 'topic', key: 'topic', fixed: 'left', width: 120 },
    ...(topics?.months ?? []).map((m, i) => ({
      title: monthLabel(m),
      key: m,
      width: 90,
      render: (_: unknown, r: { counts: number[] }) => r.counts[i] ?? 0,
    })),
    { title: '合计', dataIndex: 'total', key: 'total', width: 80 },
  ];

  return (
    <>
      <PageTitle title="咨询记录" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            aria-label="渠道"
            allowClear
            placeholder="全部渠道"
            style={{ width: 160 }}
            value={channel}
            onChange={setChannel}
            options={CONSULTATION_CHANNELS.map((c) => ({ value: c, label: CONSULTATION_CHANNEL_LABELS[c] }))}
          />
          <DatePicker.RangePicker
            aria-label="日期范围"
            allowEmpty={[true, true]}
            format={PICKER_DATE_FORMAT}
            placeholder={['起始日期', '截止日期']}
            value={range}
            onChange={(v) => setRange(v)}
          />
          {write && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  entry.resetFields();
                  setEntering(true);
                }}
              >
                录入
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>从 .xlsx 导入</Button>
              </Upload>
            </>
          )}
        </Space>
        {write && (
          <Typography.Text type="secondary">
            导入文件的第一行为表头：{Object.values(SHEET_HEADERS).join('、')}
            （渠道、日期、问题必填，日期格式为 YYYY-MM-DD）。有一行出错则全部不导入。
          </Typography.Text>
        )}
        {importError && (
          <Alert
            type="error"
            showIcon
            message={importError}
            closable
            onClose={() => setImportError(undefined)}
          />
        )}
        {(list.error || insights.error) && (
          <Alert type="error" showIcon message={list.error ?? insights.error} />
        )}
        <Card title="高频问题" size="small">
          <Table
            rowKey={(g) => g.ids.join('-')}
            size="small"
            pagination={false}
            loading={insights.loading}
            dataSource={insights.data?.frequent ?? []}
            locale={{ emptyText: '暂无高频问题（相近的问题达到3条时列出）' }}
            columns={[
              { title: '问题', dataIndex: 'question', key: 'question' },
              { title: '条数', dataIndex: 'size', key: 'size', width: 80 },
              {
                title: '政策问答库',
                key: 'pair',
                width: 180,
                render: (_, g) =>
                  g.pairId ? (
                    <Tag color="blue">已推荐（第{g.pairId}号问答）</Tag>
                  ) : write ? (
                    <Button size="small" onClick={() => openSuggest(g)}>
                      推荐到问答库
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
        <Card title="热点主题（按月）" size="small">
          <Table
            rowKey="topic"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            loading={insights.loading}
            dataSource={topics?.topics ?? []}
            columns={topicColumns}
          />
        </Card>
        <Table rowKey="id" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} />
      </Space>
      <Modal
        title="录入咨询记录"
        open={entering}
        onOk={saveEntry}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setEntering(false)}
      >
        <Form form={entry} layout="vertical">
          <Form.Item name="channel" label="渠道" rules={[{ required: true, message: '请选择渠道' }]}>
            <Select
              options={CONSULTATION_CHANNELS.map((c) => ({
                value: c,
                label: CONSULTATION_CHANNEL_LABELS[c],
              }))}
            />
          </Form.Item>
          <Form.Item name="askedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format={PICKER_DATE_FORMAT} placeholder="选择日期" />
          </Form.Item>
          <Form.Item
            name="question"
            label="问题"
            rules={[{ required: true, message: '请填写问题' }, { max: 500 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="answer" label="答复" rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="orgId" label="承办单位">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={(orgs.data?.items ?? [])
                .filter((o) => !o.disabled)
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="topic" label="主题" rules={[{ max: 20 }]}>
            <Input placeholder="例如：养老" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="推荐到政策问答库"
        open={suggesting !== undefined}
        onOk={saveSuggest}
        okText="保存为草稿"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setSuggesting(undefined)}
      >
        <Form form={suggest} layout="vertical">
          <PairFields />
          <Form.Item name="topic" label="主题" rules={[{ max: 20 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
