import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import {
  createGazetteIssue,
  deleteGazetteIssue,
  type GazetteCandidate,
  type GazetteDetail,
  type GazetteIssue,
  type GazetteItemInput,
  gazetteCandidates,
  gazettePdfUrl,
  getGazetteIssue,
  listGazetteIssues,
  publishGazetteIssue,
  unpublishGazetteIssue,
  updateGazetteIssue,
} from '../../api/documents.ts';
import { DateInput, DateRangeInput } from '../../components/DateInput.tsx';
import { EmptyText } from '../../components/documents/EmptyText.tsx';
import { yearOptions } from '../../components/documents/meta.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { chinaToday, formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

interface IssueValues {
  year: number;
  number: number;
  totalNumber?: number | null;
  issueDate: Dayjs;
  title: string;
}

interface DraftItem extends GazetteItemInput {
  key: string;
  title: string;
  kind: 'document' | 'interpretation';
  orgName: string;
  date: string | null;
  section: string;
}

const DEFAULT_SECTION = '市政府文件';
const SECTIONS = ['市政府文件', '市政府办公室文件', '部门文件', '政策解读'];

function draftItems(d: GazetteDetail): DraftItem[] {
  return d.items.map((e) => ({
    key: `${e.documentId}-${e.interpretationId ?? ''}`,
    documentId: e.kind === 'document' ? e.documentId : null,
    interpretationId: e.interpretationId,
    title: e.title,
    kind: e.kind,
    orgName: e.orgName,
    date: e.date,
    section: e.section,
  }));
}

