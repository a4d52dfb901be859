import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import {
  type AssignmentRole,
  type CascadePreview,
  type CityRollup,
  carryOver,
  deriveCountyPlan,
  getCarriedOrigins,
  getLookBack,
  getRollup,
  type LookBackTask,
  type Plan,
  type PlanTask,
  previewCascade,
  type RollupCell,
  setTaskUnits,
} from '../../api/workplan.ts';
import { OverdueTag, StatusTag } from '../../components/ledger/LedgerTags.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { formatDate } from '../../lib/format.ts';
import { buildOrgTree, toTreeOptions } from '../../lib/orgTree.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { useOrgs } from '../../lib/useOrgs.ts';

/** Links inside a sentence are underlined: colour alone does not set them apart (WCAG 1.4.1). */
const INLINE_LINK = { textDecoration: 'underline' } as const;

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 回头看

/** 回头看: this plan's unfinished tasks, for rectification, carried into next year's plan on request. */
export function LookBackPanel({ plan }: { plan: Plan }) {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => getLookBack(plan.id), [plan.id]);
  const origins = useLoad(() => getCarriedOrigins(plan.id), [plan.id]);
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [carryError, setCarryError] = useState<string>();
  const [done, setDone] = useState<{ planId: number; count: number }>();
  const targetId = target ?? data?.targets[0]?.id;
  const carriedInto = (t: LookBackTask) => t.carriedTo.some((c) => c.planId === targetId);

  async function carry() {
    if (!targetId || selected.length === 0) return;
    setBusy(true);
    setCarryError(undefined);
    try {
      const r = await carryOver(plan.id, { toPlanId: targetId, taskIds: selected });
      setDone({ planId: r.planId, count: r.created.length });
      message.success(`已结转 ${r.created.length} 项任务`);
      setSelected([]);
      reload();
    } catch (e) {
      setCarryError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<LookBackTask> = [
    { title: '序号', dataIndex: 'seq', width: 64 },
    {
      title: '工作任务',
      dataIndex: 'task',
      render: (task: string, t) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{task}</div>
          {t.requirement && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: t.requirement }}
              style={{ margin: 0 }}
            >
              {t.requirement}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: '完成时限',
      key: 'due',
      width: 150,
      render: (_, t) => t.deadlineRaw || formatDate(t.due),
    },
    {
      title: '未完成的单位',
      key: 'open',
      width: 260,
      render: (_, t) =>
        t.assignments
          .filter((a) => a.open)
          .map((a) => (
            <Flex key={a.id} wrap gap={4} align="center" style={{ marginBottom: 4 }}>
              <span>{a.orgName}</span>
              <StatusTag status={a.status} />
              {a.overdue && <OverdueTag />}
            </Flex>
          )),
    },
    {
      title: '已结转到',
      key: 'carried',
      width: 200,
      render: (_, t) =>
        t.carriedTo.length === 0 ? (
          <Typography.Text type="secondary">未结转</Typography.Text>
        ) : (
          t.carriedTo.map((c) => (
            <div key={c.taskId}>
              <Link to={`/ledger/plans/${c.planId}`}>
                {c.year}年 第{c.seq}项
              </Link>
            </div>
          ))
        ),
    },
  ];

  const carried = (origins.data ?? []).filter((o) => o.carriedFrom);
  return (
    <Spin spinning={loading} description="正在加载…">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {carried.length > 0 && (
        <Card
          title={<SectionTitle>由上年结转的任务（{carried.length}项）</SectionTitle>}
          style={{ marginBottom: 16 }}
        >
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {carried.map((o) =>
              o.carriedFrom ? (
                <li key={o.taskId}>
                  <Link to={`/ledger/plans/${o.carriedFrom.planId}`} style={INLINE_LINK}>
                    {o.carriedFrom.planTitle}（{o.carriedFrom.year}年）第{o.carriedFrom.seq}项
                  </Link>
                  ：{o.carriedFrom.task}
                </li>
              ) : null,
            )}
          </ul>
        </Card>
      )}
      {data && (
        <Card
          title={
            <SectionTitle>
              {data.plan.year}年未完成任务（{data.unfinished.length} / {data.totalTasks} 项）
            </SectionTitle>
          }
        >
          <Typography.Paragraph>
            以下任务至少有一个单位尚未完成（或未经审核通过）。请督促整改；需要在新年度继续推进的，可选中后结转到
            {data.plan.year + 1}
            年度计划，新任务与原任务保持关联。
          </Typography.Paragraph>
          {carryError && <Alert type="error" showIcon title={carryError} style={{ marginBottom: 16 }} />}
          {done && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                <span>
                  已结转 {done.count} 项任务，
                  <Link to={`/ledger/plans/${done.planId}`} style={INLINE_LINK}>
                    查看新年度计划
                  </Link>
                </span>
              }
            />
          )}
          {data.targets.length === 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`本单位尚无${data.plan.year + 1}年度的工作计划，请先导入新年度计划，再将未完成任务结转过去。`}
            />
          ) : (
            <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
              <Select
                aria-label="结转到的计划"
                style={{ width: 360 }}
                value={targetId}
                options={data.targets.map((t) => ({ value: t.id, label: `${t.title}（${t.year}年）` }))}
                onChange={setTarget}
              />
              <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={carry}>
                结转所选任务（{selected.length}项）
              </Button>
            </Flex>
          )}
          <Table<LookBackTask>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.unfinished}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 900 }}
            rowSelection={
              data.targets.length > 0
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as number[]),
                    getCheckboxProps: (t) => ({
                      disabled: carriedInto(t),
                      'aria-label': `选择第${t.seq}项`,
                    }),
                  }
                : undefined
            }
            locale={{ emptyText: <Typography.Text type="secondary">本计划的任务均已完成</Typography.Text> }}
          />
        </Card>
      )}
    </Spin>
  );
}

