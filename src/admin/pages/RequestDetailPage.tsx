import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Row,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { SignoffCard } from '../../modules/requests/admin/SignoffCard.tsx';
import { ApiError } from '../api/client.ts';
import {
  type ActionCode,
  type ClockState,
  getRequest,
  isOpenStage,
  type RequestAction,
  type RequestDetail,
  type RequestEvent,
  runRequestAction,
} from '../api/requests.ts';
import { listUsers } from '../api/users.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';
import { CaseFilesCard } from '../components/CaseFilesCard.tsx';
import { CaseLettersCard } from '../components/CaseLettersCard.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { newConsultationId, RequestActionModal } from '../components/RequestActionModal.tsx';
import { RequestAssistanceCard } from '../components/RequestAssistanceCard.tsx';
import { DueCountdown, StageTag } from '../components/RequestTags.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { toTreeOptions } from '../lib/orgTree.ts';
import { provisionalNote } from '../lib/provisional.ts';
import { eventLabel, labelOf, type RequestsMeta, useRequestsMeta } from '../lib/requestsMeta.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useOrgs } from '../lib/useOrgs.ts';

/** Roles that may list users (to name and pick handlers). */
const USER_LIST_ROLES: readonly string[] = ['admin', 'office', 'approver'];

/** Codes that say the page was out of date: reload it so the buttons match the case again. */
const STALE_CODES = new Set([
  'CASE_ACTION_NOT_ALLOWED',
  'CASE_ARCHIVED',
  'EXTENSION_ALREADY_USED',
  'CORRECTION_ALREADY_REQUESTED',
  'DRAFT_PENDING',
  'DRAFT_NOT_PENDING',
  'DRAFT_NOT_REVIEWED',
]);

const PRIMARY_ACTIONS = new Set([
  'confirm-receipt',
  'assign',
  'reply',
  'draft-reply',
  'review-draft',
  'receive-correction',
]);
const DANGER_ACTIONS = new Set(['deem-withdrawn-no-correction', 'deem-withdrawn-no-payment', 'withdraw']);

/** Events that end the handling of a case (its 办结日期). */
const ENDING_EVENTS = new Set([
  'reply',
  'withdraw',
  'deem-withdrawn-no-correction',
  'deem-withdrawn-no-payment',
]);

const PAUSE_REASONS: Record<string, string> = {
  correction: '等待补正',
  consultation: '征求意见',
  fee: '等待缴费',
};

interface Names {
  org: (id: number | null | undefined) => string | undefined;
  user: (id: number | null | undefined) => string | undefined;
}

