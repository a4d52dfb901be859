import { Alert, Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { chinaThisYear } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { dutiesStats } from './api.ts';

/** 台账统计: the four registers' counts of a year (the module's `stats`, as the annual report reads them). */
export function StatsPage() {
  const [year, setYear] = useState<number>(chinaThisYear());
  const { data, loading, error } = useLoad(() => dutiesStats(year), [year]);
  return (
    <>
      <PageTitle title="台账统计" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <InputNumber
          aria-label="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          addonAfter="年"
        />
        {error && <Alert type="error" showIcon message={error} />}
        {(data?.tables ?? []).map((t) => (
          <Card key={t.key} title={t.title} loading={loading}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={t.rows}
              locale={{ emptyText: '本年度暂无记录' }}
              columns={[
                { title: t.key === 'duties.errata' ? '月份' : '单位', dataIndex: 'label', key: 'label' },
                ...t.columns.map((c, i) => ({
                  title: c.label,
                  key: c.key,
                  render: (_: unknown, r: (typeof t.rows)[number]) => r.counts[i],
                })),
              ]}
            />
          </Card>
        ))}
      </Space>
    </>
  );
}
