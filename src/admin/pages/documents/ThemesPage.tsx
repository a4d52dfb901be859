import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { can } from '../../../modules/documents/domain/policies.ts';
import { errorMessage } from '../../api/client.ts';
import {
  type DocumentSettings,
  deleteTheme,
  getSettings,
  listThemes,
  saveTheme,
  type Theme,
  updateSettings,
} from '../../api/documents.ts';
import { useCurrentUser } from '../../auth/AuthContext.tsx';
import { EmptyText } from '../../components/documents/EmptyText.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useLoad } from '../../lib/useLoad.ts';

interface ThemeValues {
  name: string;
  description?: string;
  sortOrder?: number;
}

/** 特色主题 (e.g. 企业开办、就学、养老) and, for administrators, the 索引号 rule and review interval. */
export function ThemesPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const admin = can(user, 'settings');
  const { data, loading, error, reload } = useLoad(listThemes, []);
  const settings = useLoad(getSettings, []);
  const [editing, setEditing] = useState<Theme | null>();
  const [settingsOpen, setSettingsOpen] = useState(false);

  async function submit(values: ThemeValues) {
    await saveTheme(editing?.id ?? null, {
      name: values.name,
      description: values.description ?? '',
      sortOrder: values.sortOrder ?? 0,
    });
    setEditing(undefined);
    message.success('已保存特色主题');
    reload();
  }

  async function remove(id: number) {
    try {
      await deleteTheme(id);
      message.success('已删除特色主题');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function saveSettings(values: DocumentSettings) {
    await updateSettings(values);
    setSettingsOpen(false);
    message.success('已保存设置');
    settings.reload();
  }

  return (
    <>
      <PageTitle
        title="特色主题"
        extra={
          admin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新增主题
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Table<Theme>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>暂无特色主题</EmptyText> }}
          columns={[
            { title: '排序', dataIndex: 'sortOrder', width: 70 },
            { title: '主题', dataIndex: 'name', width: 160 },
            { title: '说明', dataIndex: 'description' },
            {
              title: '文件数',
              dataIndex: 'documentCount',
              width: 90,
              render: (n: number, t) => <Link to={`/documents?themeId=${t.id}`}>{n}</Link>,
            },
            ...(admin
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    width: 140,
                    render: (_: unknown, t: Theme) => (
                      <Space size={0}>
                        <Button type="link" aria-label={`修改主题：${t.name}`} onClick={() => setEditing(t)}>
                          修改
                        </Button>
                        <Popconfirm
                          title="删除这个特色主题？文件本身不受影响。"
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(t.id)}
                        >
                          <Button type="link" danger aria-label={`删除主题：${t.name}`}>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {settings.data && (
        <Card
          title="索引号规则与复审周期"
          extra={admin && <Button onClick={() => setSettingsOpen(true)}>修改</Button>}
        >
          <p>{`索引号规则：${settings.data.indexPattern}`}</p>
          <p style={{ color: 'rgba(0, 0, 0, 0.45)' }}>
            按国家政府信息公开目录惯例，索引号由机构代码（统一社会信用代码）、主题分类、年份和流水号组成，如
            11370800004234015Q-01-2026-00001。已生成的索引号不随规则改变。
          </p>
          <p
            style={{ marginBottom: 0 }}
          >{`依申请公开、不予公开文件的复审周期：${settings.data.reviewIntervalMonths} 个月`}</p>
        </Card>
      )}
      <FormModal<ThemeValues>
        open={editing !== undefined}
        title={editing ? '修改特色主题' : '新增特色主题'}
        fieldNames={['name', 'description', 'sortOrder']}
        initialValues={
          editing
            ? { name: editing.name, description: editing.description, sortOrder: editing.sortOrder }
            : { sortOrder: 0 }
        }
        onCancel={() => setEditing(undefined)}
        onSubmit={submit}
      >
        <Form.Item
          name="name"
          label="主题名称"
          rules={[{ required: true, whitespace: true, message: '请填写主题名称' }]}
        >
          <Input maxLength={50} placeholder="如 企业开办、就学、养老" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序">
          <InputNumber />
        </Form.Item>
      </FormModal>
      <FormModal<DocumentSettings>
        open={settingsOpen}
        title="索引号规则与复审周期"
        fieldNames={['indexPattern', 'reviewIntervalMonths']}
        initialValues={settings.data}
        onCancel={() => setSettingsOpen(false)}
        onSubmit={saveSettings}
      >
        <Form.Item
          name="indexPattern"
          label="索引号规则"
          extra="可用 {机构代码}（统一社会信用代码）、{主题分类}（两位数字，01 综合政务至 21 其他）、{体裁}（如 GF、TZ）、{年份}、{流水号:5}（5 位流水号）；须含年份和流水号"
          rules={[{ required: true, message: '请填写索引号规则' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="reviewIntervalMonths"
          label="复审周期（月）"
          rules={[{ required: true, message: '请填写复审周期' }]}
        >
          <InputNumber min={1} max={120} />
        </Form.Item>
      </FormModal>
    </>
  );
}
