import { Alert, Card, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type DocumentListItem,
  listDocuments,
  listPendingInterpretations,
  type PendingInterpretation,
} from '../../api/documents.ts';
import { AttributeTag } from '../../components/documents/DocTags.tsx';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

const PAGE_SIZE = 20;

/** 待审核: documents submitted for the confidentiality review (保密审查) in the reviewer's scope. */
export function ReviewQueuePage() {
  const [page, setPage] = useState(1);
  const { data, loading, error } = useLoad(
    () => listDocuments({ status: 'in_review', page, pageSize: PAGE_SIZE }),
    [page],
  );
  const pending = useLoad(() => listPendingInterpretations(), []);
  const pendingColumns: TableColumnsType<PendingInterpretation> = [
    {
      title: '解读标题',
      dataIndex: 'title',
      ellipsis: true,
      render: (t: string, i) => (
        <Link to={`/documents/${i.documentId}`} title={t}>
          {t}
        </Link>
      ),
    },
    { title: '解读形式', dataIndex: 'kindLabel', width: 110 },
    { title: '所属文件', dataIndex: 'documentTitle', ellipsis: true },
    { title: '提交时间', dataIndex: 'createdAt', width: 170, render: (d: string) => formatDateTime(d) },
  ];
  const columns: TableColumnsType<DocumentListItem> = [
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: true,
      render: (t: string, d) => (
        <Link to={`/documents/${d.id}`} title={t}>
          {t}
        </Link>
      ),
    },
    { title: '文号', dataIndex: 'docNumber', width: 190, render: (n: string | null) => n ?? '无' },
    { title: '发文机关', dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: '体裁', dataIndex: 'genreLabel', width: 130 },
    {
      title: '公开属性',
      dataIndex: 'attribute',
      width: 110,
      render: (_: string, d) => <AttributeTag attribute={d.attribute} label={d.attributeLabel} />,
    },
    { title: '成文日期', dataIndex: 'writtenDate', width: 130, render: (d: string) => formatDate(d) },
  ];
  return (
    <>
      <PageTitle title="待审核文件" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Typography.Paragraph type="secondary">
          已确定公开属性并提交保密审查的文件。打开文件后可审查通过，或填写意见退回修改（一事一审）。
        </Typography.Paragraph>
        <Table<DocumentListItem>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={scrollWhenRows(data?.items.length ?? 0, 1000)}
          locale={{ emptyText: <EmptyText>没有待审核的文件</EmptyText> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showTotal: (t) => `共 ${t} 件`,
            onChange: setPage,
          }}
        />
      </Card>
      <Card title="待审核的后续解读" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">
          文件发布后新增或修改的解读材料，审核通过后在门户网站公开，发布日期为审核通过之日。打开所属文件后在“解读材料”中审核。
        </Typography.Paragraph>
        {pending.error && <Alert type="error" showIcon title={pending.error} style={{ marginBottom: 16 }} />}
        <Table<PendingInterpretation>
          rowKey="id"
          columns={pendingColumns}
          dataSource={pending.data?.items ?? []}
          loading={pending.loading}
          pagination={false}
          locale={{ emptyText: <EmptyText>没有待审核的后续解读</EmptyText> }}
        />
      </Card>
    </>
  );
}
