import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import {
  type Assessment,
  type AssessmentAction,
  type AssessmentState,
  assessmentAction,
  createAssessment,
  getAssessmentDetail,
  getScoreRules,
  listAssessments,
  listPlans,
  PERIOD_OPTIONS,
  type PeriodKind,
  type RankingRow,
  type ScoreRules,
  setScoreRules,
} from '../../api/workplan.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ToneTag } from '../../components/RequestTags.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { applyFieldErrors } from '../../lib/formErrors.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { MANAGER_ROLES } from './LedgerPlansPage.tsx';

const STATE_TONES: Record<AssessmentState, 'grey' | 'gold' | 'blue' | 'green'> = {
  draft: 'grey',
  submitted: 'gold',
  approved: 'blue',
  published: 'green',
};

function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** 工作台账 · 考核排名: scoring rules, assessments per period, ranking, approval and publication. */
export function AssessmentPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const planId = Number(params.get('planId')) || undefined;
  const assessmentId = Number(params.get('id')) || undefined;
  const plans = useLoad(() => listPlans({}), []);
  const plan = plans.data?.find((p) => p.id === planId);
  const list = useLoad(
    () => (planId ? listAssessments(planId) : Promise.resolve([] as Assessment[])),
    [planId],
  );
  const manager = MANAGER_ROLES.includes(user.role);

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  // The first plan is chosen when none is in the address.
  useEffect(() => {
    const first = plans.data?.[0];
    if (!planId && first) update({ planId: String(first.id) });
  });

  const columns: TableColumnsType<Assessment> = [
    {
      title: '考核周期',
      key: 'period',
      render: (_, a) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          aria-current={a.id === assessmentId ? 'true' : undefined}
          onClick={() => update({ id: String(a.id) })}
        >
          {a.periodLabel}（{a.periodKindLabel}）
        </Button>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      render: (s: AssessmentState, a) => <ToneTag tone={STATE_TONES[s]}>{a.stateLabel}</ToneTag>,
    },
    { title: '计算日期', dataIndex: 'asOf', width: 130, render: (d: string) => formatDate(d) },
  ];

  return (
    <>
      <PageTitle
        title="考核排名"
        extra={
          <Select
            aria-label="工作计划"
            style={{ width: 380 }}
            loading={plans.loading}
            placeholder="选择工作计划"
            value={planId}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.year}年）` }))}
            onChange={(v: number) => update({ planId: String(v), id: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        }
      />
      {(plans.error || list.error) && (
        <Alert type="error" showIcon title={plans.error ?? list.error} style={{ marginBottom: 16 }} />
      )}
      {plans.data && plans.data.length === 0 && (
        <Card>
          <Empty description="暂无工作计划，请先导入任务表" />
        </Card>
      )}
      {plan && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Card title={<SectionTitle>考核记录</SectionTitle>} style={{ marginBottom: 16 }}>
              <Table<Assessment>
                rowKey="id"
                size="small"
                loading={list.loading}
                columns={columns}
                dataSource={list.data ?? []}
                pagination={false}
                locale={{ emptyText: <Typography.Text type="secondary">尚未开展考核</Typography.Text> }}
              />
            </Card>
            {manager && (
              <NewAssessmentCard
                planId={plan.id}
                year={plan.year}
                onCreated={(id) => {
                  list.reload();
                  update({ id: String(id) });
                }}
              />
            )}
            {manager && <RulesCard orgId={plan.orgId} orgName={plan.orgName} />}
          </Col>
          <Col xs={24} xl={15}>
            {assessmentId ? (
              <AssessmentDetailCard id={assessmentId} manager={manager} onChanged={list.reload} />
            ) : (
              <Card>
                <Empty description="请在左侧选择或新建一次考核" />
              </Card>
            )}
          </Col>
        </Row>
      )}
    </>
  );
}

function NewAssessmentCard({
  planId,
  year,
  onCreated,
}: {
  planId: number;
  year: number;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: PeriodKind; year: number; month?: number }>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function finish(v: { kind: PeriodKind; year: number; month?: number }) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await createAssessment({
        planId,
        period: { kind: v.kind, year: v.year, ...(v.kind === 'monthly' ? { month: v.month } : {}) },
      });
      message.success(`已计算${r.assessment.periodLabel}考核排名`);
      onCreated(r.assessment.id);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, ['period.kind', 'period.year', 'period.month']);
      setError(unmatched.length ? `${errorMessage(e)}：${unmatched.join('；')}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<SectionTitle>新建考核</SectionTitle>} style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" initialValues={{ kind: 'annual', year }} onFinish={finish}>
        <Form.Item name="kind" label="周期" rules={[{ required: true, message: '请选择考核周期' }]}>
          <Select options={PERIOD_OPTIONS} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber<number> min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        {kind === 'monthly' && (
          <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
            <Select
              style={{ width: 90 }}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          计算排名
        </Button>
      </Form>
    </Card>
  );
}

