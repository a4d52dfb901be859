import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import {
  Alert,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  TreeSelect,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import {
  type Applicant,
  createRequest,
  RECEIPT_KNOWN_CHANNELS,
  type RequestCreateInput,
  type RequestDetail,
} from '../api/requests.ts';
import { uploadAnswerFiles } from '../api/requestsAssistance.ts';
import { chinaToday } from '../lib/format.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { isValidCreditCode, isValidResidentId } from '../lib/identity.ts';
import type { OrgTreeOption } from '../lib/orgTree.ts';
import {
  ORGANISATION_ID_TYPES,
  PERSON_ID_TYPES,
  type RequestsMeta,
  selectOptions,
} from '../lib/requestsMeta.ts';
import { DateInput } from './DateInput.tsx';

type ApplicantKind = 'natural' | 'organisation';

interface RegisterValues {
  channel: RequestCreateInput['channel'];
  submittedOn: Dayjs;
  receivedOn?: Dayjs | null;
  orgId: number;
  applicantKind: ApplicantKind;
  applicant: {
    /** Asked (and required) only of an organisation; a person is `natural`. */
    type?: Applicant['type'];
    name: string;
    idType: Applicant['idType'];
    idNumber: string;
    phone: string;
    email?: string;
    address?: string;
    contactName?: string;
  };
  request: {
    subject: string;
    docNumber?: string;
    description: string;
    formWanted?: string;
    deliveryWanted?: string;
  };
  /** What the applicant handed in, by kind (uploaded when the form is saved). */
  files?: Partial<Record<ApplicationFileKind, UploadFile[]>>;
}

type ApplicationFileKind = NonNullable<RequestCreateInput['files']>[number]['kind'];

/** The applicant's papers a registration keeps in the case file (domain/case-files.ts). */
const FILE_FIELDS: { kind: ApplicationFileKind; label: string; extra?: string }[] = [
  {
    kind: 'letter-scan',
    label: '申请书（信函）扫描件',
    extra: '纸质申请请扫描或拍照上传，PDF、OFD、图片或Word文件。',
  },
  { kind: 'identity', label: '身份证明' },
  { kind: 'supporting', label: '其他材料' },
];

/** Form fields, named as the server names them in its field errors (`applicant.idNumber`). */
const FIELD_NAMES = [
  'channel',
  'submittedOn',
  'receivedOn',
  'orgId',
  'applicant.type',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.contactName',
  'request.subject',
  'request.docNumber',
  'request.description',
  'request.formWanted',
  'request.deliveryWanted',
  'files',
] as const;

/** Channels staff register (online applications come from the portal). */
const STAFF_CHANNELS: readonly string[] = ['in-person', 'post-signed', 'post-confirmed', 'fax', 'email'];

/** What the first date means for each channel (Art. 31). */
const SUBMITTED_LABELS: Record<string, string> = {
  'in-person': '提交日期',
  'post-signed': '签收日期',
  'post-confirmed': '收信日期',
  fax: '收到传真日期',
  email: '收到邮件日期',
};

const SUBMITTED_HINTS: Record<string, string> = {
  'in-person': '当面提交的，以提交之日为收到申请之日。',
  'post-signed': '以邮寄方式提交并签收的，以签收之日为收到申请之日。',
};

function iso(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

function trimmed(value: string | undefined): string | null {
  return value?.trim() || null;
}

const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > chinaToday();

interface Props {
  open: boolean;
  meta: RequestsMeta | undefined;
  orgOptions: OrgTreeOption[];
  defaultOrgId: number;
  onClose: () => void;
  onCreated: (detail: RequestDetail) => void;
}

/** 登记申请: staff registration of an application handed in, posted, faxed or e-mailed. */
export function RegisterRequestDrawer({ open, meta, orgOptions, defaultOrgId, onClose, onCreated }: Props) {
  const [form] = Form.useForm<RegisterValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch('applicantKind', form);
  const idType = Form.useWatch(['applicant', 'idType'], form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(undefined);
  }, [open, form]);

  const channelOptions = selectOptions((meta?.channels ?? []).filter((c) => STAFF_CHANNELS.includes(c.code)));
  const organisationTypes = selectOptions((meta?.applicantTypes ?? []).filter((t) => t.code !== 'natural'));
  const naturalLabel = meta?.applicantTypes.find((t) => t.code === 'natural')?.label ?? '自然人';
  const idTypes = (meta?.idTypes ?? []).filter((t) =>
    (kind === 'organisation' ? ORGANISATION_ID_TYPES : PERSON_ID_TYPES).includes(t.code),
  );
  const receiptKnown = channel === undefined || RECEIPT_KNOWN_CHANNELS.includes(channel);
  const isOrganisation = kind === 'organisation';

  async function submit(v: RegisterValues) {
    const type = isOrganisation ? v.applicant.type : 'natural';
    if (!type) return; // the form requires 组织类别 of an organisation
    setSubmitting(true);
    setError(undefined);
    const submittedOn = iso(v.submittedOn) ?? '';
    const applicant: Applicant = {
      type,
      name: v.applicant.name.trim(),
      idType: v.applicant.idType,
      idNumber: v.applicant.idNumber.trim().toUpperCase(),
      phone: v.applicant.phone.trim(),
      email: trimmed(v.applicant.email),
      address: trimmed(v.applicant.address),
      contactName: isOrganisation ? trimmed(v.applicant.contactName) : null,
    };
    try {
      // The applicant's papers are uploaded first (POST /api/files); their ids go with the registration.
      const files: NonNullable<RequestCreateInput['files']> = [];
      for (const { kind } of FILE_FIELDS) {
        const raw = (v.files?.[kind] ?? []).flatMap((f) =>
          f.originFileObj ? [f.originFileObj as File] : [],
        );
        if (raw.length === 0) continue;
        for (const stored of await uploadAnswerFiles(raw)) files.push({ fileId: stored.id, kind });
      }
      const detail = await createRequest({
        files,
        channel: v.channel,
        submittedOn,
        receivedOn: RECEIPT_KNOWN_CHANNELS.includes(v.channel) ? submittedOn : iso(v.receivedOn),
        orgId: v.orgId,
        applicant,
        request: {
          subject: v.request.subject.trim(),
          docNumber: trimmed(v.request.docNumber),
          description: v.request.description.trim(),
          formWanted: trimmed(v.request.formWanted),
          deliveryWanted: trimmed(v.request.deliveryWanted),
        },
      });
      onCreated(detail);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, FIELD_NAMES);
      const base = errorMessage(e);
      setError(unmatched.length ? `${base.replace(/[。.]$/, '')}：${unmatched.join('；')}` : base);
      if (!(e instanceof ApiError)) console.error(e);
    } finally {
      setSubmitting(false);
    }
  }

  function onKindChange(next: ApplicantKind) {
    form.setFieldValue(['applicant', 'idType'], next === 'organisation' ? 'uscc' : 'resident-id');
    form.setFieldValue(['applicant', 'type'], undefined);
  }

  return (
    <Drawer
      open={open}
      title="登记申请"
      size={760}
      destroyOnHidden
      mask={{ closable: false }}
      onClose={onClose}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            登记
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          channel: 'in-person',
          submittedOn: dayjs(chinaToday()),
          orgId: defaultOrgId,
          applicantKind: 'natural',
          applicant: { idType: 'resident-id' },
        }}
        onFinish={submit}
      >
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          申请方式
        </Divider>
        <Form.Item label="申请方式" name="channel" rules={[{ required: true, message: '请选择申请方式' }]}>
          <Radio.Group options={channelOptions} optionType="button" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={SUBMITTED_LABELS[channel ?? 'in-person'] ?? '提交日期'}
              name="submittedOn"
              extra={SUBMITTED_HINTS[channel ?? 'in-person']}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DateInput style={{ width: '100%' }} disabledDate={afterToday} />
            </Form.Item>
          </Col>
          {!receiptKnown && (
            <Col xs={24} sm={12}>
              <Form.Item
                label="确认收到日期"
                name="receivedOn"
                dependencies={['submittedOn']}
                extra="以与申请人确认之日为收到申请之日（条例第三十一条）。尚未确认的请留空，确认后在案件中办理“确认收到”。"
                rules={[
                  ({ getFieldValue }) => ({
                    validator(_, value: Dayjs | null | undefined) {
                      const submitted: Dayjs | undefined = getFieldValue('submittedOn');
                      return value && submitted && value.isBefore(submitted, 'day')
                        ? Promise.reject(new Error('确认收到日期不能早于收到日期'))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DateInput style={{ width: '100%' }} disabledDate={afterToday} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item
          label="受理机关"
          name="orgId"
          extra="申请所指向的行政机关。"
          rules={[{ required: true, message: '请选择受理申请的行政机关' }]}
        >
          <TreeSelect
            treeData={orgOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="请选择"
          />
        </Form.Item>

        <Divider titlePlacement="start">申请人信息</Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="申请人类型" name="applicantKind" rules={[{ required: true }]}>
              <Radio.Group
                onChange={(e) => onKindChange(e.target.value as ApplicantKind)}
                options={[
                  { value: 'natural', label: naturalLabel },
                  { value: 'organisation', label: '法人或其他组织' },
                ]}
              />
            </Form.Item>
          </Col>
          {isOrganisation && (
            <Col xs={24} sm={12}>
              <Form.Item
                label="组织类别"
                name={['applicant', 'type']}
                rules={[{ required: true, message: '请选择组织类别' }]}
              >
                <Select options={organisationTypes} placeholder="请选择" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={isOrganisation ? '名称' : '姓名'}
              name={['applicant', 'name']}
              rules={[
                { required: true, whitespace: true, message: isOrganisation ? '请填写名称' : '请填写姓名' },
              ]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          {isOrganisation && (
            <Col xs={24} sm={12}>
              <Form.Item label="联系人" name={['applicant', 'contactName']}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              label="证件类型"
              name={['applicant', 'idType']}
              rules={[{ required: true, message: '请选择证件类型' }]}
            >
              <Select options={selectOptions(idTypes)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label="证件号码"
              name={['applicant', 'idNumber']}
              dependencies={[['applicant', 'idType']]}
              rules={[
                { required: true, whitespace: true, message: '请填写证件号码' },
                {
                  validator(_, value: string | undefined) {
                    if (!value?.trim()) return Promise.resolve();
                    if (idType === 'resident-id' && !isValidResidentId(value))
                      return Promise.reject(new Error('居民身份证号码有误，请核对（18位，末位为校验码）'));
                    if (idType === 'uscc' && !isValidCreditCode(value))
                      return Promise.reject(new Error('统一社会信用代码有误，请核对（18位，末位为校验码）'));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="联系电话"
              name={['applicant', 'phone']}
              rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}
            >
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="电子邮箱"
              name={['applicant', 'email']}
              rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="通信地址" name={['applicant', 'address']}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>

        <Divider titlePlacement="start">所需政府信息</Divider>
        <Form.Item
          label="申请公开的政府信息名称"
          name={['request', 'subject']}
          rules={[{ required: true, whitespace: true, message: '请填写所需政府信息的名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="文号" name={['request', 'docNumber']}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="特征描述"
          name={['request', 'description']}
          extra="便于行政机关查询的其他特征性描述，如制作机关、时间、内容要点。"
          rules={[
            { required: true, whitespace: true, message: '请描述所需信息的内容特征，便于行政机关查找' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="信息的形式要求" name={['request', 'formWanted']}>
              <Select allowClear placeholder="请选择" options={selectOptions(meta?.formsWanted ?? [])} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="获取信息的方式" name={['request', 'deliveryWanted']}>
              <Select allowClear placeholder="请选择" options={selectOptions(meta?.deliveries ?? [])} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">申请材料</Divider>
        {FILE_FIELDS.map((f) => (
          <Form.Item
            key={f.kind}
            label={f.label}
            name={['files', f.kind]}
            extra={f.extra}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          >
            <Upload beforeUpload={() => false} multiple accept=".pdf,.ofd,.jpg,.jpeg,.png,.gif,.doc,.docx">
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        ))}
        {/* Lets Enter in a text field submit the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
