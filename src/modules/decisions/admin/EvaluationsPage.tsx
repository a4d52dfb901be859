import { Alert, Button, Checkbox, Form, Input, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { chinaThisYear, formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { EVALUATION_RESULT_LABELS, EVALUATION_RESULTS } from '../domain/participation.ts';
import {
  createEvaluation,
  type EvaluationBody,
  type EvaluationView,
  listEvaluations,
  listManagedOrgs,
} from './api.ts';
import { TargetsCard } from './TargetsCard.tsx';

/** 政策评估: evaluations of policies in force (who, how, findings, result), published on the portal. */
export function EvaluationsPage() {
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useLoad(() => listEvaluations(), [version]);
  const orgs = useLoad(() => listManagedOrgs(), []);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<EvaluationBody>();

  const columns: TableColumnsType<EvaluationView> = [
    { title: '评估的政策', dataIndex: 'policy' },
    { title: '评估单位', dataIndex: 'orgName', width: 160 },
    { title: '评估主体', dataIndex: 'evaluator', width: 180 },
    {
      title: '结论',
      dataIndex: 'result',
      width: 100,
      render: (r: EvaluationView['result']) => EVALUATION_RESULT_LABELS[r],
    },
    { title: '完成日期', dataIndex: 'evaluatedOn', width: 140, render: formatChineseDate },
    { title: '公开', dataIndex: 'published', width: 70, render: (b: boolean) => (b ? '是' : '否') },
  ];

  async function save() {
    setFormError(undefined);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await createEvaluation(values);
      setOpen(false);
      setVersion((v) => v + 1);
    } catch (e) {
      const rest = applyFieldErrors(form, e, [
        'orgId',
        'policy',
        'evaluator',
        'method',
        'findings',
        'evaluatedOn',
      ]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle
        title="政策评估"
        extra={
          (orgs.data?.items.length ?? 0) > 0 && (
            <Button type="primary" onClick={() => setOpen(true)}>
              新增政策评估
            </Button>
          )
        }
      />
      <TargetsCard year={chinaThisYear()} key={version} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <Modal
        title="新增政策评估"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={save}
        confirmLoading={saving}
        okText="保存"
        cancelText="取消"
        width={640}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ orgId: orgs.data?.items[0]?.id, result: 'continue', published: true }}
        >
          <Form.Item name="orgId" label="评估单位" rules={[{ required: true, message: '请选择评估单位' }]}>
            <Select options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item
            name="policy"
            label="评估的政策"
            rules={[{ required: true, message: '请填写评估的政策' }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            name="evaluator"
            label="评估主体"
            rules={[{ required: true, message: '请填写评估主体' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="method" label="评估方式" rules={[{ required: true, message: '请填写评估方式' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="findings"
            label="发现的问题和结论"
            rules={[{ required: true, message: '请填写评估结论' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="result" label="评估结果" rules={[{ required: true, message: '请选择评估结果' }]}>
            <Select
              options={EVALUATION_RESULTS.map((r) => ({ value: r, label: EVALUATION_RESULT_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item
            name="evaluatedOn"
            label="完成日期"
            rules={[{ required: true, message: '请填写完成日期' }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="published" valuePropName="checked">
            <Checkbox>在网站公开</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
