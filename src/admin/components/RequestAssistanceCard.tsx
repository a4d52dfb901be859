import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../api/client.ts';
import { type AssistanceItem, assistanceFileUrl, listCaseAssistance } from '../api/requestsAssistance.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/useLoad.ts';

/** The state of an assistance request: answered, overdue or waiting. */
export function AssistanceStatusTag({ item }: { item: AssistanceItem }) {
  if (item.status === 'answered') return <Tag color="success">已答复</Tag>;
  if (item.overdue) return <Tag color="error">已超期</Tag>;
  return <Tag color="processing">待答复</Tag>;
}

/** An answer's files, each a download (served with the case's or the unit's permission). */
export function AssistanceFiles({ item, onError }: { item: AssistanceItem; onError: (m: string) => void }) {
  if (item.files.length === 0) return null;
  return (
    <Space wrap size={4}>
      {item.files.map((f) => (
        <Button
          key={f.id}
          type="link"
          size="small"
          icon={<PaperClipOutlined aria-hidden />}
          onClick={() =>
            download(assistanceFileUrl(item.id, f.id), f.name).catch((e) => onError(errorMessage(e)))
          }
        >
          {f.name}
        </Button>
      ))}
    </Space>
  );
}

interface Props {
  requestId: number;
  /** Changes whenever the case changes (an action reloads the card). */
  version: unknown;
}

/** 协助调查/会商: the requests this case sent to other units, their due dates and answers. */
export function RequestAssistanceCard({ requestId, version }: Props) {
  const { data = [], loading, error } = useLoad(() => listCaseAssistance(requestId), [requestId, version]);
  const [fileError, setFileError] = useState<string>();
  return (
    <Card title="协助调查/会商" style={{ marginBottom: 16 }} loading={loading && data.length === 0}>
      {(error || fileError) && (
        <Alert type="error" showIcon title={error ?? fileError} style={{ marginBottom: 12 }} />
      )}
      {data.length === 0 ? (
        <Empty description="未请求其他单位协助" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={data}
          renderItem={(item) => (
            <List.Item key={item.id}>
              <Space wrap size={8} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{item.unitName}</Typography.Text>
                <Tag>{item.kindLabel}</Tag>
                <AssistanceStatusTag item={item} />
              </Space>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{item.question}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {formatDate(item.askedOn)}请求{item.askedByName ? `（${item.askedByName}）` : ''}，期限
                {formatDate(item.dueOn)}
              </Typography.Text>
              {item.status === 'answered' && (
                <div style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">
                    {formatDate(item.repliedOn)}答复{item.repliedByName ? `（${item.repliedByName}）` : ''}：
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {item.replyText}
                  </Typography.Paragraph>
                  <AssistanceFiles item={item} onError={setFileError} />
                </div>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
