import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { ToneTag } from '../../../admin/components/RequestTags.tsx';
import { chinaThisYear } from '../../../admin/lib/format.ts';
import { applyFieldErrors } from '../../../admin/lib/formErrors.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { createItem, type ItemBody, type ItemView, listItems, listManagedOrgs } from './api.ts';
import { ReasonField } from './ItemEditDialog.tsx';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** 决策事项目录: a year's catalogue items, with their plan and state; new items. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaThisYear();
  const { data, loading, error } = useLoad(() => listItems(year), [year]);
  const orgs = useLoad(() => listManagedOrgs(), []);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<ItemBody>();
  const navigate = useNavigate();

  const columns: TableColumnsType<ItemView> = [
    {
      title: '决策事项',
      dataIndex: 'subject',
      render: (t: string, r) => <Link to={`/decisions/items/${r.id}`}>{t}</Link>,
    },
    { title: '决策机关', dataIndex: 'orgName', width: 160 },
    { title: '承办单位', dataIndex: 'undertaker', width: 140 },
    { title: '计划完成时间', dataIndex: 'plannedTime', width: 130 },
    { title: '听证', dataIndex: 'hearingPlanned', width: 70, render: yesNo },
    { title: '风险评估', dataIndex: 'riskPlanned', width: 90, render: yesNo },
    { title: '专家论证', dataIndex: 'expertPlanned', width: 90, render: yesNo },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, r) => (
        <>
          <ToneTag tone={r.status === 'decided' ? 'green' : 'blue'}>
            {r.status === 'decided' ? '已决策' : '推进中'}
          </ToneTag>{' '}
          {r.published ? '已公布' : '未公布'}
        </>
      ),
    },
  ];

  async function save() {
    setFormError(undefined);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const r = await createItem({ ...values, year });
      setOpen(false);
      navigate(`/decisions/items/${r.item.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e, [
        'orgId',
        'subject',
        'undertaker',
        'plannedTime',
        'partyConsentOn',
        'partyConsentNote',
        'consultationId',
        'reason',
      ]);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageTitle
        title="重大行政决策事项目录"
        extra={
          <>
            <InputNumber
              aria-label="年度"
              value={year}
              min={2000}
              max={2100}
              onChange={(y) => y && setParams({ year: String(y) })}
            />{' '}
            {(orgs.data?.items.length ?? 0) > 0 && (
              <Button type="primary" onClick={() => setOpen(true)}>
                新增决策事项
              </Button>
            )}
          </>
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
        title={`新增${year}年度决策事项`}
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
          initialValues={{ orgId: orgs.data?.items[0]?.id, published: false }}
        >
          <Form.Item name="orgId" label="决策机关" rules={[{ required: true, message: '请选择决策机关' }]}>
            <Select options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="subject" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="undertaker" label="承办单位">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="plannedTime" label="计划完成时间">
            <Input maxLength={100} placeholder="例如：2026年第三季度" />
          </Form.Item>
          <Form.Item name="hearingPlanned" valuePropName="checked">
            <Checkbox>拟举行听证</Checkbox>
          </Form.Item>
          <Form.Item name="riskPlanned" valuePropName="checked">
            <Checkbox>拟开展风险评估</Checkbox>
          </Form.Item>
          <Form.Item name="expertPlanned" valuePropName="checked">
            <Checkbox>拟组织专家论证</Checkbox>
          </Form.Item>
          <Form.Item name="partyConsentOn" label="党委同意日期">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="partyConsentNote" label="党委同意情况">
            <Input maxLength={500} placeholder="例如：经市委常委会会议同意" />
          </Form.Item>
          <Form.Item name="published" valuePropName="checked">
            <Checkbox>在网站目录中公布</Checkbox>
          </Form.Item>
          <ReasonField required={false} />
        </Form>
      </Modal>
    </>
  );
}
