import { PlusOutlined } from '@ant-design/icons';
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
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { PAIR_STATUS_LABELS, PAIR_STATUSES, type PairStatus } from '../domain/pairs.ts';
import { can } from '../domain/policies.ts';
import { actOnPair, createPair, listPairs, type Pair, type PairInput, updatePair } from './api.ts';
import { PairFields } from './PairFields.tsx';

type FormValues = { question: string; answer: string; documentId: number; clause?: string; topics?: string };

/** 政策问答库: the curated pairs; write, submit (departments), publish or return (reviewers). */
export function PairsPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const user = session.status === 'signedIn' ? session.user : null;
  const [status, setStatus] = useState<PairStatus>();
  const { data, loading, error, reload } = useLoad(() => listPairs(status), [status]);
  const [editing, setEditing] = useState<Pair | 'new'>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();

  function open(p: Pair | 'new') {
    setEditing(p);
    form.setFieldsValue(
      p === 'new'
        ? { question: '', answer: '', clause: '', topics: '' }
        : { ...p, clause: p.clause ?? '', topics: p.topics.join('，') },
    );
  }

  async function save() {
    const v = await form.validateFields();
    const body: PairInput = {
      question: v.question,
      answer: v.answer,
      documentId: v.documentId,
      clause: v.clause?.trim() ? v.clause.trim() : null,
      topics: (v.topics ?? '')
        .split(/[，,、\s]+/u)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    };
    setSaving(true);
    try {
      if (editing === 'new') await createPair(body);
      else if (editing) await updatePair(editing.id, body);
      message.success('已保存为草稿');
      setEditing(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  async function act(p: Pair, action: 'submit' | 'approve' | 'return') {
    try {
      await actOnPair(p.id, action);
      message.success({ submit: '已提交审核', approve: '已发布', return: '已退回' }[action]);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const reviewer = user !== null && can({ role: user.role }, 'pair.review');
  const columns: TableColumnsType<Pair> = [
    { title: '问题', dataIndex: 'question', key: 'question' },
    { title: '条款', dataIndex: 'clause', key: 'clause', width: 200 },
    {
      title: '主题',
      key: 'topics',
      width: 160,
      render: (_, p) => p.topics.map((t) => <Tag key={t}>{t}</Tag>),
    },
    {
      title: '状态',
      key: 'status',
      width: 140,
      render: (_, p) => (
        <Space>
          {PAIR_STATUS_LABELS[p.status]}
          {p.flagged && <Tag color="red">文件已失效，已撤下</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => open(p)}>
            修改
          </Button>
          {p.status === 'draft' && (
            <Button size="small" onClick={() => act(p, 'submit')}>
              提交审核
            </Button>
          )}
          {p.status === 'submitted' && reviewer && (
            <>
              <Button size="small" type="primary" onClick={() => act(p, 'approve')}>
                审核发布
              </Button>
              <Button size="small" onClick={() => act(p, 'return')}>
                退回
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="政策问答库" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space>
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={PAIR_STATUSES.map((s) => ({ value: s, label: PAIR_STATUS_LABELS[s] }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新增问答
          </Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Table rowKey="id" loading={loading} columns={columns} dataSource={data?.items ?? []} />
      </Space>
      <Modal
        title={editing === 'new' ? '新增问答' : '修改问答'}
        open={editing !== undefined}
        onOk={save}
        okText="保存为草稿"
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setEditing(undefined)}
      >
        <Form form={form} layout="vertical">
          <PairFields />
          <Form.Item name="clause" label="条款">
            <Input placeholder="例如：第二条" />
          </Form.Item>
          <Form.Item name="topics" label="主题" extra="多个主题用逗号分隔。">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
