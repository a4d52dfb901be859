import {
  DeleteOutlined,
  EditOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { INTERPRETATION_KIND_LABELS } from '../../../modules/documents/domain/codes.ts';
import { errorMessage } from '../../api/client.ts';
import {
  approveInterpretation,
  deleteInterpretation,
  fileUrl,
  type Interpretation,
  type InterpretationKind,
  listInterpretations,
  saveInterpretation,
  uploadFiles,
} from '../../api/documents.ts';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { mapOptions } from './meta.ts';

interface Values {
  kind: InterpretationKind;
  title: string;
  bodyHtml?: string;
  imageFileId?: number | null;
  videoUrl?: string;
  qa?: { q: string; a: string }[];
  publishedDate?: Dayjs | null;
}

const FIELD_NAMES = ['kind', 'title', 'bodyHtml', 'imageFileId', 'videoUrl', 'qa', 'publishedDate'] as const;

/** The 图解 image: uploaded at once (POST /api/files); the field holds its file id. */
function ImageField({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept="image/png,image/jpeg,image/gif,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          setUploading(true);
          setError(undefined);
          uploadFiles([file])
            .then(([f]) => onChange?.(f?.id ?? null))
            .catch((e: unknown) => setError(errorMessage(e)))
            .finally(() => setUploading(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={uploading}>
          {value ? '更换图片' : '上传图片'}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon title={error} />}
      {value ? <img src={fileUrl(value)} alt="图解预览" style={{ maxWidth: 240, maxHeight: 240 }} /> : null}
    </Space>
  );
}

/**
 * 解读材料 of a document: several per document (text, 图解, video link, Q&A, follow-up). A policy
 * document cannot go for signature until it has one (三同步, 不解读不运转). After publication a new or
 * changed interpretation (后续解读) waits for a reviewer's approval before the public sees it.
 */
export function InterpretationsCard({
  documentId,
  kinds,
  editable,
  canReview,
  published,
  needsInterpretation,
  onChanged,
}: {
  documentId: number;
  kinds: Record<string, string> | undefined;
  editable: boolean;
  canReview: boolean;
  published: boolean;
  needsInterpretation: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const loaded = useLoad(() => listInterpretations(documentId), [documentId]);
  const [editing, setEditing] = useState<Interpretation | null>(null);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<InterpretationKind>('text');
  const labels = kinds ?? INTERPRETATION_KIND_LABELS;
  const items = loaded.data?.items ?? [];

  function openEditor(item: Interpretation | null) {
    setEditing(item);
    setKind(item?.kind ?? 'text');
    setOpen(true);
  }

  async function submit(values: Values) {
    const saved = await saveInterpretation(documentId, editing?.id ?? null, {
      kind: values.kind,
      title: values.title,
      bodyHtml: values.bodyHtml ?? '',
      imageFileId: values.kind === 'graphic' ? (values.imageFileId ?? null) : null,
      videoUrl: values.kind === 'video' ? values.videoUrl?.trim() || null : null,
      qa: values.kind === 'qa' ? (values.qa ?? []).filter((p) => p.q?.trim() || p.a?.trim()) : [],
      publishedDate: values.publishedDate ? values.publishedDate.format('YYYY-MM-DD') : null,
    });
    setOpen(false);
    message.success(editing ? '已保存解读材料' : `已添加解读材料：${saved.title}`);
    loaded.reload();
    onChanged();
  }

  async function approve(item: Interpretation) {
    try {
      const done = await approveInterpretation(documentId, item.id);
      message.success(`已审核通过并发布：${done.title}`);
      loaded.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function remove(item: Interpretation) {
    try {
      await deleteInterpretation(documentId, item.id);
      message.success('已删除解读材料');
      loaded.reload();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card
      title="解读材料"
      style={{ marginBottom: 16 }}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => openEditor(null)}>
            添加解读
          </Button>
        )
      }
    >
      {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} />}
      {needsInterpretation && items.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="政策性文件须与解读材料同步起草、同步审签、同步发布（三同步）"
          description="不解读不运转：添加至少一份解读材料后才能提交保密审查。"
        />
      )}
      {published && editable && (
        <Typography.Paragraph type="secondary">
          文件已发布：新增或修改的解读材料（后续解读）须经审核通过后公开，发布日期为审核通过之日。
        </Typography.Paragraph>
      )}
      {items.length === 0 ? (
        <Empty description="暂无解读材料" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              actions={[
                ...(canReview && item.reviewStatus === 'pending'
                  ? [
                      <Popconfirm
                        key="approve"
                        title="审核通过这份后续解读并在门户网站发布？"
                        okText="审核通过并发布"
                        cancelText="取消"
                        onConfirm={() => approve(item)}
                      >
                        <Button type="link" aria-label={`审核通过解读：${item.title}`}>
                          审核通过
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
                ...(editable
                  ? [
                      <Button
                        key="edit"
                        type="link"
                        icon={<EditOutlined />}
                        aria-label={`修改解读：${item.title}`}
                        onClick={() => openEditor(item)}
                      >
                        修改
                      </Button>,
                      <Popconfirm
                        key="delete"
                        title="删除这份解读材料？"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove(item)}
                      >
                        <Button
                          type="link"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`删除解读：${item.title}`}
                        >
                          删除
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{item.title}</span>
                    <Typography.Text type="secondary">{labels[item.kind] ?? item.kind}</Typography.Text>
                    {item.reviewStatus === 'pending' && <Tag color="orange">{item.reviewStatusLabel}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {item.publishedDate && <div>{`发布日期：${formatDate(item.publishedDate)}`}</div>}
                    {item.videoUrl && (
                      <div>
                        视频：
                        <a href={item.videoUrl} target="_blank" rel="noopener noreferrer">
                          {item.videoUrl}
                        </a>
                      </div>
                    )}
                    {item.imageFileId && (
                      <img
                        src={fileUrl(item.imageFileId)}
                        alt={`图解：${item.title}`}
                        style={{ maxWidth: 200, maxHeight: 160, marginTop: 4 }}
                      />
                    )}
                    {item.qa.length > 0 && <div>{`问答 ${item.qa.length} 组`}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <FormModal<Values>
        open={open}
        title={editing ? '修改解读材料' : '添加解读材料'}
        width={720}
        fieldNames={FIELD_NAMES}
        initialValues={
          editing
            ? {
                kind: editing.kind,
                title: editing.title,
                bodyHtml: editing.bodyHtml,
                imageFileId: editing.imageFileId,
                videoUrl: editing.videoUrl ?? undefined,
                qa: editing.qa,
                publishedDate: editing.publishedDate ? dayjs(editing.publishedDate) : null,
              }
            : { kind: 'text', qa: [{ q: '', a: '' }] }
        }
        onCancel={() => setOpen(false)}
        onSubmit={submit}
        onValuesChange={(changed) => {
          if (changed.kind) setKind(changed.kind);
        }}
      >
        <Form.Item name="kind" label="解读形式" rules={[{ required: true, message: '请选择解读形式' }]}>
          <Select options={mapOptions(labels)} />
        </Form.Item>
        <Form.Item
          name="title"
          label="解读标题"
          rules={[{ required: true, whitespace: true, message: '请填写解读标题' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="bodyHtml" label={kind === 'qa' ? '说明（可选）' : '解读正文'}>
          <BodyEditor aria-label={kind === 'qa' ? '说明（可选）' : '解读正文'} />
        </Form.Item>
        {kind === 'graphic' && (
          <Form.Item
            name="imageFileId"
            label="图解图片"
            rules={[{ required: true, message: '请上传图解图片' }]}
          >
            <ImageField />
          </Form.Item>
        )}
        {kind === 'video' && (
          <Form.Item
            name="videoUrl"
            label="视频链接"
            rules={[
              { required: true, message: '请填写视频链接' },
              { pattern: /^https?:\/\/\S+$/, message: '链接应以 http:// 或 https:// 开头' },
            ]}
          >
            <Input placeholder="https://" />
          </Form.Item>
        )}
        {kind === 'qa' && (
          <Form.List name="qa">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'q']} label={`问题 ${index + 1}`} style={{ width: 280 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'a']} label={`回答 ${index + 1}`} style={{ width: 320 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={`删除第 ${index + 1} 组问答`}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ q: '', a: '' })}>
                  添加一组问答
                </Button>
              </>
            )}
          </Form.List>
        )}
        <Form.Item name="publishedDate" label="发布日期" extra="不填则随文件发布" style={{ marginTop: 16 }}>
          <DateInput />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
