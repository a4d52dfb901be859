import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, TreeSelect, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { releasesInformation } from '../../modules/requests/domain/case-files.ts';
import { governmentOf } from '../../modules/requests/domain/transfer.ts';
import { listDocuments } from '../api/documents.ts';
import type { Org } from '../api/orgs.ts';
import type {
  ActionCode,
  ConsultedParty,
  ConsultOpinion,
  FeeMethod,
  RequestAction,
  RequestDetail,
  RequestEvent,
} from '../api/requests.ts';
import { ASSIST_KIND_OPTIONS, uploadAnswerFiles } from '../api/requestsAssistance.ts';
import { listUsers } from '../api/users.ts';
import { chinaToday, formatDate } from '../lib/format.ts';
import type { OrgTreeOption } from '../lib/orgTree.ts';
import { groupedOutcomeOptions, labelOf, type RequestsMeta, selectOptions } from '../lib/requestsMeta.ts';
import { useLoad } from '../lib/useLoad.ts';
import { DateInput } from './DateInput.tsx';
import { FormModal } from './FormModal.tsx';

interface ActionValues {
  on: Dayjs;
  unitId?: number;
  handlerId?: number;
  items?: string;
  deadlineDate?: Dayjs;
  text?: string;
  consultationId?: string;
  party?: ConsultedParty;
  name?: string;
  opinion?: ConsultOpinion;
  reason?: string;
  method?: FeeMethod;
  quantity?: number;
  outcome?: string;
  groundCode?: string;
  kind?: string;
  question?: string;
  dueOn?: Dayjs;
  toOrgId?: number;
  comment?: string;
  earlierThisMonth?: number;
  countReason?: string;
  /** 予以公开/部分公开: the information released (uploaded on submit) and documents of the library. */
  releasedUploads?: UploadFile[];
  releasedDocumentIds?: number[];
}

/** Every data field of every action, as the server names them in its field errors. */
const FIELD_NAMES = [
  'on',
  'receivedOn',
  'unitId',
  'handlerId',
  'items',
  'deadlineDate',
  'text',
  'consultationId',
  'party',
  'name',
  'opinion',
  'reason',
  'method',
  'quantity',
  'outcome',
  'groundCode',
  'kind',
  'question',
  'dueOn',
  'toOrgId',
  'releasedFileIds',
  'releasedDocumentIds',
  'comment',
  'earlierThisMonth',
  'countReason',
] as const;

/** What the date of each action is (the day the step took place). */
const ON_LABELS: Partial<Record<ActionCode, string>> = {
  'confirm-receipt': '确认收到日期',
  assign: '分办日期',
  'request-correction': '告知补正日期',
  'receive-correction': '收到补正申请日期',
  'deem-withdrawn-no-correction': '决定日期',
  'consult-send': '发函日期',
  'consult-deliver': '送达日期',
  'consult-reply': '收到意见日期',
  extend: '批准延期日期',
  'fee-notice': '发出收费通知日期',
  'fee-paid': '缴费日期',
  'deem-withdrawn-no-payment': '决定日期',
  reply: '答复日期',
  'draft-reply': '拟稿日期',
  'review-draft': '审核日期',
  'return-draft': '退回日期',
  withdraw: '撤回日期',
  note: '日期',
  'assist-request': '请求日期',
  archive: '归档日期',
  transfer: '转办日期',
};

