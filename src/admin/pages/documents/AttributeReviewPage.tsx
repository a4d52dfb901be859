import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type AttributeReviewItem,
  attributeReviewQueue,
  decideAttributeReview,
} from '../../api/documents.ts';
import { AttributeTag } from '../../components/documents/DocTags.tsx';
import { EmptyText, scrollWhenRows } from '../../components/documents/EmptyText.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

interface Values {
  decision: 'converted' | 'confirmed';
  notes?: string;
}

/**
 * 属性复核: 依申请公开 and 不予公开 documents due for their periodic review, and those an application
 * released (转主动公开). The reviewer converts them to 主动公开 or confirms the attribute, with notes.
 */
export function AttributeReviewPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(attributeReviewQueue, []);
  const [current, setCurrent] = useState<AttributeReviewItem>();
  const [open, setOpen] = useState(false);

  async function submit(values: Values) {
    if (!current) return;
    await decideAttributeReview(current.id, {
      decision: values.decision,
      notes: values.notes?.trim() || null,
      source: current.reason,
    });
    setOpen(false);
    message.success(values.decision === 'converted' ? '已转为主动公开' : '已维持原公开属性');
    reload();
  }

  const columns: TableColumnsType<AttributeReviewItem> = [
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
    { title: '文号', dataIndex: 'docNumber', width: 180, render: (n: string | null) => n ?? '无' },
    { title: '发文机关', dataIndex: 'orgName', width: 140, ellipsis: true },
    {
      title: '公开属性',
      dataIndex: 'attribute',
      width: 110,
      render: (_: string, d) => <AttributeTag attribute={d.attribute} label={d.attributeLabel} />,
    },
    {
      title: '复核原因',
      dataIndex: 'reasonLabel',
      width: 200,
      render: (label: string, d) => (
        <Space direction="vertical" size={0}>
          <span>{label}</span>
          {d.reason === 'periodic' && d.attributeReviewDue && (
            <Typography.Text type="secondary">{`复审日期 ${formatDate(d.attributeReviewDue)}`}</Typography.Text>
          )}
          {d.releasedBy.map((r) => (
            <Link key={r.entryId} to={`/requests/${r.requestId}`}>
              {`申请 ${r.caseNo ?? `#${r.requestId}`}（${r.statusLabel}）`}
            </Link>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 100,
      fixed: 'right',
      render: (_, d) => (
        <Button
          type="link"
          aria-label={`复核：${d.title}`}
          onClick={() => {
            setCurrent(d);
            setOpen(true);
          }}
        >
          复核
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="公开属性复核" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Typography.Paragraph type="secondary">
          依申请公开、不予公开的文件按复审周期定期复核；经依申请公开后可以转为主动公开的文件也在此处理。
        </Typography.Paragraph>
        <Table<AttributeReviewItem>
          rowKey={(r) => `${r.id}-${r.reason}`}
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={scrollWhenRows(data?.items.length ?? 0, 1000)}
          locale={{ emptyText: <EmptyText>没有需要复核的文件</EmptyText> }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
        />
      </Card>
      <FormModal<Values>
        open={open}
        title="公开属性复核"
        okText="确定"
        fieldNames={['decision', 'notes']}
        initialValues={{ decision: 'converted' }}
        onCancel={() => setOpen(false)}
        onSubmit={submit}
      >
        {current && (
          <Typography.Paragraph>
            {`《${current.title}》现为“${current.attributeLabel}”${current.attributeReason ? `，理由：${current.attributeReason}` : ''}。`}
          </Typography.Paragraph>
        )}
        <Form.Item name="decision" label="复核结论">
          <Radio.Group
            options={[
              { value: 'converted', label: '转为主动公开' },
              { value: 'confirmed', label: '维持原公开属性' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.decision !== b.decision}>
          {({ getFieldValue }) => (
            <Form.Item
              name="notes"
              label="复核意见"
              rules={
                getFieldValue('decision') === 'confirmed'
                  ? [{ required: true, whitespace: true, message: '维持原属性时请填写复核意见' }]
                  : []
              }
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          )}
        </Form.Item>
      </FormModal>
    </>
  );
}
