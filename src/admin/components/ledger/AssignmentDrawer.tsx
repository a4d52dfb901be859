import { DeleteOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  type AssignmentStatus,
  type EvidenceLink,
  getAssignment,
  type ProgressEntry,
  progressFileUrl,
  reviewProgress,
  STATUS_OPTIONS,
  submitProgress,
  uploadFiles,
} from '../../api/workplan.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { OverdueTag, ReviewTag, roleLabel, StatusTag } from './LedgerTags.tsx';

interface ProgressForm {
  text: string;
  status: AssignmentStatus;
  links?: { title?: string; url?: string }[];
}

/** One assignment (a unit's share of a task): the task, its progress history, submit and review. */
export function AssignmentDrawer({
  assignmentId,
  onClose,
  onChanged,
}: {
  assignmentId: number | undefined;
  onClose: () => void;
  /** Called after a submission or a review, so the list behind can reload. */
  onChanged: () => void;
}) {
  const open = assignmentId !== undefined;
  return (
    <Drawer open={open} onClose={onClose} size={720} title="任务办理情况" destroyOnHidden>
      {assignmentId !== undefined && <AssignmentBody id={assignmentId} onChanged={onChanged} />}
    </Drawer>
  );
}

function AssignmentBody({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { data, loading, error, reload } = useLoad(() => getAssignment(id), [id]);
  const changed = () => {
    reload();
    onChanged();
  };
  if (!data)
    return (
      <Spin spinning={loading} description="正在加载…">
        {error ? <Alert type="error" showIcon title={error} /> : <div style={{ minHeight: 120 }} />}
      </Spin>
    );
  const a = data.assignment;
  const task = a.task;
  const { canSubmit, canReview } = data;
  const history = [...data.progress].sort((x, y) => y.submittedAt.localeCompare(x.submittedAt));
  // Only the latest report can be reviewed, while it awaits review.
  const pending = history[0]?.decision === null && a.reviewState === 'submitted' ? history[0] : undefined;
  const lastReturned = history[0]?.decision === 'returned' ? history[0] : undefined;
  return (
    <Spin spinning={loading}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'plan', label: '所属台账', children: `${a.plan.title}（${a.plan.year}年）` },
          { key: 'task', label: '工作任务', children: `${task.seq}. ${task.task}` },
          {
            key: 'req',
            label: '具体要求',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{task.requirement || '—'}</span>,
          },
          {
            key: 'due',
            label: '完成时限',
            children: <Deadline raw={task.deadlineRaw} due={task.due} recurring={task.recurring} />,
          },
          {
            key: 'unit',
            label: `${roleLabel(a.role)}单位`,
            children: a.orgName,
          },
          ...(data.otherUnits.length
            ? [
                {
                  key: 'others',
                  label: '其他单位',
                  children: data.otherUnits.map((o) => `${o.orgName}（${roleLabel(o.role)}）`).join('、'),
                },
              ]
            : []),
          {
            key: 'state',
            label: '办理状态',
            children: (
              <Space wrap>
                <StatusTag status={a.status} />
                <ReviewTag state={a.reviewState} />
                {a.overdue && <OverdueTag />}
              </Space>
            ),
          },
        ]}
      />
      {lastReturned && canSubmit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title="上次报送的进展已被退回"
          description={`退回意见：${lastReturned.reviewComment || '（无）'}`}
        />
      )}
      {canReview && pending && <ReviewCard entry={pending} onDone={changed} />}
      {canSubmit && <SubmitCard assignmentId={a.id} current={a.status} onDone={changed} />}
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        进展记录
      </Typography.Title>
      {history.length === 0 ? (
        <Empty description="尚未报送进展" />
      ) : (
        <Timeline items={history.map((p) => ({ key: p.id, content: <ProgressItem p={p} /> }))} />
      )}
    </Spin>
  );
}

export function Deadline({
  raw,
  due,
  recurring,
}: {
  raw: string | null;
  due: string | null;
  recurring: boolean;
}) {
  return (
    <span>
      {raw || '—'}
      {(due || recurring) && (
        <Typography.Text type="secondary">
          {' '}
          （{due ? formatDate(due) : ''}
          {due && recurring ? '，' : ''}
          {recurring ? '长期坚持' : ''}）
        </Typography.Text>
      )}
    </span>
  );
}

