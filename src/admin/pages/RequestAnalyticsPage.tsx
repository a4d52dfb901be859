import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type Count,
  fetchRequestAnalytics,
  type OutcomeRowCount,
  type ReleaseSuggestion,
  type RequestAnalytics,
  requestAnalyticsXlsxUrl,
} from '../api/requestAnalytics.ts';
import { type ChartOption, EChart, useChartLibraryEarly } from '../components/EChart.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { chinaThisYear, formatDateTime } from '../lib/format.ts';
import { toTreeOptions } from '../lib/orgTree.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useOrgs } from '../lib/useOrgs.ts';

/** The 2019 Regulation (国务院令第711号) took effect in 2019: statistics start there. */
const FIRST_YEAR = 2019;
/** Column headers of table 三 of the annual report, in its order. */
const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function barOption(items: readonly Count<unknown>[], name: string, horizontal = false): ChartOption {
  const labels = items.map((i) => i.label);
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', name, data: items.map((i) => i.count), barMaxWidth: 36 }],
  };
}

function pieOption(items: readonly Count<unknown>[], name: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
    legend: { bottom: 0, type: 'plain' },
    series: [
      {
        type: 'pie',
        name,
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: items.filter((i) => i.count > 0).map((i) => ({ name: i.label, value: i.count })),
      },
    ],
  };
}

function countColumns(what: string, unit = '件数'): TableColumnsType<Count<unknown>> {
  return [
    { title: what, dataIndex: 'label' },
    { title: unit, dataIndex: 'count', align: 'right', width: 120 },
  ];
}

/** Empty-table text in the secondary colour (antd's disabled grey is below WCAG AA contrast). */
function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** A chart and, below it, the same figures as a table (collapsed) for screen readers and copying. */
function ChartCard({
  title,
  option,
  table,
  height,
}: {
  title: string;
  option: ChartOption;
  table: ReactNode;
  height?: number;
}) {
  return (
    <Card title={<SectionTitle>{title}</SectionTitle>} style={{ height: '100%' }}>
      <EChart option={option} label={`${title}图表，数据见下方“数据表”`} height={height} />
      <Collapse
        size="small"
        ghost
        items={[{ key: 'table', label: `数据表：${title}`, children: table }]}
        style={{ marginTop: 8 }}
      />
    </Card>
  );
}

