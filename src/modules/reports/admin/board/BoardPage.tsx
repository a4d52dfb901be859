import { Alert, Card, Col, Row, Select, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { getReportBoard, type ReportBoardRow } from '../../../../admin/api/report-board.ts';
import { PageTitle } from '../../../../admin/components/PageTitle.tsx';
import { chinaThisYear, formatChineseDate } from '../../../../admin/lib/format.ts';
import { useLoad } from '../../../../admin/lib/useLoad.ts';
import { BOARD_STATE_LABELS, BOARD_STATES, type BoardState, OVERDUE_LABELS } from '../../domain/board.ts';
import { ReportsTabs } from './ReportsTabs.tsx';

const STATE_COLORS: Record<BoardState, string> = {
  none: 'default',
  draft: 'blue',
  returned: 'magenta',
  submitted: 'orange',
  accepted: 'cyan',
  published: 'green',
};

/**
 * 报送情况: the agencies whose annual reports the government's GIO authority receives (the government
 * itself, its departments and townships), with each report's state, its statutory due date and whether it
 * is overdue (条例第四十九条).
 */
export function BoardPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaThisYear() - 1;
  const orgId = Number(params.get('orgId')) || undefined;
  const { data, loading, error } = useLoad(() => getReportBoard(year, orgId), [year, orgId]);
  const years = Array.from({ length: 6 }, (_, i) => chinaThisYear() - i);
  const set = (next: { year?: number; orgId?: number }) =>
    setParams({
      year: String(next.year ?? year),
      ...((next.orgId ?? orgId) ? { orgId: String(next.orgId ?? orgId) } : {}),
    });

  const columns: TableColumnsType<ReportBoardRow> = [
    {
      title: '报告机关',
      dataIndex: 'orgName',
      render: (name: string, r) => <Link to={`/annual-reports/${r.orgId}/${year}`}>{name}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      filters: BOARD_STATES.map((s) => ({ text: BOARD_STATE_LABELS[s], value: s })),
      onFilter: (v, r) => r.state === v,
      render: (s: BoardState) => <Tag color={STATE_COLORS[s]}>{BOARD_STATE_LABELS[s]}</Tag>,
    },
    {
      title: '法定期限',
      dataIndex: 'dueOn',
      width: 170,
      render: (v: string, r) => (
        <span title={r.publisher === 'government' ? '条例第四十九条第二款' : '条例第四十九条第一款'}>
          {formatChineseDate(v)}前
        </span>
      ),
    },
    {
      title: '逾期',
      dataIndex: 'overdue',
      width: 120,
      filters: [{ text: '仅看逾期', value: 'yes' }],
      onFilter: (_, r) => r.overdue !== null,
      render: (v: ReportBoardRow['overdue']) => (v ? <Tag color="red">{OVERDUE_LABELS[v]}</Tag> : '—'),
    },
    {
      title: '报送时间',
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) => (v ? formatChineseDate(v) : '—'),
    },
    {
      title: '公开时间',
      dataIndex: 'publishedAt',
      width: 150,
      render: (v: string | null) => (v ? formatChineseDate(v) : '—'),
    },
  ];

  const counts = data?.counts;
  return (
    <>
      <PageTitle
        title="年度报告报送情况"
        extra={
          <Space>
            {data && data.governments.length > 1 && (
              <Select
                aria-label="本级政府"
                value={data.government?.id}
                style={{ width: 220 }}
                options={data.governments.map((g) => ({ value: g.id, label: g.name }))}
                onChange={(id) => set({ orgId: id })}
              />
            )}
            <Select
              aria-label="报告年度"
              value={year}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
              onChange={(y) => set({ year: y })}
            />
          </Space>
        }
      />
      <ReportsTabs />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {data && !data.government && (
        <Alert type="info" showIcon message="您所在的机关不负责汇总年度报告，没有可查看的报送情况。" />
      )}
      {data?.government && counts && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${data.government.name}：政府部门、乡镇应在${year + 1}年1月31日前报送并公开${year}年度报告，本级政府的报告应在${year + 1}年3月31日前公开（条例第四十九条）。`}
          />
          <Card size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col flex="1">
                <Statistic title="应报送" value={counts.total} />
              </Col>
              {BOARD_STATES.map((s) => (
                <Col flex="1" key={s}>
                  <Statistic title={BOARD_STATE_LABELS[s]} value={counts.byState[s] ?? 0} />
                </Col>
              ))}
              <Col flex="1">
                <Statistic
                  title="逾期"
                  value={counts.overdue}
                  valueStyle={counts.overdue > 0 ? { color: '#cf1322' } : undefined}
                />
              </Col>
            </Row>
          </Card>
        </>
      )}
      <Table
        rowKey="orgId"
        loading={loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
