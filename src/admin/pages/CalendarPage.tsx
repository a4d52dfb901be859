import { EditOutlined, FileTextOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import {
  type CalendarYear,
  type CalendarYearInput,
  listCalendarYears,
  putCalendarYear,
} from '../api/calendar.ts';
import { CalendarNoticeModal } from '../components/CalendarNoticeModal.tsx';
import { CalendarStatusBanner } from '../components/CalendarStatusBanner.tsx';
import { type CalendarDialog, CalendarYearModal } from '../components/CalendarYearModal.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { formatDate, formatDateTime, formatMonthDayWeekday } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

const NO_YEARS: CalendarYear[] = [];

async function listYearsNewestFirst(): Promise<CalendarYear[]> {
  const r = await listCalendarYears();
  return [...r.items].sort((a, b) => b.year - a.year);
}

function DayTags({ days, year }: { days: string[]; year: number }) {
  if (!days.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {days.map((d) => (
        <Tag key={d}>
          {d.startsWith(`${year}-`) ? '' : `${Number(d.slice(0, 4))}年`}
          {formatMonthDayWeekday(d)}
        </Tag>
      ))}
    </Space>
  );
}

export function CalendarPage() {
  const { message } = App.useApp();
  const location = useLocation();
  // Saving a year bumps `version`, which re-reads both the list and the status banner.
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<CalendarDialog | undefined>(() => {
    const enterYear = (location.state as { enterYear?: number } | null)?.enterYear;
    return enterYear ? { mode: 'create', year: enterYear } : undefined;
  });

  const [noticeOpen, setNoticeOpen] = useState(
    () => (location.state as { notice?: boolean } | null)?.notice === true,
  );
  const { data: years = NO_YEARS, loading, error } = useLoad(listYearsNewestFirst, [version]);

  async function save(year: number, input: CalendarYearInput) {
    await putCalendarYear(year, input);
    message.success(`已保存${year}年工作日历`);
    setDialog(undefined);
    setVersion((v) => v + 1);
  }

  const columns: TableColumnsType<CalendarYear> = [
    { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年` },
    {
      title: '依据通知',
      dataIndex: 'noticeTitle',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          {row.noticeUrl ? (
            <a href={row.noticeUrl} target="_blank" rel="noopener noreferrer">
              {title} <LinkOutlined aria-label="（在新窗口打开）" />
            </a>
          ) : (
            title
          )}
          <Typography.Text type="secondary">
            {[row.noticeNumber, row.noticeDate && `${formatDate(row.noticeDate)}发布`]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '放假', dataIndex: 'daysOff', width: 80, render: (d: string[]) => `${d.length}天` },
    { title: '调休上班', dataIndex: 'makeupWorkdays', width: 100, render: (d: string[]) => `${d.length}天` },
    {
      title: '来源',
      dataIndex: 'source',
      width: 110,
      render: (s: CalendarYear['source']) =>
        s === 'admin' ? <Tag color="blue">管理员录入</Tag> : <Tag>系统内置</Tag>,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 180,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_, entry) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', entry })}>
          修正
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="工作日历"
        extra={
          <Space>
            <Button type="primary" icon={<FileTextOutlined />} onClick={() => setNoticeOpen(true)}>
              按通知录入
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              手工录入
            </Button>
          </Space>
        }
      />
      <CalendarStatusBanner refreshKey={version} onEnterYear={() => setNoticeOpen(true)} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card>
        <Typography.Paragraph type="secondary">
          办理期限按工作日计算，依据国务院办公厅每年发布的部分节假日安排通知。周六、周日默认休息，此处只需录入通知中的放假日期和调休上班日期。
        </Typography.Paragraph>
        <Table<CalendarYear>
          rowKey="year"
          columns={columns}
          dataSource={years}
          loading={loading}
          pagination={false}
          locale={{ emptyText: '尚未录入任何年度的工作日历' }}
          expandable={{
            columnTitle: <span className="visually-hidden">展开详情</span>,
            expandedRowRender: (row) => (
              <Row gutter={24}>
                <Col span={12}>
                  <Typography.Paragraph strong>放假日期</Typography.Paragraph>
                  <DayTags days={row.daysOff} year={row.year} />
                </Col>
                <Col span={12}>
                  <Typography.Paragraph strong>调休上班日期</Typography.Paragraph>
                  <DayTags days={row.makeupWorkdays} year={row.year} />
                </Col>
              </Row>
            ),
          }}
        />
      </Card>
      <CalendarNoticeModal
        open={noticeOpen}
        onClose={() => setNoticeOpen(false)}
        onSaved={() => {
          setNoticeOpen(false);
          setVersion((v) => v + 1);
        }}
      />
      <CalendarYearModal
        dialog={dialog}
        loadedYears={years.map((y) => y.year)}
        onClose={() => setDialog(undefined)}
        onSubmit={save}
      />
    </>
  );
}
