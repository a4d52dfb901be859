import { Alert, Card, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type DocumentListItem, listDocuments } from '../../api/documents.ts';
import { AttributeTag } from '../../components/documents/DocTags.tsx';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

const PAGE_SIZE = 20;

/** 待审核: documents submitted for the confidentiality review (保密审查) in the reviewer's scope. */
export function ReviewQueuePage() {
  const [page, setPage] = useState(1);
  const { data, loading, error } = useLoad(
    () => listDocuments({ status: 'in_review', page, pageSize: PAGE_SIZE }),
    [page],
  );
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
    </>
  );
}
