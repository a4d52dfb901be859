import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Select,
  Spin,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { lazy, memo, type ReactNode, Suspense, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LinksPanel } from '../../../modules/workplan/admin/LinksPanel.tsx';
import { errorMessage } from '../../api/client.ts';
import {
  type AssignmentBrief,
  exportPlan,
  getPlan,
  getPlanHead,
  getPlanTasks,
  type Plan,
  type PlanTask,
  publishProgress,
  type TaskFilter,
  updatePlan,
} from '../../api/workplan.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { AssignmentDrawer, Deadline } from '../../components/ledger/AssignmentDrawer.tsx';
import { AssignmentLine, LinkButton } from '../../components/ledger/LedgerTags.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { MANAGER_ROLES } from './LedgerPlansPage.tsx';
import { CascadePanel, LookBackPanel } from './PlanExtrasPanels.tsx';

// The charts (echarts) are a large download: loaded when the 统计看板 tab is first opened.
const PlanDashboardPanel = lazy(async () => {
  const m = await import('./PlanDashboardPanel.tsx');
  return { default: m.PlanDashboardPanel };
});

const FILTERS: { value: TaskFilter; label: string }[] = [
  { value: 'all', label: '全部任务' },
  { value: 'overdue', label: '有逾期的任务' },
  { value: 'submitted', label: '有待审核进展的任务' },
  { value: 'returned', label: '有被退回进展的任务' },
  { value: 'open', label: '尚未完成的任务' },
];

/** Rows of the task list per page: the server sends one page (a plan may hold 2,000 tasks × 50 units). */
const PAGE_SIZE = 50;

/** Units shown in a task's cell before 展开: a task given to every unit would otherwise fill a screen. */
const UNITS_SHOWN = 8;

