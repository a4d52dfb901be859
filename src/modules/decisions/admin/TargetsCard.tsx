import { Alert, App, Button, Card, Form, InputNumber, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { fetchTargetsProgress, saveTargets, type TargetsBody, type TargetsProgress } from './api.ts';

type Row = TargetsProgress['rows'][number];
const FIELDS = ['meetingTarget', 'evaluationTargetGovernment', 'evaluationTargetUnit'] as const;

const columns: TableColumnsType<Row> = [
  { title: '单位', dataIndex: 'orgName' },
  { title: '邀请公众代表列席会议（次）', dataIndex: 'meetings', width: 130 },
  { title: '目标（次）', dataIndex: 'meetingTarget', width: 100 },
  { title: '差额', dataIndex: 'meetingsMissing', width: 80, render: (n: number) => n || '已完成' },
  { title: '政策评估（项）', dataIndex: 'evaluations', width: 120 },
  { title: '目标（项）', dataIndex: 'evaluationTarget', width: 100 },
  { title: '差额', dataIndex: 'evaluationsMissing', width: 80, render: (n: number) => n || '已完成' },
];

/**
 * 公众参与年度目标: the yearly targets (meetings with public representatives per government, policy
 * evaluations per government and per unit; settings, audited) and this year's counts against them.
 */
export function TargetsCard({ year }: { year: number }) {
  const { data, error, reload } = useLoad(() => fetchTargetsProgress(year), [year]);
  const [form] = Form.useForm<TargetsBody>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { message } = App.useApp();
  if (error) return <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />;
  if (!data) return <Card loading style={{ marginBottom: 16 }} />;
  const editable = data.canEdit;

  async function save() {
    setFormError(undefined);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await saveTargets(values);
      message.success('年度目标已保存');
      reload();
    } catch (e) {
      const rest = applyFieldErrors(form, e, [...FIELDS]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const number = (name: (typeof FIELDS)[number], label: string, unit: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: `请填写${label}` }]}
      style={{ marginBottom: 8 }}
    >
      <InputNumber min={0} max={1000} precision={0} disabled={!editable} addonAfter={unit} />
    </Form.Item>
  );

  return (
    <Card size="small" title={`${year}年公众参与年度目标完成情况`} style={{ marginBottom: 16 }}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" initialValues={data.targets} key={JSON.stringify(data.targets)}>
        <Space wrap align="end">
          {number('meetingTarget', '每个政府邀请公众代表列席会议', '次')}
          {number('evaluationTargetGovernment', '每个政府政策评估', '项')}
          {number('evaluationTargetUnit', '每个部门政策评估', '项')}
          {editable && (
            <Button loading={saving} onClick={save} style={{ marginBottom: 8 }}>
              保存目标
            </Button>
          )}
        </Space>
      </Form>
      <Table
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={data.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        style={{ marginTop: 12 }}
      />
    </Card>
  );
}
