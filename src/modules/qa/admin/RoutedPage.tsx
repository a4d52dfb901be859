import {
  Alert,
  App,
  Badge,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { listOrgs } from '../../../admin/api/orgs.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatDate } from '../../../admin/lib/format.ts';
import { provisionalNote } from '../../../admin/lib/provisional.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { can } from '../domain/policies.ts';
import { ROUTED_STATUS_LABELS, ROUTED_STATUSES, type RoutedStatus } from '../domain/routing.ts';
import {
  answerRouted,
  assignRouted,
  getRoutedSettings,
  listRouted,
  type Routed,
  reviewRouted,
  saveRoutedSettings,
} from './api.ts';

type AnswerValues = { answer: string; documentIds?: string; general?: boolean };

function DueDate({ r }: { r: Routed }) {
  return (
    <Space direction="vertical" size={0}>
      <span>{formatDate(r.dueOn)}</span>
      {r.overdue && <Tag color="red">已超期</Tag>}
      {r.provisionalYears.length > 0 && (
        <Typography.Text type="warning">{provisionalNote(r.provisionalYears)}</Typography.Text>
      )}
    </Space>
  );
}

/** 转办问题: questions the portal could not answer, sent on by citizens; assign, answer, review, send. */
export function RoutedPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const user = session.status === 'signedIn' ? session.user : null;
  const manage = user !== null && can({ role: user.role }, 'routed.manage');
  const [status, setStatus] = useState<RoutedStatus>();
  const [overdue, setOverdue] = useState(false);
  const { data, loading, error, reload } = useLoad(() => listRouted({ status, overdue }), [status, overdue]);
  const orgs = useLoad(() => (manage ? listOrgs() : Promise.resolve({ items: [], total: 0 })), [manage]);
  const settings = useLoad(() => getRoutedSettings(), []);
  const [open, setOpen] = useState<Routed>();
  const [assignTo, setAssignTo] = useState<number>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [dueDays, setDueDays] = useState<number>();
  const [form] = Form.useForm<AnswerValues>();

  function show(r: Routed) {
    setOpen(r);
    setAssignTo(r.orgId ?? r.suggestedOrgId ?? undefined);
    setNote('');
    form.setFieldsValue({
      answer: r.answer ?? '',
      documentIds: r.documentIds.join('，'),
      general: r.general,
    });
  }

  async function run(work: () => Promise<Routed>, done: string) {
    setBusy(true);
    try {
      const r = await work();
      message.success(done);
      setOpen(r);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function answer(r: Routed) {
    const v = await form.validateFields();
    const documentIds = (v.documentIds ?? '')
      .split(/[，,、\s]+/u)
      .filter((x) => x !== '')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    await run(
      () => answerRouted(r.id, { answer: v.answer, documentIds, general: v.general ?? false }),
      '已提交答复，待公开办审核',
    );
  }

  const columns: TableColumnsType<Routed> = [
    { title: '问题', dataIndex: 'question', key: 'question' },
    { title: '提交日期', key: 'askedOn', width: 130, render: (_, r) => formatDate(r.askedOn) },
    {
      title: '承办单位',
      key: 'org',
      width: 180,
      render: (_, r) =>
        r.orgName ??
        (r.suggestedOrgName ? (
          <Typography.Text type="secondary">推荐：{r.suggestedOrgName}</Typography.Text>
        ) : (
          '—'
        )),
    },
    { title: '状态', key: 'status', width: 140, render: (_, r) => ROUTED_STATUS_LABELS[r.status] },
    { title: '答复期限', key: 'due', width: 170, render: (_, r) => <DueDate r={r} /> },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Button size="small" onClick={() => show(r)}>
          {r.actions.length > 0 ? '办理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="转办问题" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 180 }}
            value={status}
            onChange={setStatus}
            options={ROUTED_STATUSES.map((s) => ({ value: s, label: ROUTED_STATUS_LABELS[s] }))}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            只看已超期
          </Checkbox>
          <Badge offset={[-4, 0]} count={data?.overdue ?? 0} showZero color={data?.overdue ? 'red' : 'green'}>
            <Typography.Text style={{ paddingRight: 16 }}>已超期</Typography.Text>
          </Badge>
          {manage && settings.data && (
            <Space>
              <span>新问题答复期限</span>
              <InputNumber
                aria-label="答复期限（工作日）"
                min={1}
                max={60}
                value={dueDays ?? settings.data.dueDays}
                onChange={(v) => setDueDays(typeof v === 'number' ? v : undefined)}
              />
              <span>个工作日</span>
              <Button
                disabled={dueDays === undefined || dueDays === settings.data.dueDays}
                onClick={async () => {
                  if (dueDays === undefined) return;
                  try {
                    await saveRoutedSettings({ dueDays });
                    message.success(`新转办问题的答复期限为${dueDays}个工作日`);
                    setDueDays(undefined);
                    settings.reload();
                  } catch (err) {
                    message.error(errorMessage(err));
                  }
                }}
              >
                保存期限
              </Button>
            </Space>
          )}
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="id" loading={loading} columns={columns} dataSource={data?.items ?? []} />
      </Space>
      <Drawer title="转办问题" width={640} open={open !== undefined} onClose={() => setOpen(undefined)}>
        {open && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="问题">{open.question}</Descriptions.Item>
              <Descriptions.Item label="查询码">{open.trackingCode}</Descriptions.Item>
              <Descriptions.Item label="提交日期">{formatDate(open.askedOn)}</Descriptions.Item>
              <Descriptions.Item label="状态">{ROUTED_STATUS_LABELS[open.status]}</Descriptions.Item>
              <Descriptions.Item label="推荐承办单位">
                {open.suggestedOrgName
                  ? `${open.suggestedOrgName}（${open.suggestionReason ?? ''}）`
                  : '未能推荐，请选择'}
              </Descriptions.Item>
              <Descriptions.Item label="承办单位">{open.orgName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="答复期限">
                <DueDate r={open} />
              </Descriptions.Item>
              {manage && (
                <Descriptions.Item label="联系方式（不公开）">
                  {[open.contactPhone, open.contactEmail].filter(Boolean).join('；') || '未留'}
                </Descriptions.Item>
              )}
              {open.reviewNote && <Descriptions.Item label="退回理由">{open.reviewNote}</Descriptions.Item>}
              {open.answer && <Descriptions.Item label="答复">{open.answer}</Descriptions.Item>}
              {open.documentIds.length > 0 && (
                <Descriptions.Item label="引用文件编号">{open.documentIds.join('，')}</Descriptions.Item>
              )}
              {open.sentOn && (
                <Descriptions.Item label="答复日期">{formatDate(open.sentOn)}</Descriptions.Item>
              )}
              {open.pairId && (
                <Descriptions.Item label="政策问答库">已收入（第{open.pairId}号问答）</Descriptions.Item>
              )}
            </Descriptions>
            {open.actions.includes('assign') && (
              <Space>
                <Select
                  aria-label="承办单位"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 280 }}
                  placeholder="选择承办单位"
                  value={assignTo}
                  onChange={setAssignTo}
                  options={(orgs.data?.items ?? [])
                    .filter((o) => !o.disabled)
                    .map((o) => ({ value: o.id, label: o.name }))}
                />
                <Button
                  type="primary"
                  loading={busy}
                  disabled={assignTo === undefined}
                  onClick={() =>
                    assignTo !== undefined && run(() => assignRouted(open.id, assignTo), '已交承办单位办理')
                  }
                >
                  {open.orgId ? '改派' : '确认承办单位'}
                </Button>
              </Space>
            )}
            {open.actions.includes('answer') && (
              <Form form={form} layout="vertical">
                <Form.Item
                  name="answer"
                  label="答复"
                  rules={[{ required: true, message: '请填写答复' }, { max: 4000 }]}
                >
                  <Input.TextArea rows={5} />
                </Form.Item>
                <Form.Item
                  name="documentIds"
                  label="依据文件编号"
                  extra="政府文件库中文件的编号（文件页面地址中的数字），多个用逗号分隔。"
                >
                  <Input />
                </Form.Item>
                <Form.Item name="general" valuePropName="checked">
                  <Checkbox>具有普遍性，审核后收入政策问答库</Checkbox>
                </Form.Item>
                <Button type="primary" loading={busy} onClick={() => answer(open)}>
                  提交答复
                </Button>
              </Form>
            )}
            {open.actions.includes('approve') && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  aria-label="退回理由"
                  rows={2}
                  placeholder="退回时请写明理由"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Space>
                  <Button
                    type="primary"
                    loading={busy}
                    onClick={() =>
                      run(() => reviewRouted(open.id, { step: 'approve' }), '已审核并答复提问人')
                    }
                  >
                    审核通过并答复
                  </Button>
                  <Button
                    loading={busy}
                    onClick={() =>
                      run(() => reviewRouted(open.id, { step: 'return', note }), '已退回承办单位')
                    }
                  >
                    退回承办单位
                  </Button>
                </Space>
              </Space>
            )}
          </Space>
        )}
      </Drawer>
    </>
  );
}
