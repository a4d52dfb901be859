import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { key: '/annual-reports', label: '各机关报告' },
  { key: '/annual-reports/board', label: '报送情况' },
];

/** The tabs of 年度报告's list pages: the reports per agency, and the 报送情况 board; the year is kept. */
export function ReportsTabs() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const year = new URLSearchParams(search).get('year');
  return (
    <Tabs
      activeKey={pathname.replace(/\/$/, '')}
      items={TABS}
      onChange={(key) => navigate(year ? `${key}?year=${year}` : key)}
      style={{ marginBottom: 8 }}
    />
  );
}