/** A sentence shown above the form: what the action does. */
const EXPLANATIONS: Partial<Record<ActionCode, string>> = {
  'confirm-receipt': '确认之日为收到申请之日（条例第三十一条），答复期限自次日起计算。',
  'request-correction':
    '申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人补正（条例第三十条）。',
  'receive-correction': '答复期限自收到补正的申请之日起重新计算。',
  'deem-withdrawn-no-correction':
    '申请人无正当理由逾期不补正的，视为放弃申请，不再处理该申请（条例第三十条）。',
  'consult-send': '征求意见期间不计算在答复期限内（条例第三十三条第三款），发函后暂停计时。',
  'consult-deliver': '第三方或其他机关自收到征求意见书之日起15个工作日内提出意见。',
  'consult-reply': '收到意见后恢复计时。',
  extend: '经政府信息公开工作机构负责人同意，答复期限可延长一次，最长不超过20个工作日（条例第三十三条）。',
  'fee-notice': '收费金额由系统按《政府信息公开信息处理费管理办法》计算。',
  'deem-withdrawn-no-payment': '申请人逾期未按收费通知缴纳费用的，视为放弃申请。',
  withdraw: '申请人撤回申请，案件办结。',
  archive: '归档后案件不能再作任何修改。',
  transfer:
    '申请属于本级人民政府其他行政机关负责公开的，可转该机关办理：收到申请之日和答复期限不变，办理记录随案转交；系统以接收机关名义生成转办告知书，申请人可在查询页面看到转办去向。属于其他人民政府及其部门的，不能转办，应以“不属于本机关负责公开”答复并告知申请人该机关的名称和联系方式（条例第三十六条第五项）。',
  'draft-reply':
    '本机关的答复须经审核签发：答复草稿提交后依次由政府信息公开工作机构审核、负责人签发，签发后才生成答复书并答复申请人（条例第四十五条）。审核签发期间答复期限照常计算。',
  'review-draft': '审核通过后，答复草稿转负责人签发。',
  'return-draft': '退回后，承办人可按修改意见重新拟写答复；答复期限照常计算。',
  'assist-request':
    '请其他单位协助调查或会商：对方单位在工作台“协助办理”中看到该请求并在期限内答复，答复记入办理记录。',
};

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short random id for a new consultation letter (the server keys consultations by it). */
export function newConsultationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export interface Consultation {
  id: string;
  party: string;
  name: string;
  sentOn: string;
  delivered: boolean;
  replied: boolean;
}

/** The consultation letters of a case, from its event log. */
export function consultationsOf(events: readonly RequestEvent[]): Consultation[] {
  const list: Consultation[] = [];
  for (const e of events) {
    const id = typeof e.data.consultationId === 'string' ? e.data.consultationId : undefined;
    if (!id) continue;
    if (e.type === 'consult-send') {
      list.push({
        id,
        party: String(e.data.party ?? ''),
        name: String(e.data.name ?? ''),
        sentOn: e.on,
        delivered: false,
        replied: false,
      });
    }
    const c = list.find((x) => x.id === id);
    if (c && e.type === 'consult-deliver') c.delivered = true;
    if (c && e.type === 'consult-reply') c.replied = true;
  }
  return list;
}

const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > chinaToday();
const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const clean = (s: string | undefined) => s?.trim() ?? '';

/**
 * A reply's or draft's outcome, ground and text, with the released information (予以公开/部分公开 only; the
 * uploads' ids are set on submit).
 */
function replyFields(v: ActionValues & { releasedFileIds?: number[] }) {
  const fields = { outcome: v.outcome ?? '', groundCode: v.groundCode ?? null, text: clean(v.text) };
  if (!releasesInformation(v.outcome)) return fields;
  return {
    ...fields,
    releasedFileIds: v.releasedFileIds ?? [],
    releasedDocumentIds: v.releasedDocumentIds ?? [],
  };
}

/** Turns the form values into the action body the server expects. */
function toAction(action: ActionCode, v: ActionValues, consultationId: string): RequestAction {
  const on = iso(v.on);
  switch (action) {
    case 'confirm-receipt':
      return { action, on };
    case 'assign':
      return { action, on, unitId: v.unitId ?? 0, handlerId: v.handlerId ?? null };
    case 'request-correction':
      return { action, on, items: clean(v.items), deadlineDate: iso(v.deadlineDate) };
    case 'receive-correction':
      return { action, on, text: clean(v.text) || undefined };
    case 'consult-send':
      return { action, on, consultationId, party: v.party ?? 'third-party', name: clean(v.name) };
    case 'consult-deliver':
      return { action, on, consultationId: v.consultationId ?? '' };
    case 'consult-reply':
      return {
        action,
        on,
        consultationId: v.consultationId ?? '',
        opinion: v.opinion ?? 'none',
        text: clean(v.text) || undefined,
      };
    case 'extend':
      return { action, on, reason: clean(v.reason) };
    case 'fee-notice':
      return {
        action,
        on,
        method: v.method ?? 'per-page',
        quantity: v.quantity ?? 0,
        earlierThisMonth: v.method === 'per-item' ? (v.earlierThisMonth ?? undefined) : undefined,
        countReason: clean(v.countReason) || undefined,
      };
    case 'reply':
      // Signing a draft sends it as it stands (signoffPending); otherwise the reply itself.
      return v.outcome === undefined && v.text === undefined
        ? { action, on }
        : { action, on, ...replyFields(v) };
    case 'draft-reply':
      return { action, on, ...replyFields(v) };
    case 'review-draft':
      return { action, on, comment: clean(v.comment) || undefined };
    case 'return-draft':
      return { action, on, comment: clean(v.comment) };
    case 'withdraw':
      return { action, on, reason: clean(v.reason) || undefined };
    case 'note':
      return { action, on, text: clean(v.text) };
    case 'assist-request':
      return {
        action,
        on,
        unitId: v.unitId ?? 0,
        kind: v.kind === 'meeting' ? 'meeting' : 'investigation',
        question: clean(v.question),
        dueOn: iso(v.dueOn),
      };
    case 'transfer':
      return { action, on, toOrgId: v.toOrgId ?? 0, reason: clean(v.reason) };
    case 'deem-withdrawn-no-correction':
    case 'fee-paid':
    case 'deem-withdrawn-no-payment':
    case 'archive':
      return { action, on };
  }
}

