import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { ToneTag } from '../../../admin/components/RequestTags.tsx';

import { chinaToday, formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { CHANNEL_LABELS, COMMENT_STATUS_LABELS, type CommentStatus } from '../domain/comment.ts';
import { FEEDBACK_LABELS, FEEDBACKS, type Feedback } from '../domain/feedback.ts';
import { PHASE_LABELS } from '../domain/period.ts';
import {
  type CommentView,
  type ConsultationUpdateBody,
  closeConsultation,
  type EnterCommentBody,
  enterComment,
  fetchConsultation,
  importComments,
  mergeGroups,
  moderateComment,
  publishConsultation,
  publishFeedback,
  regroup,
  setFeedback,
  splitComment,
  updateConsultation,
} from './api.ts';
import { CONSULTATION_FIELDS, ConsultationFields } from './ConsultationFields.tsx';
import { PHASE_COLORS } from './ConsultationsPage.tsx';

type Tone = Parameters<typeof ToneTag>[0]['tone'];

const STATUS_COLORS: Record<CommentStatus, Tone> = { pending: 'blue', published: 'green', hidden: 'grey' };

/** One consultation: its facts and actions, its comments (moderation, feedback), groups, entry and import. */
export function ConsultationPage() {
  const id = Number(useParams().id);
  const { data, loading, error, reload } = useLoad(() => fetchConsultation(id), [id]);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [hiding, setHiding] = useState<CommentView | null>(null);
  const [judging, setJudging] = useState<CommentView | null>(null);
  const [editForm] = Form.useForm<ConsultationUpdateBody>();
  const [enterForm] = Form.useForm<EnterCommentBody>();
  const [hideForm] = Form.useForm<{ reason: string }>();
  const [judgeForm] = Form.useForm<{ feedback: Feedback; reason?: string; wholeGroup: boolean }>();
  const [mergeForm] = Form.useForm<{ into: number; from: number }>();
  const [summary, setSummary] = useState<string>();

  async function run(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setActionError(undefined);
    try {
      await work();
      message.success(done);
      reload();
      return true;
    } catch (e) {
      setActionError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (!data) return error ? <Alert type="error" showIcon message={error} /> : <Card loading={loading} />;
  const c = data.consultation;
  const byId = new Map(data.comments.map((x) => [x.id, x]));
  const groupSize = (x: CommentView) =>
    x.groupId === null ? 1 : data.comments.filter((y) => y.groupId === x.groupId).length;

  const columns: TableColumnsType<CommentView> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    {
      title: '意见内容',
      dataIndex: 'content',
      render: (t: string, r) => (r.article ? `【第${r.article}项】${t}` : t),
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      width: 90,
      render: (v: CommentView['channel']) => CHANNEL_LABELS[v],
    },
    {
      title: '提出人',
      key: 'who',
      width: 150,
      render: (_, r) => [r.name, r.contact].filter(Boolean).join(' / ') || '—',
    },
    { title: '收到日期', dataIndex: 'receivedOn', width: 130, render: (v: string) => formatChineseDate(v) },
    {
      title: '分组',
      key: 'group',
      width: 90,
      render: (_, r) =>
        r.groupId !== null && groupSize(r) > 1 ? `组${r.groupId}（${groupSize(r)}条）` : '—',
    },
    {
      title: '审核',
      dataIndex: 'status',
      width: 110,
      render: (v: CommentStatus, _r) => <ToneTag tone={STATUS_COLORS[v]}>{COMMENT_STATUS_LABELS[v]}</ToneTag>,
    },
    {
      title: '采纳情况',
      key: 'feedback',
      width: 120,
      render: (_, r) =>
        r.feedback ? <span title={r.feedbackReason ?? undefined}>{FEEDBACK_LABELS[r.feedback]}</span> : '—',
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, r) =>
        c.canManage && (
          <Space size="small" wrap>
            {r.status !== 'published' && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => run(() => moderateComment(r.id, { status: 'published' }), '已公开')}
              >
                公开
              </Button>
            )}
            {r.status !== 'hidden' && (
              <Button size="small" disabled={busy} onClick={() => setHiding(r)}>
                不公开
              </Button>
            )}
            <Button size="small" disabled={busy} onClick={() => setJudging(r)}>
              采纳情况
            </Button>
            {r.groupId !== null && groupSize(r) > 1 && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => run(() => splitComment(r.id), '已移出分组')}
              >
                移出分组
              </Button>
            )}
          </Space>
        ),
    },
  ];

  const facts = (
    <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="发布机关">{c.orgName}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <ToneTag tone={PHASE_COLORS[c.phase]}>{PHASE_LABELS[c.phase]}</ToneTag>
      </Descriptions.Item>
      <Descriptions.Item label="征求意见时间">
        {formatChineseDate(c.opensOn)}至{formatChineseDate(c.closesOn)}
        {c.closesOn !== c.plannedLastDay && `（原定${formatChineseDate(c.plannedLastDay)}，遇休息日顺延）`}
      </Descriptions.Item>
      <Descriptions.Item label="期限少于30日的理由">{c.shortReason ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="收到意见">{c.commentCount}条</Descriptions.Item>
      <Descriptions.Item label="采纳情况反馈">
        {c.feedbackPublishedAt
          ? `已于${formatChineseDate(c.feedbackPublishedAt)}发布`
          : c.feedbackDue
            ? `${c.feedbackOverdue ? '已逾期：' : ''}应于${formatChineseDate(c.feedbackDue)}前发布`
            : '征求意见结束后发布'}
      </Descriptions.Item>
    </Descriptions>
  );

  const actions = c.canManage && (
    <Space>
      {c.status !== 'closed' && (
        <Button
          onClick={() => {
            editForm.setFieldsValue(c);
            setEditing(true);
          }}
        >
          编辑
        </Button>
      )}
      {c.status === 'draft' && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => run(() => publishConsultation(id), '已发布，公众可以在网站上提出意见')}
        >
          发布
        </Button>
      )}
      {c.status === 'published' && c.phase !== 'closed' && (
        <Button danger loading={busy} onClick={() => run(() => closeConsultation(id), '已结束征集')}>
          结束征集
        </Button>
      )}
    </Space>
  );

  const commentsTab = (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data.comments}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );

  const groupsTab = (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button
          disabled={!c.canManage}
          loading={busy}
          onClick={() =>
            run(async () => message.info(`分组完成：${(await regroup(id)).groups}组`), '已重新分组')
          }
        >
          自动分组（相同或相近意见）
        </Button>
      </Space>
      {data.groups.length === 0 ? (
        <Alert type="info" showIcon message="暂无相同或相近意见的分组。" />
      ) : (
        data.groups.map((g) => (
          <Card
            key={g.groupId}
            size="small"
            title={`组${g.groupId}：${g.size}条相同或相近意见`}
            style={{ marginBottom: 12 }}
          >
            <p>{g.representative}</p>
            <p>成员编号：{g.memberIds.join('、')}</p>
          </Card>
        ))
      )}
      {c.canManage && (
        <Form
          form={mergeForm}
          layout="inline"
          onFinish={(v) => run(() => mergeGroups(id, v.into, v.from), '已合并')}
        >
          <Form.Item name="into" label="合并到（意见编号）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="from" label="被合并（意见编号）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Button htmlType="submit" disabled={busy}>
            合并分组
          </Button>
        </Form>
      )}
    </>
  );

  const enterTab = (
    <>
      <Form
        form={enterForm}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ channel: 'letter', receivedOn: chinaToday() }}
        onFinish={async (v) => {
          try {
            setBusy(true);
            await enterComment(id, { ...v, article: v.article ?? null });
            message.success('已录入');
            enterForm.resetFields();
            reload();
          } catch (e) {
            const rest = applyFieldErrors(enterForm, e, [
              'channel',
              'name',
              'contact',
              'content',
              'article',
              'receivedOn',
            ]);
            if (rest.length || !(e instanceof Error)) setActionError(rest.join('；') || errorMessage(e));
            else setActionError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="channel" label="收到方式">
          <Select
            options={(['letter', 'email', 'phone'] as const).map((v) => ({
              value: v,
              label: CHANNEL_LABELS[v],
            }))}
          />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请填写收到日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="content" label="意见内容" rules={[{ required: true, message: '请填写意见内容' }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="article" label="针对条款（编号）">
          <Select
            allowClear
            options={data.articles.map((a) => ({
              value: a.no,
              label: `第${a.no}项：${a.text.slice(0, 30)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label="姓名">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contact" label="联系方式">
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          录入意见
        </Button>
      </Form>
      <Card size="small" title="从 Excel 导入" style={{ marginTop: 24, maxWidth: 640 }}>
        <p>
          第一行为表头，“意见内容”列必填；可选列：姓名、联系方式、条款、收到日期（YYYY-MM-DD）。有任何一行出错时不导入任何意见。
        </p>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            run(
              async () => message.info(`已导入${(await importComments(id, file)).imported}条意见`),
              '导入完成',
            );
            return false;
          }}
        >
          <Button loading={busy}>选择 .xlsx 文件并导入</Button>
        </Upload>
      </Card>
    </>
  );

  const feedbackTab = (
    <div style={{ maxWidth: 760 }}>
      <p>
        采纳 {data.comments.filter((x) => x.feedback === 'adopted').length} 条，部分采纳{' '}
        {data.comments.filter((x) => x.feedback === 'partly').length} 条，未采纳{' '}
        {data.comments.filter((x) => x.feedback === 'rejected').length} 条，尚未填写{' '}
        {data.comments.filter((x) => x.feedback === null).length} 条。
      </p>
      <Input.TextArea
        aria-label="采纳情况说明"
        rows={6}
        value={summary ?? c.feedbackSummary}
        onChange={(e) => setSummary(e.target.value)}
        placeholder="概述意见收集和采纳情况；集中意见未予采纳的理由在逐条采纳情况中填写。"
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!c.canManage || c.phase !== 'closed'}
        loading={busy}
        onClick={() => run(() => publishFeedback(id, summary ?? c.feedbackSummary), '采纳情况已在网站发布')}
      >
        {c.feedbackPublishedAt ? '更新并重新发布' : '发布采纳情况'}
      </Button>
      {c.phase !== 'closed' && <p style={{ marginTop: 8 }}>征求意见结束后才能发布采纳情况。</p>}
    </div>
  );

  return (
    <>
      <PageTitle title={c.title} extra={actions} />
      {actionError && (
        <Alert
          type="error"
          showIcon
          message={actionError}
          closable
          onClose={() => setActionError(undefined)}
          style={{ marginBottom: 16 }}
        />
      )}
      {facts}
      <Tabs
        items={[
          { key: 'comments', label: `意见（${data.comments.length}）`, children: commentsTab },
          { key: 'groups', label: `分组（${data.groups.length}）`, children: groupsTab },
          { key: 'enter', label: '录入和导入', children: enterTab },
          { key: 'feedback', label: '采纳情况', children: feedbackTab },
        ]}
      />
      <Modal
        title="编辑意见征集"
        open={editing}
        width={760}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setEditing(false)}
        onOk={async () => {
          const v = await editForm.validateFields().catch(() => null);
          if (!v) return;
          setBusy(true);
          try {
            await updateConsultation(id, v);
            setEditing(false);
            reload();
          } catch (e) {
            const rest = applyFieldErrors(editForm, e, CONSULTATION_FIELDS);
            if (rest.length) setActionError(rest.join('；'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form form={editForm} layout="vertical">
          <ConsultationFields />
        </Form>
      </Modal>
      <Modal
        title="不公开此意见"
        open={hiding !== null}
        okText="确定"
        cancelText="取消"
        onCancel={() => setHiding(null)}
        onOk={async () => {
          const v = await hideForm.validateFields().catch(() => null);
          if (!v || !hiding) return;
          if (
            await run(
              () => moderateComment(hiding.id, { status: 'hidden', reason: v.reason }),
              '已设为不公开',
            )
          )
            setHiding(null);
        }}
        destroyOnHidden
      >
        <Form form={hideForm} layout="vertical">
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写不公开的理由' }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder="例如：含有个人信息、与征集事项无关" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="采纳情况"
        open={judging !== null}
        okText="保存"
        cancelText="取消"
        onCancel={() => setJudging(null)}
        onOk={async () => {
          const v = await judgeForm.validateFields().catch(() => null);
          if (!v || !judging) return;
          if (await run(() => setFeedback(judging.id, v), '已保存')) setJudging(null);
        }}
        destroyOnHidden
      >
        {judging && <p>{byId.get(judging.id)?.content}</p>}
        <Form
          form={judgeForm}
          layout="vertical"
          initialValues={{
            feedback: judging?.feedback ?? 'adopted',
            reason: judging?.feedbackReason ?? '',
            wholeGroup: true,
          }}
        >
          <Form.Item name="feedback" label="采纳情况">
            <Select options={FEEDBACKS.map((f) => ({ value: f, label: FEEDBACK_LABELS[f] }))} />
          </Form.Item>
          <Form.Item name="reason" label="理由（部分采纳、未采纳时必填，将公开）">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          {judging && judging.groupId !== null && groupSize(judging) > 1 && (
            <Form.Item name="wholeGroup" label="适用范围">
              <Select
                options={[
                  { value: true, label: `整组（${groupSize(judging)}条相同或相近意见）` },
                  { value: false, label: '仅此一条' },
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
