import { Alert, Card, Col, Collapse, Empty, Row, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { getDashboard, type OverdueItem, type PlanDashboard, type UnitProgress } from '../../api/workplan.ts';
import { type ChartOption, EChart, useChartLibraryEarly } from '../../components/EChart.tsx';
import { LinkButton, percent } from '../../components/ledger/LedgerTags.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

const STATUS_SERIES: { key: keyof UnitProgress; name: string; color: string }[] = [
  { key: 'done', name: '已完成', color: '#389e0d' },
  { key: 'ongoing', name: '长期坚持', color: '#722ed1' },
  { key: 'inProgress', name: '进行中', color: '#0958d9' },
  { key: 'notStarted', name: '未开始', color: '#8c8c8c' },
];

function byUnitOption(units: readonly UnitProgress[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.orgName) },
    series: STATUS_SERIES.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'status',
      itemStyle: { color: s.color },
      barMaxWidth: 24,
      data: units.map((u) => Number(u[s.key]) || 0),
    })),
  };
}

function statusPieOption(units: readonly UnitProgress[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}项（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: '办理状态',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: STATUS_SERIES.map((s) => ({
          name: s.name,
          value: units.reduce((sum, u) => sum + (Number(u[s.key]) || 0), 0),
          itemStyle: { color: s.color },
        })).filter((d) => d.value > 0),
      },
    ],
  };
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

const unitColumns: TableColumnsType<UnitProgress> = [
  { title: '单位', dataIndex: 'orgName' },
  { title: '任务', dataIndex: 'total', align: 'right', width: 70 },
  { title: '已完成', dataIndex: 'done', align: 'right', width: 80 },
  { title: '长期坚持', dataIndex: 'ongoing', align: 'right', width: 90 },
  { title: '进行中', dataIndex: 'inProgress', align: 'right', width: 80 },
  { title: '未开始', dataIndex: 'notStarted', align: 'right', width: 80 },
  { title: '逾期', dataIndex: 'overdue', align: 'right', width: 70 },
  {
    title: '完成率',
    dataIndex: 'completionRate',
    align: 'right',
    width: 90,
    render: (r: number | null) => percent(r),
  },
];

/** The dashboard of one plan: totals, completion by unit, status shares and the overdue list. */
export function PlanDashboardPanel({
  planId,
  version,
  onOpen,
}: {
  planId: number;
  /** Changes when the plan changed elsewhere on the page: the figures are loaded again. */
  version: number;
  onOpen: (assignmentId: number) => void;
}) {
  const { data, loading, error } = useLoad(() => getDashboard(planId), [planId, version]);
  useChartLibraryEarly();
  const charts = useMemo(
    () => data && { unit: byUnitOption(data.byUnit), pie: statusPieOption(data.byUnit) },
    [data],
  );

  const overdueColumns: TableColumnsType<OverdueItem> = [
    { title: '序号', dataIndex: 'seq', width: 70 },
    {
      title: '工作任务',
      dataIndex: 'task',
      render: (task: string, o) => <LinkButton onClick={() => onOpen(o.assignmentId)}>{task}</LinkButton>,
    },
    { title: '责任单位', dataIndex: 'orgName', width: 180 },
    { title: '完成时限', dataIndex: 'due', width: 140, render: (d: string) => formatDate(d) },
    {
      title: '逾期天数',
      dataIndex: 'daysOverdue',
      width: 100,
      align: 'right',
      render: (n: number) => `${n}天`,
    },
  ];

  return (
    <Spin spinning={loading} description="正在统计…">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!data || !charts ? (
        <Card>{!loading && <Empty description="暂无统计数据" />}</Card>
      ) : (
        <>
          <Kpis d={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={<SectionTitle>各单位完成情况</SectionTitle>} style={{ height: '100%' }}>
                {data.byUnit.length === 0 ? (
                  <Empty description="暂无分解到单位的任务" />
                ) : (
                  <EChart
                    option={charts.unit}
                    label="各单位完成情况图表，数据见下方“数据表”"
                    height={Math.max(220, data.byUnit.length * 30 + 70)}
                  />
                )}
                <Collapse
                  size="small"
                  ghost
                  style={{ marginTop: 8 }}
                  items={[
                    {
                      key: 'table',
                      label: '数据表：各单位完成情况',
                      children: (
                        <Table<UnitProgress>
                          size="small"
                          rowKey="orgId"
                          columns={unitColumns}
                          dataSource={data.byUnit}
                          pagination={false}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={<SectionTitle>办理状态分布</SectionTitle>} style={{ height: '100%' }}>
                <EChart
                  option={charts.pie}
                  label="办理状态分布图表，数据见“各单位完成情况”的数据表"
                  height={300}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={<SectionTitle>逾期事项（{data.overdue.length}项）</SectionTitle>}>
                <Table<OverdueItem>
                  size="small"
                  rowKey="assignmentId"
                  columns={overdueColumns}
                  dataSource={data.overdue}
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  locale={{ emptyText: <Typography.Text type="secondary">暂无逾期事项</Typography.Text> }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Spin>
  );
}

function Kpis({ d }: { d: PlanDashboard }) {
  const t = d.totals;
  const cards = [
    { title: '完成率', value: percent(t.completionRate), note: `已完成 ${t.done} / ${t.assignments} 项` },
    { title: '工作任务', value: `${t.tasks}项`, note: `分解到单位 ${t.assignments} 项` },
    { title: '已完成', value: `${t.done}项`, note: '经公开办审核通过' },
    // The same count as the portal's 逾期未完成: tasks, with the units' parts behind them.
    {
      title: '逾期任务',
      value: `${t.overdueTasks}项`,
      note: `已过完成时限仍有单位未完成（涉及 ${t.overdue} 个单位次）`,
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={24} sm={12} xl={6}>
          <Card>
            <section aria-label={c.title}>
              <Typography.Title level={2} style={{ fontSize: 14, fontWeight: 'normal', margin: 0 }}>
                {c.title}
              </Typography.Title>
              <div style={{ fontSize: 24, margin: '4px 0' }} data-kpi={c.title}>
                {c.value}
              </div>
              <Typography.Text type="secondary">{c.note}</Typography.Text>
            </section>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