// ---------------------------------------------------------------------------------------------------------
// 下发到县

/** A city plan: derive a county's plan and see the roll-up; a derived plan: assign its tasks to units. */
export function CascadePanel({
  plan,
  tasks,
  onChanged,
}: {
  plan: Plan;
  tasks: PlanTask[];
  onChanged: () => void;
}) {
  return plan.parentPlanId ? (
    <DerivedPlanUnits plan={plan} tasks={tasks} onChanged={onChanged} />
  ) : (
    <>
      <DeriveCard plan={plan} />
      <RollupCard plan={plan} />
    </>
  );
}

function DeriveCard({ plan }: { plan: Plan }) {
  const { message } = App.useApp();
  const { orgs } = useOrgs();
  const counties = useMemo(
    // A disabled county (停用) is not offered: no new plan is derived for it. The province's plan (an
    // external plan) goes down to the organisation that imported it.
    () =>
      plan.externalIssuer
        ? orgs.filter((o) => o.id === plan.orgId)
        : orgs.filter((o) => o.kind === 'county' && o.parentId === plan.orgId && !o.disabled),
    [orgs, plan],
  );
  const [county, setCounty] = useState<number>();
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<CascadePreview>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<{ planId: number; count: number }>();

  async function load(countyId: number) {
    setCounty(countyId);
    setPreview(undefined);
    setCreated(undefined);
    setError(undefined);
    try {
      const p = await previewCascade(plan.id, countyId);
      setPreview(p);
      setTitle(`${plan.title}（${p.county.name}任务分解）`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function derive() {
    if (!county) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await deriveCountyPlan(plan.id, { countyOrgId: county, title: title.trim() || undefined });
      setCreated({ planId: r.planId, count: r.tasks.length });
      message.success(`已生成县级计划，共 ${r.tasks.length} 项任务`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<SectionTitle>分解到县（市、区）</SectionTitle>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        选择县（市、区），系统将把本计划中由“各县（市、区）”或该县承担的任务复制为该县的计划，并与原任务关联；县里再把任务分配给本级单位。
      </Typography.Paragraph>
      {counties.length === 0 ? (
        <Alert type="info" showIcon title="本计划所属单位下没有县（市、区）。" />
      ) : (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <Select
            aria-label="县（市、区）"
            placeholder="选择县（市、区）"
            style={{ width: 200 }}
            value={county}
            options={counties.map((c) => ({ value: c.id, label: c.name }))}
            onChange={load}
          />
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {created && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              已生成县级计划（{created.count}项任务），
              <Link to={`/ledger/plans/${created.planId}?tab=cascade`} style={INLINE_LINK}>
                前往分配责任单位
              </Link>
            </span>
          }
        />
      )}
      {preview && !created && (
        <>
          <Typography.Paragraph>
            将下发给{preview.county.name}的任务共 {preview.tasks.length} 项：
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={preview.tasks}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 64 },
              { title: '工作任务', dataIndex: 'task' },
              {
                title: '下发依据',
                dataIndex: 'groups',
                width: 240,
                render: (g: string[]) => g.join('、') || '点名该县',
              },
              {
                title: '完成时限',
                dataIndex: 'due',
                width: 140,
                render: (d: string | null) => formatDate(d),
              },
            ]}
          />
          <Flex wrap gap={8} align="center" style={{ marginTop: 16 }}>
            <label htmlFor="cascade-title">县级计划名称</label>
            <Input
              id="cascade-title"
              style={{ width: 420 }}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Button type="primary" loading={busy} disabled={preview.tasks.length === 0} onClick={derive}>
              生成县级计划
            </Button>
          </Flex>
        </>
      )}
    </Card>
  );
}

const ROLLUP_TONES = {
  done: 'green',
  ongoing: 'purple',
  in_progress: 'blue',
  not_started: 'grey',
  unassigned: 'orange',
} as const;

function RollupCard({ plan }: { plan: Plan }) {
  const { data, loading, error } = useLoad(() => getRollup(plan.id), [plan.id]);
  const columns = useMemo((): TableColumnsType<CityRollup['tasks'][number]> => {
    const counties = data?.counties ?? [];
    return [
      { title: '序号', dataIndex: 'seq', width: 64, fixed: 'left' },
      { title: '工作任务', dataIndex: 'task', width: 260 },
      ...counties.map((c) => ({
        title: c.orgName,
        key: `c${c.planId}`,
        width: 150,
        render: (_: unknown, t: CityRollup['tasks'][number]) => {
          const cell = t.counties.find((x: RollupCell) => x.planId === c.planId);
          if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
          return (
            <Flex wrap gap={4} align="center">
              <Link to={`/ledger/plans/${cell.planId}`}>
                <ToneTag tone={ROLLUP_TONES[cell.status] ?? 'grey'}>{cell.statusLabel}</ToneTag>
              </Link>
              {cell.total > 0 && (
                <Typography.Text type="secondary">
                  {cell.finished}/{cell.total}
                </Typography.Text>
              )}
              {cell.overdue > 0 && <OverdueTag />}
            </Flex>
          );
        },
      })),
    ];
  }, [data]);

  return (
    <Card title={<SectionTitle>各县（市、区）落实情况</SectionTitle>}>
      <Spin spinning={loading}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {data && data.counties.length === 0 ? (
          <Empty description="尚未有县（市、区）由本计划分解生成计划" />
        ) : (
          data && (
            <>
              <Space wrap style={{ marginBottom: 16 }}>
                {data.counties.map((c) => (
                  <ToneTag key={c.planId} tone={c.overdue > 0 ? 'red' : 'blue'}>
                    {c.orgName}：完成 {c.finished}/{c.tasks} 项{c.overdue > 0 ? `，逾期 ${c.overdue} 项` : ''}
                  </ToneTag>
                ))}
              </Space>
              <Table
                size="small"
                bordered
                rowKey="id"
                columns={columns}
                dataSource={data.tasks.filter((t) => t.counties.length > 0)}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 400 + data.counties.length * 150 }}
              />
            </>
          )
        )}
      </Spin>
    </Card>
  );
}

