import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ATTRIBUTE_LABELS, ATTRIBUTES } from '../../../modules/documents/domain/codes.ts';
import { errorMessage } from '../../api/client.ts';
import {
  type Attribute,
  type DocumentListItem,
  type ImportResult,
  importHistorical,
  setDocumentAttribute,
  undeterminedQueue,
} from '../../api/documents.ts';
import { EmptyText } from '../../components/documents/EmptyText.tsx';
import { useDocumentsMeta } from '../../components/documents/meta.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

interface ResultRow {
  key: string;
  row: number | null;
  file: string | null;
  ok: boolean;
  id?: number;
  title?: string;
  message?: string;
}

interface AttributeValues {
  attribute: Attribute;
  attributeGround?: string;
  attributeReason?: string;
}

const PAGE_SIZE = 20;

function resultRows(r: ImportResult): ResultRow[] {
  return [
    ...r.created.map((c) => ({
      key: `ok-${c.id}`,
      row: c.row,
      file: c.file,
      ok: true,
      id: c.id,
      title: c.title,
    })),
    ...r.errors.map((e, i) => ({ key: `err-${i}`, row: e.row, file: e.file, ok: false, message: e.message })),
  ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/**
 * 历史文件导入: an .xlsx of metadata plus the .docx/.pdf files it names; a result per file (a broken file
 * does not stop the others); and the queue of imported documents whose attribute was never determined.
 */
export function ImportPage() {
  const { message } = App.useApp();
  const { meta } = useDocumentsMeta();
  const [metadata, setMetadata] = useState<UploadFile[]>([]);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [page, setPage] = useState(1);
  const queue = useLoad(() => undeterminedQueue(page, PAGE_SIZE), [page]);
  const [current, setCurrent] = useState<DocumentListItem>();
  const [attribute, setAttribute] = useState<Attribute>();

  async function runImport() {
    const sheet = metadata[0]?.originFileObj as File | undefined;
    if (!sheet) {
      setError('请选择 .xlsx 元数据表');
      return;
    }
    setImporting(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await importHistorical(
        sheet,
        files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : [])),
      );
      setResult(r);
      message.success(`导入完成：成功 ${r.created.length} 件，失败 ${r.errors.length} 件`);
      queue.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setImporting(false);
    }
  }

  async function saveAttribute(values: AttributeValues) {
    if (!current) return;
    const withheld = values.attribute !== 'proactive';
    await setDocumentAttribute(current.id, {
      attribute: values.attribute,
      attributeGround: withheld ? (values.attributeGround ?? null) : null,
      attributeReason: withheld ? values.attributeReason?.trim() || null : null,
    });
    setCurrent(undefined);
    message.success('已确定公开属性');
    queue.reload();
  }

  const groundOptions = (meta?.legalGrounds ?? [])
    .filter((g) => attribute && g.attributes.includes(attribute))
    .map((g) => ({ value: g.code, label: `${g.article}：${g.text}` }));

  return (
    <>
      <PageTitle title="历史文件导入" />
      <Card title="批量导入" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          元数据表（.xlsx）须有列：标题、文号、发文机关、成文日期、文件名；可选列：体裁、主题分类、发布日期、关键词、公开属性、内容概述。
          “文件名”列对应一同上传的 .docx、.pdf 或 .txt 文件。未填公开属性的文件进入下方“公开属性待确定”队列。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".xlsx"
            maxCount={1}
            fileList={metadata}
            beforeUpload={() => false}
            onChange={({ fileList }) => setMetadata(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>选择元数据表（.xlsx）</Button>
          </Upload>
          <Upload.Dragger
            multiple
            accept=".docx,.pdf,.txt"
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入文件（.docx、.pdf、.txt，可多选）</p>
          </Upload.Dragger>
          <Button type="primary" disabled={importing} onClick={() => void runImport()}>
            开始导入
          </Button>
        </Space>
        {result && (
          <Table<ResultRow>
            style={{ marginTop: 16 }}
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={resultRows(result)}
            columns={[
              { title: '行', dataIndex: 'row', width: 60, render: (r: number | null) => r ?? '—' },
              { title: '文件', dataIndex: 'file', width: 220, render: (f: string | null) => f ?? '—' },
              {
                title: '结果',
                dataIndex: 'ok',
                width: 90,
                render: (ok: boolean) =>
                  ok ? <ToneTag tone="green">已导入</ToneTag> : <ToneTag tone="red">失败</ToneTag>,
              },
              {
                title: '说明',
                key: 'message',
                render: (_, r) =>
                  r.ok && r.id ? <Link to={`/documents/${r.id}`}>{r.title}</Link> : (r.message ?? ''),
              },
            ]}
          />
        )}
      </Card>
      <Card title="公开属性待确定">
        {queue.error && <Alert type="error" showIcon title={queue.error} style={{ marginBottom: 12 }} />}
        <Table<DocumentListItem>
          rowKey="id"
          size="small"
          loading={queue.loading}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: <EmptyText>没有公开属性待确定的历史文件</EmptyText> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 件`,
            onChange: setPage,
          }}
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              ellipsis: true,
              render: (t: string, d) => <Link to={`/documents/${d.id}`}>{t}</Link>,
            },
            { title: '文号', dataIndex: 'docNumber', width: 180, render: (n: string | null) => n ?? '无' },
            { title: '发文机关', dataIndex: 'orgName', width: 140 },
            { title: '成文日期', dataIndex: 'writtenDate', width: 130, render: (d: string) => formatDate(d) },
            {
              title: '操作',
              key: 'op',
              width: 120,
              render: (_, d) => (
                <Button
                  type="link"
                  aria-label={`确定公开属性：${d.title}`}
                  onClick={() => {
                    setAttribute('proactive');
                    setCurrent(d);
                  }}
                >
                  确定公开属性
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <FormModal<AttributeValues>
        open={current !== undefined}
        title="确定公开属性"
        fieldNames={['attribute', 'attributeGround', 'attributeReason']}
        initialValues={{ attribute: 'proactive' }}
        onCancel={() => setCurrent(undefined)}
        onSubmit={saveAttribute}
        onValuesChange={(changed) => {
          if (changed.attribute) setAttribute(changed.attribute);
        }}
      >
        {current && <Typography.Paragraph>{`《${current.title}》`}</Typography.Paragraph>}
        <Form.Item name="attribute" label="公开属性">
          <Radio.Group options={ATTRIBUTES.map((a) => ({ value: a, label: ATTRIBUTE_LABELS[a] }))} />
        </Form.Item>
        {attribute && attribute !== 'proactive' && (
          <>
            <Form.Item
              name="attributeGround"
              label="法律依据"
              rules={[{ required: true, message: '请选择条例规定的具体依据' }]}
            >
              <Select options={groundOptions} placeholder="选择依据" />
            </Form.Item>
            <Form.Item
              name="attributeReason"
              label="理由"
              rules={[{ required: true, whitespace: true, message: '请说明理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