function ProgressItem({ p }: { p: ProgressEntry }) {
  const files = p.files ?? [];
  return (
    <div>
      <Space wrap>
        <Typography.Text strong>{formatDateTime(p.submittedAt)}</Typography.Text>
        {p.submittedByName && <Typography.Text>{p.submittedByName}报送</Typography.Text>}
        <StatusTag status={p.status} />
        {p.decision === 'accepted' && <ReviewTag state="accepted" />}
        {p.decision === 'returned' && <ReviewTag state="returned" />}
        {p.decision === null && <ReviewTag state="submitted" />}
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
        {p.text}
      </Typography.Paragraph>
      {p.links.length > 0 && (
        <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
          {p.links.map((l) => (
            <li key={`${l.url}|${l.title}`}>
              <a href={l.url} target="_blank" rel="noreferrer noopener">
                {l.title || l.url}
              </a>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <Space wrap>
          {files.map((f) => (
            <a key={f.id} href={progressFileUrl(p.id, f.id)} download>
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
        </Space>
      )}
      {p.decision && (
        <Typography.Paragraph type={p.decision === 'returned' ? 'danger' : 'secondary'} style={{ margin: 0 }}>
          {p.decision === 'accepted' ? '审核通过' : '退回'}
          {p.reviewedByName ? `（${p.reviewedByName}` : '（'}
          {p.reviewedAt ? `，${formatDateTime(p.reviewedAt)}）` : '）'}
          {p.reviewComment ? `：${p.reviewComment}` : ''}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function ReviewCard({ entry, onDone }: { entry: ProgressEntry; onDone: () => void }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'accepted' | 'returned'>();
  const [error, setError] = useState<string>();

  async function decide(decision: 'accepted' | 'returned') {
    if (decision === 'returned' && !comment.trim()) {
      setError('退回时请填写退回意见');
      return;
    }
    setBusy(decision);
    setError(undefined);
    try {
      await reviewProgress(entry.id, decision, comment.trim());
      message.success(decision === 'accepted' ? '已审核通过' : '已退回');
      setComment('');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          审核报送的进展
        </Typography.Title>
      }
    >
      <ProgressItem p={entry} />
      {error && <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} />}
      <label htmlFor={`review-comment-${entry.id}`} style={{ display: 'block', margin: '8px 0 4px' }}>
        审核意见
      </label>
      <Input.TextArea
        id={`review-comment-${entry.id}`}
        rows={2}
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
        placeholder="退回时必填，说明需要补充或改正的内容"
      />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy === 'accepted'} onClick={() => decide('accepted')}>
          审核通过
        </Button>
        <Button danger loading={busy === 'returned'} onClick={() => decide('returned')}>
          退回
        </Button>
      </Space>
    </Card>
  );
}

const PROGRESS_FIELDS = ['text', 'status', 'links', 'fileIds'] as const;

function SubmitCard({
  assignmentId,
  current,
  onDone,
}: {
  assignmentId: number;
  current: AssignmentStatus;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function finish(values: ProgressForm) {
    setBusy(true);
    setError(undefined);
    try {
      const raw = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
      const stored = raw.length ? await uploadFiles(raw) : [];
      const links: EvidenceLink[] = (values.links ?? [])
        .filter((l) => l.url?.trim())
        .map((l) => ({ title: l.title?.trim() || (l.url ?? '').trim(), url: (l.url ?? '').trim() }));
      await submitProgress(assignmentId, {
        text: values.text.trim(),
        status: values.status,
        links,
        fileIds: stored.map((f) => f.id),
      });
      message.success('进展已报送，等待公开办审核');
      form.resetFields();
      setFiles([]);
      onDone();
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, PROGRESS_FIELDS);
      const base = errorMessage(e);
      setError(unmatched.length ? `${base.replace(/[。.]$/, '')}：${unmatched.join('；')}` : base);
      if (!(e instanceof ApiError)) console.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          报送进展
        </Typography.Title>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<ProgressForm>
        form={form}
        layout="vertical"
        initialValues={{ status: current === 'not_started' ? 'in_progress' : current, links: [] }}
        onFinish={finish}
      >
        <Form.Item name="status" label="办理状态" rules={[{ required: true, message: '请选择办理状态' }]}>
          <Select options={STATUS_OPTIONS} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="text"
          label="进展情况"
          rules={[{ required: true, whitespace: true, message: '请填写工作进展情况' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <Form.Item label="佐证链接">
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'title']} noStyle>
                    <Input
                      placeholder="链接标题"
                      aria-label={`第${i + 1}个链接的标题`}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'url']}
                    noStyle
                    rules={[{ type: 'url', message: '请输入以 http:// 或 https:// 开头的网址' }]}
                  >
                    <Input
                      placeholder="https://"
                      aria-label={`第${i + 1}个链接的网址`}
                      style={{ width: 300 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`删除第${i + 1}个链接`}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', url: '' })}>
                添加链接
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item label="佐证材料" name="fileIds">
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          报送进展
        </Button>
      </Form>
    </Card>
  );
}
