import { Alert, Button, Card, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type AuditEntry, type AuditQuery, auditNames, listAudit } from '../api/audit.ts';
import type { ListResult } from '../api/client.ts';
import { AuditDiff } from '../components/AuditDiff.tsx';
import { DateRangeInput } from '../components/DateInput.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  subjectType?: string;
  subjectId?: string;
}

const PAGE_SIZE = 20;
const NO_ENTRIES: ListResult<AuditEntry> = { items: [], total: 0 };

function trimmed(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

export function AuditPage() {
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  // actorId, subjectType and subjectId may come in the address, e.g. from another page's "操作记录" link.
  const [query, setQuery] = useState<AuditQuery>(() => ({
    actorId: Number(searchParams.get('actorId')) || undefined,
    subjectType: searchParams.get('subjectType') ?? undefined,
    subjectId: searchParams.get('subjectId') ?? undefined,
    page: 1,
    pageSize: PAGE_SIZE,
  }));
  const { data = NO_ENTRIES, loading, error } = useLoad(() => listAudit(query), [query]);
  const { data: names } = useLoad(() => auditNames(), []);

  function applyFilters(v: FilterValues) {
    setQuery((q) => ({
      actorId: q.actorId,
      action: trimmed(v.action),
      subjectType: trimmed(v.subjectType),
      subjectId: trimmed(v.subjectId),
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      page: 1,
      pageSize: q.pageSize,
    }));
  }

  function reset() {
    form.resetFields();
    setQuery({ page: 1, pageSize: query.pageSize });
  }

  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 140,
      render: (name: string | null, e) => name ?? (e.actorId ? e.actorId : '系统'),
    },
    { title: '操作', dataIndex: 'actionLabel' },
    { title: '对象类型', dataIndex: 'subjectLabel', width: 160 },
    { title: '对象编号', dataIndex: 'subjectId', width: 240, render: (id: string | null) => id ?? '—' },
  ];

  return (
    <>
      <PageTitle title="审计日志" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        {query.actorId && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={`仅显示操作人编号为 ${query.actorId} 的记录`}
            action={
              <Button size="small" onClick={() => setQuery((q) => ({ ...q, actorId: undefined, page: 1 }))}>
                显示全部操作人
              </Button>
            }
          />
        )}
        <Form<FilterValues>
          form={form}
          layout="inline"
          initialValues={{ subjectType: query.subjectType, subjectId: query.subjectId }}
          onFinish={applyFilters}
          style={{ marginBottom: 16, rowGap: 12 }}
        >
          <Form.Item label="日期" name="range">
            <DateRangeInput />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部操作"
              style={{ width: 220 }}
              options={names?.actions.map((a) => ({ value: a.action, label: a.label }))}
            />
          </Form.Item>
          <Form.Item label="对象类型" name="subjectType">
            <Select
              allowClear
              placeholder="全部类型"
              style={{ width: 160 }}
              options={names?.subjects.map((t) => ({ value: t.subjectType, label: t.label }))}
            />
          </Form.Item>
          <Form.Item label="对象编号" name="subjectId">
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={reset}>重置</Button>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          expandable={{
            columnTitle: <span className="visually-hidden">展开详情</span>,
            expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          }}
          locale={{ emptyText: '没有符合条件的审计记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
