import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  listSynonymCandidates,
  reviewSynonymCandidate,
  type SynonymCandidate,
  type SynonymStatus,
} from '../../api/searchSynonyms.ts';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

const PAGE_SIZE = 20;
const TABS: { key: SynonymStatus; label: string; empty: string }[] = [
  { key: 'proposed', label: '待审核', empty: '没有待审核的同义词' },
  { key: 'accepted', label: '已采用', empty: '还没有采用的同义词' },
  { key: 'rejected', label: '不采用', empty: '没有不采用的同义词' },
];

/**
 * 检索同义词: pairs of an abbreviation and its full name (12345热线 ↔ 12345政务服务便民热线) that the
 * nightly mining found in the library's own documents. The office accepts them (searches for one
 * also find the other) or rejects them; a decision can be changed on the other tabs.
 */
export function SearchSynonymsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<SynonymStatus>('proposed');
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number>();
  const { data, loading, error, reload } = useLoad(
    () => listSynonymCandidates(status, page, PAGE_SIZE),
    [status, page],
  );

  async function decide(c: SynonymCandidate, decision: 'accepted' | 'rejected') {
    setBusy(c.id);
    try {
      await reviewSynonymCandidate(c.id, decision);
      message.success(
        decision === 'accepted'
          ? `已采用：检索“${c.shortForm}”时也查找“${c.longForm}”`
          : `已不采用“${c.shortForm}”与“${c.longForm}”`,
      );
      reload();
    } finally {
      setBusy(undefined);
    }
  }

  const columns: TableColumnsType<SynonymCandidate> = [
    { title: '简称', dataIndex: 'shortForm', width: 140 },
    { title: '全称', dataIndex: 'longForm', width: 240 },
    { title: '来源', dataIndex: 'sourceLabel', width: 160 },
    { title: '文件数', dataIndex: 'documents', width: 80, align: 'right' },
    {
      title: '出处示例',
      key: 'example',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{c.example}</Typography.Text>
          {c.exampleDocumentId && (
            <Link to={`/documents/${c.exampleDocumentId}`}>{c.exampleTitle ?? '查看文件'}</Link>
          )}
        </Space>
      ),
    },
    ...(status === 'proposed'
      ? []
      : [
          {
            title: '审核',
            key: 'reviewed',
            width: 160,
            render: (_: unknown, c: SynonymCandidate) =>
              `${c.reviewerName ?? '—'}　${formatDate(c.reviewedAt)}`,
          },
        ]),
    {
      title: '操作',
      key: 'op',
      width: 170,
      fixed: 'right',
      render: (_, c) => (
        <Space>
          {c.status !== 'accepted' && (
            <Button
              type="link"
              loading={busy === c.id}
              aria-label={`采用：${c.shortForm}（${c.longForm}）`}
              onClick={() => decide(c, 'accepted')}
            >
              采用
            </Button>
          )}
          {c.status !== 'rejected' && (
            <Button
              type="link"
              danger
              loading={busy === c.id}
              aria-label={`不采用：${c.shortForm}（${c.longForm}）`}
              onClick={() => decide(c, 'rejected')}
            >
              不采用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const tab = TABS.find((t) => t.key === status) ?? TABS[0];
  return (
    <>
      <PageTitle title="检索同义词" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Typography.Paragraph type="secondary">
          系统每晚从已发布文件中找出简称与全称（如文中“以下简称”的写法，或标题中的简称与正文中的全称）。
          采用后，公众检索其中一个时也会找到写作另一个的文件；不采用的不影响检索。
        </Typography.Paragraph>
        <Tabs
          activeKey={status}
          onChange={(k) => {
            setStatus(k as SynonymStatus);
            setPage(1);
          }}
          items={TABS.map((t) => ({
            key: t.key,
            label: data ? `${t.label}（${data.counts[t.key]}）` : t.label,
          }))}
        />
        <Table<SynonymCandidate>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={scrollWhenRows(data?.items.length ?? 0, 1100)}
          locale={{ emptyText: <EmptyText>{tab?.empty}</EmptyText> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 组`,
            onChange: setPage,
          }}
        />
      </Card>
    </>
  );
}
