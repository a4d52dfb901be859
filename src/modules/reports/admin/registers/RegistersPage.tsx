import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../../admin/api/client.ts';
import {
  type Complaint,
  createComplaint,
  createRegisterReview,
  deleteComplaint,
  deleteRegisterReview,
  downloadDecision,
  getComplaintSettings,
  listComplaints,
  listRegisterReviews,
  type RegisterReview,
  saveComplaintSettings,
  stepComplaint,
  updateComplaint,
  updateRegisterReview,
  uploadDecision,
} from '../../../../admin/api/registers.ts';
import { useCurrentUser } from '../../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../../admin/components/PageTitle.tsx';
import { chinaThisYear, formatDate, PICKER_DATE_FORMAT } from '../../../../admin/lib/format.ts';
import { useLoad } from '../../../../admin/lib/useLoad.ts';
import { useOrgs } from '../../../../admin/lib/useOrgs.ts';
import {
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  type ReviewResult,
} from '../../domain/tables.ts';
import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STATES,
  type ComplaintState,
} from '../../registers/domain/complaints.ts';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const day = (v: string | null) => (v ? dayjs(v) : undefined);

/** The agencies a register entry may be about: organisations that are not another's disclosure office. */
function useAgencies() {
  const { orgs } = useOrgs();
  return orgs
    .filter((o) => o.servesOrgId === null && !o.disabled)
    .map((o) => ({ value: o.id, label: o.name }));
}

function useYears() {
  return Array.from({ length: 6 }, (_, i) => chinaThisYear() - i).map((y) => ({ value: y, label: `${y}年` }));
}

/** 复议诉讼与投诉举报: the two registers behind the annual report (table 四; section 六). */
export function RegistersPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'complaints' ? 'complaints' : 'reviews';
  return (
    <>
      <PageTitle title="复议诉讼与投诉举报登记" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'reviews', label: '行政复议、行政诉讼', children: <ReviewsTab /> },
          { key: 'complaints', label: '投诉、举报', children: <ComplaintsTab /> },
        ]}
      />
    </>
  );
}

// ── review and litigation register ──

type ReviewForm = {
  orgId: number;
  kind: RegisterReview['kind'];
  caseNo?: string;
  requestCaseNo?: string;
  filedOn: Dayjs;
  organ: string;
  result: ReviewResult;
  decidedOn?: Dayjs | null;
  ordersNewReply?: boolean;
  note?: string;
};

