import { ArrowLeftOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Steps,
  Table,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { VALIDITY_LABELS } from '../../../modules/documents/domain/codes.ts';
import { can } from '../../../modules/documents/domain/policies.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  attachFile,
  type DocumentDetail,
  fileUrl,
  getDocument,
  publishDocument,
  removeAttachment,
  reviewDocument,
  setValidity,
  submitDocument,
  uploadFiles,
  type VersionAnswer,
  versionOn,
} from '../../api/documents.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { AttributeTag, StatusTag, ValidityTag } from '../../components/documents/DocTags.tsx';
import { InterpretationsCard } from '../../components/documents/InterpretationsCard.tsx';
import { useDocumentsMeta } from '../../components/documents/meta.ts';
import { RelationsCard } from '../../components/documents/RelationsCard.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

const STEP_OF: Record<string, number> = { draft: 0, returned: 0, in_review: 1, approved: 2, published: 3 };

function statusSteps(doc: DocumentDetail) {
  const current = STEP_OF[doc.status] ?? 0;
  return (
    <Steps
      size="small"
      current={current}
      status={doc.status === 'returned' ? 'error' : doc.status === 'published' ? 'finish' : 'process'}
      items={[
        { title: doc.status === 'returned' ? '已退回修改' : '起草', description: '确定公开属性' },
        { title: '保密审查', description: '审核人审查' },
        { title: '审查通过', description: '待发布' },
        { title: '发布', description: doc.publishedDate ? formatDate(doc.publishedDate) : '门户网站公开' },
      ]}
    />
  );
}

function DeadlinePanel({ doc }: { doc: DocumentDetail }) {
  const d = doc.publicationDeadline;
  if (!d || doc.status === 'published' || doc.attribute !== 'proactive') return null;
  if (!d.due) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={d.message ?? `缺少${d.missingYear ?? ''}年的工作日历，暂时无法计算公开期限`}
        description="请系统管理员在“工作日历”中导入该年度的节假日安排。"
      />
    );
  }
  return (
    <Alert
      type={d.overdue ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`主动公开期限：${formatDate(d.due)}${d.overdue ? '（已逾期）' : ''}${d.message ? `，${d.message}` : ''}`}
      description="属于主动公开范围的政府信息，应当自该信息形成或者变更之日起20个工作日内及时公开（条例第二十六条）。"
    />
  );
}

interface ReviewValues {
  decision: 'approved' | 'returned';
  notes?: string;
}

interface ValidityValues {
  validity: 'valid' | 'expired' | 'repealed';
  on: Dayjs;
}

