import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { CHANGE_LABELS, type Change, SNAPSHOT_FIELD_LABELS } from '../domain/catalogue.ts';
import { STEP_ARTICLES, STEP_LABELS, STEPS, type Step } from '../domain/steps.ts';
import { decideItem, fetchItem, type ItemDetail, recordStep, type StepBody } from './api.ts';
import { ItemEditButton } from './ItemEditDialog.tsx';

type StepRow = ItemDetail['steps'][number];
type VersionRow = ItemDetail['versions'][number];

/** What an adjustment changed: the fields with their earlier values. */
function changeText(v: VersionRow): string {
  if (!v.before) return '新增事项';
  const before = v.before;
  return v.fields
    .map((f) => `${SNAPSHOT_FIELD_LABELS[f]}（原为：${String(before[f] ?? '—') || '—'}）`)
    .join('；');
}

const versionColumns: TableColumnsType<VersionRow> = [
  { title: '次序', dataIndex: 'version', width: 70, render: (n: number) => `第${n}次` },
  { title: '调整日期', dataIndex: 'changedOn', width: 140, render: (v: string) => formatChineseDate(v) },
  { title: '调整类型', dataIndex: 'change', width: 120, render: (c: Change) => CHANGE_LABELS[c] },
  { title: '调整内容', key: 'fields', render: (_, v) => changeText(v) },
  { title: '调整原因', dataIndex: 'reason' },
];

/** One catalogue item: its plan, its statutory steps (recorded one by one), and 确认已决策. */
export function ItemPage() {
  const id = Number(useParams().id);
  const { data, loading, error, reload } = useLoad(() => fetchItem(id), [id]);
  const { message } = App.useApp();
  const [form] = Form.useForm<StepBody>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  if (!data) return error ? <Alert type="error" showIcon message={error} /> : <Card loading={loading} />;
  const { item, steps, required } = data;
  const columns: TableColumnsType<StepRow> = [
    {
      title: '步骤',
      dataIndex: 'step',
      render: (s: Step) =>
        `${STEP_LABELS[s]}（${STEP_ARTICLES[s]}）${required.includes(s) ? '' : '（选做）'}`,
    },
    { title: '开始日期', dataIndex: 'startedOn', width: 140, render: (v: string) => formatChineseDate(v) },
    {
      title: '完成日期',
      dataIndex: 'finishedOn',
      width: 140,
      render: (v: string | null) => (v ? formatChineseDate(v) : '进行中'),
    },
    { title: '承办单位', dataIndex: 'unit', width: 160 },
    { title: '相关材料', dataIndex: 'materials' },
  ];
  const missing = required.filter((s) => !steps.some((x) => x.step === s && x.finishedOn));

  return (
    <>
      <PageTitle
        title={item.subject}
        extra={
          item.canManage && (
            <>
              <ItemEditButton item={item} onSaved={reload} />{' '}
              {item.status !== 'decided' && (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={async () => {
                    setBusy(true);
                    setActionError(undefined);
                    try {
                      await decideItem(id);
                      message.success('已确认决策');
                      reload();
                    } catch (e) {
                      setActionError(errorMessage(e));
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  确认已决策
                </Button>
              )}
            </>
          )
        }
      />
      {actionError && <Alert type="error" showIcon message={actionError} style={{ marginBottom: 16 }} />}
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="决策机关">{item.orgName}</Descriptions.Item>
        <Descriptions.Item label="年度">{item.year}年度</Descriptions.Item>
        <Descriptions.Item label="承办单位">{item.undertaker || '—'}</Descriptions.Item>
        <Descriptions.Item label="计划完成时间">{item.plannedTime || '—'}</Descriptions.Item>
        <Descriptions.Item label="党委同意">
          {item.partyConsentOn
            ? `${formatChineseDate(item.partyConsentOn)} ${item.partyConsentNote}`
            : '未登记'}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {item.status === 'decided' && item.decidedOn
            ? `已于${formatChineseDate(item.decidedOn)}决策`
            : '推进中'}
          {item.published ? '，已在网站公布' : '，未公布'}
        </Descriptions.Item>
        <Descriptions.Item label="尚未完成的必经步骤" span={2}>
          {missing.length ? missing.map((s) => STEP_LABELS[s]).join('、') : '无'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="step"
        size="small"
        columns={columns}
        dataSource={steps}
        pagination={false}
        style={{ marginBottom: 24 }}
      />
      {data.versions.length > 0 && (
        <Card size="small" title="目录调整记录（网站公开）" style={{ marginBottom: 24 }}>
          <Table
            rowKey="id"
            size="small"
            columns={versionColumns}
            dataSource={data.versions}
            pagination={false}
          />
        </Card>
      )}
      {item.canManage && (
        <Card size="small" title="登记程序步骤" style={{ maxWidth: 640 }}>
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              setBusy(true);
              setActionError(undefined);
              try {
                await recordStep(id, { ...v, finishedOn: v.finishedOn || null });
                message.success('已登记');
                form.resetFields();
                reload();
              } catch (e) {
                const rest = applyFieldErrors(form, e, [
                  'step',
                  'startedOn',
                  'finishedOn',
                  'unit',
                  'materials',
                ]);
                if (rest.length) setActionError(rest.join('；'));
                else if (!(e instanceof Error) || !('fields' in e)) setActionError(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item name="step" label="步骤" rules={[{ required: true, message: '请选择步骤' }]}>
              <Select
                options={STEPS.map((s) => ({ value: s, label: `${STEP_LABELS[s]}（${STEP_ARTICLES[s]}）` }))}
              />
            </Form.Item>
            <Form.Item
              name="startedOn"
              label="开始日期"
              rules={[{ required: true, message: '请填写开始日期' }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="finishedOn"
              label="完成日期"
              extra="合法性审查时间一般不少于7个工作日（第二十六条）。"
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item name="unit" label="承办单位">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="materials" label="相关材料" extra="每行一项：网址或说明，随时间线在网站公开。">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              登记
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
