import { Alert, Button, Form, Input, InputNumber, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_PHASE_LABELS,
  SELECTION_LABELS,
  SELECTIONS,
} from '../domain/participation.ts';
import { createEvent, type EventBody, type EventView, listEvents, listManagedOrgs } from './api.ts';

/** 公众参与: hearings, meetings with public representatives and open days; new ones. */
export function ParticipationPage() {
  const { data, loading, error } = useLoad(() => listEvents(), []);
  const orgs = useLoad(() => listManagedOrgs(), []);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<EventBody>();
  const navigate = useNavigate();

  const columns: TableColumnsType<EventView> = [
    {
      title: '名称',
      dataIndex: 'title',
      render: (t: string, r) => <Link to={`/decisions/events/${r.id}`}>{t}</Link>,
    },
    { title: '类型', dataIndex: 'kind', width: 190, render: (k: EventView['kind']) => EVENT_KIND_LABELS[k] },
    { title: '组织单位', dataIndex: 'orgName', width: 160 },
    { title: '举办日期', dataIndex: 'heldOn', width: 140, render: formatChineseDate },
    { title: '报名/名额', key: 'n', width: 100, render: (_, r) => `${r.signups}/${r.places}` },
    {
      title: '状态',
      key: 'phase',
      width: 110,
      render: (_, r) => (r.status === 'draft' ? '未发布' : EVENT_PHASE_LABELS[r.phase]),
    },
  ];

  async function save() {
    setFormError(undefined);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const r = await createEvent(values);
      setOpen(false);
      navigate(`/decisions/events/${r.event.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, [
        'kind',
        'orgId',
        'title',
        'heldOn',
        'signupClosesOn',
        'places',
        'selection',
        'selectionNote',
        'streamUrl',
      ]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle
        title="听证会、列席会议和开放日"
        extra={
          (orgs.data?.items.length ?? 0) > 0 && (
            <Button type="primary" onClick={() => setOpen(true)}>
              新建活动
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      <Modal
        title="新建活动"
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
          initialValues={{ orgId: orgs.data?.items[0]?.id, kind: 'meeting', selection: 'draw', places: 5 }}
        >
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="orgId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
            <Select options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label="活动说明（听证事项）">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: '请填写举办日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="startsAt" label="开始时间">
            <Input maxLength={50} placeholder="例如：9:00" />
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="signupClosesOn" label="报名截止日期（不填则截至举办前一日）">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="places" label="名额" rules={[{ required: true, message: '请填写名额' }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item
            name="selection"
            label="遴选方式"
            rules={[{ required: true, message: '请选择遴选方式' }]}
          >
            <Select options={SELECTIONS.map((s) => ({ value: s, label: SELECTION_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="selectionNote" label="遴选办法或条件">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="streamUrl" label="直播链接">
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