/** One issue: its table of contents, composed from published documents and interpretations. */
function IssueDrawer({
  issueId,
  onClose,
  onChanged,
}: {
  issueId: number | undefined;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const loaded = useLoad(() => (issueId ? getGazetteIssue(issueId) : Promise.resolve(undefined)), [issueId]);
  const [items, setItems] = useState<DraftItem[]>();
  const [seen, setSeen] = useState(loaded.data);
  if (seen !== loaded.data) {
    setSeen(loaded.data);
    setItems(loaded.data ? draftItems(loaded.data) : undefined);
  }
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs(chinaToday()).subtract(3, 'month'),
    dayjs(chinaToday()),
  ]);
  const candidates = useLoad(
    () =>
      issueId
        ? gazetteCandidates({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
        : Promise.resolve({ items: [] as GazetteCandidate[] }),
    [issueId, range],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const detail = loaded.data;
  const draft = detail?.issue.status !== 'published';
  const chosen = items ?? [];
  const chosenKeys = new Set(chosen.map((i) => i.key));

  async function act(label: string, fn: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      message.success(label);
      loaded.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function add(c: GazetteCandidate) {
    const key = `${c.documentId}-${c.interpretationId ?? ''}`;
    setItems([
      ...chosen,
      {
        key,
        documentId: c.interpretationId ? null : c.documentId,
        interpretationId: c.interpretationId,
        title: c.title,
        kind: c.interpretationId ? 'interpretation' : 'document',
        orgName: c.orgName,
        date: c.date,
        section: c.interpretationId ? '政策解读' : DEFAULT_SECTION,
      },
    ]);
  }

  const save = () =>
    act('已保存目录', () =>
      updateGazetteIssue(issueId ?? 0, {
        items: chosen.map((i) => ({
          documentId: i.documentId,
          interpretationId: i.interpretationId,
          section: i.section,
        })),
      }),
    );

  return (
    <Drawer
      open={issueId !== undefined}
      onClose={onClose}
      size="large"
      title={
        detail ? `${detail.issue.title}（${detail.issue.year}年第${detail.issue.number}期）` : '政府公报'
      }
      extra={
        detail && (
          <Space>
            {draft ? (
              <>
                <Button onClick={() => void save()} disabled={busy}>
                  保存目录
                </Button>
                <Popconfirm
                  title="发布后将在门户网站公开本期公报，确定发布？"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() => act('已发布本期公报', () => publishGazetteIssue(detail.issue.id))}
                >
                  <Button type="primary" disabled={busy}>
                    发布
                  </Button>
                </Popconfirm>
              </>
            ) : (
              <>
                <a href={gazettePdfUrl(detail.issue)} target="_blank" rel="noopener noreferrer">
                  下载PDF
                </a>
                <Button onClick={() => act('已撤回发布', () => unpublishGazetteIssue(detail.issue.id))}>
                  撤回发布
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      {(error || loaded.error) && (
        <Alert type="error" showIcon title={error ?? loaded.error} style={{ marginBottom: 12 }} />
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        目录
      </Typography.Title>
      <Table<DraftItem>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={chosen}
        locale={{ emptyText: <EmptyText>尚未选择文件</EmptyText> }}
        columns={[
          {
            title: '栏目',
            dataIndex: 'section',
            width: 170,
            render: (section: string, r) =>
              draft ? (
                <Select
                  aria-label={`栏目：${r.title}`}
                  size="small"
                  style={{ width: 150 }}
                  value={section}
                  options={SECTIONS.map((s) => ({ value: s, label: s }))}
                  onChange={(v: string) =>
                    setItems(chosen.map((i) => (i.key === r.key ? { ...i, section: v } : i)))
                  }
                />
              ) : (
                section
              ),
          },
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, r) => (r.kind === 'interpretation' ? `【解读】${t}` : t),
          },
          { title: '机关', dataIndex: 'orgName', width: 130 },
          ...(draft
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 70,
                  render: (_: unknown, r: DraftItem) => (
                    <Button
                      type="link"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`移出目录：${r.title}`}
                      onClick={() => setItems(chosen.filter((i) => i.key !== r.key))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {draft && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            可刊登的文件和解读
          </Typography.Title>
          <Space style={{ marginBottom: 8 }}>
            <span id="gazette-range">发布日期</span>
            <DateRangeInput
              aria-labelledby="gazette-range"
              value={range}
              onChange={(v) => {
                if (v?.[0] && v[1]) setRange([v[0], v[1]]);
              }}
            />
          </Space>
          <Table<GazetteCandidate>
            rowKey={(c) => `${c.documentId}-${c.interpretationId ?? ''}`}
            size="small"
            loading={candidates.loading}
            dataSource={candidates.data?.items ?? []}
            pagination={{ pageSize: 10 }}
            locale={{ emptyText: <EmptyText>该期间没有未刊登的已发布文件</EmptyText> }}
            columns={[
              {
                title: '标题',
                dataIndex: 'title',
                render: (t: string, c) => (c.interpretationId ? `【解读】${t}` : t),
              },
              { title: '机关', dataIndex: 'orgName', width: 130 },
              { title: '发布日期', dataIndex: 'date', width: 130, render: (d: string) => formatDate(d) },
              {
                title: '操作',
                key: 'op',
                width: 80,
                render: (_, c) => {
                  const key = `${c.documentId}-${c.interpretationId ?? ''}`;
                  return (
                    <Button
                      type="link"
                      disabled={chosenKeys.has(key)}
                      aria-label={`加入目录：${c.title}`}
                      onClick={() => add(c)}
                    >
                      {chosenKeys.has(key) ? '已加入' : '加入'}
                    </Button>
                  );
                },
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** 政府公报: the issues by year; compose an issue from published documents and interpretations. */
export function GazettePage() {
  const { message } = App.useApp();
  const [year, setYear] = useState<number>();
  const { data, loading, error, reload } = useLoad(() => listGazetteIssues(year), [year]);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number>();
  const items = data?.items ?? [];

  async function create(values: IssueValues) {
    const d = await createGazetteIssue({
      year: values.year,
      number: values.number,
      totalNumber: values.totalNumber ?? null,
      issueDate: values.issueDate.format('YYYY-MM-DD'),
      title: values.title,
      items: [],
    });
    setCreating(false);
    message.success('已新建一期公报，请选择刊登的文件');
    reload();
    setOpenId(d.issue.id);
  }

  async function remove(id: number) {
    try {
      await deleteGazetteIssue(id);
      message.success('已删除');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const thisYear = Number(chinaToday().slice(0, 4));
  const nextNumber = Math.max(0, ...items.filter((i) => i.year === thisYear).map((i) => i.number)) + 1;

  return (
    <>
      <PageTitle
        title="政府公报"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建一期
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select
            aria-label="按年份筛选"
            style={{ width: 120 }}
            allowClear
            placeholder="全部年份"
            options={yearOptions()}
            value={year}
            onChange={(y?: number) => setYear(y)}
          />
        </Space>
        <Table<GazetteIssue>
          rowKey="id"
          loading={loading}
          dataSource={items}
          locale={{ emptyText: <EmptyText>暂无公报</EmptyText> }}
          columns={[
            {
              title: '期次',
              key: 'no',
              width: 220,
              render: (_, i) =>
                `${i.year}年第${i.number}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`,
            },
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, i) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(i.id)}>
                  {t}
                </Button>
              ),
            },
            { title: '出版日期', dataIndex: 'issueDate', width: 140, render: (d: string) => formatDate(d) },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: string) =>
                s === 'published' ? (
                  <ToneTag tone="green">已发布</ToneTag>
                ) : (
                  <ToneTag tone="grey">草稿</ToneTag>
                ),
            },
            {
              title: '操作',
              key: 'op',
              width: 160,
              render: (_, i) =>
                i.status === 'published' ? (
                  <a href={gazettePdfUrl(i)} target="_blank" rel="noopener noreferrer">
                    PDF
                  </a>
                ) : (
                  <Popconfirm
                    title="删除这一期草稿？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(i.id)}
                  >
                    <Button type="link" danger aria-label={`删除：${i.title}`}>
                      删除
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <IssueDrawer issueId={openId} onClose={() => setOpenId(undefined)} onChanged={reload} />
      <FormModal<IssueValues>
        open={creating}
        title="新建一期政府公报"
        fieldNames={['year', 'number', 'totalNumber', 'issueDate', 'title']}
        initialValues={{
          year: thisYear,
          number: nextNumber,
          issueDate: dayjs(chinaToday()),
          title: `政府公报 ${thisYear}年第${nextNumber}期`,
        }}
        onCancel={() => setCreating(false)}
        onSubmit={create}
      >
        <Space wrap>
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber min={1949} max={2200} />
          </Form.Item>
          <Form.Item name="number" label="期号" rules={[{ required: true, message: '请填写期号' }]}>
            <InputNumber min={1} max={999} />
          </Form.Item>
          <Form.Item name="totalNumber" label="总期号">
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Form.Item name="issueDate" label="出版日期" rules={[{ required: true, message: '请选择出版日期' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}