/** Readable lines for the data of an event (labels of codes, names of units and people, dates). */
function eventSummary(e: RequestEvent, meta: RequestsMeta | undefined, names: Names): string[] {
  const d = e.data;
  const lines: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}：${value}`);
  };
  if (e.type === 'submit') {
    add('申请方式', d.channel ? labelOf(meta?.channels ?? [], str(d.channel)) : undefined);
    add('收到申请之日', d.receivedOn ? formatDate(str(d.receivedOn)) : '待确认');
    return lines;
  }
  if (e.type === 'assist-request') {
    add('协助单位', str(d.unitName) ?? names.org(Number(d.unitId)) ?? '—');
    add('协助方式', d.kind === 'meeting' ? '会商' : '协助调查');
    add('协助事项', str(d.question));
    add('协助办理期限', d.dueOn ? formatDate(str(d.dueOn)) : undefined);
    return lines;
  }
  if (e.type === 'transfer') {
    add('转出机关', str(d.fromOrgName));
    add('转至', str(d.toOrgName));
    add('转办理由', str(d.reason));
    return lines;
  }
  if (e.type === 'assist-reply') {
    add('答复内容', str(d.text));
    const files = Array.isArray(d.fileIds) ? d.fileIds.length : 0;
    add('附件', files > 0 ? `${files}个（见“协助调查/会商”）` : undefined);
    return lines;
  }
  add('承办单位', d.unitId ? (names.org(Number(d.unitId)) ?? '—') : undefined);
  add('承办人', d.handlerId ? (names.user(Number(d.handlerId)) ?? '已指定') : undefined);
  add('答复类型', d.outcome ? labelOf(meta?.outcomes ?? [], str(d.outcome)) : undefined);
  add('不予公开理由', d.groundCode ? labelOf(meta?.grounds ?? [], str(d.groundCode)) : undefined);
  add('补正事项', str(d.items));
  add('补正期限', d.deadlineDate ? formatDate(str(d.deadlineDate)) : undefined);
  add('征求意见对象', d.name ? `${str(d.name)}（${labelOf(meta?.parties ?? [], str(d.party))}）` : undefined);
  add('征求意见编号', str(d.consultationId));
  add('意见', d.opinion ? labelOf(meta?.opinions ?? [], str(d.opinion)) : undefined);
  add('计收方式', d.method ? labelOf(meta?.feeMethods ?? [], str(d.method)) : undefined);
  add('件数或页数', str(d.quantity));
  add(
    '同一申请人本月此前申请',
    d.earlierThisMonth !== undefined
      ? `${str(d.earlierThisMonth)}件${d.countReason ? `（系统统计${str(d.computedEarlier)}件，更正理由：${str(d.countReason)}）` : '（按申请记录统计）'}`
      : undefined,
  );
  add(
    '计费档次',
    Array.isArray(d.bands) && d.method === 'per-item'
      ? (d.bands as { from: number; to: number; unitPrice: number }[])
          .map((b) => `第${b.from}—${b.to}件 ${b.unitPrice}元/件`)
          .join('；')
      : undefined,
  );
  add('收费金额', d.amount !== undefined && d.amount !== null ? `${str(d.amount)} 元` : undefined);
  add('理由', str(d.reason));
  add('类别', d.kind ? labelOf(meta?.noteKinds ?? [], str(d.kind)) : undefined);
  add('内容', str(d.text));
  add('意见', str(d.comment));
  add('签发人', str(d.signedByName));
  return lines;
}

function ClockPanel({ detail }: { detail: RequestDetail }) {
  const clock: ClockState | null = detail.clock;
  const c = detail.case;
  if (!clock) {
    if (detail.clockMissingYear)
      return (
        <Alert
          type="warning"
          showIcon
          title={`缺少${detail.clockMissingYear}年的工作日历，暂时无法计算答复期限`}
          description="请系统管理员在“工作日历”中导入该年度的节假日安排。"
        />
      );
    if (c.receivedOn) return <Alert type="warning" showIcon title="暂时无法计算答复期限" />;
    return (
      <Alert
        type="info"
        showIcon
        title="尚未确认收到申请"
        description="确认收到之日为收到申请之日（条例第三十一条），答复期限自确认后开始计算。"
      />
    );
  }
  // Once replied or closed the clock stops: the running figures (days left, pause) no longer apply.
  const open = isOpenStage(c.stage);
  const ended = [...detail.events].reverse().find((e) => ENDING_EVENTS.has(e.type));
  const items: DescriptionsProps['items'] = [
    { key: 'received', label: '收到申请之日', children: formatDate(clock.received) },
  ];
  if (clock.countingFrom !== clock.received)
    items.push({ key: 'from', label: '重新起算日', children: formatDate(clock.countingFrom) });
  items.push({ key: 'correction', label: '补正告知期限', children: formatDate(clock.correctionNoticeDue) });
  items.push({
    key: 'due',
    label: '答复期限',
    children: clock.correctionPending
      ? '待收到补正后重新计算'
      : clock.replyDue
        ? `${formatDate(clock.replyDue)}${clock.provisionalYears.length > 0 ? `，${provisionalNote(clock.provisionalYears)}` : ''}`
        : clock.paused
          ? '暂停计时中，恢复计时后确定'
          : '—',
  });
  if (!open) {
    if (ended) items.push({ key: 'ended', label: '办结日期', children: formatDate(ended.on) });
    if (clock.extended)
      items.push({
        key: 'extended',
        label: '延期',
        children: `已延期（原答复期限 ${formatDate(clock.originalReplyDue)}）`,
      });
    return (
      <>
        <div style={{ marginBottom: 12 }}>
          <DueCountdown c={{ ...clock, stage: c.stage, receivedOn: clock.received }} />
        </div>
        <Descriptions column={1} size="small" items={items} />
      </>
    );
  }
  items.push({
    key: 'days',
    label: '已用 / 剩余工作日',
    children:
      clock.workingDaysUsed === null
        ? '—'
        : `已用 ${clock.workingDaysUsed} 天，剩余 ${clock.workingDaysLeft ?? 0} 天（共 ${clock.totalWorkingDays} 个工作日）`,
  });
  items.push({
    key: 'paused',
    label: '暂停计时',
    children: clock.paused
      ? [
          '是',
          clock.pausedSince && `，自${formatDate(clock.pausedSince)}起`,
          clock.pauseReason && `（${PAUSE_REASONS[clock.pauseReason] ?? clock.pauseReason}）`,
        ]
          .filter(Boolean)
          .join('')
      : '否',
  });
  if (clock.thirdPartyDue)
    items.push({ key: 'third', label: '第三方答复期限', children: formatDate(clock.thirdPartyDue) });
  items.push({
    key: 'extended',
    label: '延期',
    children: clock.extended
      ? `已延期（原答复期限 ${formatDate(clock.originalReplyDue)}）`
      : clock.extendedReplyDue
        ? `未延期（如延期，期限为 ${formatDate(clock.extendedReplyDue)}）`
        : '未延期',
  });
  if (clock.feePaymentDue)
    items.push({ key: 'fee', label: '缴费期限', children: formatDate(clock.feePaymentDue) });
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <DueCountdown
          c={{
            stage: c.stage,
            receivedOn: clock.received,
            replyDue: clock.replyDue,
            workingDaysLeft: clock.overdue ? null : clock.workingDaysLeft,
            paused: clock.paused,
            overdue: clock.overdue,
          }}
        />
      </div>
      {clock.provisionalYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`答复期限为${provisionalNote(clock.provisionalYears)}`}
          description={`按《全国年节及纪念日放假办法》规定的法定节假日推算，未计调休。录入${clock.provisionalYears.join('、')}年放假安排后将自动重新计算；告知申请人时不要把暂定日期当作确定期限。`}
        />
      )}
      <Descriptions column={1} size="small" items={items} />
      {clock.calendarMissingYear && !clock.extended && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {`缺少${clock.calendarMissingYear}年工作日历，延期后的期限暂无法计算。`}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 案件详情: one application, its statutory clock, its history and the actions open to the user. */
export function RequestDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { meta, error: metaError } = useRequestsMeta();
  const { orgs, tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const loaded = useLoad(
    () =>
      Number.isInteger(id) && id > 0
        ? getRequest(id)
        : Promise.reject(new ApiError(404, 'NOT_FOUND', '请求的内容不存在')),
    [id],
  );
  // The answer of the last action; replaced by the next load.
  const [fresh, setFresh] = useState<RequestDetail>();
  const [seen, setSeen] = useState(loaded.data);
  if (seen !== loaded.data) {
    setSeen(loaded.data);
    setFresh(undefined);
  }
  const candidate = fresh ?? loaded.data;
  const detail = candidate?.case.id === id ? candidate : undefined;

  // The action stays set while its dialog fades out, so the dialog keeps its content.
  const [action, setAction] = useState<ActionCode>();
  const [actionOpen, setActionOpen] = useState(false);
  const [consultationId, setConsultationId] = useState('');

  const canListUsers = USER_LIST_ROLES.includes(user.role);
  const unitId = detail?.case.unitId ?? null;
  const staff = useLoad(
    () =>
      canListUsers && unitId
        ? listUsers({ orgId: unitId, page: 1, pageSize: 200 })
        : Promise.resolve({ items: [], total: 0 }),
    [canListUsers, unitId],
  );

  const names: Names = {
    org: (orgId) => orgs.find((o) => o.id === orgId)?.name,
    user: (userId) =>
      userId === user.id ? user.displayName : staff.data?.items.find((u) => u.id === userId)?.displayName,
  };

  function open(a: ActionCode) {
    if (a === 'consult-send') setConsultationId(newConsultationId());
    setAction(a);
    setActionOpen(true);
  }

  async function submit(body: RequestAction) {
    try {
      const next = await runRequestAction(id, body);
      setActionOpen(false);
      if (body.action === 'transfer' && next.allowedActions.length === 0) {
        // Transferred away: the case is now the other agency's (the government's office still oversees it).
        message.success(`已转至${names.org(body.toOrgId) ?? '所选机关'}办理`);
        navigate('/requests');
        return;
      }
      setFresh(next);
      message.success(`已办理：${labelOf(meta?.actions ?? [], body.action)}`);
    } catch (e) {
      if (e instanceof ApiError && STALE_CODES.has(e.code)) loaded.reload();
      throw e;
    }
  }

  if (!detail) {
    return (
      <>
        <PageTitle title="申请详情" extra={<BackLink />} />
        {loaded.error ? (
          <Alert type="error" showIcon title={loaded.error} />
        ) : (
          <Card>
            <Spin description="正在加载…">
              <div style={{ height: 120 }} />
            </Spin>
          </Card>
        )}
      </>
    );
  }

  const c = detail.case;
  const stageLabel = labelOf(meta?.stages ?? [], c.stage);
  const orgName = c.orgName ?? names.org(c.orgId) ?? '—';
  const unitName = c.unitName ?? names.org(c.unitId) ?? (c.unitId ? '已分办' : undefined);
  const handlerName = c.handlerName ?? names.user(c.handlerId) ?? (c.handlerId ? '已指定' : undefined);
  const a = c.applicant;
  const isPerson = a.type === 'natural';
  const caseNo = c.caseNo || `#${c.id}`;

  const header: DescriptionsProps['items'] = [
    { key: 'stage', label: '阶段', children: <StageTag stage={c.stage} label={stageLabel} /> },
    { key: 'org', label: '受理机关', children: orgName },
    {
      key: 'unit',
      label: '承办单位',
      children: unitName ?? <Typography.Text type="secondary">未分办</Typography.Text>,
    },
    { key: 'handler', label: '承办人', children: handlerName ?? '—' },
    { key: 'channel', label: '申请方式', children: labelOf(meta?.channels ?? [], c.channel) },
  ];
  if (c.outcome) {
    header.push({
      key: 'outcome',
      label: '处理结果',
      children: c.outcomeGround
        ? `${labelOf(meta?.outcomes ?? [], c.outcome)}（${labelOf(meta?.grounds ?? [], c.outcomeGround)}）`
        : labelOf(meta?.outcomes ?? [], c.outcome),
    });
  }
  if (c.trackingCode) header.push({ key: 'tracking', label: '查询码', children: c.trackingCode });

  const applicant: DescriptionsProps['items'] = [
    { key: 'type', label: '申请人类型', children: labelOf(meta?.applicantTypes ?? [], a.type) },
    { key: 'name', label: isPerson ? '姓名' : '名称', children: a.name || '—' },
    { key: 'idType', label: '证件类型', children: labelOf(meta?.idTypes ?? [], a.idType) },
    { key: 'idNumber', label: '证件号码', children: a.idNumber || '—' },
    { key: 'phone', label: '联系电话', children: a.phone || '—' },
    { key: 'email', label: '电子邮箱', children: a.email || '—' },
    { key: 'address', label: '通信地址', children: a.address || '—', span: 2 },
  ];
  if (!isPerson) applicant.push({ key: 'contact', label: '联系人', children: a.contactName || '—' });

  const request: DescriptionsProps['items'] = [
    { key: 'subject', label: '申请公开的政府信息名称', children: c.subject, span: 2 },
    { key: 'docNumber', label: '文号', children: c.docNumber || '—', span: 2 },
    {
      key: 'description',
      label: '特征描述',
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>,
    },
    { key: 'form', label: '信息的形式要求', children: labelOf(meta?.formsWanted ?? [], c.formWanted) },
    { key: 'delivery', label: '获取信息的方式', children: labelOf(meta?.deliveries ?? [], c.deliveryWanted) },
    { key: 'submitted', label: '提交日期', children: formatDate(c.submittedOn) },
    { key: 'received', label: '收到申请之日', children: c.receivedOn ? formatDate(c.receivedOn) : '待确认' },
  ];

  const timeline = detail.events.map((e) => ({
    key: e.id,
    content: (
      <div>
        <Space size={8} wrap>
          <Typography.Text strong>{formatDate(e.on)}</Typography.Text>
          <Typography.Text>{eventLabel(meta, e.type)}</Typography.Text>
          <Typography.Text type="secondary">{e.actorName ?? '申请人'}</Typography.Text>
        </Space>
        {eventSummary(e, meta, names).map((line) => (
          <div key={line} style={{ whiteSpace: 'pre-wrap' }}>
            {line}
          </div>
        ))}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {`记录于 ${formatDateTime(e.at)}`}
        </Typography.Text>
      </div>
    ),
  }));

  return (
    <>
      <PageTitle title={`申请 ${caseNo}`} extra={<BackLink />} />
      {(metaError || loaded.error) && (
        <Alert type="error" showIcon title={metaError ?? loaded.error} style={{ marginBottom: 16 }} />
      )}
      {c.imported && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="该申请是从原有台账导入的历史记录，只能查看，不能办理或修改。"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {c.subject}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={header} />
        <section aria-label="可办理的操作" style={{ marginTop: 16 }}>
          {detail.allowedActions.length === 0 ? (
            <Typography.Text type="secondary">当前没有可以办理的操作。</Typography.Text>
          ) : (
            <Space wrap>
              {detail.allowedActions.map((code) => (
                <Button
                  key={code}
                  type={PRIMARY_ACTIONS.has(code) ? 'primary' : 'default'}
                  danger={DANGER_ACTIONS.has(code)}
                  onClick={() => open(code as ActionCode)}
                >
                  {code === 'reply' && detail.signoff.draft ? '签发答复' : labelOf(meta?.actions ?? [], code)}
                </Button>
              ))}
            </Space>
          )}
        </section>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="申请人" style={{ marginBottom: 16 }}>
            {a.masked && (
              <Typography.Paragraph type="secondary">部分个人信息已按权限隐藏。</Typography.Paragraph>
            )}
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={applicant} />
          </Card>
          <Card title="申请内容" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={request} />
          </Card>
          <Card title="办理记录" style={{ marginBottom: 16 }}>
            {timeline.length ? <Timeline items={timeline} /> : <Empty description="暂无办理记录" />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <SignoffCard detail={detail} meta={meta} />
          <Card title="办理期限" style={{ marginBottom: 16 }}>
            <ClockPanel detail={detail} />
          </Card>
          <CaseLettersCard
            detail={detail}
            meta={meta}
            canExport={user.role === 'office'}
            onStale={loaded.reload}
          />
          <CaseFilesCard detail={detail} />
          <RequestAssistanceCard requestId={detail.case.id} version={detail} />
        </Col>
      </Row>
      <RequestActionModal
        action={action}
        open={actionOpen}
        consultationId={consultationId}
        detail={detail}
        meta={meta}
        orgOptions={orgOptions}
        orgs={orgs}
        canListUsers={canListUsers}
        onCancel={() => setActionOpen(false)}
        onSubmit={submit}
      />
    </>
  );
}

/** Back to the workbench, in the view it was left in (the list's links pass their query along). */
function BackLink() {
  const state = useLocation().state as { from?: string } | null;
  const from = typeof state?.from === 'string' && state.from.startsWith('?') ? state.from : '';
  return (
    <Link to={`/requests${from}`}>
      <ArrowLeftOutlined aria-hidden /> 返回工作台
    </Link>
  );
}
