import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Progress,
  Select,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { listPlans, type PlanSummary } from '../../api/workplan.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { percent } from '../../components/ledger/LedgerTags.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { chinaThisYear } from '../../lib/format.ts';
import { toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

const NO_PLANS: PlanSummary[] = [];
export const MANAGER_ROLES: readonly string[] = ['admin', 'office'];

/** 工作台账 · 台账总览: the work plans in scope, with completion and overdue counts. */
export function LedgerPlansPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const year = Number(params.get('year')) || undefined;
  const { tree, error: orgError } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const { data = NO_PLANS, loading, error } = useLoad(() => listPlans({ orgId, year }), [orgId, year]);
  const thisYear = chinaThisYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: '台账名称',
      dataIndex: 'title',
      render: (title: string, p) => (
        <div>
          <Link to={`/ledger/plans/${p.id}`}>{title}</Link>
          {p.docNumber && (
            <div>
              <Typography.Text type="secondary">{p.docNumber}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '所属单位', dataIndex: 'orgName', width: 160 },
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
    { title: '任务数', dataIndex: 'tasks', width: 80, align: 'right' },
    { title: '分解到单位', dataIndex: 'assignments', width: 100, align: 'right' },
    {
      title: '完成率',
      key: 'rate',
      width: 180,
      render: (_, p) => (
        <Flex gap={8} align="center">
          <Progress
            percent={Math.round((p.completionRate ?? 0) * 1000) / 10}
            showInfo={false}
            size="small"
            style={{ width: 80, margin: 0 }}
            aria-label={`完成率${percent(p.completionRate)}`}
          />
          <span>{percent(p.completionRate)}</span>
        </Flex>
      ),
    },
    {
      title: '逾期',
      dataIndex: 'overdue',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <ToneTag tone="red">{n} 项</ToneTag> : '0'),
    },
    {
      title: '公开',
      dataIndex: 'published',
      width: 90,
      render: (published: boolean) =>
        published ? <ToneTag tone="green">已公开</ToneTag> : <ToneTag tone="grey">未公开</ToneTag>,
    },
  ];

  return (
    <>
      <PageTitle
        title="工作台账"
        extra={
          MANAGER_ROLES.includes(user.role) && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/ledger/import')}>
              导入任务表
            </Button>
          )
        }
      />
      {(error || orgError) && (
        <Alert type="error" showIcon title={error ?? orgError} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <TreeSelect
            aria-label="按单位筛选"
            style={{ width: 260 }}
            treeData={orgOptions}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="全部单位"
            value={orgId}
            onChange={(v?: number) => update({ orgId: v ? String(v) : undefined })}
          />
          <Select
            aria-label="按年度筛选"
            style={{ width: 140 }}
            allowClear
            placeholder="全部年度"
            value={year}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(y?: number) => update({ year: y ? String(y) : undefined })}
          />
        </Flex>
        <Table<PlanSummary>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Typography.Text type="secondary">暂无工作台账</Typography.Text> }}
        />
      </Card>
    </>
  );
}
