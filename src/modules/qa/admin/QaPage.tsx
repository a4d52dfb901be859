import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { can } from '../domain/policies.ts';
import { type AskResult, askQuestion, reindex } from './api.ts';

/** 政策问答: try a question as a citizen would ask it in the portal, and rebuild the passage index. */
export function QaPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const role = session.status === 'signedIn' ? session.user.role : null;
  const [result, setResult] = useState<AskResult>();
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [rebuilding, setRebuilding] = useState(false);

  async function ask(question: string) {
    if (question.trim() === '') return;
    setAsking(true);
    setError(undefined);
    try {
      setResult(await askQuestion({ question, limit: 5 }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setAsking(false);
    }
  }

  async function rebuild() {
    setRebuilding(true);
    try {
      const r = await reindex();
      message.success(`索引已重建：公开文件 ${r.documents} 件，共 ${r.passages} 段。`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setRebuilding(false);
    }
  }

  return (
    <>
      <PageTitle title="政策问答" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title="问答测试"
          extra={
            role !== null && can({ role }, 'reindex') ? (
              <Button icon={<ReloadOutlined />} loading={rebuilding} onClick={rebuild}>
                重建索引
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            以群众的说法输入问题，查看门户网站“政策问答”栏目会给出的答复。答复只取自现行有效的公开文件（段落、条款和任务分解表的行）；已废止、已失效的文件不作答复依据。
          </Typography.Paragraph>
          <Input.Search
            aria-label="问题"
            placeholder="例如：谁负责预决算公开？"
            enterButton="提问"
            maxLength={200}
            loading={asking}
            onSearch={ask}
          />
        </Card>
        {error && <Alert type="error" showIcon message={error} />}
        {result &&
          (result.refused ? (
            <Alert type="warning" showIcon message="未找到答案" description={result.message} />
          ) : (
            <Card title={`答复（${result.answers.length}条）`}>
              {result.answers.length === 0 ? (
                <Empty description="没有答复" />
              ) : (
                <List
                  itemLayout="vertical"
                  dataSource={result.answers}
                  renderItem={(a, i) => (
                    <List.Item key={`${a.document.id}-${i}`}>
                      {a.replaces && (
                        <Alert
                          type="info"
                          showIcon
                          style={{ marginBottom: 8 }}
                          message={`问题涉及的《${a.replaces.title}》已不再有效，引用的是现行有效的文件。`}
                        />
                      )}
                      <Typography.Paragraph>{a.text}</Typography.Paragraph>
                      <Descriptions size="small" column={1}>
                        <Descriptions.Item label="出处">
                          <a href={`/gk/documents/${a.document.id}`} target="_blank" rel="noreferrer">
                            {a.document.title}
                          </a>
                          {a.document.docNumber ? `（${a.document.docNumber}）` : ''}
                        </Descriptions.Item>
                        {a.clause && <Descriptions.Item label="条款">{a.clause}</Descriptions.Item>}
                        <Descriptions.Item label="来源">
                          {a.curated ? <Tag color="blue">政策问答库</Tag> : <Tag>文件原文</Tag>}
                          <Tag>相关度 {a.score}</Tag>
                        </Descriptions.Item>
                      </Descriptions>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          ))}
      </Space>
    </>
  );
}
