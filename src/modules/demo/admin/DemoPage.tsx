import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { type DemoSummary, getDemoSummary, removeDemo } from './api.ts';

type Row = DemoSummary['tables'][number];

const COLUMNS: TableColumnsType<Row> = [
  { title: '数据类别', dataIndex: 'label', key: 'label' },
  { title: '演示记录数', dataIndex: 'count', key: 'count', align: 'right', width: 160 },
];

const STATUS_TEXT: Record<DemoSummary['status'], string> = {
  none: '本系统未生成过演示数据。',
  seeding: '演示数据生成未完成。',
  seeded: '系统中有首次启动时生成的演示数据（演示城市：济宁市）。',
  removed: '演示数据已删除，系统不会再次生成。',
};

/** 演示数据 (系统管理): what the demo left, and the administrator's button to remove all of it. */
export function DemoPage() {
  const { message, modal } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => getDemoSummary(), []);
  const [refusal, setRefusal] = useState<string>();
  const [removing, setRemoving] = useState(false);

  async function remove() {
    setRemoving(true);
    setRefusal(undefined);
    try {
      const r = await removeDemo();
      message.success(r.message);
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setRemoving(false);
      reload();
    }
  }

  function confirm() {
    modal.confirm({
      title: '删除全部演示数据？',
      content: (
        <Space direction="vertical">
          <Typography.Paragraph>
            将删除首次启动时生成的全部演示数据：演示机构（济宁市及其部门、县市区）、演示账号、演示案件、政府文件、政策解读、政府公报、工作台账等，共
            {data?.total ?? 0} 条记录。门户网站将不再显示演示内容。
          </Typography.Paragraph>
          <Typography.Paragraph>
            本单位自己录入的数据不受影响。若本单位的数据仍引用演示数据（例如案件的承办单位是演示机构），将不删除任何数据，并列出这些记录。
          </Typography.Paragraph>
          <Typography.Paragraph strong>删除后不能恢复，演示数据也不会再次生成。</Typography.Paragraph>
        </Space>
      ),
      okText: '删除演示数据',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: remove,
    });
  }

  return (
    <>
      <PageTitle title="演示数据" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon message={error} />}
        {refusal && (
          <Alert
            type="warning"
            showIcon
            message="未删除演示数据"
            description={refusal}
            closable
            onClose={() => setRefusal(undefined)}
          />
        )}
        <Card
          loading={loading && !data}
          title={data ? STATUS_TEXT[data.status] : '演示数据'}
          extra={
            data?.present && (
              <Button danger icon={<DeleteOutlined />} loading={removing} onClick={confirm}>
                删除全部演示数据
              </Button>
            )
          }
        >
          {data?.present ? (
            <Table<Row>
              rowKey="table"
              size="small"
              columns={COLUMNS}
              dataSource={data.tables}
              pagination={false}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {data.total}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          ) : (
            <Typography.Text type="secondary">当前没有演示数据。</Typography.Text>
          )}
        </Card>
      </Space>
    </>
  );
}