/** 文件详情: metadata, workflow, deadline, review history, interpretations, relations and versions. */
export function DocumentDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const { meta } = useDocumentsMeta();
  const loaded = useLoad(
    () =>
      Number.isInteger(id) && id > 0
        ? getDocument(id)
        : Promise.reject(new ApiError(404, 'NOT_FOUND', '请求的内容不存在')),
    [id],
  );
  const [fresh, setFresh] = useState<DocumentDetail>();
  const [seen, setSeen] = useState(loaded.data);
  if (seen !== loaded.data) {
    setSeen(loaded.data);
    setFresh(undefined);
  }
  const candidate = fresh ?? loaded.data;
  const doc = candidate?.id === id ? candidate : undefined;
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [reviewOpen, setReviewOpen] = useState<'approved' | 'returned'>();
  const [validityOpen, setValidityOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [versionDate, setVersionDate] = useState<Dayjs | null>(null);
  const [version, setVersion] = useState<VersionAnswer>();

  if (!doc) {
    return (
      <>
        <PageTitle title="文件详情" extra={<BackLink />} />
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

  const canDraft = can(user, 'draft');
  // The steps follow the document's status (the server's allowedActions may leave out a step whose
  // precondition is missing — the attribute, or an interpretation for 三同步 — but the button is still
  // offered, so that the server's refusal explains what is missing); the user's role narrows them.
  const editable = doc.status === 'draft' || doc.status === 'returned';
  const allowed = new Set<string>();
  if (canDraft && (editable || doc.allowedActions.includes('edit'))) {
    allowed.add('edit');
    allowed.add('submit');
  }
  if (can(user, 'review') && doc.status === 'in_review') {
    allowed.add('approve');
    allowed.add('return');
  }
  if (can(user, 'publish') && doc.status === 'approved') allowed.add('publish');

  async function run(label: string, action: () => Promise<DocumentDetail>) {
    setBusy(label);
    setActionError(undefined);
    try {
      setFresh(await action());
      message.success(`已${label}`);
    } catch (e) {
      setActionError(errorMessage(e));
      if (e instanceof ApiError && e.code === 'DOC_STATUS_INVALID') loaded.reload();
    } finally {
      setBusy(undefined);
    }
  }

  async function review(values: ReviewValues) {
    const next = await reviewDocument(doc?.id ?? id, values.decision, values.notes?.trim() || null);
    setFresh(next);
    setReviewOpen(undefined);
    setActionError(undefined);
    message.success(values.decision === 'approved' ? '已审查通过' : '已退回起草人修改');
  }

  async function changeValidity(values: ValidityValues) {
    const next = await setValidity(doc?.id ?? id, {
      validity: values.validity,
      on: values.on.format('YYYY-MM-DD'),
    });
    setFresh(next);
    setValidityOpen(false);
    message.success('已登记有效性变化');
  }

  async function upload(file: File) {
    setUploading(true);
    try {
      const [stored] = await uploadFiles([file]);
      if (stored) await attachFile(id, stored.id, stored.name);
      message.success(`已添加附件：${file.name}`);
      loaded.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  }

  async function detach(attachmentId: number) {
    try {
      await removeAttachment(id, attachmentId);
      message.success('已删除附件');
      loaded.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function lookUpVersion(date: Dayjs | null) {
    setVersionDate(date);
    setVersion(undefined);
    if (!date) return;
    try {
      setVersion(await versionOn(id, date.format('YYYY-MM-DD')));
    } catch (e) {
      setVersion({ date: date.format('YYYY-MM-DD'), inForce: false, message: errorMessage(e) });
    }
  }

  const items: DescriptionsProps['items'] = [
    { key: 'docNumber', label: '文号', children: doc.docNumber ?? '无' },
    { key: 'index', label: '索引号', children: doc.indexNumber },
    { key: 'issuers', label: '发文机关', children: doc.issuers.map((i) => i.name).join('、') || doc.orgName },
    { key: 'genre', label: '体裁', children: doc.genreLabel },
    { key: 'topic', label: '主题分类', children: doc.topicLabel ?? '—' },
    { key: 'themes', label: '特色主题', children: doc.themes.map((t) => t.name).join('、') || '—' },
    { key: 'written', label: '成文日期', children: formatDate(doc.writtenDate) },
    { key: 'published', label: '发布日期', children: formatDate(doc.publishedDate) },
    ...(doc.status === 'published'
      ? [{ key: 'signedBy', label: '签发人', children: doc.signedBy ?? '未记录（签发记录启用前发布）' }]
      : []),
    { key: 'effective', label: '施行日期', children: formatDate(doc.effectiveDate) },
    {
      key: 'validity',
      label: '有效性',
      children: (
        <Space>
          <ValidityTag validity={doc.validity} label={doc.validityLabel} />
          {doc.validityChangedOn && `（${formatDate(doc.validityChangedOn)}起）`}
        </Space>
      ),
    },
    { key: 'status', label: '状态', children: <StatusTag status={doc.status} label={doc.statusLabel} /> },
    {
      key: 'attribute',
      label: '公开属性',
      children: <AttributeTag attribute={doc.attribute} label={doc.attributeLabel} />,
    },
  ];
  if (doc.attribute && doc.attribute !== 'proactive') {
    items.push({ key: 'ground', label: '法律依据', children: doc.attributeGroundLabel ?? '—', span: 2 });
    items.push({ key: 'reason', label: '理由', children: doc.attributeReason ?? '—' });
    items.push({ key: 'due', label: '下次复审', children: formatDate(doc.attributeReviewDue) });
  }
  if (doc.convertedOn)
    items.push({ key: 'converted', label: '转为主动公开', children: formatDate(doc.convertedOn) });
  if (doc.keywords.length > 0)
    items.push({ key: 'keywords', label: '关键词', children: doc.keywords.join('、') });
  if (doc.summary) items.push({ key: 'summary', label: '内容概述', children: doc.summary, span: 3 });
  if (doc.historical) items.push({ key: 'historical', label: '来源', children: '历史文件导入' });

  const actionButtons = (
    <Space wrap>
      {allowed.has('edit') && <Button onClick={() => navigate(`/documents/${doc.id}/edit`)}>修改</Button>}
      {allowed.has('submit') && (
        <Button
          type="primary"
          disabled={busy === '提交审查'}
          onClick={() => run('提交审查', () => submitDocument(doc.id))}
        >
          提交保密审查
        </Button>
      )}
      {allowed.has('approve') && (
        <Button type="primary" onClick={() => setReviewOpen('approved')}>
          审查通过
        </Button>
      )}
      {allowed.has('return') && (
        <Button danger onClick={() => setReviewOpen('returned')}>
          退回修改
        </Button>
      )}
      {allowed.has('publish') && (
        <Button
          type="primary"
          disabled={busy === '发布'}
          onClick={() =>
            // 签发: publishing asks for the signer's confirmation; the server records who signed.
            modal.confirm({
              title: '确认签发并发布？',
              content: (
                <>
                  <p>{`签发人：${user.displayName}`}</p>
                  <p>
                    发布后文件将在门户网站主动公开。请确认文件内容、公开属性和解读材料无误，签发记录将保存在文件记录中。
                  </p>
                </>
              ),
              okText: '确认签发并发布',
              cancelText: '取消',
              onOk: () => run('发布', () => publishDocument(doc.id)),
            })
          }
        >
          发布
        </Button>
      )}
      {doc.status === 'published' && (
        <>
          {doc.attribute === 'proactive' && (
            <a href={`/gk/documents/${doc.id}`} target="_blank" rel="noopener noreferrer">
              在门户网站查看
            </a>
          )}
          <Button onClick={() => setValidityOpen(true)}>登记有效性变化</Button>
        </>
      )}
      {allowed.size === 0 && doc.status !== 'published' && (
        <Typography.Text type="secondary">当前没有您可以办理的操作。</Typography.Text>
      )}
    </Space>
  );

  return (
    <>
      <PageTitle title={doc.title} extra={<BackLink />} />
      <Card style={{ marginBottom: 16 }}>{statusSteps(doc)}</Card>
      <DeadlinePanel doc={doc} />
      <Card title="可办理的操作" style={{ marginBottom: 16 }}>
        <section aria-label="可办理的操作">
          {actionError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={actionError}
              closable={{ onClose: () => setActionError(undefined) }}
            />
          )}
          {doc.status === 'returned' && doc.reviews[0]?.decision === 'returned' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="文件已被退回"
              description={`审查意见：${doc.reviews[0].notes ?? '—'}`}
            />
          )}
          {actionButtons}
        </section>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title="文件信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" items={items} />
          </Card>
          <Card title="正文" style={{ marginBottom: 16 }}>
            {doc.bodyHtml ? (
              <div
                className="document-body"
                // Sanitised by the server (sanitize-html) before it is stored.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised document body
                dangerouslySetInnerHTML={{ __html: doc.bodyHtml }}
              />
            ) : (
              <Empty description="暂无正文" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card
            title="附件"
            style={{ marginBottom: 16 }}
            extra={
              allowed.has('edit') && (
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} disabled={uploading}>
                    添加附件
                  </Button>
                </Upload>
              )
            }
          >
            {doc.attachments.length === 0 ? (
              <Empty description="暂无附件" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={doc.attachments}
                columns={[
                  {
                    title: '名称',
                    dataIndex: 'name',
                    render: (name: string, a) => (
                      <a href={fileUrl(a.fileId)} target="_blank" rel="noopener noreferrer">
                        {name}
                      </a>
                    ),
                  },
                  {
                    title: '大小',
                    dataIndex: 'size',
                    width: 110,
                    render: (s: number) => `${Math.ceil(s / 1024)} KB`,
                  },
                  {
                    title: '文字提取',
                    dataIndex: 'hasText',
                    width: 100,
                    render: (t: boolean) => (t ? '已提取' : '无文字'),
                  },
                  ...(allowed.has('edit')
                    ? [
                        {
                          title: '操作',
                          key: 'op',
                          width: 90,
                          render: (_: unknown, a: DocumentDetail['attachments'][number]) => (
                            <Popconfirm
                              title="删除这个附件？"
                              okText="删除"
                              cancelText="取消"
                              onConfirm={() => detach(a.id)}
                            >
                              <Button
                                type="link"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={`删除附件 ${a.name}`}
                              />
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
          <InterpretationsCard
            documentId={doc.id}
            kinds={meta?.interpretationKinds}
            editable={canDraft}
            canReview={can(user, 'review')}
            published={doc.status === 'published'}
            needsInterpretation={doc.needsInterpretation}
            onChanged={() => {
              setActionError(undefined);
              loaded.reload();
            }}
          />
          <RelationsCard
            doc={doc}
            editable={canDraft}
            relationKinds={meta?.relationKinds}
            onSaved={setFresh}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Card title="审查记录" style={{ marginBottom: 16 }}>
            {doc.reviews.length === 0 ? (
              <Empty description="尚未审查" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Timeline
                items={doc.reviews.map((r) => ({
                  key: r.id,
                  color: r.decision === 'approved' ? 'green' : 'red',
                  content: (
                    <>
                      <Typography.Text strong>{r.decisionLabel}</Typography.Text>
                      <div>{`${r.reviewer ?? '审核人'} · ${formatDateTime(r.reviewedAt)}`}</div>
                      {r.notes && <div>{`意见：${r.notes}`}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          {doc.attributeReviews.length > 0 && (
            <Card title="公开属性复审记录" style={{ marginBottom: 16 }}>
              <Timeline
                items={doc.attributeReviews.map((r) => ({
                  key: r.id,
                  content: (
                    <>
                      <Typography.Text strong>{r.decisionLabel}</Typography.Text>
                      <div>{`${r.reviewer ?? '复审人'} · ${formatDateTime(r.reviewedAt)}`}</div>
                      {r.notes && <div>{`意见：${r.notes}`}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
          )}
          <Card title="历史版本" style={{ marginBottom: 16 }}>
            {doc.versions.length === 0 ? (
              <Typography.Paragraph type="secondary">没有历史文本。</Typography.Paragraph>
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={doc.versions}
                columns={[
                  { title: '版本', dataIndex: 'versionNo', width: 60, render: (n: number) => `第${n}版` },
                  {
                    title: '施行期间',
                    key: 'range',
                    render: (_, v) =>
                      `${formatDate(v.validFrom)} 至 ${v.validTo ? formatDate(v.validTo) : '今'}`,
                  },
                ]}
              />
            )}
            <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
              <label htmlFor="version-date">查看某日有效的文本</label>
              <DateInput id="version-date" value={versionDate} onChange={(d) => void lookUpVersion(d)} />
              {version &&
                (version.inForce ? (
                  <Alert
                    type="info"
                    showIcon
                    title={`${formatDate(version.date)}有效的文本：${version.current ? '现行文本' : `第${version.versionNo ?? ''}版`}`}
                    description={version.title}
                  />
                ) : (
                  <Alert type="warning" showIcon title={version.message ?? '该日期文件不在有效期内'} />
                ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <FormModal<ReviewValues>
        open={reviewOpen !== undefined}
        title={reviewOpen === 'returned' ? '退回修改' : '审查通过'}
        okText="确定"
        fieldNames={['decision', 'notes']}
        initialValues={{ decision: reviewOpen ?? 'approved' }}
        onCancel={() => setReviewOpen(undefined)}
        onSubmit={review}
      >
        <Typography.Paragraph type="secondary">
          保密审查实行一事一审：每次审查都记录审查人、结论和意见。
        </Typography.Paragraph>
        <Form.Item name="decision" label="审查结论">
          <Radio.Group
            options={[
              { value: 'approved', label: '通过' },
              { value: 'returned', label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: ReviewValues, b: ReviewValues) => a.decision !== b.decision}>
          {({ getFieldValue }) => (
            <Form.Item
              name="notes"
              label="审查意见"
              rules={
                getFieldValue('decision') === 'returned'
                  ? [{ required: true, whitespace: true, message: '退回时请填写审查意见' }]
                  : []
              }
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          )}
        </Form.Item>
      </FormModal>
      <FormModal<ValidityValues>
        open={validityOpen}
        title="登记有效性变化"
        okText="确定"
        fieldNames={['validity', 'on']}
        onCancel={() => setValidityOpen(false)}
        onSubmit={changeValidity}
      >
        <Form.Item name="validity" label="有效性" rules={[{ required: true, message: '请选择有效性' }]}>
          <Select
            options={(['valid', 'expired', 'repealed'] as const).map((v) => ({
              value: v,
              label: VALIDITY_LABELS[v],
            }))}
          />
        </Form.Item>
        <Form.Item name="on" label="变更日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DateInput />
        </Form.Item>
      </FormModal>
    </>
  );
}

function BackLink() {
  return (
    <Link to="/documents">
      <ArrowLeftOutlined /> 返回文件列表
    </Link>
  );
}
