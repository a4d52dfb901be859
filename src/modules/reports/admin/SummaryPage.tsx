import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  List,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import {
  downloadSummaryXlsx,
  getSummary,
  listSummaryGovernments,
  type ReportSummary,
  type SummaryAgency,
  type SummaryGovernment,
  type SummaryPending,
} from '../../../admin/api/reportOutputs.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { chinaThisYear } from '../../../admin/lib/format.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { REPORT_STATE_LABELS } from '../domain/states.ts';
import { SUMMARY_INCLUDE_LABELS, SUMMARY_INCLUDES, type SummaryInclude } from '../domain/summary/summary.ts';
import {
  MANUAL_FIGURE_INFO,
  MANUAL_FIGURES,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from '../domain/tables.ts';

const num = (n: number | null | undefined) => (n === null || n === undefined ? '未填报' : n);

/** The summed tables 二, 三, 四. */
function SummedTables({ s }: { s: ReportSummary }) {
  type Row3 = { key: string; label: string; counts: number[] };
  const t3: Row3[] = TABLE3_ROWS.map((r) => ({
    key: r.key,
    label: `${r.group ?? ''}${r.label}`,
    counts: s.figures.table3[r.key] ?? [],
  }));
  return (
    <Card title="汇总数据" size="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>表二 主动公开政府信息情况</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={[
          ...TABLE2_DOC_ROWS.map((r) => ({
            key: r.key,
            label: r.label,
            cells: s.figures.table2[r.key].map((n, i) => `${TABLE2_DOC_COLUMNS[i]}：${n}`).join('，'),
          })),
          ...MANUAL_FIGURES.map((k) => ({
            key: k,
            label: MANUAL_FIGURE_INFO[k].label,
            cells: `${MANUAL_FIGURE_INFO[k].column}：${num(s.figures.table2[k])}`,
          })),
        ]}
        columns={[
          { title: '信息内容', dataIndex: 'label', width: 200 },
          { title: '数据', dataIndex: 'cells' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        表三 收到和处理政府信息公开申请情况
      </Typography.Title>
      <Table<Row3>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={t3}
        columns={[
          { title: '项目', dataIndex: 'label' },
          ...TABLE3_COLUMNS.map((c, i) => ({
            title: c,
            key: c,
            align: 'right' as const,
            width: 90,
            render: (_: unknown, r: Row3) => r.counts[i],
          })),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        表四 政府信息公开行政复议、行政诉讼情况
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="kind"
        dataSource={TABLE4_GROUPS.map((g, gi) => ({
          kind: g.kind,
          label: g.parent ? `${g.parent}（${g.label}）` : g.label,
          counts: s.figures.table4.slice(gi * 5, gi * 5 + 5),
        }))}
        columns={[
          { title: '类别', dataIndex: 'label' },
          ...TABLE4_CELL_LABELS.map((l, i) => ({
            title: l,
            key: l,
            align: 'right' as const,
            width: 90,
            render: (_: unknown, r: { counts: number[] }) => r.counts[i],
          })),
        ]}
      />
    </Card>
  );
}

function checksTag(errors: number, warnings: number) {
  return errors === 0 ? (
    <Tag color="green">通过{warnings > 0 ? `（${warnings}项提示）` : ''}</Tag>
  ) : (
    <Tag color="red">{errors}项未通过</Tag>
  );
}

/** 年度报告汇总: a government's agencies' and lower governments' reports for a year, added and checked. */
export function SummaryPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaThisYear() - 1;
  const include: SummaryInclude = params.get('include') === 'all' ? 'all' : 'accepted';
  const governments = useLoad(() => listSummaryGovernments(), []);
  const orgId = Number(params.get('orgId')) || governments.data?.items[0]?.orgId;
  const summary = useLoad(
    () => (orgId ? getSummary(orgId, year, include) : Promise.resolve(undefined)),
    [orgId, year, include],
  );
  const years = Array.from({ length: 6 }, (_, i) => chinaThisYear() - i);
  const set = (patch: Record<string, string>) =>
    setParams({ year: String(year), include, ...(orgId ? { orgId: String(orgId) } : {}), ...patch });
  const s = summary.data;

  const agencyColumns: TableColumnsType<SummaryAgency> = [
    {
      title: '机关',
      dataIndex: 'orgName',
      render: (name: string, a) => <Link to={`/annual-reports/${a.orgId}/${year}`}>{name}</Link>,
    },
    {
      title: '报告状态',
      dataIndex: 'state',
      width: 110,
      render: (v: SummaryAgency['state']) => REPORT_STATE_LABELS[v],
    },
    {
      title: '计入汇总',
      dataIndex: 'counted',
      width: 100,
      render: (v: boolean) => (v ? <Tag color="green">已计入</Tag> : <Tag>未计入</Tag>),
    },
    { title: '数据校验', key: 'checks', width: 160, render: (_, a) => checksTag(a.errors, a.warnings) },
  ];
  const governmentColumns: TableColumnsType<SummaryGovernment> = [
    { title: '下级人民政府', dataIndex: 'orgName' },
    { title: '机关数', dataIndex: 'agencies', width: 90, align: 'right' },
    { title: '已审核报告数', dataIndex: 'accepted', width: 120, align: 'right' },
    { title: '汇总数据校验', key: 'checks', width: 160, render: (_, g) => checksTag(g.errors, 0) },
  ];
  const pendingColumns: TableColumnsType<SummaryPending> = [
    { title: '机关', dataIndex: 'orgName' },
    {
      title: '报告状态',
      dataIndex: 'state',
      width: 110,
      render: (v: SummaryPending['state']) => REPORT_STATE_LABELS[v],
    },
    { title: '所属人民政府', dataIndex: 'government', width: 220 },
  ];

  return (
    <>
      <PageTitle
        title="政府信息公开工作年度报告汇总"
        extra={
          <Space wrap>
            <Select
              aria-label="人民政府"
              value={orgId}
              style={{ width: 220 }}
              loading={governments.loading}
              options={(governments.data?.items ?? []).map((g) => ({ value: g.orgId, label: g.orgName }))}
              onChange={(v) => set({ orgId: String(v) })}
            />
            <Select
              aria-label="报告年度"
              value={year}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
              onChange={(y) => set({ year: String(y) })}
            />
            <Select
              aria-label="汇总范围"
              value={include}
              style={{ width: 220 }}
              options={SUMMARY_INCLUDES.map((i) => ({ value: i, label: SUMMARY_INCLUDE_LABELS[i] }))}
              onChange={(v) => set({ include: v })}
            />
            <Button
              disabled={!orgId}
              onClick={() =>
                orgId &&
                downloadSummaryXlsx(orgId, year, include).catch((e) => message.error(errorMessage(e)))
              }
            >
              下载Excel
            </Button>
          </Space>
        }
      />
      <div style={{ marginBottom: 16 }}>
        <Link to={`/annual-reports?year=${year}`}>返回{year}年度报告列表</Link>
      </div>
      {governments.error && <Alert type="error" showIcon message={governments.error} />}
      {summary.error && <Alert type="error" showIcon message={summary.error} style={{ marginBottom: 16 }} />}
      {!governments.loading && !orgId && <Empty description="您没有可查看汇总的人民政府。" />}
      {s && (
        <>
          <Card title="数据校验" size="small" style={{ marginBottom: 16 }}>
            {s.checks.every((c) => c.ok) ? (
              <Alert type="success" showIcon message="汇总数据全部校验通过。" />
            ) : (
              <List
                size="small"
                dataSource={s.checks.filter((c) => !c.ok)}
                renderItem={(c) => (
                  <List.Item>
                    {c.level === 'warning' ? <Tag color="orange">提示</Tag> : <Tag color="red">未通过</Tag>}
                    {c.message}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card
            title={`未报送或尚未审核的机关（${s.pending.length}个）`}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <Table
              size="small"
              rowKey="orgId"
              columns={pendingColumns}
              dataSource={s.pending}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: '各机关的年度报告均已审核。' }}
            />
          </Card>
          <SummedTables s={s} />
          <Card title="本级机关" size="small" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="orgId"
              columns={agencyColumns}
              dataSource={s.agencies}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
            />
          </Card>
          {s.governments.length > 0 && (
            <Card title="下级人民政府（按其汇总数据计入）" size="small" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="orgId"
                columns={governmentColumns}
                dataSource={s.governments}
                pagination={false}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
