import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { formatChineseDate } from '../../../admin/lib/format.ts';
import { answerErrata, assignErrata, type DutyRecord } from './api.ts';
import { useRegisterList } from './useRegisterList.tsx';

/**
 * 网站找错: the reports from the portal's 网站纠错 form; the office assigns each to a unit, the unit (or
 * the office) answers within the set working days; overdue ones are marked.
 */
export function ErrataPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload, filters } = useRegisterList('errata');
  const [acting, setActing] = useState<{ record: DutyRecord; step: 'assign' | 'answer' }>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ orgId?: number; answer?: string }>();

  function open(record: DutyRecord, step: 'assign' | 'answer') {
    form.resetFields();
    form.setFieldsValue({ orgId: record.assigneeOrgId ?? undefined });
    setActing({ record, step });
  }

  async function submit() {
    if (!acting) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (acting.step === 'assign') await assignErrata(acting.record.id, { orgId: v.orgId as number });
      else await answerErrata(acting.record.id, { answer: v.answer ?? '' });
      message.success(acting.step === 'assign' ? '已交办' : '已答复');
      setActing(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const columns: TableColumnsType<DutyRecord> = [
    { title: '查询码', dataIndex: 'code', key: 'code', width: 170 },
    { title: '出错页面', dataIndex: 'title', key: 'title' },
    { title: '错误描述', key: 'description', render: (_, r) => String(r.data.description ?? '') },
    { title: '收到日期', key: 'occurredOn', width: 140, render: (_, r) => formatChineseDate(r.occurredOn) },
    {
      title: '答复期限',
      key: 'dueOn',
      width: 160,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          {formatChineseDate(r.dueOn)}
          {r.provisionalNote && <span style={{ color: '#8c8c8c' }}>{r.provisionalNote}</span>}
        </Space>
      ),
    },
    { title: '承办单位', key: 'assignee', width: 140, render: (_, r) => r.assigneeName ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_, r) => (
        <Space>
          {r.stateLabel}
          {r.overdue && <Tag color="red">已超期</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_, r) =>
        r.state === 'answered' ? (
          <span title={String(r.data.answer ?? '')}>
            {formatChineseDate(String(r.data.answeredOn ?? ''))}答复
          </span>
        ) : (
          <Space>
            {r.canEdit && (
              <Button size="small" onClick={() => open(r, 'assign')}>
                交办
              </Button>
            )}
            {r.canAnswer && (
              <Button size="small" type="primary" onClick={() => open(r, 'answer')}>
                答复
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageTitle title="网站找错" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>{filters}</Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="id" loading={loading} columns={columns} dataSource={data?.items ?? []} />
      </Space>
      <Modal
        title={acting?.step === 'assign' ? '交办网站纠错' : '答复网站纠错'}
        open={acting !== undefined}
        onOk={submit}
        okText={acting?.step === 'assign' ? '交办' : '答复'}
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setActing(undefined)}
        maskClosable={false}
      >
        <p>
          {acting?.record.title}：{String(acting?.record.data.description ?? '')}
        </p>
        <Form form={form} layout="vertical">
          {acting?.step === 'assign' ? (
            <Form.Item name="orgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="answer"
              label="答复内容"
              rules={[{ required: true, message: '请填写答复内容' }, { max: 2000 }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
