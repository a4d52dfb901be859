import { Alert, Card, Flex, Select, Table, type TableColumnsType, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type AssignmentStatus, listMyTasks, type MyTask, STATUS_OPTIONS } from '../../api/workplan.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { AssignmentDrawer, Deadline } from '../../components/ledger/AssignmentDrawer.tsx';
import {
  LinkButton,
  OverdueTag,
  ReviewTag,
  roleLabel,
  StatusTag,
} from '../../components/ledger/LedgerTags.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { chinaThisYear } from '../../lib/format.ts';
import { toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

const NO_TASKS: MyTask[] = [];

/** 工作台账 · 我的任务: everything the signed-in unit owes across plans; progress is reported here. */
export function MyTasksPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const year = Number(params.get('year')) || undefined;
  const status = (params.get('status') || undefined) as AssignmentStatus | undefined;
  const { tree } = useOrgs();
  const orgOptions = useMemo(() => toTreeOptions(tree), [tree]);
  const {
    data = NO_TASKS,
    loading,
    error,
    reload,
  } = useLoad(() => listMyTasks({ orgId, year, status }), [orgId, year, status]);
  const [drawer, setDrawer] = useState<number>();
  const thisYear = chinaThisYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const returned = data.filter((t) => t.reviewState === 'returned').length;
  const overdue = data.filter((t) => t.overdue).length;

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  const columns: TableColumnsType<MyTask> = [
    {
      title: '所属台账',
      key: 'plan',
      width: 200,
      render: (_, t) => (
        <div>
          <Link to={`/ledger/plans/${t.plan.id}`}>{t.plan.title}</Link>
          <div>
            <Typography.Text type="secondary">
              {t.plan.year}年 · {t.plan.orgName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: '序号', key: 'seq', width: 64, render: (_, t) => t.task.seq },
    {
      title: '工作任务',
      key: 'task',
      render: (_, t) => (
        <div>
          <LinkButton onClick={() => setDrawer(t.id)} label={`办理：${t.task.task}`}>
            {t.task.task}
          </LinkButton>
          {t.task.requirement && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: t.task.requirement }}
              style={{ margin: 0 }}
            >
              {t.task.requirement}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: '单位',
      key: 'unit',
      width: 150,
      render: (_, t) => `${t.orgName}（${roleLabel(t.role)}）`,
    },
    {
      title: '完成时限',
      key: 'due',
      width: 170,
      render: (_, t) => (
        <div>
          <Deadline raw={t.task.deadlineRaw} due={t.task.due} recurring={t.task.recurring} />
          {t.overdue && (
            <div>
              <OverdueTag />
            </div>
          )}
        </div>
      ),
    },
    {
      title: '办理状态',
      key: 'status',
      width: 150,
      render: (_, t) => (
        <Flex wrap gap={4}>
          <StatusTag status={t.status} />
          <ReviewTag state={t.reviewState} />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="我的任务" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {(returned > 0 || overdue > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={[
            returned > 0 ? `${returned} 项进展被退回，请查看退回意见后重新报送` : '',
            overdue > 0 ? `${overdue} 项任务已逾期` : '',
          ]
            .filter(Boolean)
            .join('；')}
        />
      )}
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          {user.role !== 'handler' && user.role !== 'reviewer' && (
            <TreeSelect
              aria-label="按单位筛选"
              style={{ width: 240 }}
              treeData={orgOptions}
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              placeholder={`${user.orgName}`}
              value={orgId}
              onChange={(v?: number) => update({ orgId: v ? String(v) : undefined })}
            />
          )}
          <Select
            aria-label="按年度筛选"
            style={{ width: 130 }}
            allowClear
            placeholder="全部年度"
            value={year}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(y?: number) => update({ year: y ? String(y) : undefined })}
          />
          <Select
            aria-label="按办理状态筛选"
            style={{ width: 140 }}
            allowClear
            placeholder="全部状态"
            value={status}
            options={STATUS_OPTIONS}
            onChange={(s?: string) => update({ status: s })}
          />
        </Flex>
        <Table<MyTask>
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Typography.Text type="secondary">暂无分配给本单位的任务</Typography.Text> }}
        />
      </Card>
      <AssignmentDrawer assignmentId={drawer} onClose={() => setDrawer(undefined)} onChanged={reload} />
    </>
  );
}