interface Props {
  /** The action of the dialog (kept while it closes). */
  action: ActionCode | undefined;
  open: boolean;
  /** The consultation id generated for a new letter (consult-send). */
  consultationId: string;
  detail: RequestDetail;
  meta: RequestsMeta | undefined;
  orgOptions: OrgTreeOption[];
  /** Every organisation (转办: the agencies of the case's government are offered). */
  orgs: readonly Org[];
  /** The user may list users (to pick a handler). */
  canListUsers: boolean;
  onCancel: () => void;
  onSubmit: (action: RequestAction) => Promise<void>;
}

function AssignFields({ orgOptions, canListUsers }: { orgOptions: OrgTreeOption[]; canListUsers: boolean }) {
  const form = Form.useFormInstance<ActionValues>();
  const unitId = Form.useWatch('unitId', form);
  const { data, error, loading } = useLoad(
    () =>
      unitId && canListUsers
        ? listUsers({ orgId: unitId, page: 1, pageSize: 200 })
        : Promise.resolve({ items: [], total: 0 }),
    [unitId, canListUsers],
  );
  const options = (data?.items ?? [])
    .filter((u) => !u.disabled && u.role === 'handler')
    .map((u) => ({
      value: u.id,
      label: u.orgId === unitId ? u.displayName : `${u.displayName}（${u.orgName}）`,
    }));
  return (
    <>
      <Form.Item label="承办单位" name="unitId" rules={[{ required: true, message: '请选择承办单位' }]}>
        <TreeSelect
          treeData={orgOptions}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="请选择"
          onChange={() => form.setFieldValue('handlerId', undefined)}
        />
      </Form.Item>
      <Form.Item
        label="承办人（可选）"
        name="handlerId"
        extra={
          error
            ? '无法查看该单位的人员名单，可不指定承办人，由承办单位内部分派。'
            : '不指定的，由承办单位内部分派。'
        }
      >
        <Select
          allowClear
          loading={loading}
          options={options}
          placeholder={unitId ? '请选择' : '请先选择承办单位'}
          notFoundContent={canListUsers ? '该单位没有承办人账号' : '无权查看用户名单'}
        />
      </Form.Item>
    </>
  );
}