/** A task's responsible units, the first few and the rest on demand. */
function UnitLines({
  assignments,
  onOpen,
}: {
  assignments: PlanTask['assignments'];
  onOpen: (a: AssignmentBrief) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? assignments : assignments.slice(0, UNITS_SHOWN);
  const hidden = assignments.length - shown.length;
  return (
    <>
      {shown.map((a) => (
        <AssignmentLine key={a.id} a={a} onOpen={onOpen} />
      ))}
      {hidden > 0 && <LinkButton onClick={() => setAll(true)}>展开其余 {hidden} 个单位</LinkButton>}
    </>
  );
}

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/**
 * A cell draws again only when its task changed: a page of 50 tasks × 50 units is thousands of tags and
 * buttons, and the table renders its body again once it has measured its fixed columns.
 */
const sameTask = (task: PlanTask, previous: PlanTask) => task !== previous;

/** The task table's columns; a unit's line opens its part in the drawer. */
function taskColumns(onOpen: (id: number) => void): TableColumnsType<PlanTask> {
  const columns: TableColumnsType<PlanTask> = [
    { title: '序号', dataIndex: 'seq', width: 64, fixed: 'left' },
    {
      title: '分项',
      dataIndex: 'section',
      width: 140,
      render: (s: string | null) => s || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '工作任务',
      dataIndex: 'task',
      width: 240,
      render: (task: string, t) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{task}</div>
          {t.carriedFromTaskId && <ToneTag tone="purple">回头看转入</ToneTag>}
          {t.parentTaskId && <ToneTag tone="blue">上级下发</ToneTag>}
        </div>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 220,
      render: (_, t) =>
        t.assignments
          .filter((a) => a.role === 'lead')
          .map((a) => <AssignmentLine key={a.id} a={a} onOpen={(x) => onOpen(x.id)} />),
    },
    {
      title: '责任单位',
      key: 'responsible',
      width: 260,
      render: (_, t) => (
        <>
          <UnitLines
            assignments={t.assignments.filter((a) => a.role === 'responsible')}
            onOpen={(x) => onOpen(x.id)}
          />
          {t.groups.map((g) => (
            <div key={g}>
              <ToneTag tone="grey">{g}</ToneTag>
            </div>
          ))}
        </>
      ),
    },
    {
      title: '具体要求',
      dataIndex: 'requirement',
      width: 360,
      render: (r: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{r}</div>,
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 170,
      render: (_, t) => (
        <div>
          <Deadline raw={t.deadlineRaw} due={t.due} recurring={t.recurring} />
          {!t.due && t.dueSuggested && (
            <div>
              <Typography.Text type="secondary">建议：{formatDate(t.dueSuggested)}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
  ];
  return columns.map((c) => ({ ...c, shouldCellUpdate: sameTask }));
}

/**
 * 任务清单: a page of tasks at a time, filtered and searched by the server. Memoised: the plan's head
 * arriving (or the drawer opening) does not draw the page of tasks again.
 */
const TaskList = memo(function TaskList({
  planId,
  version,
  onOpen,
}: {
  planId: number;
  version: number;
  onOpen: (id: number) => void;
}) {
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const { data, loading, error } = useLoad(
    () => getPlanTasks(planId, { filter, q: keyword.trim(), page, pageSize: PAGE_SIZE }),
    [planId, filter, keyword, page, version],
  );
  const columns = useMemo(() => taskColumns(onOpen), [onOpen]);
  return (
    <Card
      title={
        <SectionTitle>
          任务清单
          {data ? `（${filter === 'all' && !keyword.trim() ? '共' : '符合条件的'} ${data.total} 项）` : ''}
        </SectionTitle>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          aria-label="筛选任务"
          style={{ width: 200 }}
          value={filter}
          options={FILTERS}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
        />
        <Input.Search
          aria-label="搜索任务、要求或单位"
          placeholder="搜索任务、要求或单位"
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => {
            setKeyword(v);
            setPage(1);
          }}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<PlanTask>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={data?.tasks ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        scroll={{ x: 1450 }}
        locale={{
          emptyText: loading ? ' ' : <Typography.Text type="secondary">没有符合条件的任务</Typography.Text>,
        }}
      />
    </Card>
  );
});

/** 下发到县 needs every task of the plan: loaded when the tab is opened. */
function CascadeTab({ plan, version, onChanged }: { plan: Plan; version: number; onChanged: () => void }) {
  const { data, error } = useLoad(() => getPlan(plan.id), [plan.id, version]);
  if (error) return <Alert type="error" showIcon title={error} />;
  return data ? <CascadePanel plan={data.plan} tasks={data.tasks} onChanged={onChanged} /> : <Spin />;
}

/** One work plan: its task table with each unit's state, the dashboard, 回头看 and cascade. */
export function PlanDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'tasks';
  // The plan's head only: its tasks (up to 2,000 × 50 units' parts) come a page at a time.
  const { data, loading, error, reload } = useLoad(() => getPlanHead(id), [id]);
  const [drawer, setDrawer] = useState<number>();
  const [exporting, setExporting] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishingProgress, setPublishingProgress] = useState(false);
  // Bumped after a unit's part changed in the drawer: the task list and dashboard load again.
  const [version, setVersion] = useState(0);
  // Managers (office/admin over the plan's organisation) and 负责人 see the whole plan, its figures and export.
  const manager = data?.plan.canManage ?? MANAGER_ROLES.includes(user.role);
  const overseer = manager || user.role === 'approver';

  async function onExport() {
    if (!data) return;
    setExporting(true);
    try {
      await exportPlan(id, data.plan.title);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  async function onPublishProgress() {
    setPublishingProgress(true);
    try {
      const r = await publishProgress(id);
      message.success(
        `已发布截至${formatDate(r.asOf)}的落实情况：共${r.totals.tasks}项任务，已完成${r.totals.done}项，逾期未完成${r.totals.overdueTasks}项`,
      );
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPublishingProgress(false);
    }
  }

  async function onPublish(published: boolean) {
    setPublishing(true);
    try {
      await updatePlan(id, { published });
      message.success(published ? '已在门户网站公开' : '已取消公开');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  }

  const plan = data?.plan;
  return (
    <>
      <PageTitle
        title={plan ? plan.title : '工作台账'}
        extra={
          <Flex wrap gap={8} align="center">
            <Link to="/ledger">
              <ArrowLeftOutlined /> 返回台账总览
            </Link>
            {plan && manager && (
              <Flex gap={4} align="center">
                <Switch
                  id="plan-published"
                  checked={plan.published}
                  loading={publishing}
                  onChange={onPublish}
                  aria-label="在门户网站公开"
                />
                <label htmlFor="plan-published">在门户网站公开</label>
              </Flex>
            )}
            {plan && manager && plan.published && (
              <Popconfirm
                title="发布落实情况"
                description="门户网站将显示各项任务截至今天的状态，直到下次发布。"
                okText="发布"
                cancelText="取消"
                onConfirm={onPublishProgress}
              >
                <Button loading={publishingProgress}>
                  {plan.progressAsOf
                    ? `发布落实情况（上次截至${formatDate(plan.progressAsOf)}）`
                    : '发布落实情况'}
                </Button>
              </Popconfirm>
            )}
            {plan && overseer && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                导出Excel
              </Button>
            )}
          </Flex>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Spin spinning={loading && !data} description="正在加载…">
        {plan ? (
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 3 }}
              items={[
                { key: 'org', label: '所属单位', children: plan.orgName ?? '—' },
                { key: 'year', label: '年度', children: `${plan.year}年` },
                { key: 'no', label: '文号', children: plan.docNumber || '—' },
                { key: 'issuer', label: '发文机关', children: plan.issuer || '—' },
                { key: 'date', label: '成文日期', children: formatDate(plan.issuedDate) },
                { key: 'source', label: '来源文件', children: plan.sourceName || '—' },
              ]}
            />
          </Card>
        ) : (
          <div style={{ minHeight: 72 }} />
        )}
      </Spin>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'tasks') next.delete('tab');
          else next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={[
          {
            key: 'tasks',
            label: '任务清单',
            children: <TaskList planId={id} version={version} onOpen={setDrawer} />,
          },
          ...(overseer
            ? [
                {
                  key: 'dashboard',
                  label: '统计看板',
                  children: (
                    <Suspense fallback={<Spin description="正在加载图表…" />}>
                      <PlanDashboardPanel planId={id} version={version} onOpen={setDrawer} />
                    </Suspense>
                  ),
                },
              ]
            : []),
          ...(manager
            ? [
                {
                  key: 'lookback',
                  label: '回头看',
                  children: data ? <LookBackPanel plan={data.plan} /> : <Spin />,
                },
                {
                  key: 'cascade',
                  label: '下发到县',
                  children: data ? (
                    <CascadeTab
                      plan={data.plan}
                      version={version}
                      onChanged={() => {
                        reload();
                        setVersion((v) => v + 1);
                      }}
                    />
                  ) : (
                    <Spin />
                  ),
                },
                {
                  key: 'links',
                  label: '衔接上级计划',
                  children: data ? <LinksPanel plan={data.plan} /> : <Spin />,
                },
              ]
            : []),
        ]}
      />
      <AssignmentDrawer
        assignmentId={drawer}
        onClose={() => setDrawer(undefined)}
        onChanged={() => {
          reload();
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
