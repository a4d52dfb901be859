import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  TreeSelect,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ATTRIBUTE_LABELS, ATTRIBUTES } from '../../../modules/documents/domain/codes.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  type Attribute,
  attachFile,
  createDocument,
  type DocumentDetail,
  type DocumentInput,
  getDocument,
  listThemes,
  updateDocument,
  uploadFiles,
} from '../../api/documents.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { BodyEditor } from '../../components/documents/BodyEditor.tsx';
import { useDocumentsMeta } from '../../components/documents/meta.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { chinaToday } from '../../lib/format.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

interface FormValues {
  title: string;
  orgId?: number;
  issuerOrgIds?: number[];
  docNumber?: string;
  genre?: string;
  topic?: string;
  themeIds?: number[];
  keywords?: string[];
  writtenDate?: Dayjs;
  effectiveDate?: Dayjs | null;
  summary?: string;
  bodyHtml?: string;
  attribute?: Attribute;
  attributeGround?: string;
  attributeReason?: string;
}

const FIELD_NAMES = [
  'title',
  'orgId',
  'issuerOrgIds',
  'docNumber',
  'genre',
  'topic',
  'themeIds',
  'keywords',
  'writtenDate',
  'effectiveDate',
  'summary',
  'bodyHtml',
  'attribute',
  'attributeGround',
  'attributeReason',
] as const;

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function initialValues(doc: DocumentDetail | undefined, orgId: number): Partial<FormValues> {
  if (!doc) return { orgId, writtenDate: dayjs(chinaToday()), keywords: [], bodyHtml: '' };
  return {
    title: doc.title,
    orgId: doc.orgId,
    issuerOrgIds: doc.issuers.map((i) => i.id).filter((id) => id !== doc.orgId),
    docNumber: doc.docNumber ?? undefined,
    genre: doc.genre,
    topic: doc.topic ?? undefined,
    themeIds: doc.themes.map((t) => t.id),
    keywords: doc.keywords,
    writtenDate: dayjs(doc.writtenDate),
    effectiveDate: doc.effectiveDate ? dayjs(doc.effectiveDate) : null,
    summary: doc.summary ?? undefined,
    bodyHtml: doc.bodyHtml,
    attribute: doc.attribute ?? undefined,
    attributeGround: doc.attributeGround ?? undefined,
    attributeReason: doc.attributeReason ?? undefined,
  };
}

