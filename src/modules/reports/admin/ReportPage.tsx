import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { downloadReportDocx } from '../../../admin/api/reportOutputs.ts';
import {
  addReview,
  correctReport,
  getReport,
  type ReportDetail,
  saveManualFigures,
  saveNarrative,
  transitionReport,
} from '../../../admin/api/reports.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { REPORT_STATE_LABELS, TRANSITION_LABELS, TRANSITIONS, type Transition } from '../domain/states.ts';
import {
  MANUAL_FIGURE_INFO,
  MANUAL_FIGURES,
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from '../domain/tables.ts';
import { FigureLink } from './drill/FigureLink.tsx';

type Row3 = { key: string; label: string; counts: number[] };

function ChecksCard({ checks }: { checks: ReportDetail['checks'] }) {
  const failing = checks.filter((c) => !c.ok);
  return (
    <Card title="数据校验" size="small" style={{ marginBottom: 16 }}>
      {failing.length === 0 ? (
        <Alert type="success" showIcon message="全部校验通过。" />
      ) : (
        <List
          size="small"
          dataSource={failing}
          renderItem={(c) => (
            <List.Item>
              <Tag color={c.level === 'error' ? 'red' : 'orange'}>
                {c.level === 'error' ? '未通过' : '提示'}
              </Tag>
              {c.message}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function FiguresCard({ d }: { d: ReportDetail }) {
  const t3: Row3[] = TABLE3_ROWS.map((r) => ({
    key: r.key,
    label: `${r.group ?? ''}${r.label}`,
    counts: d.figures.table3[r.key] ?? [],
  }));
  return (
    <Card
      title={d.state === 'draft' || d.state === 'none' ? '报告数据（实时计算）' : '报告数据（报送时固定）'}
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Typography.Title level={5}>表二 主动公开政府信息情况（第二十条第（一）项）</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={TABLE2_DOC_ROWS.map((r) => ({
          key: r.key,
          label: r.label,
          counts: d.figures.table2[r.key],
        }))}
        columns={[
          { title: '信息内容', dataIndex: 'label' },
          ...TABLE2_DOC_COLUMNS.map((c, i) => ({
            title: c,
            key: c,
            align: 'right' as const,
            render: (_: unknown, r: { key: string; label: string; counts: number[] }) => (
              <FigureLink
                orgId={d.orgId}
                year={d.year}
                cell={{ table: 'table2', row: r.key, column: i }}
                value={r.counts[i]}
                label={`表二 ${r.label}·${c}`}
              />
            ),
          })),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        表三 收到和处理政府信息公开申请情况
      </Typography.Title>
      <Table<Row3>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={t3}
        columns={[
          { title: '项目', dataIndex: 'label' },
          ...TABLE3_COLUMNS.map((c, i) => ({
            title: c,
            key: c,
            align: 'right' as const,
            width: 90,
            render: (_: unknown, r: Row3) => (
              <FigureLink
                orgId={d.orgId}
                year={d.year}
                cell={{ table: 'table3', row: r.key, column: i }}
                value={r.counts[i]}
                label={`表三 ${r.label}·${c}`}
              />
            ),
          })),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        表四 政府信息公开行政复议、行政诉讼情况
      </Typography.Title>
      <Descriptions size="small" bordered column={5}>
        {TABLE4_GROUPS.flatMap((g, gi) =>
          TABLE4_CELL_LABELS.map((l, i) => (
            <Descriptions.Item key={`${g.kind}-${l}`} label={`${g.label}·${l}`}>
              <FigureLink
                orgId={d.orgId}
                year={d.year}
                cell={{ table: 'table4', row: g.kind, column: i }}
                value={d.figures.table4[gi * 5 + i]}
                label={`表四 ${g.parent ?? ''}${g.label}·${l}`}
              />
            </Descriptions.Item>
          )),
        )}
      </Descriptions>
    </Card>
  );
}

function ManualCard({ d, editable, onSaved }: { d: ReportDetail; editable: boolean; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(MANUAL_FIGURES.map((k) => [k, d.figures.table2[k] ?? undefined])));
  }, [d, form]);
  async function save(values: Record<string, number | null | undefined>) {
    setSaving(true);
    try {
      const body = Object.fromEntries(
        Object.entries(values).filter(([, v]) => v !== null && v !== undefined),
      ) as Record<string, number>;
      await saveManualFigures(d.orgId, d.year, body);
      message.success('已保存');
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Card title="表二 人工填报数据" size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={save} disabled={!editable}>
        {MANUAL_FIGURES.map((k) => {
          const info = MANUAL_FIGURE_INFO[k];
          const entered = d.manual.find((m) => m.key === k);
          return (
            <Form.Item
              key={k}
              name={k}
              label={`${info.label}（${info.column}）`}
              extra={
                entered
                  ? `${entered.enteredBy ?? ''} ${formatChineseDate(entered.enteredAt)}填报`
                  : '尚未填报'
              }
            >
              <InputNumber min={0} precision={info.kind === 'count' ? 0 : 4} style={{ width: 140 }} />
            </Form.Item>
          );
        })}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function NarrativeCard({
  d,
  editable,
  onSaved,
}: {
  d: ReportDetail;
  editable: boolean;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => form.setFieldsValue(d.narrative), [d, form]);
  async function save(values: ReportDetail['narrative']) {
    try {
      await saveNarrative(d.orgId, d.year, values);
      message.success('已保存');
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <Card title="报告正文" size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={save} disabled={!editable}>
        <Form.Item name="overview" label="一、总体情况">
          <Input.TextArea autoSize={{ minRows: 4 }} />
        </Form.Item>
        <PreviousText text={d.previous?.overview} />
        <Form.Item name="problems" label="五、存在的主要问题及改进情况">
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <PreviousText text={d.previous?.problems} />
        <Form.Item name="other" label="六、其他需要报告的事项">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <PreviousText text={d.previous?.other} />
        <Button type="primary" htmlType="submit">
          保存正文
        </Button>
      </Form>
    </Card>
  );
}

/** Last year's text of a section, collapsed under its field, for reference (nothing when none). */
function PreviousText({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <Collapse
      size="small"
      style={{ marginTop: -16, marginBottom: 24 }}
      items={[
        {
          key: 'previous',
          label: '上一年度报告（供参考）',
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {text}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}

type ReviewForm = {
  kind: (typeof REVIEW_KINDS)[number];
  filedOn: Dayjs;
  organ: string;
  result: (typeof REVIEW_RESULTS)[number];
  decidedOn?: Dayjs;
  caseNo?: string;
  requestCaseNo?: string;
};

function ReviewsCard({ d, editable, onSaved }: { d: ReportDetail; editable: boolean; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewForm>();
  async function save(v: ReviewForm) {
    try {
      await addReview({
        orgId: d.orgId,
        kind: v.kind,
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        organ: v.organ,
        result: v.result,
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        caseNo: v.caseNo ?? null,
        requestCaseNo: v.requestCaseNo ?? null,
      });
      message.success('已登记');
      form.resetFields();
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <Card
      title={`行政复议、行政诉讼案件登记（${d.year}年立案）`}
      extra={<Link to="/report-registers">修改、删除和上传决定书</Link>}
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.reviews}
        locale={{ emptyText: '本年度没有登记的案件' }}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (k: ReviewForm['kind']) => REVIEW_KIND_LABELS[k] },
          { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
          { title: '涉及申请', dataIndex: 'requestCaseNo', render: (v: string | null) => v ?? '—' },
          { title: '立案日期', dataIndex: 'filedOn', render: (v: string) => formatChineseDate(v) },
          { title: '复议机关或法院', dataIndex: 'organ' },
          {
            title: '结果',
            dataIndex: 'result',
            render: (r: ReviewForm['result']) => REVIEW_RESULT_LABELS[r],
          },
          {
            title: '审结日期',
            dataIndex: 'decidedOn',
            render: (v: string | null) => formatChineseDate(v) || '—',
          },
        ]}
      />
      {editable && (
        <Form form={form} layout="inline" onFinish={save} style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              style={{ width: 220 }}
              options={REVIEW_KINDS.map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="caseNo" label="案号">
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="requestCaseNo" label="涉及申请编号">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="filedOn" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="organ" label="复议机关或法院" rules={[{ required: true, message: '请填写' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="result" label="结果" initialValue="pending">
            <Select
              style={{ width: 120 }}
              options={REVIEW_RESULTS.map((r) => ({ value: r, label: REVIEW_RESULT_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item name="decidedOn" label="审结日期">
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit">登记</Button>
        </Form>
      )}
    </Card>
  );
}

/** One agency's report for a year: checks, figures, hand-entered figures, texts, register, actions. */
export function ReportPage() {
  const params = useParams();
  const orgId = Number(params.orgId);
  const year = Number(params.year);
  const { message } = App.useApp();
  const { data: d, error, reload } = useLoad(() => getReport(orgId, year), [orgId, year]);
  const [busy, setBusy] = useState<Transition>();
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');

  async function correct() {
    try {
      await correctReport(orgId, year, reason);
      message.success('已生成更正稿，请修改后重新报送');
      setCorrecting(false);
      setReason('');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function act(t: Transition) {
    setBusy(t);
    try {
      await transitionReport(orgId, year, t);
      message.success(`已${TRANSITION_LABELS[t]}`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!d) return null;
  const editable = (d.state === 'draft' || d.state === 'none') && d.actions.includes('edit');
  const allowed = TRANSITIONS.filter((t) => d.actions.includes(t));
  return (
    <>
      <PageTitle
        title={`${d.orgName}${d.year}年政府信息公开工作年度报告`}
        extra={
          <Space>
            <Tag>{REPORT_STATE_LABELS[d.state]}</Tag>
            <Button
              onClick={() => downloadReportDocx(orgId, year).catch((e) => message.error(errorMessage(e)))}
            >
              下载Word文档
            </Button>
            {allowed.map((t) => (
              <Button
                key={t}
                loading={busy === t}
                onClick={() => act(t)}
                type={t === 'submit' ? 'primary' : 'default'}
              >
                {TRANSITION_LABELS[t]}
              </Button>
            ))}
            {d.state === 'published' && d.actions.includes('correct') && (
              <Button onClick={() => setCorrecting(true)}>更正</Button>
            )}
          </Space>
        }
      />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Link to={`/annual-reports?year=${d.year}`}>返回{d.year}年度报告列表</Link>
        {d.submittedAt && (
          <Typography.Text type="secondary">报送于{formatChineseDate(d.submittedAt)}</Typography.Text>
        )}
        {d.publishedAt && (
          <Typography.Text type="secondary">公开于{formatChineseDate(d.publishedAt)}</Typography.Text>
        )}
      </Flex>
      {d.version > 1 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`第${d.version - 1}次更正${d.state === 'published' ? '' : '（办理中，公开前门户网站仍显示原报告）'}`}
          description={`更正说明：${d.correctionReason ?? ''}`}
        />
      )}
      <Modal
        title="更正已公开的年度报告"
        open={correcting}
        okText="生成更正稿"
        cancelText="取消"
        onOk={correct}
        onCancel={() => setCorrecting(false)}
      >
        <Typography.Paragraph type="secondary">
          更正稿复制原报告的文字，数据按现有记录重新计算；经报送、审核、公开后取代原报告，原报告仍可查阅并标注“已更正”。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="更正说明" required>
            <Input.TextArea
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={5000}
            />
          </Form.Item>
        </Form>
      </Modal>
      <ChecksCard checks={d.checks} />
      <ManualCard d={d} editable={editable} onSaved={reload} />
      <FiguresCard d={d} />
      <NarrativeCard d={d} editable={editable} onSaved={reload} />
      <ReviewsCard d={d} editable={d.actions.includes('edit')} onSaved={reload} />
    </>
  );
}
