import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { decideRelease, listReleaseQueue, type ReleaseEntry, type ReleaseStatus } from './api.ts';

const STATUS_COLORS: Record<ReleaseStatus, string> = {
  pending: 'orange',
  published: 'green',
  rejected: 'default',
};

/**
 * 转主动公开 (条例第四十四条): the answered applications proposed for proactive disclosure, and the office's
 * decision on each (转为主动公开 / 不予转入, with a note).
 */
export function ReleaseQueuePage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<ReleaseStatus | 'all'>('pending');
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useLoad(
    () => listReleaseQueue({ status: status === 'all' ? undefined : status, page, pageSize: 20 }),
    [status, page],
  );
  const [deciding, setDeciding] = useState<{ entry: ReleaseEntry; status: 'published' | 'rejected' }>();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  async function decide() {
    if (!deciding) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      await decideRelease(deciding.entry.id, deciding.status, note.trim());
      message.success(deciding.status === 'published' ? '已决定转为主动公开' : '已决定不予转入');
      setDeciding(undefined);
      setNote('');
      reload();
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const labels = data?.statusLabels;
  const columns: TableColumnsType<ReleaseEntry> = [
    {
      title: '申请编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 130,
      render: (caseNo: string, e) => (
        <Link to={`/requests/${e.requestId}`}>{caseNo || `#${e.requestId}`}</Link>
      ),
    },
    { title: '申请公开的政府信息', dataIndex: 'subject', key: 'subject' },
    { title: '受理机关', dataIndex: 'orgName', key: 'orgName', width: 160 },
    {
      title: '建议',
      key: 'flagged',
      width: 200,
      render: (_, e) => `${e.flaggedBy ?? ''} ${formatDate(e.flaggedAt)}${e.note ? `：${e.note}` : ''}`,
    },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[e.status]}>{labels?.[e.status] ?? e.status}</Tag>
          {e.decidedAt &&
            `${e.decidedBy ?? ''} ${formatDate(e.decidedAt)}${e.decisionNote ? `：${e.decisionNote}` : ''}`}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, e) =>
        e.status === 'pending' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ entry: e, status: 'published' })}
            >
              转为主动公开
            </Button>
            <Button size="small" onClick={() => setDeciding({ entry: e, status: 'rejected' })}>
              不予转入
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle title="转主动公开" />
      <Card>
        <Segmented<ReleaseStatus | 'all'>
          aria-label="状态"
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'pending', label: labels?.pending ?? '待决定' },
            { value: 'published', label: labels?.published ?? '已转主动公开' },
            { value: 'rejected', label: labels?.rejected ?? '不予转入' },
            { value: 'all', label: '全部' },
          ]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<ReleaseEntry>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          locale={{ emptyText: '没有建议转为主动公开的申请' }}
        />
      </Card>
      <Modal
        open={deciding !== undefined}
        title={deciding?.status === 'published' ? '转为主动公开' : '不予转入'}
        okText="确定"
        confirmLoading={saving}
        onOk={decide}
        onCancel={() => {
          setDeciding(undefined);
          setRefusal(undefined);
        }}
      >
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
        <p>{deciding?.entry.subject}</p>
        <label htmlFor="release-note">说明（可选）</label>
        <Input.TextArea
          id="release-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