function CountTable({ rows, what, unit }: { rows: readonly Count<unknown>[]; what: string; unit?: string }) {
  return (
    <Table<Count<unknown>>
      size="small"
      rowKey={(r) => String(r.key)}
      columns={countColumns(what, unit)}
      dataSource={[...rows]}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {rows.reduce((s, r) => s + r.count, 0)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

const outcomeColumns: TableColumnsType<OutcomeRowCount> = [
  { title: '类别', dataIndex: 'groupLabel', width: 140 },
  { title: '办理结果', dataIndex: 'label' },
  ...APPLICANT_COLUMNS.map((title, i) => ({
    title,
    key: title,
    align: 'right' as const,
    width: 90,
    render: (_: unknown, r: OutcomeRowCount) => r.byApplicantType[i] ?? 0,
  })),
  { title: '总计', dataIndex: 'count', align: 'right', width: 80 },
];

const suggestionColumns: TableColumnsType<ReleaseSuggestion> = [
  {
    title: '关键词',
    key: 'keywords',
    width: 180,
    render: (_, s) => s.keywords.map((k) => <Tag key={k}>{k}</Tag>),
  },
  { title: '申请件数', dataIndex: 'count', align: 'right', width: 100 },
  { title: '申请事项示例', key: 'subjects', render: (_, s) => s.subjects.join('；') },
  {
    title: '可转主动公开的申请',
    key: 'cases',
    width: 220,
    render: (_, s) =>
      s.flaggableIds.length === 0 ? (
        <Typography.Text type="secondary">暂无（未答复公开或已在队列中）</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {s.flaggableIds.map((id) => (
            <Link key={id} to={`/requests/${id}`}>
              #{id}
            </Link>
          ))}
        </Flex>
      ),
  },
];

function Kpis({ a }: { a: RequestAnalytics }) {
  const t = a.timeliness;
  const cards: { title: string; value: ReactNode; note: string }[] = [
    {
      title: '收件总数',
      value: <Statistic value={a.total} suffix="件" />,
      note: `尚未办结 ${a.undecided} 件`,
    },
    {
      title: '按时答复率',
      value: <Statistic value={percent(t.onTimeRate)} />,
      // The rate counts every case that has come due, the open ones past their deadline too.
      note: `按时答复 ${t.onTime} 件 ÷ 已到期 ${t.replied + t.overdueOpen} 件（已答复 ${t.replied} 件，其中逾期 ${t.late} 件；逾期未答复 ${t.overdueOpen} 件）`,
    },
    {
      title: '平均答复用时（工作日）',
      value: (
        <Statistic
          value={t.averageWorkingDays ?? '—'}
          suffix={t.averageWorkingDays === null ? '' : '个工作日'}
        />
      ),
      note: '自收到申请之日起至答复之日，不含暂停计时',
    },
    {
      title: '暂停计时合计',
      value: (
        <Statistic
          value={t.pausedWorkingDays ?? '—'}
          suffix={t.pausedWorkingDays === null ? '' : '个工作日'}
        />
      ),
      note: `涉及 ${t.pausedCases} 件（补正、征求意见期间）`,
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={24} sm={12} xl={6}>
          <Card>
            <Typography.Title level={2} style={{ fontSize: 14, fontWeight: 'normal', margin: 0 }}>
              {c.title}
            </Typography.Title>
            {c.value}
            <Typography.Text type="secondary">{c.note}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 依申请公开 · 统计分析: one year's applications, charts with data tables, topics, and an Excel export. */
export function RequestAnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = chinaThisYear();
  const year = Number(params.get('year')) || thisYear;
  const unitId = Number(params.get('unitId')) || undefined;
  const { tree, error: orgError } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const { data, loading, error } = useLoad(() => fetchRequestAnalytics({ year, unitId }), [year, unitId]);
  useChartLibraryEarly();
  const years = useMemo(
    () => Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i),
    [thisYear],
  );

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  const charts = useMemo(
    () =>
      data && {
        month: barOption(data.byMonth, '收件数'),
        channel: pieOption(data.byChannel, '申请方式'),
        applicant: barOption(data.byApplicantType, '申请人类型'),
        outcome: barOption(data.byOutcomeGroup, '办理结果'),
        unit: barOption(data.byUnit, '承办单位', true),
      },
    [data],
  );

  return (
    <>
      <PageTitle
        title="依申请公开统计分析"
        extra={
          <Flex wrap gap={8} align="center">
            <Select
              aria-label="统计年度"
              style={{ width: 120 }}
              value={year}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(y: number) => update({ year: String(y) })}
            />
            <TreeSelect
              aria-label="按承办单位统计"
              style={{ width: 240 }}
              treeData={orgOptions}
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              placeholder="全部承办单位"
              value={unitId}
              onChange={(u?: number) => update({ unitId: u ? String(u) : undefined })}
            />
            <Button icon={<DownloadOutlined />} href={requestAnalyticsXlsxUrl({ year, unitId })} download>
              下载Excel
            </Button>
          </Flex>
        }
      />
      {(error || orgError) && (
        <Alert type="error" showIcon title={error ?? orgError} style={{ marginBottom: 16 }} />
      )}
      {data?.timeliness.calendarMissingYear && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${data.timeliness.calendarMissingYear}年的节假日安排尚未录入工作日历，答复用时和暂停计时无法计算。`}
        />
      )}
      <Spin spinning={loading} description="正在统计…">
        {!data || !charts ? (
          <Card>{!loading && <Empty description="暂无统计数据" />}</Card>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              统计{data.year}年收到的申请（以收到申请之日计）{data.unitId ? '，仅限所选承办单位' : ''}
              。数据生成于{formatDateTime(data.generatedAt)}。
            </Typography.Paragraph>
            <Kpis a={data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ChartCard
                  title="按月收件"
                  option={charts.month}
                  table={<CountTable rows={data.byMonth} what="月份" unit="收件数" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title="申请方式"
                  option={charts.channel}
                  table={<CountTable rows={data.byChannel} what="申请方式" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title="申请人类型"
                  option={charts.applicant}
                  table={<CountTable rows={data.byApplicantType} what="申请人类型" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title="办理结果"
                  option={charts.outcome}
                  table={
                    <Table<OutcomeRowCount>
                      size="small"
                      rowKey="key"
                      columns={outcomeColumns}
                      dataSource={data.byOutcome}
                      pagination={false}
                      scroll={{ x: 900 }}
                      footer={() => `尚未办结 ${data.undecided} 件（不计入上表）。`}
                    />
                  }
                />
              </Col>
              <Col xs={24}>
                <ChartCard
                  title="承办单位"
                  option={charts.unit}
                  height={Math.max(200, data.byUnit.length * 32 + 40)}
                  table={<CountTable rows={data.byUnit} what="承办单位" />}
                />
              </Col>
              <Col xs={24} xl={12}>
                <Card title={<SectionTitle>热点主题（前{data.topics.length || 20}个）</SectionTitle>}>
                  <Typography.Paragraph type="secondary">
                    根据最近登记的 {data.topicsSample.size} 件申请（最多 {data.topicsSample.limit} 件，本年共{' '}
                    {data.topicsSample.total} 件）的信息名称和内容描述分词统计。
                  </Typography.Paragraph>
                  <Table
                    size="small"
                    rowKey="word"
                    pagination={false}
                    dataSource={data.topics}
                    locale={{ emptyText: <EmptyText>暂无</EmptyText> }}
                    columns={[
                      { title: '序号', key: 'rank', width: 70, render: (_, __, i) => i + 1 },
                      { title: '关键词', dataIndex: 'word' },
                      { title: '申请件数', dataIndex: 'count', align: 'right', width: 110 },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={<SectionTitle>重复申请</SectionTitle>}>
                  <Typography.Paragraph>
                    本年有 {data.repeatApplicants.applicants} 位申请人提出 2 件以上申请，共{' '}
                    {data.repeatApplicants.cases} 件。
                  </Typography.Paragraph>
                  {data.repeatApplicants.identitiesShown ? (
                    <Table
                      size="small"
                      rowKey={(r) => `${r.idType}:${r.idNumber}`}
                      pagination={false}
                      dataSource={data.repeatApplicants.top}
                      locale={{ emptyText: <EmptyText>无</EmptyText> }}
                      columns={[
                        { title: '申请人', dataIndex: 'name' },
                        { title: '证件号码', dataIndex: 'idNumber' },
                        { title: '申请件数', dataIndex: 'cases', align: 'right', width: 110 },
                      ]}
                    />
                  ) : (
                    <Typography.Text type="secondary">
                      您的角色只能查看人数和件数，不显示申请人身份。
                    </Typography.Text>
                  )}
                </Card>
              </Col>
              <Col xs={24}>
                <Card title={<SectionTitle>建议转主动公开（同一主题 3 件以上申请）</SectionTitle>}>
                  <Table<ReleaseSuggestion>
                    size="small"
                    rowKey={(s) => s.keywords.join('+')}
                    pagination={false}
                    columns={suggestionColumns}
                    dataSource={data.releaseSuggestions}
                    locale={{ emptyText: <EmptyText>本年暂无被反复申请的主题</EmptyText> }}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Spin>
    </>
  );
}
