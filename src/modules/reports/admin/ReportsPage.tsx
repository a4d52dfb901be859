import { Alert, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { listReports, type ReportListItem } from '../../../admin/api/reports.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { chinaThisYear, formatChineseDate } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { REPORT_STATE_LABELS } from '../domain/states.ts';
import { ReportsTabs } from './board/ReportsTabs.tsx';

const STATE_COLORS: Record<ReportListItem['state'], string> = {
  none: 'default',
  draft: 'blue',
  submitted: 'orange',
  accepted: 'cyan',
  published: 'green',
};

/** 年度报告: every agency the person sees, for one year, with the report's state and its checks. */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  // Reports are written in the new year about the year before (条例第四十九条).
  const year = Number(params.get('year')) || chinaThisYear() - 1;
  const { data, loading, error } = useLoad(() => listReports(year), [year]);
  const years = Array.from({ length: 6 }, (_, i) => chinaThisYear() - i);

  const columns: TableColumnsType<ReportListItem> = [
    {
      title: '报告机关',
      dataIndex: 'orgName',
      render: (name: string, r) => <Link to={`/annual-reports/${r.orgId}/${year}`}>{name}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (s: ReportListItem['state']) => <Tag color={STATE_COLORS[s]}>{REPORT_STATE_LABELS[s]}</Tag>,
    },
    {
      title: '数据校验',
      key: 'checks',
      width: 220,
      render: (_, r) =>
        r.errors === 0 ? (
          <Tag color="green">通过{r.warnings > 0 ? `（${r.warnings}项提示）` : ''}</Tag>
        ) : (
          <Tag color="red">
            {r.errors}项未通过{r.warnings > 0 ? `，${r.warnings}项提示` : ''}
          </Tag>
        ),
    },
    {
      title: '报送时间',
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) => (v ? formatChineseDate(v) : '—'),
    },
  ];

  return (
    <>
      <PageTitle
        title="政府信息公开工作年度报告"
        extra={
          <Space>
            <Link to="/annual-reports/history">历年报告</Link>
            <Select
              aria-label="报告年度"
              value={year}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
              onChange={(y) => setParams({ year: String(y) })}
            />
          </Space>
        }
      />
      <ReportsTabs />
      <Link to={`/annual-reports/summary?year=${year}`} style={{ display: 'inline-block', marginBottom: 16 }}>
        汇总（县级、市级人民政府公开办）
      </Link>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="orgId"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
