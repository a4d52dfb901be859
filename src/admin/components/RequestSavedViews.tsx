import { DeleteOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  createSavedView,
  deleteSavedView,
  listSavedViews,
  type SavedView,
  updateSavedView,
  type ViewFilter,
} from '../api/requestsAssistance.ts';
import { useLoad } from '../lib/useLoad.ts';
import { FormModal } from './FormModal.tsx';

const KEYS: (keyof ViewFilter)[] = ['stage', 'unitId', 'overdue', 'paused', 'dueWithin', 'q', 'assistance'];

/** The filter without empty values (false, '', undefined), so that equal filters compare equal. */
export function normalizeFilter(f: ViewFilter): ViewFilter {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) {
    const v = f[k];
    if (v !== undefined && v !== false && v !== '' && v !== null) out[k] = v;
  }
  return out as ViewFilter;
}

const sameFilter = (a: ViewFilter, b: ViewFilter) =>
  JSON.stringify(normalizeFilter(a), KEYS) === JSON.stringify(normalizeFilter(b), KEYS);

interface Props {
  /** The workbench's filter as shown now. */
  current: ViewFilter;
  onApply: (filter: ViewFilter) => void;
}

/** 我的常用筛选: the person's saved workbench filters — apply, save the current one, rename, delete. */
export function RequestSavedViews({ current, onApply }: Props) {
  const { message } = App.useApp();
  const loaded = useLoad(listSavedViews, []);
  const views = loaded.data ?? [];
  const active = views.find((v) => sameFilter(v.filter, current));
  const [editing, setEditing] = useState<{ view: SavedView | null } | null>(null);
  const [error, setError] = useState<string>();

  async function save(values: { name: string }) {
    if (editing?.view) {
      await updateSavedView(editing.view.id, { name: values.name.trim() });
      message.success('已重命名');
    } else {
      await createSavedView(values.name.trim(), normalizeFilter(current));
      message.success('已保存为常用筛选');
    }
    setEditing(null);
    loaded.reload();
  }

  async function remove(view: SavedView) {
    try {
      await deleteSavedView(view.id);
      message.success(`已删除“${view.name}”`);
      loaded.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <Space wrap aria-label="我的常用筛选" role="group" style={{ marginBottom: 16 }}>
        <Select
          aria-label="我的常用筛选"
          style={{ width: 200 }}
          placeholder={views.length ? '我的常用筛选' : '暂无常用筛选'}
          disabled={views.length === 0}
          value={active?.id}
          options={views.map((v) => ({ value: v.id, label: v.name }))}
          onChange={(id: number) => {
            const view = views.find((v) => v.id === id);
            if (view) onApply(view.filter);
          }}
        />
        <Button
          icon={<SaveOutlined aria-hidden />}
          disabled={!!active}
          onClick={() => setEditing({ view: null })}
        >
          保存当前筛选
        </Button>
        {active && (
          <>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ view: active })}>
              重命名
            </Button>
            <Popconfirm
              title={`删除常用筛选“${active.name}”？`}
              okText="删除"
              cancelText="取消"
              onConfirm={() => remove(active)}
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>
                删除
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
      {(loaded.error || error) && (
        <Alert
          type="error"
          showIcon
          title={loaded.error ?? error}
          closable={{ onClose: () => setError(undefined) }}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormModal<{ name: string }>
        open={editing !== null}
        title={editing?.view ? '重命名常用筛选' : '保存当前筛选'}
        okText="保存"
        fieldNames={['name']}
        initialValues={{ name: editing?.view?.name ?? '' }}
        onCancel={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写名称' },
            { max: 40, message: '名称不超过40个字' },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
    </>
  );
}
