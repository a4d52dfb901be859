import { Alert, Button, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../../admin/api/client.ts';
import { type FigureRecords, getFigureRecords } from '../../../../admin/api/report-board.ts';
import { formatChineseDate } from '../../../../admin/lib/format.ts';
import { type DrillCell, isDrillable } from '../../domain/drill.ts';

/**
 * A computed figure of the report as a link: it opens a drawer listing the records (applications,
 * documents) the figure counts. A figure that is not computed (entered by hand) or is 0 stays plain text.
 */
export function FigureLink({
  orgId,
  year,
  cell,
  value,
  label,
}: {
  orgId: number;
  year: number;
  cell: DrillCell;
  value: number | undefined;
  /** What the figure is, for the drawer's title: “表三 一、本年新收… · 自然人”. */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<FigureRecords>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  if (value === undefined || value === 0 || !isDrillable(cell)) return <>{value}</>;
  const show = () => {
    setOpen(true);
    setLoading(true);
    setError(undefined);
    getFigureRecords(orgId, year, cell).then(
      (r) => {
        setData(r);
        setLoading(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  };
  return (
    <>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={show}
        aria-label={`${label}：${value}，查看对应记录`}
      >
        {value}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={640}
        title={`${label}（${value}）`}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} />}
        {data?.frozen && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="报告已报送，数字在报送时固定；以下是按当前记录列出的清单，可能与报告中的数字不同。"
          />
        )}
        {data && data.total > data.items.length && (
          <Typography.Paragraph type="secondary">
            共{data.total}条，以下列出前{data.items.length}条。
          </Typography.Paragraph>
        )}
        <List
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '没有对应的记录' }}
          renderItem={(r) => (
            <List.Item extra={formatChineseDate(r.date)}>
              {r.link ? <Link to={r.link}>{r.title}</Link> : r.title}
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
