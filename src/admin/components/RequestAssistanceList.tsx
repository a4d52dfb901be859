import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import {
  type AssistanceItem,
  type AssistanceStatus,
  answerAssistance,
  listMyAssistance,
  uploadAnswerFiles,
} from '../api/requestsAssistance.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';
import { FormModal } from './FormModal.tsx';
import { AssistanceFiles, AssistanceStatusTag } from './RequestAssistanceCard.tsx';

const STATUS_OPTIONS: { value: AssistanceStatus; label: string }[] = [
  { value: 'open', label: '待答复' },
  { value: 'answered', label: '已答复' },
  { value: 'all', label: '全部' },
];

interface AnswerValues {
  text: string;
  files?: UploadFile[];
}

interface Props {
  status: AssistanceStatus;
  onStatus: (status: AssistanceStatus) => void;
}

/** 协助办理: the assistance requests (协助调查/会商) other units sent to this unit, answered here. */
export function RequestAssistanceList({ status, onStatus }: Props) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<AssistanceItem>();
  const [open, setOpen] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const loaded = useLoad(() => listMyAssistance({ status, page, pageSize: 20 }), [status, page]);
  const data = loaded.data;

  async function submit(v: AnswerValues) {
    if (!answering) return;
    const raw = (v.files ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
    const stored = raw.length ? await uploadAnswerFiles(raw) : [];
    await answerAssistance(answering.id, { text: v.text.trim(), fileIds: stored.map((f) => f.id) });
    setOpen(false);
    message.success('已答复协助请求');
    loaded.reload();
  }

  const columns: TableColumnsType<AssistanceItem> = [
    {
      title: '编号',
      dataIndex: 'caseNo',
      width: 125,
      render: (n: string | null, i) => n ?? `#${i.requestId}`,
    },
    {
      title: '申请事项与协助事项',
      key: 'what',
      render: (_, i) => (
        <>
          <Typography.Text strong>{i.subject}</Typography.Text>
          <Tag style={{ marginInlineStart: 8 }}>{i.kindLabel}</Tag>
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{i.question}</Typography.Paragraph>
          {i.description && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {i.description}
            </Typography.Paragraph>
          )}
          {i.status === 'answered' && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">答复：</Typography.Text>
              {i.replyText}
              <AssistanceFiles item={i} onError={setFileError} />
            </div>
          )}
        </>
      ),
    },
    { title: '请求单位', dataIndex: 'fromName', width: 140, ellipsis: true },
    { title: '请求日期', dataIndex: 'askedOn', width: 135, render: (d: string) => formatDate(d) },
    { title: '办理期限', dataIndex: 'dueOn', width: 135, render: (d: string) => formatDate(d) },
    { title: '状态', key: 'status', width: 90, render: (_, i) => <AssistanceStatusTag item={i} /> },
    {
      title: '操作',
      key: 'act',
      width: 90,
      fixed: 'right',
      render: (_, i) =>
        i.canAnswer ? (
          <Button
            type="link"
            onClick={() => {
              setAnswering(i);
              setOpen(true);
            }}
          >
            答复
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<AssistanceStatus>
          aria-label="协助请求状态"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(s) => {
            setPage(1);
            onStatus(s);
          }}
        />
        {data && (
          <Typography.Text type="secondary">
            待答复 {data.open} 件{data.overdue > 0 ? `，其中已超期 ${data.overdue} 件` : ''}
          </Typography.Text>
        )}
      </Space>
      {(loaded.error || fileError) && (
        <Alert type="error" showIcon title={loaded.error ?? fileError} style={{ marginBottom: 16 }} />
      )}
      <Table<AssistanceItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loaded.loading}
        scroll={{ x: 1000 }}
        rowClassName={(i) => (i.overdue ? 'assistance-overdue' : '')}
        locale={{ emptyText: status === 'open' ? '没有待答复的协助请求' : '没有协助请求' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showTotal: (total) => `共 ${total} 件`,
          onChange: setPage,
        }}
      />
      <FormModal<AnswerValues>
        open={open}
        title={`答复协助请求${answering?.caseNo ? `（${answering.caseNo}）` : ''}`}
        okText="提交答复"
        fieldNames={['text', 'fileIds']}
        onCancel={() => setOpen(false)}
        onSubmit={submit}
      >
        {answering && (
          <Typography.Paragraph type="secondary">
            {answering.fromName}请求{answering.kindLabel}：{answering.question}
          </Typography.Paragraph>
        )}
        <Form.Item
          label="答复内容"
          name="text"
          rules={[{ required: true, whitespace: true, message: '请填写协助答复内容' }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="附件"
          name="files"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
        >
          <Upload beforeUpload={() => false} multiple maxCount={20}>
            <Button icon={<UploadOutlined aria-hidden />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </FormModal>
    </>
  );
}
