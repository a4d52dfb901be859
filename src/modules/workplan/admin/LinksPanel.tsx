import { Alert, App, Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import {
  getLinkSuggestions,
  type LinkSuggestions,
  listPlans,
  type Plan,
  saveLinks,
} from '../../../admin/api/workplan.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';

type Row = LinkSuggestions['tasks'][number];

/**
 * 衔接上级计划: the office picks the parent plan (the province's plan imported as an external plan, or the
 * city's), reviews the suggested parent task of each task (by text similarity), confirms or changes each,
 * and saves; the parent plan's 落实情况 then rolls these tasks up.
 */
export function LinksPanel({ plan }: { plan: Plan & { parentPlanId?: number | null } }) {
  const { message } = App.useApp();
  const plans = useLoad(() => listPlans({}), []);
  const [parentPlanId, setParentPlanId] = useState<number | undefined>(plan.parentPlanId ?? undefined);
  const [data, setData] = useState<LinkSuggestions>();
  const [chosen, setChosen] = useState<Record<number, number | null>>({});
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (parentPlanId === undefined) return;
    setError(undefined);
    getLinkSuggestions(plan.id, parentPlanId).then(
      (d) => {
        setData(d);
        // The link saved before, else the suggestion.
        setChosen(Object.fromEntries(d.tasks.map((t) => [t.id, t.parentTaskId ?? t.suggestedParentTaskId])));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [plan.id, parentPlanId]);

  async function save() {
    if (!data || parentPlanId === undefined) return;
    setSaving(true);
    try {
      const r = await saveLinks(plan.id, {
        parentPlanId,
        links: data.tasks.map((t) => ({ taskId: t.id, parentTaskId: chosen[t.id] ?? null })),
      });
      message.success(`已保存：${r.linked}项任务对应到上级计划任务`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const parentOptions = (data?.parentTasks ?? []).map((p) => ({
    value: p.id,
    label: `${p.seq}. ${p.task}`,
  }));
  const columns: TableColumnsType<Row> = [
    { title: '序号', dataIndex: 'seq', width: 60 },
    { title: '本计划任务', dataIndex: 'task' },
    {
      title: '对应的上级任务',
      key: 'parent',
      width: 380,
      render: (_, t) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            aria-label={`第${t.seq}项对应的上级任务`}
            placeholder="不对应上级任务"
            value={chosen[t.id] ?? undefined}
            options={parentOptions}
            onChange={(v: number | undefined) => setChosen((c) => ({ ...c, [t.id]: v ?? null }))}
          />
          {t.suggestedParentTaskId !== null && chosen[t.id] !== t.suggestedParentTaskId && (
            <Typography.Text type="secondary">
              系统建议：第{seqOf(data, t.suggestedParentTaskId)}项
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '相似度',
      dataIndex: 'similarity',
      width: 90,
      render: (v: number, t) =>
        t.suggestedParentTaskId !== null ? <Tag color="blue">{Math.round(v * 100)}%</Tag> : <Tag>无建议</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        衔接上级计划
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        选择上级计划（如导入的省级工作要点、市级工作要点），系统按文字相似度建议本计划各项任务对应的上级任务，请逐项确认或修改后保存；上级计划的“落实情况”将汇总本计划的进展。
      </Typography.Paragraph>
      <Space wrap>
        <label htmlFor="link-parent">上级计划</label>
        <Select
          id="link-parent"
          style={{ width: 420 }}
          loading={plans.loading}
          placeholder="请选择上级计划"
          value={parentPlanId}
          onChange={(v: number) => setParentPlanId(v)}
          options={(plans.data ?? [])
            .filter((p) => p.id !== plan.id)
            .map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}（${p.orgName}）` }))}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Table<Row> size="small" rowKey="id" pagination={false} columns={columns} dataSource={data.tasks} />
          <Button type="primary" loading={saving} onClick={save}>
            保存对应关系
          </Button>
        </>
      )}
    </Space>
  );
}

function seqOf(data: LinkSuggestions | undefined, parentTaskId: number): number | string {
  return data?.parentTasks.find((p) => p.id === parentTaskId)?.seq ?? '';
}