function ReviewsTab() {
  const { message } = App.useApp();
  const agencies = useAgencies();
  const years = useYears();
  // A figure of table 四 opens the register on its agency and year (?orgId=…&year=…).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<{ orgId?: number; year?: number; result?: ReviewResult }>(() => {
    const orgId = Number(params.get('orgId'));
    const year = Number(params.get('year'));
    return {
      year: Number.isInteger(year) && year > 2000 ? year : chinaThisYear(),
      ...(Number.isInteger(orgId) && orgId > 0 ? { orgId } : {}),
    };
  });
  const { data, loading, error, reload } = useLoad(() => listRegisterReviews(filter), [filter]);
  const [editing, setEditing] = useState<RegisterReview | 'new' | null>(null);

  async function remove(r: RegisterReview) {
    try {
      await deleteRegisterReview(r.id);
      message.success('已删除');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const columns: TableColumnsType<RegisterReview> = [
    { title: '机关', dataIndex: 'agencyName' },
    { title: '类型', dataIndex: 'kind', render: (k: RegisterReview['kind']) => REVIEW_KIND_LABELS[k] },
    { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
    {
      title: '涉及申请',
      dataIndex: 'requestCaseNo',
      render: (v: string | null, r) =>
        r.caseId !== null ? <Link to={`/requests/${r.caseId}`}>{v}</Link> : (v ?? '—'),
    },
    { title: '收到日期', dataIndex: 'filedOn', render: formatDate },
    { title: '复议机关或法院', dataIndex: 'organ' },
    {
      title: '结果',
      dataIndex: 'result',
      render: (v: ReviewResult, r) => (
        <>
          {REVIEW_RESULT_LABELS[v]}
          {r.ordersNewReply && <Tag color="orange">责令重新答复</Tag>}
        </>
      ),
    },
    { title: '审结日期', dataIndex: 'decidedOn', render: formatDate },
    {
      title: '决定书',
      dataIndex: 'file',
      render: (f: RegisterReview['file'], r) =>
        f ? (
          <Button
            type="link"
            size="small"
            onClick={() => downloadDecision(r.id, f.name).catch((e) => message.error(errorMessage(e)))}
          >
            {f.name}
          </Button>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) =>
        r.editable && (
          <Space>
            <Button size="small" onClick={() => setEditing(r)}>
              修改
            </Button>
            {r.deletable ? (
              <Popconfirm
                title="确定删除该案件登记？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove(r)}
              >
                <Button size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ) : (
              <Tag>已计入已报送的年度报告</Tag>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="机关"
          allowClear
          placeholder="全部机关"
          style={{ width: 220 }}
          options={agencies}
          value={filter.orgId}
          onChange={(orgId) => setFilter({ ...filter, orgId })}
        />
        <Select
          aria-label="收到年度"
          allowClear
          placeholder="全部年度"
          style={{ width: 120 }}
          options={years}
          value={filter.year}
          onChange={(year) => setFilter({ ...filter, year })}
        />
        <Select
          aria-label="审理结果"
          allowClear
          placeholder="全部结果"
          style={{ width: 140 }}
          options={REVIEW_RESULTS.map((r) => ({ value: r, label: REVIEW_RESULT_LABELS[r] }))}
          value={filter.result}
          onChange={(result) => setFilter({ ...filter, result })}
        />
        <Button type="primary" onClick={() => setEditing('new')}>
          登记案件
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data ?? []}
        locale={{ emptyText: '没有登记的案件' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {editing && (
        <ReviewModal
          entry={editing === 'new' ? null : editing}
          agencies={agencies}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ReviewModal(props: {
  entry: RegisterReview | null;
  agencies: { value: number; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const { entry } = props;
  const [form] = Form.useForm<ReviewForm>();
  const [file, setFile] = useState<{ id: number; name: string } | null>(entry?.file ?? null);
  const [saving, setSaving] = useState(false);
  const result = Form.useWatch('result', form);

  async function save(v: ReviewForm) {
    setSaving(true);
    try {
      const body = {
        orgId: v.orgId,
        kind: v.kind,
        caseNo: v.caseNo ?? null,
        requestCaseNo: v.requestCaseNo ?? null,
        filedOn: iso(v.filedOn) ?? '',
        organ: v.organ,
        result: v.result,
        decidedOn: iso(v.decidedOn),
        ordersNewReply: v.result === 'corrected' && v.ordersNewReply === true,
        fileId: file?.id ?? null,
        note: v.note ?? '',
      };
      const saved = entry ? await updateRegisterReview(entry.id, body) : await createRegisterReview(body);
      message.success(
        saved.ordersNewReply && saved.caseStage === 'processing' ? '已保存，关联的申请已重新办理' : '已保存',
      );
      props.onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function upload(f: File) {
    try {
      setFile(await uploadDecision(f));
    } catch (e) {
      message.error(errorMessage(e));
    }
    return false;
  }

  return (
    <Modal
      open
      title={entry ? '修改复议诉讼案件' : '登记复议诉讼案件'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          entry
            ? {
                orgId: entry.orgId,
                kind: entry.kind,
                caseNo: entry.caseNo ?? undefined,
                requestCaseNo: entry.requestCaseNo ?? undefined,
                filedOn: day(entry.filedOn),
                organ: entry.organ,
                result: entry.result,
                decidedOn: day(entry.decidedOn),
                ordersNewReply: entry.ordersNewReply,
                note: entry.note,
              }
            : { result: 'pending', kind: 'review' }
        }
      >
        <Form.Item
          name="orgId"
          label="被申请（被诉）机关"
          rules={[{ required: true, message: '请选择机关' }]}
        >
          <Select options={props.agencies} disabled={entry !== null} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={REVIEW_KINDS.map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="caseNo" label="复议或诉讼案号">
          <Input />
        </Form.Item>
        <Form.Item
          name="requestCaseNo"
          label="涉及的申请编号"
          extra="填写本平台受理的申请编号，案件即与该申请关联"
        >
          <Input />
        </Form.Item>
        <Form.Item name="filedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker format={PICKER_DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          name="organ"
          label="复议机关或人民法院"
          rules={[{ required: true, message: '请填写复议机关或人民法院' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="result" label="审理结果">
          <Select options={REVIEW_RESULTS.map((r) => ({ value: r, label: REVIEW_RESULT_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="decidedOn" label="审结日期">
          <DatePicker format={PICKER_DATE_FORMAT} />
        </Form.Item>
        {result === 'corrected' && (
          <Form.Item
            name="ordersNewReply"
            valuePropName="checked"
            extra="勾选后保存，关联的申请将重新办理，答复期限自审结日期起重新计算20个工作日，并通知承办人"
          >
            <Checkbox>决定（判决）责令重新答复</Checkbox>
          </Form.Item>
        )}
        <Form.Item label="决定书或判决书" extra="PDF、OFD、Word文件或扫描图片，不超过20MB">
          <Space>
            <Upload beforeUpload={upload} showUploadList={false} maxCount={1}>
              <Button icon={<UploadOutlined aria-hidden />}>选择文件</Button>
            </Upload>
            {file && (
              <>
                <span>{file.name}</span>
                <Button size="small" type="link" onClick={() => setFile(null)}>
                  移除
                </Button>
              </>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ── complaints register ──

type ComplaintForm = {
  orgId: number;
  kind: Complaint['kind'];
  channel: Complaint['channel'];
  receivedOn: Dayjs;
  complainantName: string;
  complainantPhone?: string;
  complainantAddress?: string;
  content: string;
  requestCaseNo?: string;
};

function ComplaintsTab() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const agencies = useAgencies();
  const years = useYears();
  const [filter, setFilter] = useState<{
    orgId?: number;
    year?: number;
    state?: ComplaintState;
    overdue?: 'true';
  }>({ year: chinaThisYear() });
  const { data, loading, error, reload } = useLoad(() => listComplaints(filter), [filter]);
  const [editing, setEditing] = useState<Complaint | 'new' | null>(null);
  const [stepping, setStepping] = useState<{ c: Complaint; step: 'assign' | 'answer' } | null>(null);

  async function run(p: Promise<unknown>, done: string) {
    try {
      await p;
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const columns: TableColumnsType<Complaint> = [
    { title: '收到日期', dataIndex: 'receivedOn', render: formatDate },
    {
      title: '类别',
      key: 'kind',
      render: (_, c) => `${COMPLAINT_KIND_LABELS[c.kind]}（${COMPLAINT_CHANNEL_LABELS[c.channel]}）`,
    },
    { title: '被投诉机关', dataIndex: 'agencyName' },
    {
      title: '投诉人',
      dataIndex: 'complainant',
      render: (p: Complaint['complainant']) =>
        p ? `${p.name}${p.phone ? ` ${p.phone}` : ''}` : '（无权查看）',
    },
    { title: '内容', dataIndex: 'content', ellipsis: true },
    { title: '承办', dataIndex: 'assigneeOrgName', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'state',
      render: (s: ComplaintState, c) => (
        <>
          {COMPLAINT_STATE_LABELS[s]}
          {c.overdue && <Tag color="red">逾期</Tag>}
        </>
      ),
    },
    {
      title: '答复期限',
      dataIndex: 'dueOn',
      render: (v: string, c) => (
        <>
          {formatDate(v)}
          {c.dueNote && <Tag color="gold">{c.dueNote}</Tag>}
        </>
      ),
    },
    { title: '答复日期', dataIndex: 'answeredOn', render: formatDate },
    {
      title: '操作',
      key: 'actions',
      render: (_, c) => (
        <Space wrap>
          {c.actions.includes('edit') && (
            <Button size="small" onClick={() => setEditing(c)}>
              修改
            </Button>
          )}
          {c.actions.includes('assign') && (
            <Button size="small" onClick={() => setStepping({ c, step: 'assign' })}>
              交办
            </Button>
          )}
          {c.actions.includes('answer') && (
            <Button size="small" onClick={() => setStepping({ c, step: 'answer' })}>
              答复
            </Button>
          )}
          {c.actions.includes('close') && (
            <Button size="small" onClick={() => run(stepComplaint(c.id, { step: 'close' }), '已办结')}>
              办结
            </Button>
          )}
          {c.actions.includes('edit') && (
            <Popconfirm
              title="确定删除该投诉举报登记？"
              okText="删除"
              cancelText="取消"
              onConfirm={() => run(deleteComplaint(c.id), '已删除')}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="被投诉机关"
          allowClear
          placeholder="全部机关"
          style={{ width: 220 }}
          options={agencies}
          value={filter.orgId}
          onChange={(orgId) => setFilter({ ...filter, orgId })}
        />
        <Select
          aria-label="收到年度"
          allowClear
          placeholder="全部年度"
          style={{ width: 120 }}
          options={years}
          value={filter.year}
          onChange={(year) => setFilter({ ...filter, year })}
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          options={COMPLAINT_STATES.map((s) => ({ value: s, label: COMPLAINT_STATE_LABELS[s] }))}
          value={filter.state}
          onChange={(state) => setFilter({ ...filter, state })}
        />
        <Checkbox
          checked={filter.overdue === 'true'}
          onChange={(e) => {
            const { overdue: _, ...rest } = filter;
            setFilter(e.target.checked ? { ...rest, overdue: 'true' } : rest);
          }}
        >
          仅看逾期
        </Checkbox>
        <Button type="primary" onClick={() => setEditing('new')}>
          登记投诉举报
        </Button>
        {user.role === 'admin' && <SettingsButton />}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data ?? []}
        locale={{ emptyText: '没有登记的投诉举报' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {editing && (
        <ComplaintModal
          entry={editing === 'new' ? null : editing}
          agencies={agencies}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {stepping && (
        <StepModal
          {...stepping}
          agencies={agencies}
          onClose={() => setStepping(null)}
          onSaved={() => {
            setStepping(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ComplaintModal(props: {
  entry: Complaint | null;
  agencies: { value: number; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const { entry } = props;
  const [form] = Form.useForm<ComplaintForm>();
  async function save(v: ComplaintForm) {
    try {
      const body = {
        ...v,
        receivedOn: iso(v.receivedOn) ?? '',
        complainantPhone: v.complainantPhone ?? '',
        complainantAddress: v.complainantAddress ?? '',
        requestCaseNo: v.requestCaseNo ?? null,
      };
      if (entry) await updateComplaint(entry.id, body);
      else await createComplaint(body);
      message.success('已保存');
      props.onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <Modal
      open
      title={entry ? '修改投诉举报' : '登记投诉举报'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          entry
            ? {
                orgId: entry.orgId,
                kind: entry.kind,
                channel: entry.channel,
                receivedOn: day(entry.receivedOn),
                complainantName: entry.complainant?.name,
                complainantPhone: entry.complainant?.phone,
                complainantAddress: entry.complainant?.address,
                content: entry.content,
                requestCaseNo: entry.caseNo ?? undefined,
              }
            : { kind: 'complaint', channel: 'letter' }
        }
      >
        <Form.Item
          name="orgId"
          label="被投诉（举报）机关"
          rules={[{ required: true, message: '请选择机关' }]}
        >
          <Select options={props.agencies} disabled={entry !== null} showSearch optionFilterProp="label" />
        </Form.Item>
        <Space>
          <Form.Item name="kind" label="类别">
            <Select
              style={{ width: 120 }}
              options={COMPLAINT_KINDS.map((k) => ({ value: k, label: COMPLAINT_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="channel" label="渠道">
            <Select
              style={{ width: 120 }}
              options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label="收到日期"
            rules={[{ required: true, message: '请选择收到日期' }]}
          >
            <DatePicker format={PICKER_DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item
          name="complainantName"
          label="投诉人（举报人）"
          rules={[{ required: true, message: '请填写投诉人（举报人）姓名或名称' }]}
        >
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="complainantPhone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="complainantAddress" label="联系地址">
            <Input style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="content"
          label="投诉举报内容"
          rules={[{ required: true, message: '请填写投诉举报内容' }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="requestCaseNo" label="涉及的申请编号">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StepModal(props: {
  c: Complaint;
  step: 'assign' | 'answer';
  agencies: { value: number; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeOrgId: number; answer: string; answeredOn: Dayjs }>();
  async function save(v: { assigneeOrgId: number; answer: string; answeredOn: Dayjs }) {
    try {
      await stepComplaint(
        props.c.id,
        props.step === 'assign'
          ? { step: 'assign', assigneeOrgId: v.assigneeOrgId, assigneeId: null }
          : { step: 'answer', answer: v.answer, answeredOn: iso(v.answeredOn) ?? '' },
      );
      message.success(props.step === 'assign' ? '已交办' : '已答复');
      props.onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <Modal
      open
      title={props.step === 'assign' ? '交办' : '答复'}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" onFinish={save}>
        {props.step === 'assign' ? (
          <Form.Item
            name="assigneeOrgId"
            label="承办机关"
            rules={[{ required: true, message: '请选择承办机关' }]}
          >
            <Select options={props.agencies} showSearch optionFilterProp="label" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="answer" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item
              name="answeredOn"
              label="答复日期"
              rules={[{ required: true, message: '请选择答复日期' }]}
            >
              <DatePicker format={PICKER_DATE_FORMAT} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 答复期限 setting (the administrator): the working days a new complaint's answer is due in. */
function SettingsButton() {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number | null>(null);
  async function show() {
    try {
      const s = await getComplaintSettings();
      setDays(s.answerWorkingDays);
      setOpen(true);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  async function save() {
    try {
      if (days === null) return;
      await saveComplaintSettings({ answerWorkingDays: days });
      message.success('已保存，对此后登记的投诉举报生效');
      setOpen(false);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <>
      <Button onClick={show}>答复期限设置</Button>
      <Modal
        open={open}
        title="投诉举报答复期限"
        okText="保存"
        cancelText="取消"
        onOk={save}
        onCancel={() => setOpen(false)}
      >
        <Space>
          收到后
          <InputNumber aria-label="工作日数" min={1} max={90} value={days} onChange={(v) => setDays(v)} />
          个工作日内答复
        </Space>
      </Modal>
    </>
  );
}
