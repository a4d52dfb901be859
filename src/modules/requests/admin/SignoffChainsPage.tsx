import { Alert, App, Card, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { listSignoffChains, type SignoffChainCode, type SignoffChainItem, saveSignoffChain } from './api.ts';

/**
 * 答复审核签发 (系统管理): each agency's chain for replies — 承办人拟稿 → 公开办审核 → 负责人签发, or shortened —
 * set by its disclosure office or its administrator (条例第四十五条).
 */
export function SignoffChainsPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => listSignoffChains(), []);
  const [saving, setSaving] = useState<number>();
  const [refusal, setRefusal] = useState<string>();

  async function change(row: SignoffChainItem, chain: SignoffChainCode) {
    setSaving(row.orgId);
    setRefusal(undefined);
    try {
      const saved = await saveSignoffChain(row.orgId, chain);
      message.success(`已保存：${saved.orgName}的答复流程为“${saved.chainLabel}”`);
      reload();
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setSaving(undefined);
    }
  }

  const options = (data?.chains ?? []).map((c) => ({ value: c.code, label: c.label }));
  const columns: TableColumnsType<SignoffChainItem> = [
    { title: '行政机关', dataIndex: 'orgName', key: 'orgName' },
    {
      title: '答复审核签发流程',
      key: 'chain',
      render: (_, row) => (
        <Select<SignoffChainCode>
          aria-label={`${row.orgName}的答复审核签发流程`}
          style={{ width: '100%', maxWidth: 420 }}
          value={row.chain}
          options={options}
          loading={saving === row.orgId}
          disabled={saving !== undefined}
          onChange={(v) => change(row, v)}
        />
      ),
    },
    {
      title: '设置情况',
      key: 'saved',
      width: 140,
      render: (_, row) => (
        <>
          {row.saved ? '已设置' : '未设置（默认流程）'}
          {row.signerMissing && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              尚无负责人账号，答复无法签发
            </Typography.Text>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="答复审核签发" />
      <Card>
        <Typography.Paragraph type="secondary">
          依申请公开的答复由承办人拟稿，经政府信息公开工作机构审核、负责人签发后，才生成答复书并答复申请人（条例第四十五条）。未设置的机关（包括新设立的机关）按完整流程办理；各机关可以省去审核环节，或不经审核签发直接答复。审核签发期间答复期限照常计算。
        </Typography.Paragraph>
        {(error || refusal) && (
          <Alert type="error" showIcon title={refusal ?? error} style={{ marginBottom: 16 }} />
        )}
        <Table<SignoffChainItem>
          rowKey="orgId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '没有可以设置的机关' }}
        />
      </Card>
    </>
  );
}
