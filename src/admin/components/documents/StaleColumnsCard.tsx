import { Alert, Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { staleColumns } from '../../api/documents.ts';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';

/** The office's 工作台 card: statutory (Art. 20) columns not updated within their period. */
export function StaleColumnsCard() {
  const { data, error, loading } = useLoad(() => staleColumns(), []);
  return (
    <Card title="法定主动公开栏目更新情况" loading={loading} style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} />}
      {data && data.total === 0 && <Typography.Text>所有栏目均在更新周期内。</Typography.Text>}
      {data && data.total > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`有 ${data.total} 个栏目超过更新周期未更新`}
            style={{ marginBottom: 12 }}
          />
          <List
            size="small"
            dataSource={data.items.slice(0, 10)}
            renderItem={(c) => (
              <List.Item>
                {c.orgName}：{c.name}（
                {c.neverUpdated
                  ? '从未更新'
                  : `最近更新 ${formatDate(c.lastUpdated)}，已超期 ${c.daysOverdue} 天`}
                ）
              </List.Item>
            )}
          />
          <Link to="/documents/catalogue">前往公开目录与栏目</Link>
        </>
      )}
    </Card>
  );
}