const RULE_FIELDS: { name: keyof ScoreRules; label: string; nullable?: boolean }[] = [
  { name: 'base', label: '基础分' },
  { name: 'onTimePoints', label: '按时完成加分（每项）' },
  { name: 'evidencePoints', label: '佐证材料加分（每次）' },
  { name: 'overduePenalty', label: '逾期扣分（每项）' },
  { name: 'returnedPenalty', label: '退回扣分（每次）' },
  { name: 'bonusCap', label: '加分上限（空为不限）', nullable: true },
  { name: 'penaltyCap', label: '扣分上限（空为不限）', nullable: true },
];

function RulesCard({ orgId, orgName }: { orgId: number; orgName: string }) {
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => getScoreRules(orgId), [orgId]);
  const [form] = Form.useForm<ScoreRules>();
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string>();

  useEffect(() => {
    if (data) form.setFieldsValue(data.rules);
  }, [data, form]);

  async function finish(v: ScoreRules) {
    setBusy(true);
    setSaveError(undefined);
    try {
      await setScoreRules(orgId, {
        ...v,
        bonusCap: v.bonusCap ?? null,
        penaltyCap: v.penaltyCap ?? null,
      });
      message.success('评分规则已保存，新建或重新计算的考核将使用新规则');
      reload();
    } catch (e) {
      const unmatched = applyFieldErrors(
        form,
        e,
        RULE_FIELDS.map((f) => f.name),
      );
      setSaveError(unmatched.length ? `${errorMessage(e)}：${unmatched.join('；')}` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={<SectionTitle>评分规则</SectionTitle>}
      extra={data?.isDefault && <Typography.Text type="secondary">当前为默认规则</Typography.Text>}
    >
      <Typography.Paragraph type="secondary">
        适用于{orgName}的各项考核：得分 = 基础分 + 加分（不超过上限）− 扣分（不超过上限）。
      </Typography.Paragraph>
      {(error || saveError) && (
        <Alert type="error" showIcon title={saveError ?? error} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={finish}>
        <Row gutter={12}>
          {RULE_FIELDS.map((f) => (
            <Col key={f.name} xs={24} sm={12}>
              <Form.Item
                name={f.name}
                label={f.label}
                rules={
                  f.nullable ? [] : [{ required: true, message: `请填写${f.label.replace(/（.*）/, '')}` }]
                }
              >
                <InputNumber<number> min={0} max={1000} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button htmlType="submit" loading={busy}>
          保存规则
        </Button>
      </Form>
    </Card>
  );
}

const ACTION_LABELS: Record<AssessmentAction, string> = {
  recompute: '重新计算',
  submit: '提交审批',
  approve: '审批同意',
  return: '退回修改',
  publish: '发布排名',
};

const rankingColumns: TableColumnsType<RankingRow> = [
  { title: '名次', dataIndex: 'rank', width: 64 },
  { title: '单位', dataIndex: 'orgName' },
  { title: '得分', dataIndex: 'score', width: 80, align: 'right' },
  { title: '按时完成', dataIndex: 'onTime', width: 90, align: 'right' },
  { title: '佐证材料', dataIndex: 'evidence', width: 90, align: 'right' },
  { title: '逾期', dataIndex: 'overdue', width: 70, align: 'right' },
  { title: '退回', dataIndex: 'returned', width: 70, align: 'right' },
  { title: '加分', dataIndex: 'bonus', width: 70, align: 'right' },
  { title: '扣分', dataIndex: 'penalty', width: 70, align: 'right' },
];

function AssessmentDetailCard({
  id,
  manager,
  onChanged,
}: {
  id: number;
  manager: boolean;
  onChanged: () => void;
}) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { data, loading, error, reload } = useLoad(() => getAssessmentDetail(id), [id]);
  const [busy, setBusy] = useState<AssessmentAction>();
  const [actionError, setActionError] = useState<string>();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  async function run(action: AssessmentAction, note?: string) {
    setBusy(action);
    setActionError(undefined);
    try {
      await assessmentAction(id, action, note);
      message.success(`已${ACTION_LABELS[action]}`);
      setReturning(false);
      setComment('');
      reload();
      onChanged();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  if (!data)
    return (
      <Card>
        <Spin spinning={loading}>{error ? <Alert type="error" showIcon title={error} /> : <Empty />}</Spin>
      </Card>
    );
  const a = data.assessment;
  const actions: AssessmentAction[] = [];
  if (manager && a.state === 'draft') actions.push('recompute', 'submit');
  if (user.role === 'approver' && a.state === 'submitted') actions.push('approve', 'return');
  if (manager && a.state === 'approved') actions.push('publish');

  return (
    <Card
      title={
        <SectionTitle>
          {a.periodLabel}考核排名 <ToneTag tone={STATE_TONES[a.state]}>{a.stateLabel}</ToneTag>
        </SectionTitle>
      }
    >
      {(error || actionError) && (
        <Alert type="error" showIcon title={actionError ?? error} style={{ marginBottom: 12 }} />
      )}
      {a.returnedComment && a.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="负责人退回了本次排名"
          description={`退回意见：${a.returnedComment}`}
        />
      )}
      {manager && a.state === 'submitted' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="已提交，等待负责人审批；审批同意后方可发布。"
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'plan', label: '工作计划', children: a.planTitle ?? '—' },
          { key: 'range', label: '考核期间', children: `${formatDate(a.startsOn)}至${formatDate(a.endsOn)}` },
          { key: 'asof', label: '计算日期', children: formatDate(a.asOf) },
          { key: 'approved', label: '审批时间', children: formatDateTime(a.approvedAt) },
          { key: 'published', label: '发布时间', children: formatDateTime(a.publishedAt) },
          {
            key: 'rules',
            label: '评分规则',
            children: `基础分${a.rules.base}，按时完成+${a.rules.onTimePoints}，佐证+${a.rules.evidencePoints}，逾期−${a.rules.overduePenalty}，退回−${a.rules.returnedPenalty}`,
          },
        ]}
      />
      {actions.length > 0 && (
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {actions.map((act) => (
            <Button
              key={act}
              type={act === 'submit' || act === 'approve' || act === 'publish' ? 'primary' : 'default'}
              danger={act === 'return'}
              loading={busy === act}
              onClick={() => (act === 'return' ? setReturning(true) : run(act))}
            >
              {ACTION_LABELS[act]}
            </Button>
          ))}
        </Flex>
      )}
      <Table<RankingRow>
        rowKey="orgId"
        size="small"
        columns={rankingColumns}
        dataSource={data.ranking}
        pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">本期没有可考核的单位</Typography.Text> }}
      />
      <Modal
        open={returning}
        title="退回修改"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy === 'return' }}
        onOk={() => run('return', comment.trim())}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="assessment-return-comment" style={{ display: 'block', marginBottom: 4 }}>
          退回意见
        </label>
        <Input.TextArea
          id="assessment-return-comment"
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