/** 起草文件 / 修改文件: the metadata, body, attachments and disclosure attribute of a draft. */
export function DocumentFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const user = useCurrentUser();
  const loaded = useLoad(() => (id ? getDocument(id) : Promise.resolve(undefined)), [id]);
  const title = id ? '修改文件' : '起草文件';
  if (id && !loaded.data) {
    return (
      <>
        <PageTitle title={title} extra={<BackLink id={id} />} />
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
  return <DocumentForm key={id ?? 'new'} doc={loaded.data} title={title} defaultOrgId={user.orgId} />;
}

function BackLink({ id }: { id?: number }) {
  return (
    <Link to={id ? `/documents/${id}` : '/documents'}>
      <ArrowLeftOutlined /> {id ? '返回文件详情' : '返回文件列表'}
    </Link>
  );
}

function DocumentForm({
  doc,
  title,
  defaultOrgId,
}: {
  doc: DocumentDetail | undefined;
  title: string;
  defaultOrgId: number;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { meta, error: metaError } = useDocumentsMeta();
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const themes = useLoad(listThemes, []);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const attribute = Form.useWatch('attribute', form);
  const genre = Form.useWatch('genre', form);
  const withheld = attribute === 'on_request' || attribute === 'not_public';
  const groundOptions = (meta?.legalGrounds ?? [])
    .filter((g) => attribute && g.attributes.includes(attribute))
    .map((g) => ({ value: g.code, label: `${g.article}：${g.text}` }));
  const policy = meta?.genres.find((g) => g.code === genre)?.needsInterpretation;

  async function onFinish(values: FormValues) {
    setSaving(true);
    setError(undefined);
    const input: DocumentInput = {
      title: values.title,
      orgId: values.orgId ?? defaultOrgId,
      issuerOrgIds: values.issuerOrgIds ?? [],
      docNumber: values.docNumber?.trim() || null,
      genre: values.genre ?? '',
      topic: values.topic ?? null,
      themeIds: values.themeIds ?? [],
      keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      writtenDate: iso(values.writtenDate) ?? '',
      effectiveDate: iso(values.effectiveDate),
      summary: values.summary?.trim() || null,
      bodyHtml: values.bodyHtml ?? '',
      attribute: values.attribute ?? null,
      attributeGround: withheld ? (values.attributeGround ?? null) : null,
      attributeReason: withheld ? values.attributeReason?.trim() || null : null,
    };
    let saved: DocumentDetail;
    try {
      saved = doc ? await updateDocument(doc.id, input) : await createDocument(input);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, FIELD_NAMES);
      const base = errorMessage(e);
      setError(unmatched.length ? `${base.replace(/[。.]$/, '')}：${unmatched.join('；')}` : base);
      if (!(e instanceof ApiError)) console.error(e);
      setSaving(false);
      return;
    }
    const pending = files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
    if (pending.length > 0) {
      try {
        const uploaded = await uploadFiles(pending);
        for (const u of uploaded) await attachFile(saved.id, u.id, u.name);
      } catch (e) {
        message.error(`文件已保存，但附件上传失败：${errorMessage(e)}`);
        setSaving(false);
        navigate(`/documents/${saved.id}`);
        return;
      }
    }
    setSaving(false);
    message.success(doc ? '已保存修改' : `已起草文件，索引号 ${saved.indexNumber}`);
    navigate(`/documents/${saved.id}`);
  }

  return (
    <>
      <PageTitle title={title} extra={<BackLink id={doc?.id} />} />
      {(error || metaError) && (
        <Alert type="error" showIcon title={error ?? metaError} style={{ marginBottom: 16 }} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(doc, defaultOrgId)}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A server error stays at its field until that field is changed (these fields have no rules
          // that would clear it).
          const names = Object.keys(changed).filter(
            (n) => form.getFieldError(n as keyof FormValues).length > 0,
          );
          if (names.length > 0)
            form.setFields(names.map((n) => ({ name: n as keyof FormValues, errors: [] })));
        }}
        onFinishFailed={() => setError('请按提示修改后再保存')}
      >
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Form.Item
            name="title"
            label="标题"
            rules={[{ required: true, whitespace: true, message: '请填写文件标题' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgId"
                label="发文机关（主办）"
                rules={[{ required: true, message: '请选择发文机关' }]}
              >
                <TreeSelect
                  treeData={orgOptions}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll
                  placeholder="选择主办机关"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="issuerOrgIds" label="联合发文机关" extra="联合发文时选择其他发文机关">
                <TreeSelect
                  treeData={orgOptions}
                  multiple
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll
                  placeholder="无"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="docNumber"
                label="文号"
                extra="如 济政办字〔2021〕18号；方括号、圆括号会自动统一为六角括号"
              >
                <Input maxLength={60} placeholder="无文号的文件可不填" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="writtenDate"
                label="成文日期"
                rules={[{ required: true, message: '请选择成文日期' }]}
              >
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="effectiveDate" label="施行日期">
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="genre"
                label="体裁"
                rules={[{ required: true, message: '请选择文件体裁' }]}
                extra={policy ? '政策性文件：发布时须同步发布解读材料（三同步）' : undefined}
              >
                <Select
                  placeholder="选择体裁"
                  options={(meta?.genres ?? []).map((g) => ({ value: g.code, label: g.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="topic" label="主题分类">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="国务院公文主题分类"
                  options={(meta?.topics ?? []).map((t) => ({ value: t.code, label: t.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="themeIds" label="特色主题">
                <Select
                  mode="multiple"
                  allowClear
                  placeholder="如 企业开办、就学、养老"
                  options={(themes.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="keywords" label="关键词" extra="输入后按回车添加，最多20个">
            <Select mode="tags" tokenSeparators={[',', '，', '；', ';']} placeholder="关键词" />
          </Form.Item>
          <Form.Item name="summary" label="内容概述">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
          </Form.Item>
        </Card>
        <Card title="正文与附件" style={{ marginBottom: 16 }}>
          <Form.Item name="bodyHtml" label="正文">
            <BodyEditor aria-label="正文" />
          </Form.Item>
          <Form.Item
            label="附件"
            extra="支持 .docx、.pdf、.xlsx 等文件，保存时上传；系统按文件内容检查类型并提取文字用于检索"
          >
            <Upload
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>选择附件</Button>
            </Upload>
            {doc && doc.attachments.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {`已有附件：${doc.attachments.map((a) => a.name).join('、')}（在文件详情页删除）`}
              </Typography.Paragraph>
            )}
          </Form.Item>
        </Card>
        <Card title="公开属性" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            公开属性应当在拟制公文时确定，确定后方可送审（先确定公开属性，再运转呈签）。
          </Typography.Paragraph>
          <Form.Item name="attribute" label="公开属性">
            <Radio.Group options={ATTRIBUTES.map((a) => ({ value: a, label: ATTRIBUTE_LABELS[a] }))} />
          </Form.Item>
          {withheld && (
            <>
              <Form.Item
                name="attributeGround"
                label="法律依据"
                rules={[{ required: true, message: '请选择条例规定的具体依据' }]}
              >
                <Select
                  placeholder="选择条例第十四、十五、十六条规定的依据"
                  options={groundOptions}
                  optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
                />
              </Form.Item>
              <Form.Item
                name="attributeReason"
                label="理由"
                rules={[{ required: true, whitespace: true, message: '请说明理由' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
              </Form.Item>
            </>
          )}
        </Card>
        <Space>
          {/* Not `loading`: antd leaves its "loading" icon label in the button's name after a failed save. */}
          <Button type="primary" htmlType="submit" disabled={saving}>
            {saving ? '正在保存…' : '保存'}
          </Button>
          <Button onClick={() => navigate(doc ? `/documents/${doc.id}` : '/documents')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
