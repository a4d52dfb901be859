import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { useAuth } from '../../../admin/auth/AuthContext.tsx';
import { PageTitle } from '../../../admin/components/PageTitle.tsx';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { can } from '../domain/policies.ts';
import { splitList } from '../domain/profile.ts';
import { createPackage, listPackages, type Package, updatePackage } from './api.ts';

type FormValues = {
  theme: string;
  title: string;
  summary?: string;
  documentIds?: string;
  qaPairIds?: string;
  published?: boolean;
};
const ids = (s?: string) =>
  splitList(s)
    .filter((x) => /^\d+$/.test(x))
    .map(Number);

/** 政策包: a theme's documents and Q&A pairs (by their numbers in the library and 政策问答库). */
export function PackagesPage() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const writer = session.status === 'signedIn' && can({ role: session.user.role }, 'package.write');
  const { data, loading, error, reload } = useLoad(() => listPackages(), []);
  const [editing, setEditing] = useState<Package | 'new'>();
  const [form] = Form.useForm<FormValues>();

  function open(p: Package | 'new') {
    setEditing(p);
    form.resetFields();
    if (p !== 'new')
      form.setFieldsValue({
        ...p,
        documentIds: p.documents.map((d) => d.id).join('，'),
        qaPairIds: p.qaPairs.map((q) => q.id).join('，'),
      });
  }

  async function save() {
    const v = await form.validateFields();
    const body = {
      theme: v.theme,
      title: v.title,
      summary: v.summary ?? '',
      documentIds: ids(v.documentIds),
      qaPairIds: ids(v.qaPairIds),
      published: v.published ?? false,
    };
    try {
      if (editing === 'new') await createPackage(body);
      else if (editing) await updatePackage(editing.id, body);
      message.success('政策包已保存');
      setEditing(undefined);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      <PageTitle title="政策包" />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新建政策包
          </Button>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        <Table
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          columns={[
            { title: '主题', dataIndex: 'theme', key: 'theme', width: 120 },
            { title: '名称', dataIndex: 'title', key: 'title' },
            {
              title: '政策文件',
              key: 'd',
              render: (_, p) => (
                <ul>
                  {p.documents.map((d) => (
                    <li key={d.id}>{d.title}</li>
                  ))}
                </ul>
              ),
            },
            { title: '问答', key: 'q', width: 80, render: (_, p) => `${p.qaPairs.length}条` },
            {
              title: '状态',
              key: 's',
              width: 90,
              render: (_, p) => (p.published ? <Tag color="green">已发布</Tag> : <Tag>未发布</Tag>),
            },
            ...(writer
              ? [
                  {
                    title: '操作',
                    key: 'a',
                    width: 90,
                    render: (_: unknown, p: Package) => (
                      <Button size="small" onClick={() => open(p)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <Modal
        title="政策包"
        open={editing !== undefined}
        onOk={save}
        okText="保存"
        cancelText="取消"
        onCancel={() => setEditing(undefined)}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="theme"
            label="主题"
            rules={[{ required: true, message: '请填写主题' }, { max: 50 }]}
          >
            <Input placeholder="例如：企业开办、稳岗补贴" />
          </Form.Item>
          <Form.Item
            name="title"
            label="名称"
            rules={[{ required: true, message: '请填写名称' }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="summary" label="简介">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="documentIds"
            label="政策文件编号"
            extra="政府文件库中已公开文件的编号，多个用逗号分隔。"
          >
            <Input />
          </Form.Item>
          <Form.Item name="qaPairIds" label="问答编号" extra="政策问答库中已发布问答的编号，多个用逗号分隔。">
            <Input />
          </Form.Item>
          <Form.Item name="published" valuePropName="checked">
            <Checkbox>在企业专属页面发布</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
