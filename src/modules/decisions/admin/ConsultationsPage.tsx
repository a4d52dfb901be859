import { Alert, Button, Form, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { ToneTag } from '../../../admin/components/RequestTags.tsx';

import { formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { PHASE_LABELS, type Phase } from '../domain/period.ts';
import {
  type ConsultationBody,
  type ConsultationView,
  createConsultation,
  listConsultations,
  listManagedOrgs,
} from './api.ts';
import { CONSULTATION_FIELDS, ConsultationFields } from './ConsultationFields.tsx';
import { SettingsCard } from './SettingsCard.tsx';

type Tone = Parameters<typeof ToneTag>[0]['tone'];

export const PHASE_COLORS: Record<Phase, Tone> = {
  draft: 'grey',
  upcoming: 'blue',
  open: 'green',
  closed: 'orange',
};

/** 意见征集: the consultations the person sees, with their period, comments and feedback deadline. */
export function ConsultationsPage() {
  const { data, loading, error } = useLoad(() => listConsultations(), []);
  const orgs = useLoad(() => listManagedOrgs(), []);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<ConsultationBody>();
  const navigate = useNavigate();

  const columns: TableColumnsType<ConsultationView> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => <Link to={`/decisions/${r.id}`}>{t}</Link>,
    },
    { title: '发布机关', dataIndex: 'orgName', width: 180 },
    {
      title: '状态',
      dataIndex: 'phase',
      width: 100,
      render: (p: Phase) => <ToneTag tone={PHASE_COLORS[p]}>{PHASE_LABELS[p]}</ToneTag>,
    },
    {
      title: '征求意见时间',
      key: 'period',
      width: 260,
      render: (_, r) => `${formatChineseDate(r.opensOn)}至${formatChineseDate(r.closesOn)}`,
    },
    { title: '意见', dataIndex: 'commentCount', width: 80 },
    {
      title: '采纳情况反馈',
      key: 'feedback',
      width: 200,
      render: (_, r) =>
        r.feedbackPublishedAt ? (
          <ToneTag tone="green">已发布</ToneTag>
        ) : r.feedbackDue ? (
          <ToneTag tone={r.feedbackOverdue ? 'red' : 'blue'}>
            {r.feedbackOverdue ? '已逾期，' : ''}应于{formatChineseDate(r.feedbackDue)}前发布
          </ToneTag>
        ) : (
          '—'
        ),
    },
  ];

  async function save() {
    setFormError(undefined);
    let values: ConsultationBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const r = await createConsultation(values);
      setOpen(false);
      navigate(`/decisions/${r.consultation.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['orgId', ...CONSULTATION_FIELDS]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const canCreate = (orgs.data?.items.length ?? 0) > 0;
  return (
    <>
      <PageTitle
        title="意见征集"
        extra={
          canCreate && (
            <Button type="primary" onClick={() => setOpen(true)}>
              新建意见征集
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <SettingsCard />
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <Modal
        title="新建意见征集"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={save}
        confirmLoading={saving}
        okText="保存"
        cancelText="取消"
        width={760}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" initialValues={{ orgId: orgs.data?.items[0]?.id }}>
          <Form.Item name="orgId" label="发布机关" rules={[{ required: true, message: '请选择发布机关' }]}>
            <Select options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <ConsultationFields />
        </Form>
      </Modal>
    </>
  );
}