/** A county plan derived from the city's: each derived task is assigned to the county's own units. */
function DerivedPlanUnits({
  plan,
  tasks,
  onChanged,
}: {
  plan: Plan;
  tasks: PlanTask[];
  onChanged: () => void;
}) {
  const { orgs } = useOrgs();
  const options = useMemo(() => {
    const within = new Set<number>([plan.orgId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const o of orgs)
        if (o.parentId !== null && within.has(o.parentId) && !within.has(o.id)) {
          within.add(o.id);
          grew = true;
        }
    }
    return toTreeOptions(buildOrgTree(orgs.filter((o) => within.has(o.id))));
  }, [orgs, plan.orgId]);
  const derived = tasks.filter((t) => t.parentTaskId);

  return (
    <Card title={<SectionTitle>分配责任单位</SectionTitle>}>
      <Typography.Paragraph>
        本计划由上级计划分解而来（
        <Link to={`/ledger/plans/${plan.parentPlanId}`} style={INLINE_LINK}>
          查看上级计划
        </Link>
        ）。请为每项任务选择本级的牵头单位和责任单位；已报送进展的单位不能移除。
      </Typography.Paragraph>
      {derived.length === 0 ? (
        <Empty description="没有分解来的任务" />
      ) : (
        derived.map((t) => <DerivedTaskRow key={t.id} task={t} options={options} onSaved={onChanged} />)
      )}
    </Card>
  );
}

function DerivedTaskRow({
  task,
  options,
  onSaved,
}: {
  task: PlanTask;
  options: ReturnType<typeof toTreeOptions>;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [lead, setLead] = useState<number | undefined>(
    task.assignments.find((a) => a.role === 'lead')?.orgId,
  );
  const [responsible, setResponsible] = useState<number[]>(
    task.assignments.filter((a) => a.role === 'responsible').map((a) => a.orgId),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function save() {
    const units: { orgId: number; role: AssignmentRole }[] = [];
    if (lead) units.push({ orgId: lead, role: 'lead' });
    for (const id of responsible) if (id !== lead) units.push({ orgId: id, role: 'responsible' });
    if (units.length === 0) {
      setError('请至少选择一个单位');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await setTaskUnits(task.id, units);
      message.success(`第${task.seq}项任务的单位已保存`);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset
      aria-label={`第${task.seq}项任务的单位`}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {task.seq}. {task.task}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Flex wrap gap={8} align="center">
        <TreeSelect
          aria-label={`第${task.seq}项的牵头单位`}
          placeholder="牵头单位"
          style={{ width: 220 }}
          treeData={options}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          value={lead}
          onChange={(v?: number) => setLead(v)}
        />
        <TreeSelect
          aria-label={`第${task.seq}项的责任单位`}
          placeholder="责任单位（可多选）"
          style={{ minWidth: 320 }}
          treeData={options}
          multiple
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          value={responsible}
          onChange={(v: number[]) => setResponsible(v)}
        />
        <Button loading={busy} onClick={save}>
          保存
        </Button>
      </Flex>
    </fieldset>
  );
}