/** The small form of one case action (补正告知, 征求意见, 答复, 分办, 延期 …). */
export function RequestActionModal(props: Props) {
  const { action, detail, meta } = props;
  const consultations = useMemo(() => consultationsOf(detail.events), [detail.events]);
  const outcomes = useMemo(
    () => groupedOutcomeOptions((meta?.outcomes ?? []).filter((o) => o.replyChoosable)),
    [meta],
  );
  // 负责人签发: the reply of a case whose draft waits for signature sends the draft as it stands.
  const signing = action === 'reply' && detail.signoff.draft?.pending === 'sign';
  const title = signing ? '签发答复' : action ? labelOf(meta?.actions ?? [], action) : '';
  const clock = detail.clock;
  const c = detail.case;

  const initialValues: Partial<ActionValues> = {
    on: dayjs(chinaToday()),
    unitId: c.unitId ?? undefined,
    handlerId: c.handlerId ?? undefined,
    party: 'third-party',
    opinion: 'agree',
    method: 'per-page',
  };
  const pending = (step: 'deliver' | 'reply') =>
    consultations.filter((x) => !x.replied && (step === 'reply' || !x.delivered));
  const consultationOptions = (step: 'deliver' | 'reply') =>
    pending(step).map((x) => ({
      value: x.id,
      label: `${x.name}（${labelOf(meta?.parties ?? [], x.party)}，${formatDate(x.sentOn)}发函，编号 ${x.id}）`,
    }));
  if (action === 'consult-deliver' || action === 'consult-reply') {
    const open = pending(action === 'consult-deliver' ? 'deliver' : 'reply');
    if (open.length === 1) initialValues.consultationId = open[0]?.id;
  }

  // A step cannot precede the application (or, once received, its receipt), nor a letter's dispatch.
  const earliest = action === 'confirm-receipt' ? c.submittedOn : (c.receivedOn ?? c.submittedOn);
  const sentOn = (id: unknown) => consultations.find((x) => x.id === id)?.sentOn;
  const onField = action && (
    <Form.Item
      label={ON_LABELS[action] ?? '日期'}
      name="on"
      dependencies={['consultationId']}
      rules={[
        { required: true, message: '请选择日期' },
        ({ getFieldValue }) => ({
          validator(_, value: Dayjs | undefined) {
            if (!value) return Promise.resolve();
            const day = value.format('YYYY-MM-DD');
            if (day < earliest) return Promise.reject(new Error(`日期不能早于${formatDate(earliest)}`));
            const sent = sentOn(getFieldValue('consultationId'));
            if (sent && day < sent)
              return Promise.reject(new Error(`日期不能早于发函日期${formatDate(sent)}`));
            return Promise.resolve();
          },
        }),
      ]}
    >
      <DateInput
        style={{ width: '100%' }}
        disabledDate={(d) => afterToday(d) || d.format('YYYY-MM-DD') < earliest}
      />
    </Form.Item>
  );

  function fields(a: ActionCode): ReactNode {
    switch (a) {
      case 'assign':
        return (
          <>
            <AssignFields orgOptions={props.orgOptions} canListUsers={props.canListUsers} />
            {onField}
          </>
        );
      case 'request-correction':
        return (
          <>
            {clock && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`补正告知期限：${formatDate(clock.correctionNoticeDue)}`}
              />
            )}
            <Form.Item
              label="需要补正的事项"
              name="items"
              extra="一次性写明全部需要补正的事项。"
              rules={[{ required: true, whitespace: true, message: '请写明需要补正的事项' }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            {onField}
            <Form.Item
              label="补正期限"
              name="deadlineDate"
              dependencies={['on']}
              rules={[
                { required: true, message: '请选择补正期限' },
                ({ getFieldValue }) => ({
                  validator(_, value: Dayjs | undefined) {
                    const on: Dayjs | undefined = getFieldValue('on');
                    return value && on && !value.isAfter(on, 'day')
                      ? Promise.reject(new Error('补正期限应晚于告知日期'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </>
        );
      case 'receive-correction':
        return (
          <>
            {onField}
            <Form.Item label="补正内容摘要" name="text">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        );
      case 'consult-send':
        return (
          <>
            <Typography.Paragraph>
              征求意见编号：<Typography.Text code>{props.consultationId}</Typography.Text>
            </Typography.Paragraph>
            <Form.Item
              label="征求意见对象"
              name="party"
              rules={[{ required: true, message: '请选择征求意见对象' }]}
            >
              <Radio.Group options={selectOptions(meta?.parties ?? [])} />
            </Form.Item>
            <Form.Item
              label="第三方或机关名称"
              name="name"
              rules={[{ required: true, whitespace: true, message: '请填写被征求意见的第三方或机关名称' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            {onField}
          </>
        );
      case 'consult-deliver':
      case 'consult-reply':
        return (
          <>
            {pending(a === 'consult-deliver' ? 'deliver' : 'reply').length === 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="没有待处理的征求意见函" />
            )}
            <Form.Item
              label="征求意见函"
              name="consultationId"
              rules={[{ required: true, message: '请选择征求意见函' }]}
            >
              <Select
                options={consultationOptions(a === 'consult-deliver' ? 'deliver' : 'reply')}
                placeholder="请选择"
              />
            </Form.Item>
            {onField}
            {a === 'consult-reply' && (
              <>
                <Form.Item label="意见" name="opinion" rules={[{ required: true, message: '请选择意见' }]}>
                  <Radio.Group options={selectOptions(meta?.opinions ?? [])} />
                </Form.Item>
                <Form.Item label="意见内容摘要" name="text">
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </>
            )}
          </>
        );
      case 'extend':
        return (
          <>
            {clock?.extendedReplyDue && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`延期后答复期限：${formatDate(clock.extendedReplyDue)}`}
              />
            )}
            <Form.Item
              label="延期理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请写明延期答复的理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            {onField}
          </>
        );
      case 'fee-notice':
        return (
          <>
            <Form.Item label="计收方式" name="method" rules={[{ required: true, message: '请选择计收方式' }]}>
              <Radio.Group options={selectOptions(meta?.feeMethods ?? [])} />
            </Form.Item>
            <Form.Item
              label="件数或页数"
              name="quantity"
              extra="按件计收填写本申请的件数（一事一申请，通常为1）：申请人本月此前的申请件数由系统按证件号码从申请记录中统计；按量计收填写页数。"
              rules={[{ required: true, message: '请填写件数或页数' }]}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label="更正本月此前申请件数（可选）"
              name="earlierThisMonth"
              extra="仅在系统统计有误时填写（例如申请人以不同证件提交），须写明理由；收费通知书载明所用件数。"
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label="更正理由" name="countReason">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            {onField}
          </>
        );
      case 'reply':
        if (signing) {
          return (
            <>
              <DraftSummary detail={detail} meta={meta} />
              {onField}
            </>
          );
        }
        return <ReplyFields outcomes={outcomes} meta={meta} onField={onField} />;
      case 'draft-reply':
        return <ReplyFields outcomes={outcomes} meta={meta} onField={onField} />;
      case 'review-draft':
        return (
          <>
            <DraftSummary detail={detail} meta={meta} />
            <Form.Item label="审核意见（可选）" name="comment">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            {onField}
          </>
        );
      case 'return-draft':
        return (
          <>
            <DraftSummary detail={detail} meta={meta} />
            <Form.Item
              label="修改意见"
              name="comment"
              rules={[{ required: true, whitespace: true, message: '请写明修改意见' }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            {onField}
          </>
        );
      case 'withdraw':
        return (
          <>
            {onField}
            <Form.Item label="撤回说明" name="reason">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        );
      case 'assist-request':
        return (
          <>
            <Form.Item
              label="协助单位"
              name="unitId"
              rules={[{ required: true, message: '请选择请求协助的单位' }]}
            >
              <TreeSelect
                treeData={props.orgOptions}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandAll
                placeholder="请选择单位"
              />
            </Form.Item>
            <Form.Item label="协助方式" name="kind" initialValue="investigation" rules={[{ required: true }]}>
              <Radio.Group options={ASSIST_KIND_OPTIONS} />
            </Form.Item>
            <Form.Item
              label="协助事项"
              name="question"
              rules={[{ required: true, whitespace: true, message: '请写明需要协助的事项' }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            {onField}
            <Form.Item
              label="协助办理期限"
              name="dueOn"
              rules={[{ required: true, message: '请选择协助办理期限' }]}
            >
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </>
        );
      case 'transfer':
        return (
          <>
            <Form.Item
              label="转至"
              name="toOrgId"
              extra="只列出本级人民政府受理政府信息公开申请的行政机关。"
              rules={[{ required: true, message: '请选择转办的行政机关' }]}
            >
              <Select
                options={transferOptions(props.orgs, c.orgId)}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择行政机关"
                notFoundContent="本级人民政府没有其他受理申请的行政机关"
              />
            </Form.Item>
            <Form.Item
              label="转办理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请写明转办理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            {onField}
          </>
        );
      case 'note':
        return (
          <>
            <Form.Item
              label="记录内容"
              name="text"
              rules={[{ required: true, whitespace: true, message: '请填写记录内容' }]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            {onField}
          </>
        );
      default:
        return onField;
    }
  }

  const explanation = signing
    ? '签发后即以本机关名义生成答复书，申请转为“已答复”。'
    : action && EXPLANATIONS[action];
  return (
    <FormModal<ActionValues>
      open={props.open && action !== undefined}
      title={title}
      okText="确定"
      width={560}
      initialValues={initialValues}
      fieldNames={FIELD_NAMES}
      onCancel={props.onCancel}
      onSubmit={async (v) => {
        if (!action) return;
        // The released files are uploaded first (POST /api/files); their ids go with the reply or draft.
        const raw = releasesInformation(v.outcome)
          ? (v.releasedUploads ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []))
          : [];
        const releasedFileIds = raw.length > 0 ? (await uploadAnswerFiles(raw)).map((f) => f.id) : [];
        await props.onSubmit(
          toAction(action, { ...v, releasedFileIds } as ActionValues, props.consultationId),
        );
      }}
    >
      {explanation && <Typography.Paragraph type="secondary">{explanation}</Typography.Paragraph>}
      {action && fields(action)}
    </FormModal>
  );
}

/** 转办: the other agencies of the case's government that accept applications (domain/transfer.ts). */
function transferOptions(orgs: readonly Org[], fromId: number): { value: number; label: string }[] {
  const government = governmentOf(orgs, fromId);
  return orgs
    .filter(
      (o) =>
        o.id !== fromId &&
        o.acceptsRequests &&
        !o.disabled &&
        government !== null &&
        governmentOf(orgs, o.id) === government,
    )
    .map((o) => ({ value: o.id, label: o.name }));
}

function ReplyFields({
  outcomes,
  meta,
  onField,
}: {
  outcomes: ReturnType<typeof groupedOutcomeOptions>;
  meta: RequestsMeta | undefined;
  onField: ReactNode;
}) {
  const form = Form.useFormInstance<ActionValues>();
  const outcome = Form.useWatch('outcome', form);
  const needsGround = meta?.outcomes.find((o) => o.code === outcome)?.groundRequired ?? false;
  return (
    <>
      <Form.Item label="答复类型" name="outcome" rules={[{ required: true, message: '请选择答复类型' }]}>
        <Select
          options={outcomes}
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          onChange={() => form.setFieldValue('groundCode', undefined)}
        />
      </Form.Item>
      {needsGround && (
        <Form.Item
          label={outcome === 'PARTIAL' ? '不予公开部分的理由' : '不予公开的理由'}
          name="groundCode"
          rules={[{ required: true, message: '请选择不予公开的理由' }]}
        >
          <Select options={selectOptions(meta?.grounds ?? [])} placeholder="请选择" />
        </Form.Item>
      )}
      {onField}
      <Form.Item
        label="答复内容"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
      {releasesInformation(outcome) && <ReleasedFields />}
    </>
  );
}

/** 予以公开/部分公开: the information provided with the reply — uploads, and documents of the library. */
function ReleasedFields() {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  async function search(q: string) {
    setSearching(true);
    try {
      const { items } = await listDocuments({ q: q.trim() || undefined, pageSize: 20 });
      setOptions(
        items.map((d) => ({ value: d.id, label: `${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}` })),
      );
    } finally {
      setSearching(false);
    }
  }
  return (
    <>
      <Form.Item
        label="随答复提供的政府信息（附件）"
        name="releasedUploads"
        extra="申请人可在办理进度页面下载，答复书中列明。"
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      >
        <Upload beforeUpload={() => false} multiple>
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Form.Item>
      <Form.Item label="从政府文件库选择" name="releasedDocumentIds">
        <Select
          mode="multiple"
          allowClear
          placeholder="输入标题或文号查找"
          options={options}
          loading={searching}
          showSearch={{ filterOption: false, onSearch: search }}
          onFocus={() => options.length === 0 && search('')}
          notFoundContent={searching ? '查找中…' : '没有找到文件'}
        />
      </Form.Item>
    </>
  );
}

/** The draft waiting for sign-off, as the reviewer or signer reads it before acting. */
function DraftSummary({ detail, meta }: { detail: RequestDetail; meta: RequestsMeta | undefined }) {
  const draft = detail.signoff.draft;
  if (!draft) return null;
  const outcome = labelOf(meta?.outcomes ?? [], draft.outcome);
  const ground = draft.groundCode ? `（${labelOf(meta?.grounds ?? [], draft.groundCode)}）` : '';
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title={`答复草稿：${outcome}${ground}`}
      description={
        <>
          <div style={{ whiteSpace: 'pre-wrap' }}>{draft.text}</div>
          {(draft.releasedDocuments.length > 0 || draft.releasedFiles.length > 0) && (
            <div>
              随答复提供：
              {[
                ...draft.releasedDocuments.map((d) => `《${d.title}》`),
                ...draft.releasedFiles.map((f) => f.name),
              ].join('、')}
            </div>
          )}
          <Typography.Text type="secondary">
            {`${draft.drafterName ?? '承办人'}于${formatDate(draft.on)}拟稿${detail.clock?.replyDue ? `；答复期限：${formatDate(detail.clock.replyDue)}` : ''}`}
          </Typography.Text>
        </>
      }
    />
  );
}
