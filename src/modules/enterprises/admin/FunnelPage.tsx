import { Alert, InputNumber, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { type Funnel, fetchFunnel } from './api.ts';

type Line = Funnel['policies'][number];

const COUNTS: TableColumnsType<Omit<Line, 'documentId' | 'title'>> = [
  { title: '已触达', dataIndex: 'reached', key: 'reached', width: 90 },
  { title: '已查看', dataIndex: 'opened', key: 'opened', width: 90 },
  { title: '已申报', dataIndex: 'applied', key: 'applied', width: 90 },
  { title: '已兑现', dataIndex: 'granted', key: 'granted', width: 90 },
  { title: '其中免申即享', dataIndex: 'withoutApplication', key: 'auto', width: 120 },
];

/** 推送漏斗: per policy and per department, of a year's pushes. */
export function FunnelPage() {
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const { data, loading, error } = useLoad(() => fetchFunnel(year ?? undefined), [year]);
  return (
    <>
      <PageTitle title="政策推送漏斗" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space>
          <span id="funnel-year">推送年度</span>
          <InputNumber
            aria-labelledby="funnel-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => setYear(v ?? undefined)}
            placeholder="全部"
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <h2>按政策</h2>
        <Table
          rowKey="documentId"
          loading={loading}
          dataSource={data?.policies ?? []}
          pagination={false}
          columns={[
            { title: '政策', dataIndex: 'title', key: 't' },
            { title: '制发部门', dataIndex: 'orgName', key: 'o', width: 160 },
            ...(COUNTS as TableColumnsType<Line>),
          ]}
        />
        <h2>按部门</h2>
        <Table
          rowKey="orgId"
          loading={loading}
          dataSource={data?.departments ?? []}
          pagination={false}
          columns={[{ title: '部门', dataIndex: 'orgName', key: 'o' }, ...COUNTS]}
        />
      </Space>
    </>
  );
}
